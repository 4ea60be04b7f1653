"""The cache of command results: a hit gives the bytes and exit code of a real run, and any change it read misses.

Every run here is a process of its own (the result cache serves only whole processes), started
through a script that afterwards reports which modules were loaded: a replayed run loads neither the
models nor the rule engine, a real one does.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from gapcheck import cache, replay
from tests.conftest import INDEX, ROOT
from tests.test_lazy_imports import HEAVY
from tests.test_load_errors import GOOD

DRAFT = ROOT / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"
RUN = (
    "import json, os, sys\n"
    "from gapcheck.cli import main\n"
    "code = main()\n"
    "sys.stdout.flush(); sys.stderr.flush()\n"
    "with open(os.environ['REPLAY_TEST_MODULES'], 'w') as f: json.dump(sorted(sys.modules), f)\n"
    "sys.exit(code)\n"
)


@dataclass(frozen=True)
class Ran:
    code: int
    out: bytes
    err: bytes
    modules: frozenset[str]

    @property
    def replayed(self) -> bool:
        return "gapcheck.models" not in self.modules

    @property
    def result(self) -> tuple[int, bytes, bytes]:
        return self.code, self.out, self.err


def run(
    args: list[str], cwd: Path, cache_dir: Path | None, env: dict[str, str] | None = None, merged: bool = False
) -> Ran:
    """`gapcheck ARGS` in a process of its own, with the result cache in `cache_dir` (None: off)."""
    environ = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environ.pop(cache.ENV_OFF, None)
    if cache_dir is None:
        environ[cache.ENV_OFF] = "1"
    else:
        environ[cache.ENV_DIR] = str(cache_dir)
    modules = cwd / ".modules.json"
    environ["REPLAY_TEST_MODULES"] = str(modules)
    done = subprocess.run(
        [sys.executable, "-c", RUN, *args],
        cwd=cwd,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merged else subprocess.PIPE,
        check=False,
    )
    loaded = frozenset(json.loads(modules.read_text(encoding="utf-8")))
    modules.unlink()
    return Ran(done.returncode, done.stdout, done.stderr or b"", loaded)


def entries(cache_dir: Path) -> list[Path]:
    results = cache_dir / "results"
    return sorted(p for p in results.rglob("*") if p.is_file()) if results.exists() else []


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "json", "--explain"],
        ["validate", str(DRAFT)],
        ["diff", "-a", str(DRAFT), "--fail-on", "any-gap"],
    ],
    ids=["check", "check-json", "validate", "diff-fails"],
)
def test_a_hit_gives_the_bytes_and_exit_code_of_a_run_without_the_cache(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "cache"
    off = run(args, tmp_path, None)
    first = run(args, tmp_path, folder)
    second = run(args, tmp_path, folder)
    assert not first.replayed and second.replayed
    assert off.result == first.result == second.result
    assert off.out


def test_standard_error_and_output_interleave_as_they_did(tmp_path: Path) -> None:
    """A user's `la` beside the bundled one: a message on standard error, then the findings."""
    shutil.copytree(ROOT / "statutes" / "la", tmp_path / "statutes" / "la", ignore=shutil.ignore_patterns("drafts"))
    env = {"GAPCHECK_STATUTES": str(tmp_path / "statutes")}
    args = ["check", "-j", "la"]
    off = run(args, tmp_path, None, env, merged=True)
    first = run(args, tmp_path, tmp_path / "cache", env, merged=True)
    second = run(args, tmp_path, tmp_path / "cache", env, merged=True)
    assert second.replayed
    assert b"gapcheck: jurisdiction 'la': using" in off.out
    assert off.result == first.result == second.result


def test_the_fast_path_imports_none_of_the_heavy_modules(tmp_path: Path) -> None:
    for args in (["check"], ["validate", str(DRAFT)]):
        run(args, tmp_path, tmp_path / "cache")
        hit = run(args, tmp_path, tmp_path / "cache")
        heavy = {*HEAVY, "pydantic", "durable", "jinja2", "gapcheck.rules", "gapcheck.load", "gapcheck.workspace"}
        assert hit.replayed and hit.modules & heavy == set(), args


