"""Shared reading of age thresholds for the minimum-age, exception and age-order verdicts."""

from gapcheck.rules.base import Snapshot
from gapcheck.rules.facts import ExceptionFact, ThresholdFact
from gapcheck.rules.terms import words


def of_subject(s: Snapshot, subject: str) -> list[ThresholdFact]:
    """In-force thresholds for a subject."""
    return [f for f in s.of(ThresholdFact) if f.subject == subject]


def lowest(thresholds: list[ThresholdFact]) -> ThresholdFact:
    """The threshold that allows the youngest person (per-sex ages included)."""
    return min(thresholds, key=lambda f: (f.lowest, f.ref))


SEXES = {"female": "women and girls", "male": "men and boys"}


def show(f: ThresholdFact) -> str:
    """'la/labour-law-2014/art-101 sets 12 for light work [source]', per sex and population where they differ."""
    ages = sorted(set(f.ages))
    if f.by_sex and len(ages) > 1:
        age = ", ".join(f"{a} for {SEXES.get(s, s)}" for s, a in f.by_sex.items())
    else:
        age = str(ages[0]) if len(ages) == 1 else " / ".join(str(a) for a in ages) + " (by sex)"
    who = f" (for the population '{f.population}')" if f.population else ""
    return f"{f.provision} sets {age} for {words(f.subject)}{who} [{f.source}]"


def exception_floor(e: ExceptionFact) -> str:
    """'from 16', 'with no lowest age', or 'from an unstated age'; with who grants it and for which sex."""
    if e.no_floor:
        text = "with no lowest age"
    else:
        text = f"from {e.floor}" if e.floor is not None else "from an unstated age"
    if e.sex != "any":
        text += f" for {e.sex} persons"
    if e.granted_by:
        text += f" with the leave of a {words(e.granted_by)}"
    return text
