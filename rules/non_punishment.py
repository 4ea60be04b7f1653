"""Verdicts on non-punishment requirements: child victims are not punished for their own exploitation.

A child in prostitution is a victim, yet an offence of engaging in prostitution
reaches him or her unless the law exempts children. Criteria: the exemption
(a measure) or, failing one, each offence of the victim's own conduct kept
for adults (`any` of the two). In order:

| evidence                                                     | status  |
|--------------------------------------------------------------|---------|
| an explicit exemption of child victims (the measure)         | met     |
| a de facto or partial exemption                              | partial |
| the source says there is no exemption (measure `none`)       | gap     |
| an offence of the victim's own conduct, not limited to adults | gap     |
| such offences exist, all limited to adult offenders          | met     |
| nothing                                                      | absence |
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import MeasureFact, OffenceFact, RequirementFact
from gapcheck.rules.params import NonPunishmentParams
from gapcheck.rules.terms import Outcome, Role, words
from gapcheck.rules.tree import Combine, Criterion, leaf, node

ADULTS_ONLY = "adult_offender_only"
GRADE = {"explicit": Outcome.satisfied, "de_facto": Outcome.partly, "partial": Outcome.partly}


def define() -> None:
    """Declare the non-punishment verdict in the current rule set."""

    @verdict("non_punishment")
    def non_punishment(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, non_punishment_criteria(s, req))


def non_punishment_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, NonPunishmentParams)
    what = words(p.measure)
    own = [f for f in s.of(OffenceFact) if f.conduct in p.conducts]
    exemptions = [f for f in s.of(MeasureFact) if f.measure == p.measure]
    if not own and not exemptions:
        return absent(s, req, f"{what} or offence of {' or '.join(words(c) for c in p.conducts)}")
    lines = [
        f"{f.offence} punishes {words(f.conduct)} by adults only [{f.source}]."
        if ADULTS_ONLY in f.elements
        else f"{f.offence} punishes {words(f.conduct)} and the source states no age limit "
        f"on who commits it, so it reaches child victims [{f.source}]."
        for f in own
    ]
    if exemptions:  # an exemption, or a source saying there is none, decides
        best = max((GRADE.get(f.status, Outcome.not_) for f in exemptions), key=_rank)
        exemption = leaf(
            "exemption",
            f"the law exempts child victims ({what})",
            best,
            [f"{f.provision}: {what}, {words(f.status)} [{f.source}]." for f in exemptions],
            [cited(f, Role.satisfies if f.status == "explicit" else Role.considered) for f in exemptions],
            f"an explicit {what}",
        )
        if best is Outcome.satisfied and any(ADULTS_ONLY not in f.elements for f in own):
            lines.append("The explicit exemption takes child victims out of the offences above.")
        return node("non-punishment", "child victims are not punished", Combine.all, [exemption], lines)
    offences = [
        leaf(
            f"offence:{f.ref}",
            f"{f.offence} does not reach child victims",
            Outcome.satisfied if ADULTS_ONLY in f.elements else Outcome.not_,
            [line],
            [cited(f, Role.satisfies if ADULTS_ONLY in f.elements else Role.falls_short, f.offence)],
            f"an exemption of child victims from {f.offence}",
        )
        for f, line in zip(own, lines, strict=True)
    ]
    notes = (
        [
            f"No provision in the corpus exempts child victims ({what}); "
            "an exemption elsewhere in the law would change this finding."
        ]
        if any(c.outcome is Outcome.not_ for c in offences)
        else []
    )
    return node(
        "non-punishment", "every offence of the victim's own conduct is for adults only", Combine.all, offences, notes
    )


def _rank(o: Outcome) -> int:
    return {Outcome.not_: 0, Outcome.unknown: 1, Outcome.partly: 2, Outcome.satisfied: 3}[o]
