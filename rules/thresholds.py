"""Shared reading of age thresholds for the minimum-age, exception and age-order verdicts."""

from gapcheck.rules.base import Snapshot
from gapcheck.rules.facts import ThresholdFact
from gapcheck.rules.terms import words


def of_subject(s: Snapshot, subject: str) -> list[ThresholdFact]:
    """In-force thresholds for a subject."""
    return [f for f in s.of(ThresholdFact) if f.subject == subject]


def lowest(thresholds: list[ThresholdFact]) -> ThresholdFact:
    """The threshold that allows the youngest person (per-sex ages included)."""
    return min(thresholds, key=lambda f: (f.lowest, f.ref))


def show(f: ThresholdFact) -> str:
    """'la/labour-law-2014/art-101 sets 12 for light work [source]'."""
    ages = sorted(set(f.ages))
    age = str(ages[0]) if len(ages) == 1 else " / ".join(str(a) for a in ages) + " (by sex)"
    return f"{f.provision} sets {age} for {words(f.subject)} [{f.source}]"
