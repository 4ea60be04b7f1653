"""Verdicts on non-punishment requirements: child victims are not punished for their own exploitation.

A child in prostitution is a victim, yet an offence of engaging in prostitution
reaches him or her unless the law exempts children. Criteria:

- an exemption of child victims (the measure), of any status: each exemption
  and each offence reaching children are criteria (`any`): the best exemption
  decides (explicit met, de facto or partial partial, `none` gap);
- no exemption, offences of the victim's own conduct: each offence (`all`),
  reaching children `not` (gap), limited to adults `satisfied` (met);
- neither: absence (gap or unknown).

Where an exemption is in the law the exemption decides: offences that reach
children stay beside it as unmet criteria (they cannot raise the outcome),
and offences limited to adults count only beside an explicit one.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import MeasureFact, OffenceFact, RequirementFact
from gapcheck.rules.params import NonPunishmentParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, Criterion, leaf, node, say

ADULTS_ONLY = "adult_offender_only"
EXEMPTION = {
    "explicit": (Outcome.satisfied, Role.satisfies),
    "de_facto": (Outcome.partly, Role.partly_satisfies),
    "partial": (Outcome.partly, Role.partly_satisfies),
    "none": (Outcome.not_, Role.considered),
}


def define() -> None:
    """Declare the non-punishment verdict in the current rule set."""

    @verdict("non_punishment")
    def non_punishment(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, non_punishment_criteria(s, req))


def _offence(f: OffenceFact) -> Criterion:
    test = say("nonpun.test", offence=f.offence)
    about = {"offence": f.offence, "conduct": f.conduct, "source": f.source}
    if ADULTS_ONLY in f.elements:
        return leaf(
            f"offence:{f.ref}",
            test,
            Outcome.satisfied,
            [say("nonpun.adults-only", **about)],
            [cited(f, Role.satisfies, f.offence)],
        )
    return leaf(
        f"offence:{f.ref}",
        test,
        Outcome.not_,
        [say("nonpun.reaches-children", **about)],
        [cited(f, Role.falls_short, f.offence)],
        say("nonpun.offence-missing", offence=f.offence),
    )


def non_punishment_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, NonPunishmentParams)
    what = p.measure
    test = say("nonpun.root")
    own = [_offence(f) for f in s.of(OffenceFact) if f.conduct in p.conducts]
    reach = [c for c in own if c.outcome is Outcome.not_]
    exemptions = [f for f in s.of(MeasureFact) if f.measure == p.measure]
    if exemptions:
        leaves = [
            leaf(
                f"exemption:{f.ref}",
                say("nonpun.exempts", provision=f.provision),
                EXEMPTION[f.status][0],
                [say("measure.is", provision=f.provision, measure=what, status=f.status, source=f.source)],
                [cited(f, EXEMPTION[f.status][1])],
                say("measure.need", measure=what),
            )
            for f in exemptions
        ]
        explicit = any(f.status == "explicit" for f in exemptions)
        root = node("non-punishment", test, Combine.any, leaves + (own if explicit else reach))
        if explicit and reach:
            root.because.append(say("nonpun.explicit-exempts"))
        return root
    if own:
        root = node("non-punishment", test, Combine.all, own)
        if reach:
            root.because.append(say("nonpun.no-exemption", measure=what))
        return root
    return absent(s, req, say("nonpun.what", measure=what, conducts=list(p.conducts)))
