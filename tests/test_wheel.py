"""The wheel, installed as an analyst would, works outside the repository.

The wheel is built once per session from a copy of the checkout (so that the build writes
nothing into it) and installed into a fresh virtual environment with the `analyst` extra;
pip reuses its cache, so durable-rules is compiled once per machine, not per run. The
README's set-up block is then run verbatim from a temporary folder, with HOME pointed there.
"""

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gapcheck.commands.init import render

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    """The fenced block that follows `<!-- marker -->` in the README."""
    found = re.search(rf"<!-- {re.escape(marker)} -->\n```\w*\n(.*?)```", README, re.DOTALL)
    assert found, f"README.md has no block marked <!-- {marker} -->"
    return found.group(1)


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done  # type: ignore[no-any-return]


def _source_files() -> list[str]:
    """The checkout's files: tracked, and new but not ignored."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"], capture_output=True, check=False
    )
    assert done.returncode == 0, "the wheel test needs a git checkout"
    return [f for f in done.stdout.decode().split("\0") if f]


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtual environment holding the wheel and the analyst extra (pytest, pre-commit)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    for name in _source_files():
        src, dst = ROOT / name, source / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            dst.symlink_to(os.readlink(src))
        elif src.is_file():
            shutil.copy2(src, dst)
    wheels = base / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)])
    (wheel,) = wheels.glob("gapcheck-*.whl")
    env = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(env)])
    pip = [sys.executable, "-m", "pip", "--python", str(env / "bin" / "python")]
    assert 'pip install "gapcheck[analyst] @' in _block("install: the wheel test installs its wheel with this extra")
    _run([*pip, "install", "-q", f"{wheel}[analyst]"])
    yield env


def test_the_wheel_claims_only_the_gapcheck_namespace(venv: Path) -> None:
    shown = _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "show", "-f", "gapcheck"])
    files = [line.strip() for line in shown.stdout.split("Files:", 1)[1].splitlines() if line.strip()]
    tops = {f.split("/")[0] for f in files if not f.startswith("..")}
    assert tops == {"gapcheck", "gapcheck-0.1.0.dist-info"}, tops
    expected = {
        "gapcheck/" + str(p.relative_to(ROOT))
        for folder in ("statutes", "standards", "reports", "schemas")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected <= set(files), sorted(expected - set(files))


def test_an_analyst_repository_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    """The README's set-up block, verbatim, with the installed wheel; nothing written outside tmp_path."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAPCHECK_", "PYTHON", "VIRTUAL_ENV"))}
    pip_cache = _run([sys.executable, "-m", "pip", "cache", "dir"]).stdout.strip()
    user_config = [p for p in (Path.home() / ".config/pip/pip.conf", Path.home() / ".pip/pip.conf") if p.is_file()]
    if user_config and "PIP_CONFIG_FILE" not in env:
        env["PIP_CONFIG_FILE"] = str(user_config[0])  # the same index with HOME moved
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(home),
        TMPDIR=str(tmp_path),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit"),
        PIP_CACHE_DIR=pip_cache,  # the hook environment reuses the compiled durable-rules
        GAPCHECK_SOURCE=str(ROOT),
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    before = _untouched(venv)
    script = "set -euo pipefail\nset -x\n" + _block("set-up: run by tests/test_wheel.py")
    done = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    corpus = work / "corpus"
    out = sorted(p.name for p in (corpus / "out").iterdir())
    assert out == sorted(
        ["xx-report.md", "xx-report.html", "xx-report.json", "xx-report.csv"]
        + ["matrix.html", "matrix.md", "matrix.csv", "matrix.xlsx"]
    )
    assert re.search(r"^1 passed, 0 failed$", done.stdout, re.MULTILINE)  # gapcheck test
    assert re.search(r"=+ 1 passed in ", done.stdout)  # the pytest plugin collected the expectation file
    assert re.search(r"gapcheck validate\.+Passed", done.stdout) and re.search(r"gapcheck test\.+Passed", done.stdout)
    assert _untouched(venv) == before, "a command wrote into the checkout or the installation"


def _untouched(venv: Path) -> tuple[str, list[str]]:
    """What must not change: the checkout's status (ignored files too) and the installation's files."""
    status = _run(["git", "-C", str(ROOT), "status", "--porcelain", "--ignored", "--untracked-files=all"]).stdout
    installed = sorted(str(p.relative_to(venv)) for p in venv.rglob("*") if "__pycache__" not in p.parts)
    return status, installed


def test_the_readme_ci_section_is_the_scaffolded_workflow() -> None:
    workflow = render("xx", "x", "https://example.org/gapcheck.git", "v0.1.0")[".github/workflows/gapcheck.yml"]
    assert _block("ci: written by gapcheck init") == workflow
    ran = _block("set-up: run by tests/test_wheel.py")
    for step in re.findall(r"- run: (gapcheck .*)", workflow):
        assert step in ran, step


def test_python_3_13_is_refused_with_the_reason() -> None:
    """The build backend runs before anything is built from source, and says why."""
    probe = (
        "import sys; sys.version_info = (3, 13, 0, 'final', 0); "
        f"sys.path.insert(0, {str(ROOT / 'build_backend')!r}); import gapcheck_build"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "gapcheck supports Python 3.11 and 3.12, not 3.13" in done.stderr
    assert "durable-rules 2.0.28" in done.stderr and "PyEval_CallObject" in done.stderr
    assert "Traceback" not in done.stderr
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11,<3.13"' in pyproject and 'build-backend = "gapcheck_build"' in pyproject
