"""Verdicts on gender neutrality: no offence relied on for the listed requirements is limited by victim sex."""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict


def define() -> None:
    """Declare the gender-neutrality verdict in the current rule set."""

    @verdict("gender_neutral")
    def gender_neutral(ctx: Any, s: Snapshot, req: Fact) -> None:
        wanted = set(req["params"]["requirements"])
        covs = [f for f in s.of("coverage") if f["req"] in wanted and f["quality"] != "none"]
        if not covs:
            status, why = absent(s, req, "offence relied on for the listed requirements")
            conclude(ctx, s, req, status, why, [])
            return
        limited = {f["offence"]: f for f in covs if f["sex"] != "any"}
        if limited:
            lines = [f"{f['offence']} protects only {f['sex']} victims [{f['source']}]." for f in limited.values()]
            conclude(
                ctx,
                s,
                req,
                "partial",
                lines,
                [provision_ref(f, "falls short", f"{f['sex']} victims only") for f in limited.values()],
            )
            return
        conclude(
            ctx,
            s,
            req,
            "met",
            ["Every offence relied on for " + ", ".join(sorted(wanted)) + " protects victims of any sex."],
            [provision_ref(f, "satisfies", "no victim sex limit") for f in covs],
        )
