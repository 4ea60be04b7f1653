"""The cache of validated models: same output with and without it, keyed by content and version, safe to lose."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gapcheck import cache
from gapcheck.cli import main
from gapcheck.load import load_jurisdiction
from tests.conftest import INDEX, write_tree
from tests.test_load_errors import GOOD


def _cli(args: list[str], cache_dir: Path | None, cwd: Path) -> bytes:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop(cache.ENV_OFF, None)
    if cache_dir is None:
        env[cache.ENV_OFF] = "1"
    else:
        env[cache.ENV_DIR] = str(cache_dir)
    done = subprocess.run([sys.executable, "-m", "gapcheck.cli", *args], env=env, cwd=cwd, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle"))


def test_output_is_byte_identical_without_the_cache_cold_and_warm(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    args = ["check", "--format", "json"]
    uncached = _cli(args, None, tmp_path)
    assert not folder.exists()
    cold = _cli(args, folder, tmp_path)
    stored = _entries(folder)
    assert stored, "a cold run stores the validated models"
    warm = _cli(args, folder, tmp_path)
    assert uncached == cold == warm
    assert _entries(folder) == stored  # a warm run rebuilds nothing


def test_report_files_are_byte_identical_with_and_without_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    for name, cache_dir in (("off", None), ("cold", folder), ("warm", folder)):
        _cli(["--quiet", "report", "--out", str(tmp_path / name)], cache_dir, tmp_path)
    for produced in sorted((tmp_path / "off").iterdir()):
        for other in ("cold", "warm"):
            assert (tmp_path / other / produced.name).read_bytes() == produced.read_bytes(), (other, produced.name)


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    cache.clear_memory()
    return folder


def test_a_changed_file_is_validated_again(tmp_path: Path, own_cache: Path) -> None:
    folder = write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": INDEX, "act.yaml": GOOD})
    assert load_jurisdiction(folder).instruments[0].model.provisions[0].heading == "An offence"
    (folder / "act.yaml").write_text(GOOD.replace("An offence", "Another offence"), encoding="utf-8")
    cache.clear_memory()
    assert load_jurisdiction(folder).instruments[0].model.provisions[0].heading == "Another offence"


def test_a_cached_file_still_locates_its_problems(tmp_path: Path, own_cache: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Problems found across files (an unknown requirement) are located in a file served from the cache."""
    bad = GOOD + "    unknowns:\n      - about: x\n        requirements: [no-such-requirement]\n"
    bad += "        source: test ¶2\n"
    write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": INDEX, "act.yaml": bad})
    load_jurisdiction(tmp_path / "statutes" / "tl")  # valid alone: its model is cached
    cache.clear_memory()
    assert _entries(own_cache)
    assert main(["validate", str(tmp_path / "statutes" / "tl")]) == 2
    err = capsys.readouterr().err
    assert "act.yaml:20:24:" in err and "unknown requirement 'no-such-requirement'" in err


def test_an_unreadable_entry_is_rebuilt(tmp_path: Path, own_cache: Path) -> None:
    folder = write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": INDEX, "act.yaml": GOOD})
    first = load_jurisdiction(folder)
    for entry in _entries(own_cache):
        entry.write_bytes(b"not a pickle")
    cache.clear_memory()
    assert load_jurisdiction(folder).instruments == first.instruments
    assert all(entry.read_bytes() != b"not a pickle" for entry in _entries(own_cache))


def test_entries_of_another_version_are_never_read_and_are_pruned(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": INDEX, "act.yaml": GOOD})
    load_jurisdiction(folder)
    old = {p.relative_to(own_cache).parts[0] for p in _entries(own_cache)}
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    cache.fingerprint.cache_clear()
    cache.clear_memory()
    try:
        load_jurisdiction(folder)
        new = {p.relative_to(own_cache).parts[0] for p in _entries(own_cache)}
    finally:
        cache.fingerprint.cache_clear()
    assert new and not new & old


def test_turned_off_it_writes_nothing(tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "1")
    folder = write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": INDEX, "act.yaml": GOOD})
    load_jurisdiction(folder)
    assert not own_cache.exists()


def test_entries_are_written_whole_and_leave_no_temporary_file(tmp_path: Path, own_cache: Path) -> None:
    """Each entry is written to a temporary file of this process and renamed into place; a temporary file
    left by a process that died (same name: its pid came round again) keeps no entry from being written."""
    folder = write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": INDEX, "act.yaml": GOOD})
    first = load_jurisdiction(folder)
    stored = _entries(own_cache)
    assert len(stored) == 2 and len({p.parent for p in stored}) == 1
    assert [p.name for p in stored[0].parent.iterdir() if p.name.startswith(".tmp-")] == []
    for entry in stored:
        (entry.parent / f".tmp-{os.getpid()}-{entry.name}").write_bytes(b"half an entry")
        entry.unlink()
    cache.clear_memory()
    assert load_jurisdiction(folder).instruments == first.instruments  # validated again: a stale file is no entry
    cache.clear_memory()
    load_jurisdiction(folder)  # the stale temporary files were removed; now the entries are written
    assert _entries(own_cache) == stored
    assert [p.name for p in stored[0].parent.iterdir() if p.name.startswith(".tmp-")] == []
