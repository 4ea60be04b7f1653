"""Verdicts on legal-measure requirements: the measure is in the law, explicitly.

A measure the source says is absent (`none`) is a gap even in an open world:
the source has looked. A related but weaker measure (a blocking power
without a reporting duty) is partial.
"""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict

RANK = {"gap": 0, "partial": 1, "met": 2}


def grade(p: Fact, f: Fact) -> tuple[str, str]:
    """Status a single measure earns, and why."""
    kind = f["measure"].replace("_", " ")
    where = f"{f['provision']}: {kind}, {f['status'].replace('_', ' ')} [{f['source']}]"
    missing = sorted(set(p["bases"]) - set(f["bases"]))
    lacking = [e for e in p["elements"] if e not in f["elements"]]
    if f["status"] == "none":
        return "gap", f"{where}: the source says the measure is absent."
    if missing:
        return "partial", f"{where}, but without the {', '.join(missing)} basis."
    if lacking:
        provided = [e.replace("_", " ") for e in p["elements"] if e in f["elements"]]
        return "partial", (
            f"{where}: it provides {', '.join(provided) or 'none of the required elements'}; "
            f"not {', '.join(e.replace('_', ' ') for e in lacking)}."
        )
    if f["status"] in p["full"]:
        return "met", where + "."
    if f["status"] in p["partial"]:
        return "partial", f"{where}: not an explicit, complete measure."
    return "gap", where + "."


def define() -> None:
    """Declare the measure verdict in the current rule set."""

    @verdict("measure")
    def measure(ctx: Any, s: Snapshot, req: Fact) -> None:
        p = req["params"]
        measures = s.of("measure")
        own = [f for f in measures if f["measure"] == p["measure"]]
        if own:
            graded = [(grade(p, f), f) for f in own]
            status = max((s for (s, _), _ in graded), key=RANK.__getitem__)
            role = {"met": "satisfies", "partial": "partly satisfies", "gap": "considered"}
            lines = [line for (_, line), _ in graded]
            if status == "gap":  # a closed world says so too: cite it beside the measure's own source
                closed, why = absent(s, req, p["measure"].replace("_", " "))
                lines += why if closed == "gap" else []
            conclude(ctx, s, req, status, lines, [provision_ref(f, role[s], line) for (s, line), f in graded])
            return
        weaker = [f for f in measures if f["measure"] in p["partial_kinds"]]
        if weaker:
            lines = [
                f"{f['provision']}: only a {f['measure'].replace('_', ' ')} [{f['source']}], "
                f"no {p['measure'].replace('_', ' ')}."
                for f in weaker
            ]
            conclude(
                ctx,
                s,
                req,
                "partial",
                lines,
                [provision_ref(f, "partly satisfies", line) for f, line in zip(weaker, lines, strict=True)],
            )
            return
        status, why = absent(s, req, p["measure"].replace("_", " "))
        conclude(ctx, s, req, status, why, [])
