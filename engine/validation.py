"""`gapcheck validate`: load every statute, jurisdiction, standards, amendment or expectation file named."""

from pathlib import Path

from engine import amendment, expect
from engine.errors import InputError, Problem, display_path
from engine.load import INDEX, Standards, load_jurisdiction, load_standards
from engine.paths import STANDARDS, STATUTES
from engine.workspace import Workspace
from engine.yamlsrc import read


def validate_paths(paths: list[Path], standards: Path | None) -> list[str]:
    """Load every statute, jurisdiction and standards folder named; one summary line each."""
    problems: list[Problem] = []
    lines: list[str] = []
    try:
        std = load_standards(standards or STANDARDS)
    except InputError as err:
        std = None
        problems += err.problems
    targets = paths or [STATUTES, standards or STANDARDS]
    for target in targets:
        try:
            lines += _validate_one(target, std)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return lines


def _validate_one(target: Path, std: Standards | None) -> list[str]:
    ids = std.requirements if std else {}
    if target.is_file():
        folder = target.parent
        if target.name == INDEX or (folder / INDEX).exists():
            target = folder
        else:
            if target.name.endswith(expect.SUFFIX):
                _, spec = expect.load(target, Workspace(STATUTES, std) if std else Workspace.open())
                return [f"ok  {display_path(target)}: expectations '{spec.name}', {len(spec.expect)} statuses"]
            loaded = load_standards(folder) if target.parent.name == "standards" else None
            if loaded is None:
                _, draft = amendment.load(target)
                return [f"ok  {display_path(target)}: amendment of {draft.amendment.jurisdiction}, "
                        f"{len(draft.changes)} changes"]
            return [f"ok  {display_path(folder)}: {len(loaded.requirements)} requirements"]
    if (target / INDEX).exists():
        corpus = load_jurisdiction(target, ids)
        n = sum(len(i.model.provisions) for i in corpus.instruments)
        return [f"ok  {display_path(target)}: {len(corpus.instruments)} instruments, {n} provisions"]
    subfolders = sorted(p for p in target.iterdir() if (p / INDEX).exists()) if target.is_dir() else []
    if subfolders:
        problems: list[Problem] = []
        out: list[str] = []
        for sub in subfolders:
            try:
                out += _validate_one(sub, std)
            except InputError as err:
                problems += err.problems
        if problems:
            raise InputError(problems)
        return out
    if target.is_dir() and any("provisions" in read(p).data for p in sorted(target.glob("*.yaml"))):
        load_jurisdiction(target, ids)  # reports the missing index, and more
    if target.is_dir():
        loaded = load_standards(target)
        return [f"ok  {display_path(target)}: {len(loaded.files)} instruments, "
                f"{len(loaded.requirements)} requirements"]
    raise InputError([Problem(display_path(target), 1, 1, "no such file or folder")])
