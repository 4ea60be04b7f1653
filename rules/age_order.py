"""Verdicts on age-order requirements: one threshold reaches at least another.

For compulsory schooling against the minimum age for employment: a child
who may leave school before she may work is exposed to child labour.
"""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict
from gapcheck.rules.thresholds import lowest, of_subject, show


def define() -> None:
    """Declare the age-order verdict in the current rule set."""

    @verdict("age_order")
    def age_order(ctx: Any, s: Snapshot, req: Fact) -> None:
        p = req["params"]
        upper, lower = of_subject(s, p["subject"]), of_subject(s, p["at_least"])
        if not upper or not lower:
            missing = p["subject"] if not upper else p["at_least"]
            status, why = absent(s, req, f"age for {missing.replace('_', ' ')}")
            conclude(ctx, s, req, status, why, [])
            return
        a, b = lowest(upper), lowest(lower)
        met = min(a["ages"]) >= min(b["ages"])
        verb = "reaches" if met else "falls short of"
        line = (
            f"{show(a)}, which {verb} the {min(b['ages'])} of {b['provision']} "
            f"for {p['at_least'].replace('_', ' ')} [{b['source']}]."
        )
        conclude(
            ctx,
            s,
            req,
            "met" if met else "gap",
            [line],
            [
                provision_ref(a, "satisfies" if met else "falls short", show(a)),
                provision_ref(b, "compared with", show(b)),
            ],
        )
