"""Shared reading of age thresholds for the minimum-age, exception and age-order verdicts."""

from typing import Any

from gapcheck.rules.base import Snapshot
from gapcheck.rules.facts import ExceptionFact, ThresholdFact
from gapcheck.rules.tree import Said, say


def of_subject(s: Snapshot, subject: str) -> list[ThresholdFact]:
    """In-force thresholds for a subject."""
    return [f for f in s.of(ThresholdFact) if f.subject == subject]


def lowest(thresholds: list[ThresholdFact]) -> ThresholdFact:
    """The threshold that allows the youngest person (per-sex ages included)."""
    return min(thresholds, key=lambda f: (f.lowest, f.ref))


def show(f: ThresholdFact) -> Said:
    """'article 101 of the Labour Law sets 12 for light work [source]', per sex and population where they differ."""
    ages = sorted(set(f.ages))
    if f.by_sex and len(ages) > 1:
        age: Any = [say("age.for-sex", age=a, sex=s) for s, a in f.by_sex.items()]
    else:
        age = say("age.one", age=ages[0]) if len(ages) == 1 else say("age.by-sex", ages=ages)
    who = say("age.population", population=f.population) if f.population else None
    return say("age.sets", provision=f.provision, age=age, subject=f.subject, who=who, source=f.source)


def exception_floor(e: ExceptionFact) -> Said:
    """'from 16', 'with no lowest age', or 'from an unstated age'; with who grants it and for which sex."""
    if e.no_floor:
        parts = [say("age.no-floor")]
    else:
        parts = [say("age.floor", age=e.floor) if e.floor is not None else say("age.floor-unstated")]
    if e.sex != "any":
        parts.append(say("age.floor-sex", sex=e.sex))
    if e.granted_by:
        parts.append(say("age.granted-by", authority=e.granted_by))
    return say("age.exception-floor", parts=parts)
