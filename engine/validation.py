"""`gapcheck validate`: load data files and resolve drafts and expectations against the law.

A file's kind comes from its content (its top-level keys), not from its folder's name. A
draft is applied to the jurisdiction it names, so that an unknown jurisdiction, instrument or
provision, or the repeal of a provision that does not exist, is reported as `diff` would.
"""

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from gapcheck import amendment, config, messages
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.load import INDEX, load_jurisdiction, load_standards
from gapcheck.paths import STANDARDS, STATUTES
from gapcheck.workspace import Workspace
from gapcheck.yamlsrc import YamlDoc, read

T = TypeVar("T")
KINDS = ("statute", "jurisdiction", "standard", "amendment", "expectation")


def kind_of(data: Any) -> str | None:
    """What a parsed file is, from its top-level keys; None when it is none of the kinds."""
    if not isinstance(data, dict):
        return None
    if "expect" in data:
        return "expectation"
    if "amendment" in data or "changes" in data:
        return "amendment"
    if isinstance(data.get("jurisdiction"), dict) or "complete" in data:
        return "jurisdiction"
    if "instrument" in data or "provisions" in data:
        head = data.get("instrument")
        if "provisions" in data or (isinstance(head, dict) and "kind" in head):
            return "statute"
        return "standard"
    if "requirements" in data or "articles" in data:
        return "standard"
    return None


def default_targets() -> list[Path]:
    """What `gapcheck validate` checks when given nothing: the configured corpus, else the bundled data."""
    s = config.active()
    found = [p for p in (s.statutes, s.standards, s.drafts, s.expectations) if p is not None and p.exists()]
    return found or [STATUTES, STANDARDS]


def validate_paths(paths: list[Path]) -> list[str]:
    """One summary line per thing checked; every problem of every path raised at once."""
    try:
        ws: Workspace | None = Workspace.open()
        problems: list[Problem] = []
    except InputError as err:
        ws, problems = None, err.problems
    try:
        lines = _each(paths or default_targets(), lambda target: _target(target, ws))
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


def _target(target: Path, ws: Workspace | None) -> list[str]:
    if target.is_file() or str(target) == "-":
        return _file(target, ws)
    if not target.is_dir():
        what = "not a regular file or folder" if target.exists() or target.is_symlink() else "no such file or folder"
        raise InputError([Problem(display_path(target), 1, 1, what)])
    return _folder(target, ws)


def _folder(folder: Path, ws: Workspace | None) -> list[str]:
    """Each jurisdiction folder as a whole (its own files are its instruments); every other file by kind."""
    files = sorted(folder.rglob("*.yaml"))
    if not files:
        raise InputError([Problem(display_path(folder), 1, 1, "no data files (*.yaml) here: nothing to validate")])
    loose = [p for p in files if not (p.parent / INDEX).exists()]
    kinds = {p: _kind(p) for p in loose}
    # statute files without an index are loaded as a jurisdiction, which reports the missing index
    jurisdictions = sorted({p.parent for p in files if p not in kinds or kinds[p] == "statute"})
    standards = sorted({p.parent for p in loose if kinds[p] == "standard"})
    rest = [p for p in loose if kinds[p] not in ("standard", "statute")]
    return (
        _each(jurisdictions, lambda j: _jurisdiction(j, ws))
        + _each(standards, _standards)
        + _each(rest, lambda p: _file(p, ws))
    )


def _kind(path: Path) -> str | None:
    try:
        return kind_of(read(path).data)
    except InputError:
        return None  # reported when the file itself is checked


def _file(path: Path, ws: Workspace | None) -> list[str]:
    doc = read(path)
    kind = kind_of(doc.data)
    if kind in ("jurisdiction", "statute"):  # the folder is the namespace: an instrument needs its jurisdiction
        return _jurisdiction(_folder_of(path), ws)
    if kind == "standard":
        return _standards(path.parent)
    if kind == "amendment":
        return _draft(doc, ws)
    if kind == "expectation":
        return _expectation(doc, ws)
    raise InputError(
        [
            Problem(
                doc.name,
                1,
                1,
                "cannot tell what this file is: a statute starts with `instrument:` and `provisions:`, a "
                "jurisdiction with `jurisdiction:`, a standard with `instrument:` and `requirements:`, a draft "
                "with `amendment:` and `changes:`, an expectation file with `name:` and `expect:`",
            )
        ]
    )


def _folder_of(path: Path) -> Path:
    """The folder a file is in, by name: `la/drafts/../x.yaml` is in `la` (where the system finds it), not `..`."""
    return path.resolve().parent if os.pardir in path.parts else path.parent


def _jurisdiction(folder: Path, ws: Workspace | None) -> list[str]:
    corpus = load_jurisdiction(folder, ws.standards.requirements if ws else {}, ws.standards.files if ws else {})
    n = sum(len(i.model.provisions) for i in corpus.instruments)
    return [f"ok  {display_path(folder)}: {len(corpus.instruments)} instruments, {n} provisions"]


def _standards(folder: Path) -> list[str]:
    loaded = load_standards(folder)
    return [f"ok  {display_path(folder)}: {len(loaded.files)} instruments, {len(loaded.requirements)} requirements"]


def _draft(doc: YamlDoc, ws: Workspace | None) -> list[str]:
    """A draft, applied to the law of the jurisdiction it names."""
    _, draft = amendment.load(doc.path)
    code = draft.amendment.jurisdiction
    if ws is None:
        return []  # the standards' own problems are already reported
    known = ws.codes()
    if code not in known:
        raise InputError(
            [
                doc.at(
                    ("amendment", "jurisdiction"),
                    f"unknown jurisdiction '{code}'{messages.suggest(code, known)}; known: {', '.join(known)}",
                )
            ]
        )
    corpus, _ = ws.corpus(code)
    amendment.apply(corpus, doc.path, set())
    return [
        f"ok  {doc.name}: amendment of {code} ({display_path(corpus.path)}), {len(draft.changes)} changes, all resolve"
    ]


def _expectation(doc: YamlDoc, ws: Workspace | None) -> list[str]:
    if ws is None:
        return []
    from gapcheck import expect  # with the findings and the rule set: only for an expectation file

    spec, jurisdiction, drafts = expect.resolve(doc.path, ws)
    corpus, _ = ws.corpus(jurisdiction, drafts)
    return [
        f"ok  {doc.name}: expectations '{spec.name}', {len(spec.expect)} statuses, on {corpus.code}"
        + (f" with {len(drafts)} draft{'s' if len(drafts) != 1 else ''}" if drafts else "")
    ]
