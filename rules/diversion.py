"""Derived procedural risk: child sexual offences that village mediation may divert.

A chain of two rules. First, a child sexual offence whose maximum penalty is
within the mediation threshold (a procedure measure) is `divertible`. Then,
once all facts are in, any divertible offence makes the requirement a gap.
"""

from typing import Any

from durable.lang import c, m, when_all

from gapcheck.duration import format_months as months_text
from gapcheck.rules.base import Fact, Snapshot, absent, conclude, derive, fact, provision_ref, verdict


def define() -> None:
    """Declare the diversion chain in the current rule set."""

    @when_all(
        # durable_rules compares with ==, so `== True` is needed here
        c.cov
        << ((m.kind == "coverage") & (m.test == "diversion") & (m.quality != "none") & (m.penalty_stated == True)),  # noqa: E712
        c.med
        << (
            (m.kind == "measure")
            & (m.measure == c.cov.mediation_measure)
            & (m.has_max == True)  # noqa: E712
            & (m.max_months >= c.cov.max_months)
        ),
    )
    def divertible(ctx: Any) -> None:
        cov, med = fact(ctx.cov), fact(ctx.med)
        derive(
            ctx,
            {
                "ref": f"divertible:{cov['req']}:{cov['offence']}:{med['ref']}",
                "kind": "divertible",
                "req": cov["req"],
                "offence": cov["offence"],
                "provision": cov["provision"],
                "source": cov["source"],
                "provenance": cov["provenance"],
                "max_months": cov["max_months"],
                "threshold": med["max_months"],
                "measure_provision": med["provision"],
                "measure_source": med["source"],
            },
        )

    @verdict("diversion")
    def diversion(ctx: Any, s: Snapshot, req: Fact) -> None:
        rid, kind = req["req"], req["params"]["mediation_measure"]
        mediation = [f for f in s.of("measure") if f["measure"] == kind and f["has_max"]]
        covs = [f for f in s.of("coverage") if f["req"] == rid and f["quality"] != "none"]
        if not mediation:
            status, why = absent(s, req, f"{kind.replace('_', ' ')} measure")
            conclude(ctx, s, req, status, why, [])
            return
        med_lines = [
            f"{f['provision']} sends cases punishable by up to {months_text(f['max_months'])} "
            f"to mediation [{f['source']}]."
            for f in mediation
        ]
        risky = [f for f in s.of("divertible") if f["req"] == rid]
        if risky:
            lines = [
                f"{f['offence']} can have child victims and carries at most "
                f"{months_text(f['max_months'])}, within the mediation threshold of "
                f"{months_text(f['threshold'])} set by {f['measure_provision']} "
                f"[{f['source']}; {f['measure_source']}]: "
                f"such cases may be settled by mediation instead of the formal justice system."
                for f in risky
            ]
            provisions = [provision_ref(f, "diverts", "maximum penalty within the mediation threshold") for f in risky]
            provisions += [provision_ref(f, "threshold", "mediation threshold") for f in mediation]
            lines += [
                f"The penalty of {f['offence']} is not stated; it may fall within the threshold too [{f['source']}]."
                for f in covs
                if not f["penalty_stated"]
            ]
            conclude(ctx, s, req, "gap", med_lines + lines, provisions)
            return
        if not covs:
            status, why = absent(s, req, "child sexual offence")
            conclude(ctx, s, req, status, med_lines + why, [])
            return
        unstated = [f for f in covs if not f["penalty_stated"]]
        if unstated:
            lines = [
                f"The penalty of {f['offence']} is not stated, so whether mediation could "
                f"handle it cannot be told [{f['source']}]."
                for f in unstated
            ]
            conclude(
                ctx,
                s,
                req,
                "unknown",
                med_lines + lines,
                [provision_ref(f, "considered", "penalty not stated") for f in unstated],
            )
            return
        conclude(
            ctx,
            s,
            req,
            "met",
            med_lines + ["Every child sexual offence carries more than the mediation threshold."],
            [provision_ref(f, "satisfies", "maximum above the mediation threshold") for f in covs],
        )