# --- what invalidates an entry --------------------------------------------------------------------

DRAFT_TL = """\
# yaml-language-server: $schema=../schemas/amendment.schema.json
amendment: {jurisdiction: tl, title: A test draft, date: 2026-01-01}
changes:
  - repeal: tl/act/art-1
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An analysts' folder: gapcheck.toml, its own statutes (tl), a copy of the standards, a draft."""
    root = tmp_path / "project"
    (root / "statutes" / "tl").mkdir(parents=True)
    (root / "drafts").mkdir()
    shutil.copytree(ROOT / "standards", root / "standards")
    (root / "gapcheck.toml").write_text(
        'statutes = "statutes"\nstandards = "standards"\ndrafts = "drafts"\njurisdiction = "tl"\n', encoding="utf-8"
    )
    (root / "statutes" / "tl" / "_jurisdiction.yaml").write_text(INDEX, encoding="utf-8")
    (root / "statutes" / "tl" / "act.yaml").write_text(GOOD, encoding="utf-8")
    (root / "statutes" / "tl" / "extra.yaml").write_text(GOOD, encoding="utf-8")
    (root / "drafts" / "repeal.yaml").write_text(DRAFT_TL, encoding="utf-8")
    return root


def _code() -> str:
    """gapcheck's fingerprint as its source is now (not the one this process computed once)."""
    return cache.fingerprint.__wrapped__()


def _not_replayed(before: str) -> str:
    """Why a run that should have been replayed was not, when the reason lies outside the cache: an edit of
    gapcheck's code (or a reinstall) while the test ran gives a new fingerprint, and a miss is then right."""
    now = _code()
    if now != before:
        return f"gapcheck's code changed while the test ran (fingerprint {before} -> {now}): a miss is right"
    return "not replayed, with gapcheck's code unchanged"


def _warm(args: list[str], cwd: Path, folder: Path) -> Ran:
    """Run twice: the second run is replayed (and returned)."""
    code = _code()
    run(args, cwd, folder)
    hit = run(args, cwd, folder)
    assert hit.replayed, _not_replayed(code)
    return hit


def _misses_and_matches(args: list[str], cwd: Path, folder: Path, env: dict[str, str] | None = None) -> Ran:
    code = _code()
    after = run(args, cwd, folder, env)
    assert not after.replayed
    assert after.result == run(args, cwd, None, env).result
    again = run(args, cwd, folder, env)
    assert again.result == after.result
    stored = after.code in (0, 1)  # the new result is stored, unless the input became bad
    assert again.replayed == stored, _not_replayed(code)
    return after


