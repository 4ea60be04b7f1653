"""Verdicts on no-exception requirements: a minimum age must hold without a lower exception.

A confirmed exception is a gap. Where the source does not say whether
exceptions exist, or only an unconfirmed source reports one, the answer is
`unknown`, and the finding says what is reported.
"""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict
from gapcheck.rules.thresholds import exception_floor, of_subject, show


def define() -> None:
    """Declare the no-exception verdict in the current rule set."""

    @verdict("no_exceptions")
    def no_exceptions(ctx: Any, s: Snapshot, req: Fact) -> None:
        p = req["params"]
        found = of_subject(s, p["subject"])
        if not found:
            status, why = absent(s, req, f"minimum age for {p['subject'].replace('_', ' ')}")
            conclude(ctx, s, req, status, why, [])
            return
        floor = min(min(f["ages"]) for f in found)
        confirmed: list[str] = []
        reported: list[str] = []
        lines: list[str] = []
        provisions: list[Fact] = []
        for f in found:
            for e in f["exceptions"]:
                text = (
                    f"{f['provision']} allows {p['subject'].replace('_', ' ')} {exception_floor(e)} "
                    f"{e['conditions']} [{e['source']}]"
                )
                (confirmed if e["confirmed"] and not e["secondary"] else reported).append(text)
                provisions.append(provision_ref(f, "allows an exception", text))
        top = max(max(f["ages"]) for f in found)
        for f in found:  # a lower age for one sex or one population is an exception for them
            if min(f["ages"]) < top:
                text = f"{show(f)}, below the {top} the law sets elsewhere for {p['subject'].replace('_', ' ')}"
                confirmed.append(text)
                provisions.append(provision_ref(f, "allows an exception", text))
        for lower_subject in p["lower_subjects"]:
            for f in of_subject(s, lower_subject):
                if min(f["ages"]) < floor:
                    text = f"{show(f)}, below the minimum age of {floor}"
                    confirmed.append(text)
                    provisions.append(provision_ref(f, "allows an exception", text))
        silent = [f for f in found if not f["exceptions_known"]]
        if confirmed:
            status, lines = "gap", [t + "." for t in confirmed]
        elif reported or silent:
            status = "unknown"
            lines = [f"{show(f)}; the source does not say whether exceptions exist." for f in silent]
            lines += [f"Reported by a secondary or unconfirmed source: {t}." for t in reported]
        else:
            status = "met"
            lines = [f"{show(f)}, with no exception stated." for f in found]
        provisions += [provision_ref(f, "considered", show(f)) for f in found]
        conclude(ctx, s, req, status, lines, provisions)
