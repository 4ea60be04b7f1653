"""Derived procedural risk: child sexual offences that village mediation may divert.

Once all facts are in, the criteria: a mediation threshold is known, and each
covering offence is out of its reach (`all`): any offence whose maximum penalty
is within the widest threshold is a gap. Comparing each offence with the one
widest threshold, rather than pairing every offence with every threshold
measure, keeps the rule linear in the size of the law; a narrower threshold
reaches no offence the widest does not.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.coverage import at_least_partly, coverage_of
from gapcheck.rules.facts import MeasureFact, RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, Criterion, Evidence, leaf, node, say


def define() -> None:
    """Declare the diversion verdict in the current rule set."""

    @verdict("diversion")
    def diversion(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, diversion_criteria(s, req))


def diversion_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    """A mediation threshold is in the law, and no covering offence falls within it."""
    assert isinstance(req.params, CoverageParams) and req.params.mediation_measure is not None
    kind = req.params.mediation_measure
    mediation = [f for f in s.of(MeasureFact) if f.measure == kind and f.has_max]
    test = say("diversion.root")
    if not mediation:
        declared = [f for f in s.of(MeasureFact) if f.measure == kind and f.status == "none"]
        if declared:  # a source states there is no such mechanism: nothing can be diverted
            return leaf(
                "diversion",
                test,
                Outcome.satisfied,
                [say("diversion.none-exists", measure=kind, source=f.source) for f in declared],
                [cited(f, Role.satisfies) for f in declared],
            )
        return absent(s, req, say("measure.what", measure=kind))
    med_lines = [
        say("diversion.threshold", provision=f.provision, months=f.max_months, source=f.source) for f in mediation
    ]
    covs = {f.offence: f for f in at_least_partly(coverage_of(s, req.req))}
    if not covs:
        return node("diversion", test, Combine.all, [absent(s, req, say("diversion.what"))], med_lines)
    widest = max(mediation, key=lambda f: f.max_months)  # the first of the widest, in the snapshot's order
    leaves = []
    # members read once, not per offence (each read of an enum class's attribute is a call on Python 3.11)
    diverts, considered, satisfies = Role.diverts, Role.considered, Role.satisfies
    not_, unknown, satisfied = Outcome.not_, Outcome.unknown, Outcome.satisfied
    for name, cov in sorted(covs.items()):
        about = {"offence": name, "source": cov.source}
        reach = say("diversion.test", offence=name)
        if cov.penalty_stated and cov.max_months <= widest.max_months:
            carries = (
                say("diversion.carries-only", penalty=cov.penalty_text)
                if cov.fine_only
                else say("diversion.carries-at-most", months=cov.max_months)
            )
            because = say(
                "diversion.within",
                **about,
                carries=carries,
                threshold=widest.max_months,
                provision=widest.provision,
                threshold_source=widest.source,
            )
            facts = [cited(cov, diverts, name), Evidence(widest.provision, widest.source, Role.threshold)]
            missing = say("diversion.missing", offence=name, threshold=widest.max_months)
            leaves.append(leaf(f"offence:{name}", reach, not_, [because], facts, missing))
        elif not cov.penalty_stated:
            leaves.append(
                leaf(
                    f"offence:{name}",
                    reach,
                    unknown,
                    [say("diversion.not-stated", **about)],
                    [cited(cov, considered, name)],
                    say("penalty.unknown", offence=name),
                )
            )
        else:
            leaves.append(
                leaf(
                    f"offence:{name}",
                    reach,
                    satisfied,
                    [say("diversion.above", **about, months=cov.max_months)],
                    [cited(cov, satisfies, name)],
                )
            )
    return node("diversion", test, Combine.all, leaves, med_lines)