SECOND_PROVISION = GOOD.split("provisions:\n")[1].replace("art-1", "art-2").replace('"1"', '"2"')
CHANGES = {
    "edit-statute": lambda p: (p / "statutes/tl/act.yaml").write_text(GOOD + SECOND_PROVISION, encoding="utf-8"),
    "add-statute": lambda p: (p / "statutes/tl/other.yaml").write_text(GOOD, encoding="utf-8"),
    "delete-statute": lambda p: (p / "statutes/tl/extra.yaml").unlink(),
    "edit-standard": lambda p: (p / "standards/opsc.yaml").write_text(
        (p / "standards/opsc.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    ),
    "delete-standard": lambda p: (p / "standards/untoc.yaml").unlink(),
    "edit-draft": lambda p: (p / "drafts/repeal.yaml").write_text(
        DRAFT_TL.replace("A test draft", "Another"), encoding="utf-8"
    ),
    "add-draft": lambda p: (p / "drafts/again.yaml").write_text(DRAFT_TL, encoding="utf-8"),
    "edit-config": lambda p: (p / "gapcheck.toml").write_text(
        (p / "gapcheck.toml").read_text(encoding="utf-8").replace('drafts = "drafts"\n', ""), encoding="utf-8"
    ),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_to_what_the_run_read_or_listed_misses(project: Path, change: str) -> None:
    folder = project.parent / "cache"
    _warm(["validate"], project, folder)
    CHANGES[change](project)
    _misses_and_matches(["validate"], project, folder)


SAME_TICK = {  # a change, and a command whose output it changes
    "add-statute": (["validate"], lambda p: (p / "statutes/tl/other.yaml").write_text(GOOD, encoding="utf-8")),
    "edit-statute-same-size": (
        ["check"],
        lambda p: (p / "statutes/tl/act.yaml").write_text(
            GOOD.replace("conduct: [possess]", "conduct: [produce]"), encoding="utf-8"
        ),
    ),
}


@pytest.mark.parametrize("change", SAME_TICK, ids=list(SAME_TICK))
def test_a_change_within_one_timestamp_tick_misses(project: Path, change: str) -> None:
    """The record holds contents and listings, never times or sizes: a change made within the clock tick of the
    recorded run (a coarse file system clock: the folders' and the file's times do not move) is still a miss."""
    args, make = SAME_TICK[change]
    folder = project.parent / "cache"
    watched = [project / "statutes", project / "statutes/tl", project / "statutes/tl/act.yaml"]
    warm = _warm(args, project, folder)
    before = {p: (p.stat().st_atime_ns, p.stat().st_mtime_ns, p.stat().st_size) for p in watched}
    make(project)
    for p, (atime, mtime, _) in before.items():
        os.utime(p, ns=(atime, mtime))
    assert {p: (p.stat().st_atime_ns, p.stat().st_mtime_ns, p.stat().st_size) for p in watched} == before
    after = _misses_and_matches(args, project, folder)
    assert after.out != warm.out  # a replay would have been stale


def test_a_check_misses_when_its_statute_changes(project: Path) -> None:
    folder = project.parent / "cache"
    _warm(["check"], project, folder)
    act = project / "statutes" / "tl" / "act.yaml"
    act.write_text(GOOD.replace("conduct: [possess]", "conduct: [produce]"), encoding="utf-8")
    after = _misses_and_matches(["check"], project, folder)
    assert b"csam-production" in after.out


def test_a_configuration_file_appearing_nearer_misses(project: Path) -> None:
    """The nearest gapcheck.toml is found by testing each folder upwards: a new one is a change."""
    below = project / "below"
    below.mkdir()
    folder = project.parent / "cache"
    _warm(["validate"], below, folder)
    (below / "gapcheck.toml").write_text('statutes = "../statutes"\nstandards = "../standards"\n', encoding="utf-8")
    _misses_and_matches(["validate"], below, folder)


@pytest.mark.parametrize(
    "args, env",
    [
        (["--quiet", "validate", str(DRAFT)], {}),
        (["validate", str(DRAFT), str(DRAFT)], {}),
        (["validate", str(DRAFT)], {"NO_COLOR": ""}),
        (["validate", str(DRAFT)], {"COLUMNS": "61"}),
        (["validate", str(DRAFT)], {"GAPCHECK_JURISDICTION": "la"}),
    ],
    ids=["argument", "another-file", "colour", "width", "gapcheck-variable"],
)
def test_other_arguments_or_environment_miss(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    folder = tmp_path / "cache"
    _warm(["validate", str(DRAFT)], tmp_path, folder)
    _misses_and_matches(args, tmp_path, folder, env)


def test_another_working_directory_misses(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    _warm(["validate", str(DRAFT)], tmp_path, tmp_path / "cache")
    _misses_and_matches(["validate", str(DRAFT)], tmp_path / "elsewhere", tmp_path / "cache")


@pytest.mark.parametrize("damage", [b"", b"not an entry", None], ids=["empty", "garbage", "truncated"])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(tmp_path: Path, damage: bytes | None) -> None:
    folder = tmp_path / "cache"
    args = ["validate", str(DRAFT)]
    _warm(args, tmp_path, folder)
    for entry in entries(folder):
        entry.write_bytes(entry.read_bytes()[:-5] if damage is None else damage)
    _misses_and_matches(args, tmp_path, folder)


# --- what is never stored -------------------------------------------------------------------------


def test_nothing_is_stored_for_bad_input(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("amendment: [\n", encoding="utf-8")
    for _ in range(2):
        ran = run(["validate", "bad.yaml"], tmp_path, tmp_path / "cache")
        assert ran.code == 2 and not ran.replayed
    assert entries(tmp_path / "cache") == []


def test_nothing_is_stored_for_a_run_that_writes_files(tmp_path: Path) -> None:
    args = ["diff", "-a", str(DRAFT), "--out", str(tmp_path / "out"), "--report-format", "md"]
    for _ in range(2):
        ran = run(args, tmp_path, tmp_path / "cache")
        assert ran.code == 0 and not ran.replayed
    assert (tmp_path / "out").is_dir()
    assert entries(tmp_path / "cache") == []


def test_nothing_is_stored_for_a_run_that_reads_standard_input(tmp_path: Path) -> None:
    environ = {**os.environ, cache.ENV_DIR: str(tmp_path / "cache")}
    environ.pop(cache.ENV_OFF, None)
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "gapcheck.cli", "validate", "-"],
            input=DRAFT.read_bytes(),
            env=environ,
            cwd=tmp_path,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0 and b"ok" in done.stdout, done.stderr
    assert entries(tmp_path / "cache") == []


WRITER = """\
import os, sys
from pathlib import Path
from gapcheck import replay
result = replay.Result.lookup(["check"])
result.record()
print("a result")
{action}
result.finish(0)
"""


@pytest.mark.parametrize(
    "action",
    [
        "Path(sys.argv[1], 'written').write_text('x')",
        "os.mkdir(os.path.join(sys.argv[1], 'made'))",
        "import subprocess; subprocess.run([sys.executable, '-c', 'pass'])",
    ],
    ids=["writes-a-file", "makes-a-folder", "starts-a-process"],
)
def test_a_run_that_changes_files_or_starts_a_process_is_not_stored(tmp_path: Path, action: str) -> None:
    """Whatever the command line, the record itself refuses a run whose effects it cannot replay."""
    environ = {**os.environ, cache.ENV_DIR: str(tmp_path / "cache")}
    environ.pop(cache.ENV_OFF, None)
    (tmp_path / "work").mkdir()
    script = WRITER.format(action=action)
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "work")], env=environ, cwd=tmp_path, check=True)
    assert entries(tmp_path / "cache") == []
    harmless = WRITER.format(action="Path(sys.argv[1]).exists()")
    subprocess.run([sys.executable, "-c", harmless, str(tmp_path / "work")], env=environ, cwd=tmp_path, check=True)
    assert len(entries(tmp_path / "cache")) == 1  # the same script, without the effect, is stored


def test_in_process_calls_are_neither_replayed_nor_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests and library users call main([...]) with their own state (patches, captured streams): never cached."""
    from gapcheck.cli import main

    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    for _ in range(2):
        assert main(["validate", str(DRAFT)]) == 0
        assert "ok" in capsys.readouterr().out
    assert entries(tmp_path / "cache") == []


@pytest.mark.parametrize(
    "args, expected",
    [
        (["check"], "check"),
        (["-q", "--debug", "validate", "x.yaml"], "validate"),
        (["--config", "check", "why", "grooming"], "why"),
        (["--config=c.toml", "diff"], "diff"),
        (["report"], None),
        (["test"], None),
        (["--version"], None),
        (["-qh", "check"], None),
        ([], None),
    ],
)
def test_only_commands_that_only_print_are_cached(args: list[str], expected: str | None) -> None:
    assert replay.command(args) == expected


# --- where the corpus lies never hides a change (each of these once replayed stale output) --------


def _edit_statute(project: Path) -> None:
    CHANGES["edit-statute"](project)


def test_a_corpus_inside_the_cache_folder_is_still_recorded(project: Path) -> None:
    """GAPCHECK_CACHE_DIR above the corpus: only the caches' own folders are left out of the record."""
    folder = project.parent
    _warm(["validate"], project, folder)
    _edit_statute(project)
    _misses_and_matches(["validate"], project, folder)


def test_a_corpus_under_a_folder_named_pycache_is_still_recorded(project: Path) -> None:
    moved = project.parent / "__pycache__" / "project"
    shutil.move(project, moved)
    folder = moved.parent.parent / "cache"
    _warm(["validate"], moved, folder)
    _edit_statute(moved)
    _misses_and_matches(["validate"], moved, folder)


def test_a_draft_named_like_code_is_still_recorded(project: Path) -> None:
    draft = project / "draft.py"
    draft.write_text(DRAFT_TL, encoding="utf-8")
    folder = project.parent / "cache"
    _warm(["diff", "-a", "draft.py"], project, folder)
    draft.write_text(DRAFT_TL.replace("A test draft", "Another"), encoding="utf-8")
    _misses_and_matches(["diff", "-a", "draft.py"], project, folder)


def test_a_path_climbing_out_of_a_link_is_recorded_where_the_kernel_resolves_it(project: Path) -> None:
    """`link/../x` is x beside the link's target, not beside the link: the record follows the kernel."""
    elsewhere = project.parent / "elsewhere"
    (elsewhere / "sub").mkdir(parents=True)
    (elsewhere / "drafts").mkdir()
    (elsewhere / "drafts" / "d.yaml").write_text(DRAFT_TL, encoding="utf-8")
    (project / "link").symlink_to(elsewhere / "sub")
    args = ["diff", "-a", "link/../drafts/d.yaml"]
    folder = project.parent / "cache"
    _warm(args, project, folder)
    (elsewhere / "drafts" / "d.yaml").write_text(DRAFT_TL.replace("A test draft", "Another"), encoding="utf-8")
    _misses_and_matches(args, project, folder)


def test_pruning_deletes_only_the_caches_own_folders(tmp_path: Path) -> None:
    """A cache folder of the user's keeps every file; gapcheck's own (tagged) loses old fingerprints only."""
    mine = tmp_path / "mine"
    kept = [mine / "notes.txt", *(mine / d / "notes.txt" for d in ("statutes-archive", "0123456789abcdef"))]
    kept.append(mine / "results" / "0123456789abcdef" / "notes.txt")
    for path in kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("keep", encoding="utf-8")
    run(["validate", str(DRAFT)], tmp_path, mine)
    assert all(path.exists() for path in kept)
    assert not (mine / cache.TAG).exists()

    ours = tmp_path / "ours"
    run(["validate", str(DRAFT)], tmp_path, ours)
    assert (ours / cache.TAG).is_file() and entries(ours)
    current = cache.fingerprint()
    for old in (ours / "fedcba9876543210", ours / "results" / "fedcba9876543210"):
        old.mkdir()
    shutil.rmtree(ours / "results" / current)  # as if this version of gapcheck started now
    shutil.rmtree(ours / current, ignore_errors=True)
    for _ in range(2):  # the first run prunes the models' folders, so its own result is not stored
        run(["validate", str(DRAFT)], tmp_path, ours)
    assert not (ours / "fedcba9876543210").exists() and not (ours / "results" / "fedcba9876543210").exists()
    assert entries(ours)


@pytest.mark.parametrize(
    "args", [["check"], ["diff", "-a", str(DRAFT), "--fail-on", "any-gap"]], ids=["check", "diff-fails"]
)
def test_the_program_ends_a_cached_run_at_once_with_its_output_exit_code_and_exit_functions(
    tmp_path: Path, args: list[str]
) -> None:
    """`gapcheck` (cli.run) skips Python's teardown after a run whose result is cached: the same bytes and exit
    code as main() in a process that exits as usual, its exit functions run, and the result is stored."""
    program = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('exit functions ran', file=sys.stderr))\n"
        "class Kept:\n"
        "    def __del__(self): print('torn down', file=sys.stderr)\n"
        "kept = Kept()\n"  # freed only by Python's teardown
        "from gapcheck import cli\n"
        "sys.argv[0] = 'gapcheck'\n"
        "cli.run()\n"
    )
    folder = tmp_path / "cache"
    environ = {**os.environ, "NO_COLOR": "1", cache.ENV_DIR: str(folder)}
    environ.pop(cache.ENV_OFF, None)
    ended = subprocess.run([sys.executable, "-c", program, *args], cwd=tmp_path, env=environ, capture_output=True)
    usual = run(args, tmp_path, None)
    assert (ended.returncode, ended.stdout) == (usual.code, usual.out) and usual.out
    assert ended.stderr == usual.err + b"exit functions ran\n"  # and nothing torn down
    again = run(args, tmp_path, folder)
    assert again.replayed and again.result == usual.result
