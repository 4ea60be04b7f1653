"""One finding per requirement across the readings of contested facts.

A finding the same under every reading is kept as it is. One whose status
differs shows every status with the alternatives, and their sources, under
which it holds ("met if ..., gap if ..."); its headline status is the least
favourable of them (gap, partial, unknown, met), so that nothing contested is
reported as met.
"""

from typing import Any

from gapcheck.findings import Finding, ProvisionRef, ReadingOutcome, grounds, trusted
from gapcheck.prose import Wording
from gapcheck.readings import Contest, Reading, explored
from gapcheck.vocab import Status

SEVERITY = {Status.gap: 0, Status.partial: 1, Status.unknown: 2, Status.met: 3}


def merge(
    live: tuple[Contest, ...], results: list[tuple[Reading, list[Finding]]], words: Wording | None = None
) -> list[Finding]:
    """Join the findings of each reading (same requirements, same order) into one list.

    `words` names the contested facts in the sentences that say so (gapcheck.catalogue).
    """
    words = words or Wording()
    if len(results) == 1:
        names = [c.reading for c in explored(results[0][0], live)]
        return [_with(f, {"tree_reading": names}) for f in results[0][1]] if names else results[0][1]
    merged = []
    for per_reading in zip(*(findings for _, findings in results), strict=True):
        pairs = list(zip((reading for reading, _ in results), per_reading, strict=True))
        merged.append(_one(live, pairs, words))
    return merged


def _one(live: tuple[Contest, ...], pairs: list[tuple[Reading, Finding]], words: Wording) -> Finding:
    first = _with(pairs[0][1], {"tree_reading": [c.reading for c in explored(pairs[0][0], live)]})
    if all(f is pairs[0][1] or f == pairs[0][1] for _, f in pairs):  # findings built once are shared
        return first
    groups: dict[Status, list[tuple[Reading, Finding]]] = {}
    for reading, finding in pairs:
        groups.setdefault(finding.status, []).append((reading, finding))
    provisions = _unique([p for _, f in pairs for p in f.provisions])
    if len(groups) == 1:
        line = words.say(
            {
                "msg": "merge.every-reading",
                "status": first.status.value,
                "contests": [c.message() for c in live],
                "first": [c.message() for c in explored(pairs[0][0], live)],
            }
        )
        return _with(
            first, {"explanation": [*first.explanation, line], "provisions": provisions, "grounds": grounds(provisions)}
        )
    outcomes = [
        ReadingOutcome(
            status=status,
            when=_when(live, [r for r, _ in group], words),
            readings=[[c.reading for c in explored(r, live)] for r, _ in group],
            explanation=group[0][1].explanation,
        )
        for status, group in sorted(groups.items(), key=lambda kv: SEVERITY[kv[0]])
    ]
    summary = words.say(
        {
            "msg": "merge.depends",
            "outcomes": [{"msg": "merge.outcome", "status": o.status.value, "when": o.when} for o in outcomes],
        }
    )
    provisions = _unique([p for _, f in pairs for p in f.provisions])
    shown = min(groups.items(), key=lambda kv: SEVERITY[kv[0]])[1][0]  # the headline's first reading
    return _with(
        shown[1],
        {
            "tree_reading": [c.reading for c in explored(shown[0], live)],
            "status": outcomes[0].status,
            "explanation": [summary, *outcomes[0].explanation],
            "provisions": provisions,
            "grounds": grounds(provisions),
            "readings": outcomes,
        },
    )


def _with(finding: Finding, changes: dict[str, Any]) -> Finding:
    """The finding with some fields changed: what `model_copy(update=...)` gives, without its overhead."""
    return trusted(Finding, {**finding.__dict__, **changes})


def _when(live: tuple[Contest, ...], readings: list[Reading], words: Wording) -> list[str]:
    """The alternatives that set these readings apart from the others, with their sources, in words."""
    out = []
    for contest in live:
        chosen = [c for c in contest.choices if any(c in r for r in readings)]
        if len(chosen) < len(contest.choices):
            out.append(words.fragment({"msg": "merge.when", "choices": [c.message() for c in chosen]}))
    return out or [words.fragment({"msg": "merge.every-other"})]


def _unique(refs: list[ProvisionRef]) -> list[ProvisionRef]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for ref in refs:
        if (ref.id, ref.role, ref.reason) not in seen:
            seen.add((ref.id, ref.role, ref.reason))
            out.append(ref)
    return out
