"""Each command imports only what it needs (issue 14): a module imported at start-up costs every command."""

import json
import subprocess
import sys

HEAVY = ("pydantic.main", "jinja2", "openpyxl", "ruamel.yaml", "durable.lang", "gapcheck.models")


def imported_by(*args: str) -> set[str]:
    """The modules loaded once `gapcheck ARGS` has run, in a fresh interpreter."""
    script = (
        "import json, sys\n"
        "from gapcheck.cli import main\n"
        f"code = main({list(args)!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_version_imports_neither_models_nor_rules_nor_renderers() -> None:
    assert imported_by("--version") & set(HEAVY) == set()


def test_check_imports_no_spreadsheet_writer() -> None:
    loaded = imported_by("check", "--format", "json")
    assert "openpyxl" not in loaded and "gapcheck.output.xlsx_out" not in loaded
