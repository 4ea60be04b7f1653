"""Verdicts on minimum-age requirements: every threshold for the subject reaches the benchmark.

A benchmark may be lowered by a declaration in force (C138 art. 2(4));
where it is, the finding says which declaration and source it rests on.
"""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict
from gapcheck.rules.thresholds import exception_floor, lowest, of_subject, show


def define() -> None:
    """Declare the minimum-age verdict in the current rule set."""

    @verdict("min_age")
    def minimum_age(ctx: Any, s: Snapshot, req: Fact) -> None:
        p = req["params"]
        subject = p["subject"].replace("_", " ")
        if p["or_measure"]:
            bans = [f for f in s.of("measure") if f["measure"] == p["or_measure"] and f["status"] == "explicit"]
            if bans:
                conclude(
                    ctx,
                    s,
                    req,
                    "met",
                    [f"{f['provision']} prohibits {subject} for children explicitly [{f['source']}]." for f in bans],
                    [provision_ref(f, "satisfies", "explicit prohibition") for f in bans],
                )
                return
        found = of_subject(s, p["subject"])
        if not found:
            status, why = absent(s, req, f"minimum age for {subject}")
            conclude(ctx, s, req, status, why, [])
            return
        benchmark, basis = p["minimum"], [f"The benchmark is {p['minimum']}."]
        declarations = [
            f for f in s.of("measure") if f["measure"] == "minimum_age_declaration" and f["age"] == p["declaration_age"]
        ]
        if p["declared_minimum"] is not None and declarations:
            d = declarations[0]
            benchmark = p["declared_minimum"]
            basis = [
                f"The benchmark is {benchmark}, because a minimum age of {d['age']} was declared "
                f"({d['provision']}) [{d['source']}]."
            ]
        low = lowest(found)
        status = "met" if min(low["ages"]) >= benchmark else "gap"
        lines = basis + [show(f) + "." for f in found]
        role = {"met": "satisfies", "gap": "falls short"}[status]
        provisions = [provision_ref(f, role if f is low else "considered", show(f)) for f in found]
        if p["counts_exceptions"]:
            for f in found:
                for e in f["exceptions"]:
                    text = f"{f['provision']} allows it {exception_floor(e)} {e['conditions']} [{e['source']}]"
                    lowers = e["no_floor"] or (e["floor"] is not None and e["floor"] < benchmark)
                    if e["confirmed"] and not e["secondary"] and lowers:
                        status = "gap"
                        lines.append(f"{text}: the minimum holds with or without consent, so this lowers it.")
                        provisions.append(provision_ref(f, "falls short", text))
                    elif not (e["confirmed"] and not e["secondary"]):
                        lines.append(f"Reported by a secondary or unconfirmed source, not counted: {text}.")
        conclude(ctx, s, req, status, lines, provisions)
