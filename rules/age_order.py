"""Verdicts on age-order requirements: one threshold reaches at least another.

For compulsory schooling against the minimum age for employment: a child
who may leave school before she may work is exposed to child labour.
"""

from typing import Any

from durable.lang import c, m, when_all

from rules.base import Snapshot, absent, conclude, fact, provision_ref
from rules.thresholds import lowest, of_subject, show


def define() -> None:
    """Declare the age-order verdict in the current rule set."""

    @when_all(c.t << (m.kind == "$evaluate"), c.req << ((m.kind == "requirement") & (m.test == "age_order")))
    def age_order(ctx: Any) -> None:
        req = fact(ctx.req)
        s = Snapshot(ctx)
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
        line = (f"{show(a)}, which {verb} the {min(b['ages'])} of {b['provision']} "
                f"for {p['at_least'].replace('_', ' ')} [{b['source']}].")
        conclude(ctx, s, req, "met" if met else "gap", [line],
                 [provision_ref(a, "satisfies" if met else "falls short", show(a)),
                  provision_ref(b, "compared with", show(b))])
