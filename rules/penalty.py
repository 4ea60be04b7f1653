"""Verdicts on penalty requirements: every covering offence must reach the benchmark maximum.

The weakest covering offence decides: if children in one age band face a
penalty below the benchmark, the requirement is not met for them.
"""

from typing import Any

from gapcheck.duration import format_months as months_text
from gapcheck.rules.base import Fact, Snapshot, conclude, provision_ref, verdict
from gapcheck.rules.criminalization import coverage_verdict


def define() -> None:
    """Declare the penalty verdict in the current rule set."""

    @verdict("penalty")
    def penalty(ctx: Any, s: Snapshot, req: Fact) -> None:
        status, explanation, provisions, covering = coverage_verdict(s, req)  # who is covered
        if not covering:
            conclude(ctx, s, req, status, explanation, provisions)
            return
        floor = req["params"]["max_at_least"]
        low, unstated, lines, roles = [], [], [], []
        for cov in covering:
            name = f"{cov['offence']} [{cov['source']}]"
            if not cov["penalty_stated"]:
                unstated.append(cov)
                lines.append(f"The penalty of {name} is not stated in the sources.")
                roles.append(provision_ref(cov, "considered", "penalty not stated"))
            elif cov["fine_only"]:
                low.append(cov)
                lines.append(
                    f"{name} carries only {cov['penalty_text']}, no imprisonment: "
                    f"below the benchmark of {months_text(floor)}."
                )
                roles.append(provision_ref(cov, "falls short", f"fine only ({cov['penalty_text']})"))
                continue
            elif cov["max_months"] < floor:
                low.append(cov)
                lines.append(
                    f"{name} carries at most {months_text(cov['max_months'])}, "
                    f"below the benchmark of {months_text(floor)}."
                )
                roles.append(
                    provision_ref(
                        cov, "falls short", f"maximum {months_text(cov['max_months'])} is below {months_text(floor)}"
                    )
                )
            else:
                lines.append(
                    f"{name} carries up to {months_text(cov['max_months'])}, "
                    f"meeting the benchmark of {months_text(floor)}."
                )
                roles.append(provision_ref(cov, "satisfies", f"maximum {months_text(cov['max_months'])}"))
        for cov in covering:
            for agg in cov["aggravated"]:
                when = agg["circumstance"].replace("_", " ")
                if agg["victim_below"]:
                    when = f"the victim is under {agg['victim_below']}"
                lines.append(f"Aggravated form of {cov['offence']} (where {when}): {agg['text']}.")
        conclude(ctx, s, req, "gap" if low else ("unknown" if unstated else "met"), lines, roles)
