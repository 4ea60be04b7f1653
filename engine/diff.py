"""Baseline against draft: what changed per requirement, in which direction, and which provisions did it."""

from dataclasses import dataclass
from typing import Any

from gapcheck.findings import Finding
from gapcheck.load import Corpus
from gapcheck.workspace import Run

ORDER = {"gap": 0, "partial": 1, "met": 2}


@dataclass(frozen=True)
class Change:
    """One requirement whose status the draft changes."""

    requirement: str
    title: str
    before: str
    after: str
    direction: str
    provisions: list[str]
    explanation: list[str]


@dataclass(frozen=True)
class Diff:
    """The comparison of two evaluations of one jurisdiction."""

    baseline: Run
    amended: Run
    changes: list[Change]

    def count(self, direction: str) -> int:
        return sum(1 for c in self.changes if c.direction == direction)


def direction(before: str, after: str) -> str:
    """improved or regressed along gap < partial < met; to or from unknown is only `changed`."""
    if before in ORDER and after in ORDER:
        return "improved" if ORDER[after] > ORDER[before] else "regressed"
    return "changed"


def touched(before: Corpus, after: Corpus) -> set[str]:
    """Provision ids the draft added, replaced or repealed."""

    def provisions(corpus: Corpus) -> dict[str, Any]:
        return {f"{i.id}/{p.id}": p for i in corpus.instruments for p in i.model.provisions}

    old, new = provisions(before), provisions(after)
    return {pid for pid in old.keys() | new.keys() if old.get(pid) != new.get(pid)}


def compare(baseline: Run, amended: Run) -> Diff:
    """Every requirement whose status differs, with the touched provisions that bear on it."""
    changed = touched(baseline.corpus, amended.corpus)
    after: dict[str, Finding] = {f.requirement: f for f in amended.evaluation.findings}
    changes = []
    for old in baseline.evaluation.findings:
        new = after[old.requirement]
        way = _direction(old, new)
        if way is None:
            continue
        ids = sorted({p.id for p in [*old.provisions, *new.provisions]} & changed)
        changes.append(Change(old.requirement, old.title, old.shown, new.shown, way, ids, new.explanation))
    return Diff(baseline, amended, changes)


def _direction(old: Finding, new: Finding) -> str | None:
    """The change reading by reading of the contested facts: one direction if all agree, else `changed`."""
    before, after = _by_reading(old), _by_reading(new)
    ways = {
        direction(b, a)
        for key in sorted(before.keys() | after.keys() | {()})
        if (b := before.get(key, old.status.value)) != (a := after.get(key, new.status.value))
    }
    if not ways:
        return None
    return ways.pop() if len(ways) == 1 else "changed"


def _by_reading(f: Finding) -> dict[tuple[str, ...], str]:
    return {tuple(sorted(combo)): o.status.value for o in f.readings for combo in o.readings}
