"""Each command imports only what it needs (issue 14): a module imported at start-up costs every command."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

HEAVY = ("pydantic.main", "jinja2", "openpyxl", "ruamel.yaml", "durable.lang", "gapcheck.models")


def imported_by(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules loaded once `gapcheck ARGS` has run, in a fresh interpreter."""
    script = (
        "import json, sys\n"
        "from gapcheck.cli import main\n"
        f"code = main({list(args)!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_version_imports_neither_models_nor_rules_nor_renderers() -> None:
    assert imported_by("--version") & set(HEAVY) == set()


def test_check_imports_no_spreadsheet_writer() -> None:
    loaded = imported_by("check", "--format", "json")
    assert "openpyxl" not in loaded and "gapcheck.output.xlsx_out" not in loaded
    assert "gapcheck.amendment" not in loaded  # no draft applied


def test_a_text_check_imports_neither_the_json_writer_nor_the_comparison_of_drafts() -> None:
    assert {"gapcheck.output.json_out", "gapcheck.diff"} & imported_by("check") == set()
    assert "gapcheck.output.json_out" in imported_by("check", "--format", "json")


def test_check_on_a_warm_cache_parses_no_yaml_and_renders_no_template(tmp_path: Path) -> None:
    env = {**os.environ, "GAPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("GAPCHECK_NO_CACHE", None)
    assert "ruamel.yaml" in imported_by("check", env=env)  # the cold run fills the cache
    warm = imported_by("check", env=env)
    assert {"ruamel.yaml", "jinja2", "openpyxl"} & warm == set()
    assert "durable.lang" in warm  # it does evaluate


def test_validating_a_draft_loads_no_rule_set() -> None:
    loaded = imported_by("validate", str(ROOT / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"))
    assert {"durable.lang", "gapcheck.rules.base", "gapcheck.findings", "jinja2", "openpyxl"} & loaded == set()


def test_a_text_check_builds_no_validator_for_the_findings_it_only_constructs() -> None:
    script = (
        "import contextlib, io, json\n"
        "from gapcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check'])\n"
        "from gapcheck import findings\n"
        "names = ('Finding', 'Criterion', 'CheckOutput')\n"
        "print(json.dumps({n: getattr(findings, n).__pydantic_complete__ for n in names}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == {"Finding": False, "Criterion": False, "CheckOutput": False}


def plugins_scanned(env: dict[str, str]) -> bool:
    """Whether a whole `gapcheck check` process looked for pydantic plugins (read every distribution's metadata)."""
    script = (
        "import contextlib, io, sys\n"
        "from gapcheck.cli import main\n"
        "sys.argv = ['gapcheck', 'check']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        "loader = vars(sys.modules['pydantic.plugin._loader'])\n"
        "print(loader.get('_plugins') is not None, 'importlib.metadata' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    scanned, metadata = done.stdout.splitlines()[-1].split()
    assert scanned == metadata, "pydantic's loader imports importlib.metadata to scan, and only then"
    return scanned == "True"


def test_a_cold_check_looks_for_no_pydantic_plugins_unless_asked_to() -> None:
    env = {**os.environ, "GAPCHECK_NO_CACHE": "1"}  # validates the models: pydantic builds its validators
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    assert not plugins_scanned(env)
    assert not plugins_scanned({**env, "PYDANTIC_DISABLE_PLUGINS": "true"})
    assert plugins_scanned({**env, "PYDANTIC_DISABLE_PLUGINS": ""})  # the user's setting wins
    assert plugins_scanned({**env, "PYDANTIC_DISABLE_PLUGINS": "some-plugin"})  # only that one is left out


def test_the_stand_in_loader_hands_a_later_pydantic_what_the_real_one_has() -> None:
    """A pydantic that asks its loader for more than `get_plugins` gets pydantic's own loader, not an error."""
    script = (
        "import os, sys\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
        "from gapcheck import cli\n"
        "cli._no_plugin_loader()\n"
        "from pydantic.plugin import _loader\n"
        "print(list(_loader.get_plugins()), 'importlib.metadata' in sys.modules)\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "print(PYDANTIC_ENTRY_POINT_GROUP, sys.modules['pydantic.plugin._loader'] is not _loader)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[] False", "pydantic True"]


def test_no_loaded_model_has_a_builtin_default_factory() -> None:
    """pydantic parses a builtin factory's text signature (the tokenizer) for every field it builds: the models a
    cold check validates use gapcheck.values.empty_list, and each instance still gets its own list."""
    from pydantic import BaseModel

    from gapcheck import models, standard
    from gapcheck.values import empty_list

    classes = [c for m in (models, standard) for c in vars(m).values() if isinstance(c, type)]
    factories = {
        (c.__name__, name): f.default_factory
        for c in classes
        if issubclass(c, BaseModel)
        for name, f in c.model_fields.items()
        if f.default_factory is not None
    }
    assert factories and not [k for k, f in factories.items() if isinstance(f, type) and f is not dict]
    assert models.StatuteFile.model_fields["terms"].default_factory is empty_list
    assert empty_list() == [] and empty_list() is not empty_list()


def test_a_check_with_no_settings_file_imports_no_toml_parser(tmp_path: Path) -> None:
    script = (
        "import contextlib, io, sys\n"
        "from gapcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check'])\n"
        "print('tomllib' in sys.modules)\n"
    )
    env = {**os.environ, "GAPCHECK_NO_CACHE": "1"}

    def toml_imported() -> bool:
        argv = [sys.executable, "-c", script]
        done = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=tmp_path, env=env)
        return done.stdout.splitlines()[-1] == "True"

    assert not toml_imported()
    (tmp_path / "gapcheck.toml").write_text('jurisdiction = "la"\n', encoding="utf-8")
    assert toml_imported()  # a settings file is still read


def test_a_whole_process_collects_garbage_again_once_its_command_is_loaded() -> None:
    """A gapcheck process pauses the collector while the command's modules load, then collects as usual
    (with what was loaded frozen); main() called in-process, as tests do, leaves the collector alone."""
    script = (
        "import contextlib, gc, io, json, sys\n"
        "from gapcheck.cli import main\n"
        "sys.argv = ['gapcheck', 'validate', sys.argv[1]]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        "whole = (gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "gc.unfreeze()\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['validate', sys.argv[1]])\n"
        "print(json.dumps([whole, (gc.isenabled(), gc.get_freeze_count())]))\n"
    )
    draft = str(ROOT / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml")
    env = {**os.environ, "GAPCHECK_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", script, draft], capture_output=True, text=True, check=True, env=env)
    assert json.loads(done.stdout.splitlines()[-1]) == [[True, True], [True, 0]]


def test_the_bundled_data_is_found_where_importlib_resources_finds_it_without_importing_it() -> None:
    from importlib import resources

    from gapcheck import paths

    assert paths.package_folder() == resources.files(paths.PACKAGE)
    assert paths.STATUTES == resources.files(paths.PACKAGE) / "statutes" and paths.STATUTES.is_dir()
    script = (  # a whole process (main() with no arguments): pydantic's plugin loader is not imported
        "import contextlib, io, json, sys\n"
        "from gapcheck.cli import main\n"
        "sys.argv = ['gapcheck', 'check']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "GAPCHECK_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    loaded = set(json.loads(done.stdout))
    assert "gapcheck.paths" in loaded and "importlib.resources" not in loaded
