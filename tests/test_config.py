"""One configuration for every command: found upwards, overridden by GAPCHECK_ variables and options."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gapcheck import config
from gapcheck.cli import main
from gapcheck.paths import STATUTES
from tests.conftest import INDEX, write_tree

OFFENCE_ACT = """\
instrument: {title: Act, kind: law, source: test fixture}
provisions:
  - id: art-1
    heading: Possession
    source: test fixture
    offences:
      - {id: o, conduct: [possess], object: child_sexual_abuse_material, source: test fixture}
"""


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An analyst's repository with jurisdiction `tl`, configured in pyproject.toml; cwd in a subfolder."""
    for key in config.KEYS + ("config",):
        monkeypatch.delenv(config.ENV_PREFIX + key.upper(), raising=False)
    root = write_tree(
        tmp_path / "repo",
        {
            "pyproject.toml": '[project]\nname = "x"\n\n[tool.gapcheck]\nstatutes = "law"\njurisdiction = "tl"\n',
            "law/tl/_jurisdiction.yaml": INDEX,
            "law/tl/act.yaml": OFFENCE_ACT,
            "notes/.keep": "",
        },
    )
    monkeypatch.chdir(root / "notes")
    return root


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if code == 0 else {}), captured.err


def test_the_configuration_is_found_upwards_and_its_paths_are_relative_to_it(corpus, capsys):  # type: ignore[no-untyped-def]
    code, data, _ = _check(capsys)
    assert code == 0
    assert data["jurisdiction"] == "tl" and data["as_of"] == "2020-01-01"
    found = config.find(Path.cwd())
    assert found is not None and found[0] == corpus / "pyproject.toml"


def test_gapcheck_toml_is_found_too(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    write_tree(tmp_path, {"gapcheck.toml": 'out = "reports"\n', "a/b/.keep": ""})
    monkeypatch.delenv("GAPCHECK_OUT", raising=False)
    settings = config.load(start=tmp_path / "a" / "b", environ={})
    assert settings.out == tmp_path / "reports"
    assert settings.file == tmp_path / "gapcheck.toml"


def test_environment_overrides_the_file_and_options_override_both(corpus, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GAPCHECK_JURISDICTION", "model")
    assert _check(capsys)[1]["jurisdiction"] == "model"
    assert _check(capsys, "-j", "tl")[1]["jurisdiction"] == "tl"
    monkeypatch.setenv("GAPCHECK_STATUTES", str(corpus / "nowhere"))
    assert _check(capsys, "-j", "tl")[0] == 2
    assert _check(capsys, "-j", "tl", "--statutes", str(corpus / "law"))[0] == 0


def test_your_statutes_come_first_and_the_bundled_ones_stay_reachable(corpus, capsys):  # type: ignore[no-untyped-def]
    assert _check(capsys, "-j", "la")[1]["as_of"] == "2017-11-16"  # not in the user's statutes: bundled
    write_tree(corpus / "law" / "la", {"_jurisdiction.yaml": INDEX, "act.yaml": OFFENCE_ACT})
    code, data, err = _check(capsys, "-j", "la")
    assert code == 0 and data["as_of"] == "2020-01-01"  # the user's own la
    assert "jurisdiction 'la': using " in err and str(STATUTES.resolve() / "la") in err


def test_a_folder_in_the_working_directory_never_shadows_a_code_silently(corpus, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    shutil.copytree(corpus / "law" / "tl", corpus / "model")
    monkeypatch.chdir(corpus)
    code, data, err = _check(capsys, "-j", "model")
    assert code == 0 and data["as_of"] == "2026-01-01"  # the bundled reference law, not ./model
    assert "model/ in the working directory (write ./model to use it)" in err
    assert _check(capsys, "-j", "./model")[1]["as_of"] == "2020-01-01"


def test_reports_go_to_out_in_the_working_directory(corpus, capsys):  # type: ignore[no-untyped-def]
    assert main(["report", "--format", "json"]) == 0
    assert (Path.cwd() / "out" / "tl-report.json").is_file()
    assert "wrote out/tl-report.json" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text,fragment,line",
    [
        ("[tool.gapcheck]\nstatute = 'law'\n", "unknown key 'statute' (did you mean 'statutes'?)", 2),
        ("[tool.gapcheck]\nout = 3\n", "'out' must be a non-empty string", 2),
        ("[tool.gapcheck]\nout = 'a\n", "TOML: ", 2),
    ],
)
def test_a_bad_configuration_is_located(tmp_path, monkeypatch, capsys, text, fragment, line):  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert f"pyproject.toml:{line}:" in err and fragment in err, err


def test_the_pytest_plugin_reads_the_configuration_and_the_ini_options(corpus: Path) -> None:
    write_tree(
        corpus,
        {
            "expectations/tl.gapcheck.yaml": "name: possession\nexpect: {csam-possession: met}\n",
            "other/tl/_jurisdiction.yaml": INDEX,
            "other/tl/act.yaml": OFFENCE_ACT.replace("[possess]", "[produce]"),
        },
    )

    def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, "expectations"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )

    first = pytest_in(corpus)
    assert first.returncode == 0 and "1 passed" in first.stdout, first.stdout
    (corpus / "pytest.ini").write_text("[pytest]\ngapcheck_statutes = other\n", encoding="utf-8")
    second = pytest_in(corpus)
    assert second.returncode == 1 and "csam-possession: expected met, got" in second.stdout, second.stdout


def test_your_templates_come_before_the_bundled_ones(corpus, capsys):  # type: ignore[no-untyped-def]
    write_tree(corpus, {"templates/report.md": "{{ title }}: our own template\n"})
    (corpus / "pyproject.toml").write_text(
        '[tool.gapcheck]\nstatutes = "law"\njurisdiction = "tl"\ntemplates = "templates"\n', encoding="utf-8"
    )
    assert main(["report", "--format", "md,html"]) == 0
    out = Path.cwd() / "out"
    assert (out / "tl-report.md").read_text(encoding="utf-8") == "Gap report: Testland: our own template\n"
    assert "<!DOCTYPE html>" in (out / "tl-report.html").read_text(encoding="utf-8")  # bundled
