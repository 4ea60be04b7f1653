"""Justification trees: a requirement's criteria, each with its outcome, deciding facts and what is missing.

Leaves are decided by the rules; an inner criterion's outcome follows from its
children by one of three combinators, and a finding's status from the root's
outcome by one table (docs/rules.md, "How a status follows from the criteria"):

- `all`: every child must hold: the worst child (not < unknown < partly < satisfied);
- `any`: one child suffices: the best child;
- `parts`: each child is a part of the whole: satisfied if all are, not if none
  is at all, partly if some part is satisfied or partly, else unknown;
- status: satisfied -> met, partly -> partial, not -> gap, unknown -> unknown.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gapcheck.rules.terms import Outcome, Role, Status


class Combine(StrEnum):
    """How an inner criterion's outcome follows from its children's."""

    all = "all"
    any = "any"
    parts = "parts"


COMBINE_WORDS = {
    "all": "every one must hold",
    "any": "one suffices",
    "parts": "each is a part of the whole",
}
Said = dict[str, Any]  # a sentence as data: {"msg": id in the catalogue (gapcheck.catalogue), **its arguments}


def say(msg: str, **args: Any) -> Said:
    """A sentence as data: the engine words it from its message template; rules/ composes no prose."""
    return {"msg": msg, **args}


RANK = {Outcome.not_: 0, Outcome.unknown: 1, Outcome.partly: 2, Outcome.satisfied: 3}
STATUS = {
    Outcome.satisfied: Status.met,
    Outcome.partly: Status.partial,
    Outcome.not_: Status.gap,
    Outcome.unknown: Status.unknown,
}


@dataclass(frozen=True)
class Evidence:
    """A fact that decides a criterion: the provision (and offence), its source, and its role."""

    provision: str
    source: str
    role: Role
    offence: str | None = None
    conduct: str | None = None  # the conduct of the offence weighed, where one is


@dataclass(frozen=True)
class Criterion:
    """One node of a justification tree.

    `test` says what is tested, `because` why the outcome is what it is (with
    sources), `missing` what the law would need to contain where it is not
    satisfied; an inner node also names its combinator and children.
    """

    id: str
    test: Said
    outcome: Outcome
    because: list[Said] = field(default_factory=list)
    missing: Said | None = None
    facts: list[Evidence] = field(default_factory=list)
    combine: Combine | None = None
    children: list["Criterion"] = field(default_factory=list)
    expand: tuple[str, str] | None = None  # (offence ref, requirement ref): worded when the finding is collected

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data (enums as their values, read as `_value_`: `.value` is a property, a call each), as stored
        in a fact: empty fields left out, to keep facts small."""
        data: dict[str, Any] = {"id": self.id, "test": self.test, "outcome": self.outcome._value_}
        if self.expand is not None:
            return {**data, "expand": list(self.expand)}
        if self.because:
            data["because"] = self.because
        if self.missing is not None:
            data["missing"] = self.missing
        if self.facts:
            data["facts"] = [
                {"provision": e.provision, "source": e.source, "role": e.role._value_, "offence": e.offence}
                | ({"conduct": e.conduct} if e.conduct else {})
                for e in self.facts
            ]
        if self.combine is not None:
            data["combine"] = self.combine._value_
            data["children"] = [child.to_data() for child in self.children]
        return data


# Members read once: on Python 3.11 each read of an enum's member from its class is a call (EnumType's hook).
_ALL, _ANY = Combine.all, Combine.any
_SATISFIED, _PARTLY, _NOT, _UNKNOWN = Outcome.satisfied, Outcome.partly, Outcome.not_, Outcome.unknown
_SOME = (_SATISFIED, _PARTLY)  # compared by equality, as a member's value is


def combine(how: Combine, outcomes: list[Outcome]) -> Outcome:
    """The outcome of an inner criterion from its children's (the table in the module docstring)."""
    if not outcomes:
        raise ValueError("a criterion combines at least one child")
    if how is _ALL:
        return min(outcomes, key=RANK.__getitem__)
    if how is _ANY:
        return max(outcomes, key=RANK.__getitem__)
    if all(o is _SATISFIED for o in outcomes):
        return _SATISFIED
    if all(o is _NOT for o in outcomes):
        return _NOT
    if any(o in _SOME for o in outcomes):
        return _PARTLY
    return _UNKNOWN


def evidence(
    provision: str, source: str, role: Role, offence: str | None = None, conduct: str | None = None
) -> Evidence:
    """Evidence without the frozen dataclass's __init__ (see `made`): every cited fact of every verdict is one."""
    built: Evidence = object.__new__(Evidence)
    _SET(
        built,
        "__dict__",
        {"provision": provision, "source": source, "role": role, "offence": offence, "conduct": conduct},
    )
    return built


def made(
    id: str,
    test: Said,
    outcome: Outcome,
    because: list[Said],
    missing: Said | None,
    facts: list[Evidence],
    how: Combine | None,
    children: list[Criterion],
    expand: tuple[str, str] | None = None,
) -> Criterion:
    """A criterion from a value for each of its fields, without the frozen dataclass's __init__ (which sets
    each field through object.__setattr__): the coverage of every offence under every requirement builds
    a few of them, once as the verdicts decide and once as the findings word them (gapcheck.rules.coverage)."""
    built: Criterion = object.__new__(Criterion)
    _SET(
        built,
        "__dict__",
        {
            "id": id,
            "test": test,
            "outcome": outcome,
            "because": because,
            "missing": missing,
            "facts": facts,
            "combine": how,
            "children": children,
            "expand": expand,
        },
    )
    return built


_SET = object.__setattr__  # a dict of its fields set as an object's own: no copy of it


def node(id: str, test: Said, how: Combine, children: list[Criterion], because: list[Said] | None = None) -> Criterion:
    """An inner criterion, its outcome combined from its children's."""
    return made(id, test, combine(how, [c.outcome for c in children]), because or [], None, [], how, children)


def leaf(
    id: str,
    test: Said,
    outcome: Outcome,
    because: list[Said],
    facts: list[Evidence] | None = None,
    missing: Said | None = None,
) -> Criterion:
    """A criterion the rules decide directly; `missing` is required unless it is satisfied."""
    if outcome is not _SATISFIED and not missing:
        raise ValueError(f"criterion {id!r} is {outcome.value} but does not say what is missing")
    return made(id, test, outcome, because, None if outcome is _SATISFIED else missing, facts or [], None, [])


def status(root: Criterion) -> Status:
    """A finding's status: the table from outcome to status."""
    return STATUS[root.outcome]
