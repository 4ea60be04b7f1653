"""Baseline against draft: what changed per requirement, in which direction, and which provisions did it.

A status change is `improved` or `regressed` along gap < partial < met; a move
to or from `unknown` is named as such. Where the status stays, the criteria
are compared one by one (matched by their path in the tree): a criterion that
got worse is `weakened`, one that got better, with none worse, `strengthened`.
Where a finding depends on contested facts, statuses are compared reading by
reading: one direction if every reading agrees, else `mixed`, and the change
lists the direction under each reading that moved.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gapcheck.findings import Criterion, Finding
from gapcheck.load import Corpus
from gapcheck.rules.terms import Outcome, Status
from gapcheck.rules.tree import RANK
from gapcheck.workspace import Run

ORDER = {Status.gap: 0, Status.partial: 1, Status.met: 2}


class Direction(StrEnum):
    """How a draft moves one requirement."""

    improved = "improved"
    regressed = "regressed"
    to_unknown = "to-unknown"
    from_unknown = "from-unknown"
    weakened = "weakened"
    strengthened = "strengthened"
    mixed = "mixed"  # readings of contested facts move it in different directions


@dataclass(frozen=True)
class CriterionChange:
    """One criterion whose outcome the draft changes."""

    path: str
    test: str
    before: Outcome
    after: Outcome


@dataclass(frozen=True)
class Change:
    """One requirement the draft moves: its status, or a criterion within it."""

    requirement: str
    title: str
    before: Status
    after: Status
    direction: Direction
    provisions: list[str]
    criteria: list[CriterionChange]
    explanation: list[str]
    by_reading: list[Direction] = field(default_factory=list)


@dataclass(frozen=True)
class Diff:
    """The comparison of two evaluations of one jurisdiction."""

    baseline: Run
    amended: Run
    changes: list[Change]

    def count(self, direction: str) -> int:
        return sum(1 for c in self.changes if c.direction == direction)

    def regressions(self) -> int:
        """Changes that regress under at least one reading of the contested facts."""
        return sum(1 for c in self.changes if Direction.regressed in (c.direction, *c.by_reading))

    def weakenings(self) -> int:
        """Changes that weaken a criterion under at least one reading of the contested facts."""
        return sum(1 for c in self.changes if Direction.weakened in (c.direction, *c.by_reading))

    def counts(self) -> dict[str, int]:
        """Changes per direction, every direction named, in a fixed order."""
        return {d.value: self.count(d) for d in Direction}


def direction(before: Status, after: Status) -> Direction:
    """improved or regressed along gap < partial < met; to or from unknown is named as such."""
    if after is Status.unknown:
        return Direction.to_unknown
    if before is Status.unknown:
        return Direction.from_unknown
    return Direction.improved if ORDER[after] > ORDER[before] else Direction.regressed


def criterion_changes(before: Criterion, after: Criterion) -> list[CriterionChange]:
    """Criteria present in both trees whose outcome differs, by their path of ids."""
    old = _paths(before)
    return [
        CriterionChange(path, c.test, old[path].outcome, c.outcome)
        for path, c in _paths(after).items()
        if path in old and old[path].outcome is not c.outcome
    ]


def _paths(root: Criterion, prefix: str = "") -> dict[str, Criterion]:
    path = f"{prefix}/{root.id}" if prefix else root.id
    out = {path: root}
    for child in root.children:
        out.update(_paths(child, path))
    return out


def touched(before: Corpus, after: Corpus) -> set[str]:
    """Provision ids the draft added, replaced or repealed."""

    def provisions(corpus: Corpus) -> dict[str, Any]:
        return {f"{i.id}/{p.id}": p for i in corpus.instruments for p in i.model.provisions}

    old, new = provisions(before), provisions(after)
    return {pid for pid in old.keys() | new.keys() if old.get(pid) != new.get(pid)}


def compare(baseline: Run, amended: Run) -> Diff:
    """Every requirement whose status or criteria differ, with the touched provisions that bear on it."""
    changed = touched(baseline.corpus, amended.corpus)
    after: dict[str, Finding] = {f.requirement: f for f in amended.evaluation.findings}
    changes = []
    for old in baseline.evaluation.findings:
        new = after[old.requirement]
        moved = criterion_changes(old.criteria, new.criteria)
        worse = [m for m in moved if RANK[m.after] < RANK[m.before]]
        within = Direction.weakened if worse else Direction.strengthened if moved else None
        ways, stays = _directions(old, new)
        if within is not None and stays:  # the reading whose criteria both sides show kept its status
            ways.append(within)
        if len(set(ways)) > 1:
            way = Direction.mixed
        elif ways:
            way = ways[0]
            moved = worse if way is Direction.weakened else moved
        else:
            continue
        ids = sorted({p.id for p in [*old.provisions, *new.provisions]} & changed)
        changes.append(
            Change(
                old.requirement,
                old.title,
                old.status,
                new.status,
                way,
                ids,
                moved,
                new.explanation,
                ways if way is Direction.mixed else [],
            )
        )
    return Diff(baseline, amended, changes)


def _directions(old: Finding, new: Finding) -> tuple[list[Direction], bool]:
    """The direction under each reading whose status moved, in a stable order; and whether the criteria both
    findings show come from one reading whose status stayed (then the criteria compare like for like)."""
    before, after = _by_reading(old), _by_reading(new)
    keys = sorted(before.keys() | after.keys() or {()})
    pairs = [(before.get(key, old.status), after.get(key, new.status)) for key in keys]
    ways = [direction(b, a) for b, a in pairs if b != a]
    tree = tuple(sorted(old.tree_reading))
    same_tree = tree == tuple(sorted(new.tree_reading))
    stays = same_tree and before.get(tree, old.status) == after.get(tree, new.status)
    return ways, stays


def _by_reading(f: Finding) -> dict[tuple[str, ...], Status]:
    return {tuple(sorted(combo)): o.status for o in f.readings for combo in o.readings}
