"""Shared reading of age thresholds for the minimum-age, exception and age-order verdicts."""

from gapcheck.rules.base import Fact, Snapshot


def of_subject(s: Snapshot, subject: str) -> list[Fact]:
    """In-force thresholds for a subject."""
    return [f for f in s.of("threshold") if f["subject"] == subject]


def lowest(thresholds: list[Fact]) -> Fact:
    """The threshold that allows the youngest person (per-sex ages included)."""
    return min(thresholds, key=lambda f: (min(f["ages"]), f["ref"]))


def show(f: Fact) -> str:
    """'la/labour-law-2014/art-101 sets 12 for light work [source]'."""
    ages = sorted(set(f["ages"]))
    age = str(ages[0]) if len(ages) == 1 else " / ".join(str(a) for a in ages) + " (by sex)"
    return f"{f['provision']} sets {age} for {f['subject'].replace('_', ' ')} [{f['source']}]"
