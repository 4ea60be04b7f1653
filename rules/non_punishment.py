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
from gapcheck.rules.terms import Outcome, Role, words
from gapcheck.rules.tree import Combine, Criterion, leaf, node

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
    test = f"{f.offence} does not punish child victims"
    if ADULTS_ONLY in f.elements:
        return leaf(
            f"offence:{f.ref}",
            test,
            Outcome.satisfied,
            [f"{f.offence} punishes {words(f.conduct)} by adults only [{f.source}]."],
            [cited(f, Role.satisfies, f.offence)],
        )
    return leaf(
        f"offence:{f.ref}",
        test,
        Outcome.not_,
        [
            f"{f.offence} punishes {words(f.conduct)} and the source states no age limit on who commits it, "
            f"so it reaches child victims [{f.source}]."
        ],
        [cited(f, Role.falls_short, f.offence)],
        f"an exemption of child victims from {f.offence}, or its limitation to adults",
    )


def non_punishment_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, NonPunishmentParams)
    what = words(p.measure)
    test = "child victims are not punished for their own exploitation"
    own = [_offence(f) for f in s.of(OffenceFact) if f.conduct in p.conducts]
    reach = [c for c in own if c.outcome is Outcome.not_]
    exemptions = [f for f in s.of(MeasureFact) if f.measure == p.measure]
    if exemptions:
        leaves = [
            leaf(
                f"exemption:{f.ref}",
                f"{f.provision} exempts child victims explicitly",
                EXEMPTION[f.status][0],
                [f"{f.provision}: {what}, {words(f.status)} [{f.source}]."],
                [cited(f, EXEMPTION[f.status][1])],
                f"an explicit {what}",
            )
            for f in exemptions
        ]
        explicit = any(f.status == "explicit" for f in exemptions)
        root = node("non-punishment", test, Combine.any, leaves + (own if explicit else reach))
        if explicit and reach:
            root.because.append("The explicit exemption takes child victims out of the offences above.")
        return root
    if own:
        root = node("non-punishment", test, Combine.all, own)
        if reach:
            root.because.append(
                f"No provision in the corpus exempts child victims ({what}); "
                "an exemption elsewhere in the law would change this finding."
            )
        return root
    return absent(s, req, f"{what} or offence of {' or '.join(words(c) for c in p.conducts)}")
