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
from gapcheck.rules.coverage import coverage_of
from gapcheck.rules.facts import MeasureFact, RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Role, months, words
from gapcheck.rules.tree import Combine, Criterion, Evidence, leaf, node


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
    if not mediation:
        declared = [f for f in s.of(MeasureFact) if f.measure == kind and f.status == "none"]
        if declared:  # a source states there is no such mechanism: nothing can be diverted
            return leaf(
                "diversion",
                "no child sexual offence can be diverted to mediation",
                Outcome.satisfied,
                [
                    f"The source states that no {words(kind)} exists, so no case can be diverted "
                    f"from the formal justice system [{f.source}]."
                    for f in declared
                ],
                [cited(f, Role.satisfies) for f in declared],
            )
        return absent(s, req, f"{words(kind)} measure")
    med_lines = [
        f"{f.provision} sends cases punishable by up to {months(f.max_months)} to mediation [{f.source}]."
        for f in mediation
    ]
    covs = {f.offence: f for f in coverage_of(s, req.req) if f.quality is not Quality.none}
    if not covs:
        return node(
            "diversion",
            "no child sexual offence can be diverted to mediation",
            Combine.all,
            [absent(s, req, "child sexual offence")],
            med_lines,
        )
    widest = max(mediation, key=lambda f: f.max_months)  # the first of the widest, in the snapshot's order
    leaves = []
    for name, cov in sorted(covs.items()):
        test = f"{name} is out of reach of mediation"
        if cov.penalty_stated and cov.max_months <= widest.max_months:
            because = [
                f"{name} carries {'only ' + cov.penalty_text if cov.fine_only else 'at most ' + months(cov.max_months)}"
                f", within the mediation threshold of {months(widest.max_months)} set by {widest.provision}"
                f" [{cov.source}; {widest.source}]: "
                f"such cases may be settled by mediation instead of the formal justice system."
            ]
            facts = [cited(cov, Role.diverts, name), Evidence(widest.provision, widest.source, Role.threshold)]
            leaves.append(
                leaf(
                    f"offence:{name}",
                    test,
                    Outcome.not_,
                    because,
                    facts,
                    f"a maximum penalty for {name} above {months(widest.max_months)}, or its exclusion from mediation",
                )
            )
        elif not cov.penalty_stated:
            leaves.append(
                leaf(
                    f"offence:{name}",
                    test,
                    Outcome.unknown,
                    [
                        f"The penalty of {name} is not stated, so whether mediation could handle it "
                        f"cannot be told [{cov.source}]."
                    ],
                    [cited(cov, Role.considered, name)],
                    f"the penalty of {name}",
                )
            )
        else:
            leaves.append(
                leaf(
                    f"offence:{name}",
                    test,
                    Outcome.satisfied,
                    [f"{name} carries {months(cov.max_months)}, more than the mediation threshold."],
                    [cited(cov, Role.satisfies, name)],
                )
            )
    return node("diversion", "no child sexual offence can be diverted to mediation", Combine.all, leaves, med_lines)
