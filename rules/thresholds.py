"""Shared reading of age thresholds for the minimum-age, exception and age-order verdicts."""

from gapcheck.rules.base import Fact, Snapshot


def of_subject(s: Snapshot, subject: str) -> list[Fact]:
    """In-force thresholds for a subject."""
    return [f for f in s.of("threshold") if f["subject"] == subject]


def lowest(thresholds: list[Fact]) -> Fact:
    """The threshold that allows the youngest person (per-sex ages included)."""
    return min(thresholds, key=lambda f: (min(f["ages"]), f["ref"]))


def show(f: Fact) -> str:
    """'la/labour-law-2014/art-101 sets 12 for light work [source]', per sex and population where given."""
    ages = sorted(set(f["ages"]))
    if f.get("by_sex") and len(ages) > 1:
        age = ", ".join(
            f"{a} for {'women and girls' if s == 'female' else 'men and boys' if s == 'male' else s}"
            for s, a in f["by_sex"].items()
        )
        age = f"{age} (general rule {f['ages'][0]})" if f["ages"][0] not in f["by_sex"].values() else age
    else:
        age = str(ages[0]) if len(ages) == 1 else " / ".join(str(a) for a in ages) + " (by sex)"
    who = f" (for the population '{f['population']}')" if f.get("population") else ""
    return f"{f['provision']} sets {age} for {f['subject'].replace('_', ' ')}{who} [{f['source']}]"


def exception_floor(e: Fact) -> str:
    """'from 16', 'with no lowest age', or 'from an unstated age'; with who grants it and for which sex."""
    if e.get("no_floor"):
        text = "with no lowest age"
    else:
        text = f"from {e['floor']}" if e["floor"] is not None else "from an unstated age"
    if e.get("sex") and e["sex"] != "any":
        text += f" for {e['sex']} persons"
    if e.get("granted_by"):
        text += f" with the leave of a {e['granted_by'].replace('_', ' ')}"
    return text
