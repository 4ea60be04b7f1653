"""Issue 12: one boundary in main; a closed or full standard output ends quietly (reproducer 18)."""

import os
import subprocess
import sys

import pytest

from gapcheck.cli import main
from gapcheck.commands.exit_codes import EXIT_INPUT, EXIT_INTERNAL
from gapcheck.workspace import Workspace
from tests.conftest import ROOT


@pytest.fixture
def broken_engine(monkeypatch):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the engine broke\nover two lines")

    monkeypatch.setattr(Workspace, "open", classmethod(fail))


def test_an_internal_error_is_one_line_and_exit_70(capsys, broken_engine) -> None:  # type: ignore[no-untyped-def]
    assert main(["check"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "gapcheck: internal error: RuntimeError: the engine broke over two lines "
        "(a bug; rerun with --debug to see the traceback)"
    ]


@pytest.mark.parametrize("argv", [["--debug", "check"], ["check", "--debug"]])
def test_debug_shows_the_traceback(capsys, broken_engine, argv) -> None:  # type: ignore[no-untyped-def]
    assert main(argv) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):") and "RuntimeError: the engine broke" in err
    assert err.splitlines()[-1] == "gapcheck: internal error: RuntimeError: the engine broke over two lines"


def test_an_interrupt_is_not_a_traceback(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Workspace, "open", classmethod(interrupt))
    assert main(["check"]) in (EXIT_INPUT, 130)
    assert "Traceback" not in capsys.readouterr().err


def _check_into(stdout: int | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gapcheck.cli", "check", "--explain"],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_a_closed_pipe_ends_quietly() -> None:
    read, write = os.pipe()
    os.close(read)  # like `gapcheck check | head -0`
    try:
        done = _check_into(write)
    finally:
        os.close(write)
    assert done.returncode == EXIT_INPUT and done.stderr == ""


def test_a_full_standard_output_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        done = _check_into(full.fileno())
    assert done.returncode == EXIT_INPUT
    assert done.stderr == "gapcheck: cannot write to standard output: No space left on device\n"


def test_a_closed_standard_output_is_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gapcheck.cli", "check"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == EXIT_INPUT
    assert done.stderr == "gapcheck: cannot write to standard output: standard output is closed\n"


def test_a_terminal_that_cannot_hold_a_character_gets_its_escape() -> None:
    """On a latin-1 terminal the report is written whole, each character it cannot hold escaped (it was exit 70)."""
    encoding = "latin-1"
    run = [sys.executable, "-m", "gapcheck.cli", "check", "--explain"]
    env = {**os.environ, "GAPCHECK_NO_CACHE": "1"}
    utf8 = subprocess.run(run, capture_output=True, cwd=ROOT, check=False, env={**env, "PYTHONIOENCODING": "utf-8"})
    narrow = subprocess.run(run, capture_output=True, cwd=ROOT, check=False, env={**env, "PYTHONIOENCODING": encoding})
    assert (narrow.returncode, narrow.stderr) == (utf8.returncode, b"")
    text = utf8.stdout.decode("utf-8")
    assert any(ord(c) > 255 for c in text)  # the report holds characters latin-1 has not
    assert narrow.stdout.decode(encoding) == text.encode(encoding, "backslashreplace").decode(encoding)
