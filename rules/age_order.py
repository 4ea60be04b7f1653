"""Verdicts on age-order requirements: one threshold reaches at least another.

For compulsory schooling against the minimum age for employment: a child
who may leave school before she may work is exposed to child labour.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import RequirementFact
from gapcheck.rules.params import AgeOrderParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.thresholds import lowest, of_subject, show
from gapcheck.rules.tree import Criterion, leaf, say


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
        return absent(s, req, say("order.what", subject=p.subject if not upper else p.at_least))
    a, b = lowest(upper), lowest(lower)
    met = a.lowest >= b.lowest
    line = say(
        "order.reaches" if met else "order.falls-short",
        shown=show(a),
        age=b.lowest,
        provision=b.provision,
        subject=p.at_least,
        source=b.source,
    )
    return leaf(
        "age-order",
        say("order.test", subject=p.subject, at_least=p.at_least),
        Outcome.satisfied if met else Outcome.not_,
        [line],
        [cited(a, Role.satisfies if met else Role.falls_short), cited(b, Role.compared_with)],
        say("order.missing", subject=p.subject, age=b.lowest),
    )
