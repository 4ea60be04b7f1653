"""Verdicts on age-order requirements: one threshold reaches at least another.

For compulsory schooling against the minimum age for employment: a child
who may leave school before she may work is exposed to child labour.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import RequirementFact
from gapcheck.rules.params import AgeOrderParams
from gapcheck.rules.terms import Outcome, Role, words
from gapcheck.rules.thresholds import lowest, of_subject, show
from gapcheck.rules.tree import Criterion, leaf


def define() -> None:
    """Declare the age-order verdict in the current rule set."""

    @verdict("age_order")
    def age_order(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, age_order_criteria(s, req))


def age_order_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    """The lowest age for `subject` reaches the lowest for `at_least`."""
    p = req.params
    assert isinstance(p, AgeOrderParams)
    upper, lower = of_subject(s, p.subject), of_subject(s, p.at_least)
    if not upper or not lower:
        return absent(s, req, f"age for {words(p.subject if not upper else p.at_least)}")
    a, b = lowest(upper), lowest(lower)
    met = a.lowest >= b.lowest
    line = (
        f"{show(a)}, which {'reaches' if met else 'falls short of'} the {b.lowest} of {b.provision} "
        f"for {words(p.at_least)} [{b.source}]."
    )
    return leaf(
        "age-order",
        f"the age for {words(p.subject)} reaches the age for {words(p.at_least)}",
        Outcome.satisfied if met else Outcome.not_,
        [line],
        [cited(a, Role.satisfies if met else Role.falls_short), cited(b, Role.compared_with)],
        f"an age for {words(p.subject)} of at least {b.lowest}",
    )
