"""Command-line conventions: -h, '-' for stdin and stdout, stdout for results only, colour and width, dates."""

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.paths import STATUTES

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DRAFT = STATUTES / "la" / "drafts" / "possession-and-grooming.yaml"
GAPCHECK = [sys.executable, "-m", "gapcheck.cli"]


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["init", "-h"]])
def test_h_is_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("Usage: gapcheck")


def test_shell_completion_is_documented_and_works() -> None:
    assert (
        "_GAPCHECK_COMPLETE=bash_source gapcheck"
        in subprocess.run([*GAPCHECK, "-h"], capture_output=True, text=True, check=True).stdout
    )
    script = Path(sys.executable).parent / "gapcheck"
    env = {**os.environ, "_GAPCHECK_COMPLETE": "bash_source"}
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, check=False)
    assert "complete -o nosort -F _gapcheck_completion gapcheck" in done.stdout


def test_a_draft_on_standard_input(monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(DRAFT.read_text(encoding="utf-8")))
    assert main(["diff", "-a", "-", "--format", "json"]) == 0
    from_stdin = json.loads(capsys.readouterr().out)
    assert main(["diff", "-a", str(DRAFT), "--format", "json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert from_stdin["changes"] == from_file["changes"] and from_stdin["improved"] > 0


def test_one_report_format_to_standard_output_and_messages_to_standard_error(capsys, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--format", "json", "--out", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["jurisdiction"] == "la"
    assert captured.err == "" and not (tmp_path / "out").exists()
    assert main(["report", "--format", "json,md", "--out", "-"]) == 2
    assert "--out - writes one file" in capsys.readouterr().err
    assert main(["report", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "gapcheck: wrote out/la-report.json\n"
    assert main(["--quiet", "report", "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def _on_a_terminal(args: list[str], **env: str) -> str:
    """Run gapcheck with a pseudo-terminal as standard output; what it printed."""
    main_fd, child_fd = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")} | env
    proc = subprocess.Popen([*GAPCHECK, *args], stdout=child_fd, stderr=subprocess.DEVNULL, env=environ)
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait()
    os.close(main_fd)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    assert ANSI.search(_on_a_terminal(["check"]))
    assert not ANSI.search(_on_a_terminal(["check"], NO_COLOR="1"))
    piped = subprocess.run([*GAPCHECK, "check"], capture_output=True, text=True, check=True).stdout
    assert not ANSI.search(piped) and "GAP      csam-possession" in piped


def test_text_wraps_to_the_terminal_width() -> None:
    text = ANSI.sub("", _on_a_terminal(["check", "--explain"], COLUMNS="70"))
    assert all(len(line) <= 70 or len(line.split()) == 1 for line in text.splitlines())  # a long id is not cut
    piped = subprocess.run([*GAPCHECK, "check", "--explain"], capture_output=True, text=True, check=True).stdout
    assert max(len(line) for line in piped.splitlines()) > 70  # not a terminal: one line per statement
    assert " ".join(text.split()) == " ".join(piped.split())  # the same words


@pytest.mark.parametrize("value", ["2016", "20161231", "2016-W01-1", "2016-02-30", "16/11/2017"])
def test_dates_are_yyyy_mm_dd_only(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--as-of", value]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err or value == "2016-02-30"


def test_an_expectation_file_with_a_year_for_a_date_is_an_error(tmp_path, capsys):  # type: ignore[no-untyped-def]
    spec = tmp_path / "e.gapcheck.yaml"
    spec.write_text("name: n\nas_of: 2016\nexpect: {grooming: gap}\n", encoding="utf-8")
    assert main(["test", str(spec)]) == 2
    err = capsys.readouterr().err
    assert "e.gapcheck.yaml:2:" in err and "write YYYY-MM-DD" in err, err
