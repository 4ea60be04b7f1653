"""Verdicts on penalty requirements: every covering offence must reach the benchmark maximum.

Criteria: one per offence that covers the requirement (`all`): if children in
one age band face a penalty below the benchmark, the requirement is not met
for them. Without a covering offence, the coverage criteria decide.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, cited, conclude, verdict
from gapcheck.rules.criminalization import coverage_criteria
from gapcheck.rules.facts import RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Role, months, words
from gapcheck.rules.tree import Combine, leaf, node


def define() -> None:
    """Declare the penalty verdict in the current rule set."""

    @verdict("penalty")
    def penalty(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        coverage, covering = coverage_criteria(s, req)  # who is covered
        assert isinstance(req.params, CoverageParams) and req.params.max_at_least is not None
        if not covering:
            conclude(ctx, s, req, coverage)
            return
        floor = months(req.params.max_at_least)
        leaves = []
        for cov in {f.offence: f for f in reversed(covering)}.values():
            name = f"{cov.offence} [{cov.source}]"
            test = f"{cov.offence} carries a maximum of at least {floor}"
            missing = f"a maximum penalty of at least {floor} for {cov.offence}"
            if not cov.penalty_stated:
                leaves.append(
                    leaf(
                        f"penalty:{cov.offence}",
                        test,
                        Outcome.unknown,
                        [f"The penalty of {name} is not stated in the sources."],
                        [cited(cov, Role.considered, cov.offence)],
                        f"the penalty of {cov.offence}",
                    )
                )
            elif cov.fine_only:
                leaves.append(
                    leaf(
                        f"penalty:{cov.offence}",
                        test,
                        Outcome.not_,
                        [f"{name} carries only {cov.penalty_text}, no imprisonment: below the benchmark of {floor}."],
                        [cited(cov, Role.falls_short, cov.offence)],
                        missing,
                    )
                )
            elif cov.max_months < req.params.max_at_least:
                leaves.append(
                    leaf(
                        f"penalty:{cov.offence}",
                        test,
                        Outcome.not_,
                        [f"{name} carries at most {months(cov.max_months)}, below the benchmark of {floor}."],
                        [cited(cov, Role.falls_short, cov.offence)],
                        missing,
                    )
                )
            else:
                leaves.append(
                    leaf(
                        f"penalty:{cov.offence}",
                        test,
                        Outcome.satisfied,
                        [f"{name} carries up to {months(cov.max_months)}, meeting the benchmark of {floor}."],
                        [cited(cov, Role.satisfies, cov.offence)],
                    )
                )
        leaves.sort(key=lambda c: c.id)
        notes = [
            f"Aggravated form of {cov.offence} (where "
            f"{'the victim is under ' + str(a['victim_below']) if a['victim_below'] else words(a['circumstance'])}"
            f"): {a['text']}."
            for cov in {f.offence: f for f in covering}.values()
            for a in cov.aggravated
        ]
        root = node("penalty", f"every offence that covers it carries at least {floor}", Combine.all, leaves, notes)
        conclude(ctx, s, req, root)
