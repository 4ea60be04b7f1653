"""Issue 12, reproducers 10-13, 15 and 16: report sets are switched whole, and their cells are inert.

A reader who opens the output folder and reads the files relative to it
(as any program holding the folder does) sees the old complete set or the new
complete set, whatever happens to the writer: a failed write, a full disk, a
kill -9, or a second run into the same folder.
"""

import csv
import errno
import io
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gapcheck.cli import main
from gapcheck.output import files as writer
from gapcheck.output.csv_out import FORMULA_START
from tests.conftest import ROOT
from tests.test_hostile_inputs import limited_run

REPORT = ("la-report.md", "la-report.html", "la-report.json", "la-report.csv")


def snapshot(folder: Path) -> dict[str, bytes]:
    """The files of a folder as one reader sees them: the folder is opened once, its files read through it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        out = {}
        for name in sorted(os.listdir(fd)):
            with open(os.open(name, os.O_RDONLY, dir_fd=fd), "rb") as handle:
                out[name] = handle.read()
        if os.fstat(fd).st_nlink == 0:  # removed while read (an old set after the switch): not a set at all
            raise FileNotFoundError(folder)
        return out
    finally:
        os.close(fd)


def leftovers(folder: Path) -> list[str]:
    """Temporary entries beside or inside the folder."""
    beside = [p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.")]
    inside = [p.name for p in folder.iterdir() if p.name.startswith(".")] if folder.exists() else []
    return beside + inside


@pytest.fixture(scope="module")
def sets(tmp_path_factory) -> dict[str, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    """The two complete report sets the tests switch between: the law of 2017 and of mid-2016."""
    root = tmp_path_factory.mktemp("sets")
    assert main(["report", "--out", str(root / "new")]) == 0
    assert main(["report", "--as-of", "2016-06-01", "--out", str(root / "old")]) == 0
    new, old = snapshot(root / "new"), snapshot(root / "old")
    assert set(new) == set(old) == set(REPORT) and new != old
    return {"old": old, "new": new}


def seed(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)


# 10. --out naming a file or a dangling symlink gave a FileExistsError traceback.
def test_out_must_be_a_folder(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.txt"
    target.write_text("mine", encoding="utf-8")
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    assert main(["report", "--out", str(target)]) == 2
    assert main(["report", "--out", str(dangling)]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "is a symbolic link to nothing" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "mine" and not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "report.txt"]


# 11. A write failing part-way left a mixed set and a traceback.
def test_a_write_failing_part_way_changes_nothing(capsys, tmp_path, monkeypatch, sets) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    seed(out, sets["old"])
    (out / "notes.txt").write_text("the analyst's own file", encoding="utf-8")
    real, calls = writer._write, []

    def failing(path: Path, content: str | bytes) -> None:
        calls.append(path.name)
        if len(calls) == 3:
            raise OSError(errno.EIO, "Input/output error")
        real(path, content)

    monkeypatch.setattr(writer, "_write", failing)
    assert main(["report", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot write the reports to" in err and "nothing was changed" in err and "Traceback" not in err
    assert snapshot(out) == {**sets["old"], "notes.txt": b"the analyst's own file"}
    assert leftovers(out) == []


def test_a_folder_in_the_place_of_a_report_file_is_kept(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    (out / "la-report.md").mkdir(parents=True)
    (out / "la-report.md" / "mine.txt").write_text("mine", encoding="utf-8")
    assert main(["report", "--out", str(out)]) == 2
    assert "la-report.md is a folder: move it" in capsys.readouterr().err
    assert (out / "la-report.md" / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["la-report.md"] and leftovers(out) == []


def test_files_beside_the_set_are_kept(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    seed(out, sets["old"])
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "sub").mkdir()
    (out / "sub" / "deep.txt").write_text("deep", encoding="utf-8")
    (out / ".la-report.csv.x8k2").write_text("a temporary file of an older gapcheck", encoding="utf-8")
    assert main(["report", "--out", str(out)]) == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "sub" / "deep.txt").read_text(encoding="utf-8") == "deep"
    assert {n: (out / n).read_bytes() for n in REPORT} == sets["new"]
    assert leftovers(out) == []


# 12. A full disk (here a file-size limit) gave an OSError traceback and half a set.
def test_a_full_disk_changes_nothing(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    seed(out, sets["old"])
    smallest_large = sorted(len(c) for c in sets["new"].values())[-2]
    done = limited_run("report", "--out", str(out), fsize=smallest_large - 1)
    assert done.returncode == 2, done.stderr
    assert "cannot write the reports to" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(out) == sets["old"]
    assert leftovers(out) == []


def _report_into(out: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "gapcheck.cli", "report", "--out", str(out), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )


# 13. Two runs into one folder at once could mix their sets.
def test_concurrent_runs_into_one_folder_never_mix(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    seed(out, sets["old"])
    seen: list[dict[str, bytes]] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                seen.append(snapshot(out))
            except FileNotFoundError:
                pass  # the old set was removed while read: its reader opens the folder again
            time.sleep(0.005)

    reader = threading.Thread(target=read)
    reader.start()
    runs = [_report_into(out), _report_into(out, "--as-of", "2016-06-01")]
    codes = [p.wait(timeout=120) for p in runs]
    done.set()
    reader.join()
    assert codes == [0, 0]
    assert seen and all(s in (sets["old"], sets["new"]) for s in seen)
    assert snapshot(out) in (sets["old"], sets["new"])
    assert leftovers(out) == []


# 13. A killed run left orphan temporary files, and could leave a mixed set.
def test_kill_9_at_any_moment_leaves_a_complete_set(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    seed(out, sets["old"])
    started = time.monotonic()
    assert _report_into(out).wait(timeout=120) == 0
    whole = time.monotonic() - started
    seed(out, sets["old"])
    rnd = random.Random(12)
    for k in range(4):
        run = _report_into(out)
        time.sleep(whole * (0.55 + 0.12 * k + rnd.uniform(0, 0.05)))  # the write comes at the end
        run.kill()
        run.wait()
        assert snapshot(out) in (sets["old"], sets["new"]), f"mixed set after a kill at step {k}"
    assert _report_into(out, "--as-of", "2016-06-01").wait(timeout=120) == 0
    assert snapshot(out) == sets["old"]
    assert leftovers(out) == []  # stale temporary folders of killed runs were removed


def test_a_stale_lock_of_a_killed_run_does_not_block(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    # flock is released by the kernel when its holder dies: no lock file to clean up
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.stdout.close()
    waiting = _report_into(out)
    time.sleep(0.5)
    assert waiting.poll() is None  # it waits for the lock
    holder.kill()
    holder.wait()
    assert waiting.wait(timeout=120) == 0
    assert snapshot(out) == sets["new"]


def test_a_lock_held_too_long_is_a_clear_error(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import fcntl

    monkeypatch.setattr(writer, "LOCK_WAIT", 0.2)
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        # a second open file description: the same process is refused like another one
        assert main(["report", "--format", "md", "--out", str(tmp_path / "out")]) == 2
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert "another gapcheck run has been writing beside" in err and "nothing was changed" in err
    assert not (tmp_path / "out").exists()


def test_sigterm_during_the_write_removes_the_temporary_folder(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import signal

    real = writer._write

    def interrupted(path: Path, content: str | bytes) -> None:
        real(path, content)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(writer, "_write", interrupted)
    with pytest.raises(SystemExit):
        writer.write_set(tmp_path / "out", {"a.md": "a", "b.md": "b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# 15. Formula injection: CSV cells and an XLSX title beginning with = + - @ were live formulas.
HOSTILE_STANDARDS = {
    "    title: Sale of children as an offence in its own right": '    title: "=HYPERLINK(\\"http://e.example\\",\\"x\\")"',
    "    title: Offering, delivering or accepting a child for sexual exploitation": '    title: "+1+2"',
    "    title: Offering, delivering or accepting a child for forced labour": "    title: \"-3+cmd|' /C calc'!A0\"",
    "  short: OPSC": '  short: "@SUM(1+1)"',
}


def test_no_cell_of_any_csv_or_xlsx_is_a_formula(tmp_path: Path) -> None:
    standards = tmp_path / "standards"
    shutil.copytree(ROOT / "standards", standards)
    opsc = standards / "opsc.yaml"
    text = opsc.read_text(encoding="utf-8")
    for plain, hostile in HOSTILE_STANDARDS.items():
        assert plain in text
        text = text.replace(plain, hostile, 1)
    opsc.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "--standards", str(standards), "--out", str(out)]) == 0
    draft = str(ROOT / "statutes" / "la" / "drafts" / "repeal-art-86.yaml")
    assert main(["matrix", "--standards", str(standards), "--out", str(out), "-a", draft]) == 0
    hostile_cells = 0
    for path in sorted(out.glob("*.csv")):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                assert not cell.startswith(FORMULA_START), (path.name, cell)
                hostile_cells += cell.startswith(("'=", "'+", "'-", "'@"))
    assert hostile_cells >= 4  # the hostile titles did reach the CSVs, neutralised
    book = openpyxl.load_workbook(out / "matrix.xlsx")
    prefixed = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    assert cell.quotePrefix, cell.coordinate
                    prefixed += 1
    assert prefixed >= 3
    with zipfile.ZipFile(out / "matrix.xlsx") as raw:
        sheets = [raw.read(n).decode() for n in raw.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(r"<(\w+:)?f[ >]", s) for s in sheets)


# 16. Markdown injection: a heading could inject a heading, a link or a remote image.
def test_markdown_output_is_inert(jurisdiction, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    heading = (
        "a\\n## injected ![img](http://e.example/i.png) [link](http://e.example) <img src=x> *b* `c` | d\\u2028# e"
    )
    folder = jurisdiction(
        {
            "act.yaml": f"""\
        instrument: {{title: "# Act [x](http://e.example)", kind: law, source: test ¶1}}
        provisions:
          - id: art-1
            heading: "{heading}"
            source: "test ¶1 ![i](http://e.example/s.png)"
            offences:
              - id: o
                conduct: [solicit_child]
                source: test ¶1
        """
        }
    )
    out = tmp_path / "out"
    assert main(["report", "--jurisdiction", str(folder), "--out", str(out), "--format", "md"]) == 0
    md = (out / "tl-report.md").read_text(encoding="utf-8")
    assert "a ## injected \\!\\[img\\]\\(http://e.example/i.png\\) \\[link\\]\\(http://e.example\\)" in md
    for line in md.splitlines():
        assert not line.startswith(("## injected", "# e")), line
    unescaped = re.compile(r"(?<!\\)(!\[|\]\(|<img|\u2028)")
    assert not unescaped.search(md), unescaped.search(md)


# 18. The matrix column label was the raw -j argument, so an absolute path leaked into the reports.
def test_matrix_labels_never_hold_a_path(tmp_path: Path) -> None:
    folder = tmp_path / "private" / "cases" / "model"
    shutil.copytree(ROOT / "statutes" / "model", folder)
    out = tmp_path / "out"
    assert main(["matrix", "-j", str(folder), "-j", "la", "--out", str(out), "--format", "csv,md,html,xlsx"]) == 0
    for path in out.iterdir():
        content = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as raw:
                content = b"".join(raw.read(n) for n in raw.namelist())
        assert str(tmp_path).encode() not in content and b"private" not in content, path.name
    header = next(csv.reader(io.StringIO((out / "matrix.csv").read_text(encoding="utf-8"))))
    assert header[3:] == ["model", "la"]
