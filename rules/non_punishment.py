"""Verdicts on non-punishment requirements: child victims are not punished for their own exploitation.

A child in prostitution is a victim, yet an offence of engaging in prostitution
reaches him or her unless the law exempts children. The table, in order:

| evidence                                                     | status  |
|--------------------------------------------------------------|---------|
| an explicit exemption of child victims (the measure)         | met     |
| a de facto or partial exemption                              | partial |
| the source says there is no exemption (measure `none`)       | gap     |
| an offence of the victim's own conduct, not limited to adults | gap     |
| such offences exist, all limited to adult offenders          | met     |
| nothing                                                      | absence |
"""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict

ADULTS_ONLY = "adult_offender_only"


def punishing(s: Snapshot, p: Fact) -> tuple[list[Fact], list[Fact]]:
    """Offences of the victim's own conduct: those that reach children, and those limited to adults."""
    own = [f for f in s.of("offence") if f["conduct"] in p["conducts"]]
    return [f for f in own if ADULTS_ONLY not in f["elements"]], [f for f in own if ADULTS_ONLY in f["elements"]]


def define() -> None:
    """Declare the non-punishment verdict in the current rule set."""

    @verdict("non_punishment")
    def non_punishment(ctx: Any, s: Snapshot, req: Fact) -> None:
        p = req["params"]
        what = p["measure"].replace("_", " ")
        reach, adults = punishing(s, p)
        exemptions = [f for f in s.of("measure") if f["measure"] == p["measure"]]
        lines, provisions = [], []
        for f in reach:
            line = (
                f"{f['offence']} punishes {f['conduct'].replace('_', ' ')} and the source states no age limit "
                f"on who commits it, so it reaches child victims [{f['source']}]."
            )
            lines.append(line)
            provisions.append(provision_ref(f, "falls short", line))
        for f in adults:
            line = f"{f['offence']} punishes {f['conduct'].replace('_', ' ')} by adults only [{f['source']}]."
            lines.append(line)
            provisions.append(provision_ref(f, "satisfies", line))
        statuses = {f["status"] for f in exemptions}
        for f in exemptions:
            line = f"{f['provision']}: {what}, {f['status'].replace('_', ' ')} [{f['source']}]."
            role = {"explicit": "satisfies", "none": "considered"}.get(f["status"], "partly satisfies")
            lines.append(line)
            provisions.append(provision_ref(f, role, line))
        if "explicit" in statuses:
            status = "met"
            if reach:
                lines.append("The explicit exemption takes child victims out of the offences above.")
        elif statuses & {"de_facto", "partial"}:
            status = "partial"
        elif statuses or reach:
            status = "gap"
            if reach and not statuses:
                lines.append(
                    f"No provision in the corpus exempts child victims ({what}); "
                    "an exemption elsewhere in the law would change this finding."
                )
        elif adults:
            status = "met"
        else:
            status, why = absent(
                s, req, f"{what} or offence of {' or '.join(c.replace('_', ' ') for c in p['conducts'])}"
            )
            lines += why
        conclude(ctx, s, req, status, lines, provisions)
