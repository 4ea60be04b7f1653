"""`gapcheck validate`: load every statute, jurisdiction, standards, amendment or expectation file named."""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from gapcheck import amendment, expect
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.load import INDEX, load_jurisdiction, load_standards
from gapcheck.paths import STANDARDS, STATUTES
from gapcheck.workspace import Workspace
from gapcheck.yamlsrc import read

T = TypeVar("T")


def validate_paths(paths: list[Path], standards: Path | None) -> list[str]:
    """One summary line per thing loaded; every problem of every path raised at once."""
    folder = standards or STANDARDS
    try:
        ws: Workspace | None = Workspace(STATUTES, load_standards(folder), folder)
        problems: list[Problem] = []
    except InputError as err:
        ws, problems = None, err.problems
    try:
        lines = _each(paths or [STATUTES, folder], lambda target: _validate_one(target, ws))
    except InputError as err:
        raise InputError(problems + err.problems) from None
    if problems:
        raise InputError(problems)
    return lines


def _each(items: Iterable[T], check: Callable[[T], list[str]]) -> list[str]:
    """Check every item, collecting all problems before raising them together."""
    lines: list[str] = []
    problems: list[Problem] = []
    for item in items:
        try:
            lines += check(item)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return lines


def _validate_one(target: Path, ws: Workspace | None) -> list[str]:
    if target.is_file():
        if target.name == INDEX or (target.parent / INDEX).exists():
            return _jurisdiction(target.parent, ws)
        if target.name.endswith(expect.SUFFIX):
            if ws is None:
                return []  # the standards' own problems are already reported
            _, spec = expect.load(target, ws)
            return [f"ok  {display_path(target)}: expectations '{spec.name}', {len(spec.expect)} statuses"]
        if target.parent.name == "standards":
            return _standards(target.parent)
        _, draft = amendment.load(target)
        return [
            f"ok  {display_path(target)}: amendment of {draft.amendment.jurisdiction}, {len(draft.changes)} changes"
        ]
    if (target / INDEX).exists():
        return _jurisdiction(target, ws)
    if not target.is_dir():
        what = "not a regular file or folder" if target.exists() or target.is_symlink() else "no such file or folder"
        raise InputError([Problem(display_path(target), 1, 1, what)])
    subfolders = sorted(p for p in target.iterdir() if (p / INDEX).exists())
    if subfolders:
        return _each(subfolders, lambda sub: _validate_one(sub, ws))
    if any(_is_statute(read(p).data) for p in sorted(target.glob("*.yaml"))):
        return _jurisdiction(target, ws)  # statutes without an index: reports the missing index
    return _standards(target)


def _is_statute(data: object) -> bool:
    return isinstance(data, dict) and "provisions" in data


def _jurisdiction(folder: Path, ws: Workspace | None) -> list[str]:
    corpus = load_jurisdiction(folder, ws.standards.requirements if ws else {})
    n = sum(len(i.model.provisions) for i in corpus.instruments)
    return [f"ok  {display_path(folder)}: {len(corpus.instruments)} instruments, {n} provisions"]


def _standards(folder: Path) -> list[str]:
    loaded = load_standards(folder)
    return [f"ok  {display_path(folder)}: {len(loaded.files)} instruments, {len(loaded.requirements)} requirements"]
