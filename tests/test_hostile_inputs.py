"""Issue 12, reproducers 1-9, 14, 17 and 18: hostile or careless input exits 2 with a located message.

The heavy reproducers (those that hung, ate memory or crashed the process)
run in a subprocess under resource limits: 5 s of CPU and 1 GB of address
space, so that a regression fails the test instead of the machine.
"""

import contextlib
import functools
import os
import resource
import shutil
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from gapcheck import limits, validation, workspace
from gapcheck.cli import main
from gapcheck.load import load_standards
from tests.conftest import ROOT

CPU_SECONDS = 5
MEMORY = 1 << 30
INSTRUMENT = "instrument: {title: Act, kind: law, source: test ¶1}\n"


def limited_run(*args: str, cwd: Path = ROOT, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    """gapcheck in a subprocess with at most 5 s of CPU and 1 GB of memory (and optionally a file-size cap)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "gapcheck.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        preexec_fn=cap,
        timeout=60,  # wall clock, for a blocked process; CPU is capped above
    )


def assert_input_error(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr[-2000:]
    for fragment in fragments:
        assert fragment in done.stderr, (fragment, done.stderr[-2000:])


class Overrun(Exception):
    """The command used more than its time."""


@contextlib.contextmanager
def time_limit(cpu: float = CPU_SECONDS, wall: float = 30) -> Iterator[None]:
    """In-process limits: SIGPROF after `cpu` seconds of CPU, SIGALRM after `wall` (a blocked open of a FIFO)."""

    def stop(signum: int, frame: object) -> None:
        raise Overrun(f"over {cpu} s of CPU or {wall} s")

    old = {s: signal.signal(s, stop) for s in (signal.SIGPROF, signal.SIGALRM)}
    signal.setitimer(signal.ITIMER_PROF, cpu)
    signal.setitimer(signal.ITIMER_REAL, wall)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        for s, handler in old.items():
            signal.signal(s, handler)


def run(capsys, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """main() in this process, within 5 s of CPU; no traceback, no internal error."""
    with time_limit():
        code = main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err, err
    return code, err


@pytest.fixture(autouse=True)
def standards_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The bundled standards, loaded once for all the commands these tests run (they are never changed)."""
    cached = functools.cache(load_standards)
    monkeypatch.setattr(workspace, "load_standards", cached)
    monkeypatch.setattr(validation, "load_standards", cached)


def alias_bomb() -> str:
    lines = ["a0: &a0 [" + ",".join(["lol"] * 9) + "]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


# 1. The alias bomb hung validate, check --statutes and check -a at 100% CPU.
def test_alias_bomb_is_refused_in_every_command(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    statutes = tmp_path / "statutes"
    (statutes / "tl").mkdir(parents=True)
    (statutes / "tl" / "_jurisdiction.yaml").write_text(alias_bomb(), encoding="utf-8")
    expected = f"more than {limits.MAX_NODES} values once aliases are expanded (limit MAX_NODES)"
    assert_input_error(limited_run("validate", str(bomb)), "bomb.yaml:", expected)
    for args in (["check", "--statutes", str(statutes), "-j", "tl"], ["check", "-a", str(bomb)]):
        code, err = run(capsys, *args)
        assert code == 2 and expected in err


# 2. One long string aliased many times took 2.1 GB; nested aliases multiply it further.
def test_string_amplification_is_bounded(tmp_path: Path) -> None:
    long = "x" * (limits.MAX_STRING - 1)
    (tmp_path / "amp.yaml").write_text(
        f"s: &s {long}\nl: &l [{', '.join(['*s'] * 10)}]\nm: [{', '.join(['*l'] * 20)}]\n", encoding="utf-8"
    )
    (tmp_path / "long.yaml").write_text(f"title: {'y' * (limits.MAX_STRING + 1)}\n", encoding="utf-8")
    (tmp_path / "many.yaml").write_text(
        "s: &s x\nl: [" + ", ".join(["*s"] * (limits.MAX_ALIASES + 1)) + "]\n", encoding="utf-8"
    )
    done = limited_run("validate", *(str(tmp_path / f) for f in ("amp.yaml", "long.yaml", "many.yaml")))
    assert_input_error(
        done,
        "amp.yaml:3:",
        "(limit MAX_CHARS)",
        "long.yaml:1:8:",
        "(MAX_STRING)",
        "many.yaml:2:",
        "(limit MAX_ALIASES)",
    )


# 3. Deep nesting, of lists or of mappings, ended in a RecursionError traceback.
@pytest.mark.parametrize("text", ["[" * 500 + "]" * 500, "{a: " * 500 + "x" + "}" * 500])
def test_deep_nesting_is_refused(capsys, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "deep.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    code, err = run(capsys, "validate", str(path))
    assert code == 2 and f"nesting deeper than {limits.MAX_DEPTH} levels (limit MAX_DEPTH)" in err


# 4. Merge keys brought in bad keys and broke the locator.
@pytest.mark.parametrize(
    "text",
    [
        "base: &b {title: x, bogus: 1}\ninstrument:\n  <<: *b\n",
        "instrument:\n  <<: [1, 2]\n",
        "instrument:\n  <<: {kind: law}\n  kind: law\n",
    ],
)
def test_merge_keys_are_refused_where_they_stand(capsys, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "merge.yaml"
    path.write_text(text, encoding="utf-8")
    code, err = run(capsys, "validate", str(path))
    assert code == 2 and "merge.yaml:" in err and "merge keys (<<) are not supported" in err


# 5. A 5 MB file took 2 minutes: size is checked before the file is read, one file and a whole folder.
def test_oversized_files_and_folders_are_refused_before_reading(capsys, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    filler = "# " + "x" * 98 + "\n"
    big = INSTRUMENT + filler * (limits.MAX_FILE_BYTES // len(filler) + 1)
    folder = jurisdiction({"act.yaml": big})
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and "act.yaml:1:1:" in err and "(MAX_FILE_BYTES)" in err
    half = INSTRUMENT + filler * (limits.MAX_FILE_BYTES // len(filler) // 2)
    parts = limits.MAX_FOLDER_BYTES // len(half) + 1
    folder = jurisdiction({f"act-{n}.yaml": half for n in range(parts)})
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and "(MAX_FOLDER_BYTES)" in err


def test_too_many_facts_are_refused_before_the_engine_runs(capsys, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    # a few hundred bytes, aliased into many provisions: facts grow without bytes
    offences = "[" + ", ".join(f"{{id: o{n}, conduct: [sell_child], source: s ¶1}}" for n in range(40)) + "]"
    first = f"{{id: art-0, heading: h, source: s ¶1, offences: &o {offences}}}"
    rest = [f"{{id: art-{n}, heading: h, source: s ¶1, offences: *o}}" for n in range(1, 100)]
    folder = jurisdiction({"act.yaml": f"{INSTRUMENT}provisions: [{', '.join([first, *rest])}]\n"})
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and "tl:1:1: the law as loaded makes" in err and "(MAX_FACTS)" in err


# 7. The same conduct twice in one offence passed validate, then crashed check -a.
def test_a_value_listed_twice_is_a_located_error(capsys, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction(
        {
            "act.yaml": INSTRUMENT + "provisions:\n  - id: art-1\n    heading: h\n    source: s ¶1\n"
            "    offences:\n      - id: o\n        conduct: [sell_child, sell_child]\n        source: s ¶1\n"
        }
    )
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and "act.yaml:8:" in err and "'sell_child' is listed twice" in err


# 8, 9. A lone surrogate or control characters in a title: tracebacks later, raw escapes on the terminal.
@pytest.mark.parametrize(
    ("title", "char"),
    [('"\\uD800"', "U+D800"), ('"\\e[31m\\x01"', "U+001B"), ('"a\\x85b"', "U+0085"), ('"\\x7f"', "U+007F")],
)
def test_control_characters_and_surrogates_are_refused_at_load(capsys, jurisdiction, title, char) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction({"act.yaml": f"instrument: {{title: {title}, kind: law, source: test ¶1}}\n"})
    code, err = run(capsys, "matrix", "-j", str(folder), "--out", str(folder.parent / "out"))
    assert code == 2 and "act.yaml:1:21:" in err and f"character {char} is not allowed in text" in err
    assert not (folder.parent / "out").exists()


def test_raw_control_characters_are_located_in_one_line(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "nul.yaml"
    path.write_text("instrument:\n  title: a\x00b\x1b\n", encoding="utf-8")
    code, err = run(capsys, "validate", str(path))
    assert code == 2
    assert err.splitlines()[0].endswith(
        "nul.yaml:2:11: control character U+0000 in the file: remove it (or save the file as text)"
    )
    path.write_bytes(b"instrument:\n  title: caf\xe9\n")
    code, err = run(capsys, "validate", str(path))
    assert code == 2 and "nul.yaml:2:13: not UTF-8 text" in err


# 14. A folder, FIFO or dangling symlink named *.yaml: tracebacks, or a hang for the FIFO.
@pytest.mark.parametrize("where", ["statutes", "standards"])
def test_entries_that_are_not_files_are_located_problems(capsys, tmp_path: Path, where: str) -> None:  # type: ignore[no-untyped-def]
    statutes = tmp_path / "statutes"
    shutil.copytree(ROOT / "statutes" / "model", statutes / "model")
    standards = tmp_path / "standards"
    shutil.copytree(ROOT / "standards", standards)
    folder = statutes / "model" if where == "statutes" else standards
    (folder / "dir.yaml").mkdir()
    os.mkfifo(folder / "fifo.yaml")
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    code, err = run(capsys, "check", "-j", "model", "--statutes", str(statutes), "--standards", str(standards))
    assert code == 2
    for fragment in ("dir.yaml:1:1: not a regular file", "fifo.yaml:1:1: not a regular file", "gone.yaml:1:1: cannot"):
        assert fragment in err
    code, err = run(capsys, "validate", str(folder / "fifo.yaml"))
    assert code == 2 and "fifo.yaml:1:1: not a regular file" in err


# 17. A folder la/ in the working directory silently replaced the bundled corpus.
def test_a_bare_code_is_never_shadowed_by_the_working_folder(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(ROOT / "statutes" / "model", tmp_path / "la")
    monkeypatch.chdir(tmp_path)
    bundled = "gapcheck: la as of 2017-11-16"
    for args in (["-j", "la"], ["-j", "la", "--statutes", str(ROOT / "statutes")]):
        assert main(["check", *args]) == 0
        assert capsys.readouterr().out.splitlines()[0] == bundled
    assert main(["check", "-j", "./la"]) == 0  # a path says it is one
    assert capsys.readouterr().out.splitlines()[0] != bundled


# 18. Messages and oddities.
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("instrument:\n  title: !!timestamp 2017-01-01\n", "odd.yaml:2:10: tag !!timestamp is not used in data files"),
        ("instrument:\n  title: !custom x\n", "odd.yaml:2:10: tag !custom is not used in data files"),
        ("{1: a, true: b}\n", "odd.yaml:1:2: a key must be a name, not '1' (int): quote it if it is a name"),
        ("? [a, b]\n: c\n", "odd.yaml:1:3: a key must be a name, not a list or mapping"),
        ("a: &x [*x]\n", "odd.yaml:1:8: alias *x refers to a value that contains it"),
        ("a: 1\n---\nb: 2\n", "odd.yaml:2:1: YAML: expected a single document"),
    ],
)
def test_odd_yaml_gets_a_plain_message(capsys, tmp_path: Path, text: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    code, err = run(capsys, "validate", str(path))
    assert code == 2 and fragment in err and "TaggedScalar" not in err
    assert all(line.count("odd.yaml:") <= 1 for line in err.splitlines())


DRAFT = """\
amendment: {{jurisdiction: {jurisdiction}, title: t, date: 2026-01-01}}
changes:
{changes}
"""
REPLACE_89 = """\
  - replace: la/law-on-children-2007/art-89
    provision: {id: art-89, heading: h, source: draft}
"""


@pytest.mark.parametrize(
    ("jurisdiction", "changes", "fragment"),
    [
        (
            "la",
            "  - repeal: la/law-on-children-2007\n",
            "'la/law-on-children-2007' is an instrument: repeal takes a provision id",
        ),
        (
            "la",
            REPLACE_89 * 2,
            "provision 'la/law-on-children-2007/art-89' is already changed by changes[0] of this draft",
        ),
        (unicodedata.normalize("NFD", "côte"), REPLACE_89, "'côte' is not an identifier"),
        ("la\u200b", REPLACE_89, "is not an identifier"),
        ("la", "  - repeal: la/law-on-children-2007/ART-89\n", "is not an address"),
    ],
)
def test_drafts_get_exact_messages(capsys, tmp_path: Path, jurisdiction: str, changes: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT.format(jurisdiction=jurisdiction, changes=changes), encoding="utf-8")
    code, err = run(capsys, "check", "-a", str(path))
    assert code == 2 and "draft.yaml:" in err and fragment in err, err


@pytest.mark.parametrize("name", [unicodedata.normalize("NFD", "côte"), "Act", "a\u200bct"])
def test_folder_and_file_names_are_identifiers(capsys, jurisdiction, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction({f"{name}.yaml": INSTRUMENT})
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and f"{name}.yaml:1:1: instrument name" in err and "is not an identifier" in err


@pytest.mark.parametrize(
    ("field", "fragment"),
    [
        ("penalty: {max: 1" + "0" * 100 + " years}", "is longer than a life: a penalty is at most 100 years"),
        ("penalty: {max: 101 years}", "is longer than a life"),
        ("victim: {age_from: 0, age_below: 99}", "less than or equal to 25"),
    ],
)
def test_numbers_are_range_checked(capsys, jurisdiction, field: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction(
        {
            "act.yaml": INSTRUMENT + "provisions:\n  - id: art-1\n    heading: h\n    source: s ¶1\n"
            f"    offences:\n      - id: o\n        conduct: [sell_child]\n        {field}\n        source: s ¶1\n"
        }
    )
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and "act.yaml:9:" in err and fragment in err


def test_ages_by_sex_are_range_checked(capsys, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction(
        {
            "act.yaml": INSTRUMENT + "provisions:\n  - id: art-1\n    heading: h\n    source: s ¶1\n"
            "    thresholds:\n      - {subject: marriage, age: 18, by_sex: {female: 300}, source: s ¶1}\n"
        }
    )
    code, err = run(capsys, "check", "-j", str(folder))
    assert code == 2 and "act.yaml:7:" in err and "300 is not an age: ages are whole years from 0 to 30" in err


@pytest.mark.parametrize("date", ["20171116", "2017-W01-1", "2017-11", "16/11/2017", "2017-02-30"])
def test_dates_are_strict(capsys, date: str) -> None:  # type: ignore[no-untyped-def]
    code, err = run(capsys, "check", "--as-of", date)
    assert code == 2 and "is not a date" in err
