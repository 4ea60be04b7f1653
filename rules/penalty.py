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
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, leaf, node, say


def define() -> None:
    """Declare the penalty verdict in the current rule set."""

    @verdict("penalty")
    def penalty(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        coverage, covering = coverage_criteria(s, req)  # who is covered
        assert isinstance(req.params, CoverageParams) and req.params.max_at_least is not None
        if not covering:
            conclude(ctx, s, req, coverage)
            return
        floor = req.params.max_at_least
        leaves = []
        for cov in {f.offence: f for f in reversed(covering)}.values():
            name = {"offence": cov.offence, "source": cov.source, "floor": floor}
            test = say("penalty.test", **name)
            missing = say("penalty.missing", **name)
            if not cov.penalty_stated:
                outcome, because, role = Outcome.unknown, say("penalty.not-stated", **name), Role.considered
                missing = say("penalty.unknown", **name)
            elif cov.fine_only:
                outcome, role = Outcome.not_, Role.falls_short
                because = say("penalty.fine-only", **name, penalty=cov.penalty_text)
            elif cov.max_months < floor:
                outcome, role = Outcome.not_, Role.falls_short
                because = say("penalty.below", **name, months=cov.max_months)
            else:
                outcome, role = Outcome.satisfied, Role.satisfies
                because = say("penalty.meets", **name, months=cov.max_months)
            leaves.append(
                leaf(f"penalty:{cov.offence}", test, outcome, [because], [cited(cov, role, cov.offence)], missing)
            )
        leaves.sort(key=lambda c: c.id)
        notes = [
            say(
                "penalty.aggravated",
                offence=cov.offence,
                where=say("penalty.victim-under", age=a["victim_below"])
                if a["victim_below"]
                else say("penalty.circumstance", circumstance=a["circumstance"]),
                text=a["text"],
            )
            for cov in {f.offence: f for f in covering}.values()
            for a in cov.aggravated
        ]
        root = node("penalty", say("penalty.root", floor=floor), Combine.all, leaves, notes)
        conclude(ctx, s, req, root)
