"""Verdicts on criminalization and separate-offence requirements.

Every group of conducts must be covered; a group is covered by its best
offence. Where the requirement names victim ages, the offences that cover
it must together reach every age in the band.
"""

from typing import Any

from gapcheck.rules.base import Fact, Snapshot, absent, conclude, provision_ref, verdict
from gapcheck.rules.coverage import band_text
from gapcheck.rules.thresholds import lowest, of_subject

ROLE = {"full": "satisfies", "partial": "partly satisfies", "none": "considered"}
RANK = {"none": 0, "partial": 1, "full": 2}


def describe(cov: Fact) -> str:
    """One line on what an offence does for a requirement."""
    head = f"{cov['offence']} ({cov['conduct'].replace('_', ' ')})"
    if cov["quality"] == "full":
        tail = "covers it"
    elif cov["quality"] == "partial":
        tail = "covers it only in part: " + "; ".join(cov["reasons"])
    else:
        tail = "does not cover it: " + "; ".join(cov["reasons"])
    return f"{head} {tail} [{cov['source']}]."


def uncovered_ages(covs: list[Fact], want: list[int]) -> list[tuple[int, int]]:
    """Sub-bands of `want` that no covering offence reaches."""
    lo, hi = want
    gaps, point = [], lo
    for cov in sorted(covs, key=lambda x: x["age_from"]):
        if cov["age_from"] > point:
            gaps.append((point, min(cov["age_from"], hi)))
        below = hi if cov["age_below"] is None else cov["age_below"]
        point = max(point, below)
        if point >= hi:
            break
    if point < hi:
        gaps.append((point, hi))
    return [g for g in gaps if g[0] < g[1]]


def nearby(s: Snapshot, params: Fact, covs: list[Fact]) -> list[Fact]:
    """Offences on the same object that were looked at and do not reach the conduct asked for."""
    if "child" in params["objects"]:
        return []  # offences against children are too many to list as near misses
    wanted = {x for g in params["groups"] for x in g}
    seen = {f["offence"] for f in covs}
    by_offence: dict[str, list[Fact]] = {}
    for off in s.of("offence"):
        if off["object"] in params["objects"] and off["offence"] not in seen:
            by_offence.setdefault(off["offence"], []).append(off)
    out = []
    for name, offs in sorted(by_offence.items()):
        does = ", ".join(o["conduct"].replace("_", " ") for o in offs)
        reason = (
            f"{name} covers {does}; not {' or '.join(x.replace('_', ' ') for x in sorted(wanted))} "
            f"[{offs[0]['source']}]."
        )
        out.append(provision_ref(offs[0], "considered", reason))
    return out


def wanted_band(s: Snapshot, params: Fact) -> tuple[list[int] | None, list[str]]:
    """The victim band a requirement asks for, and how it was read.

    A band read from the law (below the age of sexual consent) names the
    threshold, and any close-in-age exemption to it, in the reasoning.
    """
    subject = params.get("victim_band_from")
    if not subject:
        return params["victim_ages"], []
    found = of_subject(s, subject)
    if not found:
        return params["victim_ages"], [f"No age for {subject.replace('_', ' ')} is in the corpus to compare with."]
    low = lowest(found)
    age = min(low["ages"])
    if params.get("victim_band_side") == "above":  # e.g. abuse of trust: from the age of consent to adulthood
        top = (params["victim_ages"] or [0, 18])[1]
        return [age, top], [
            f"The band is every child from the age of {subject.replace('_', ' ')}, {age}, "
            f"set by {low['provision']} [{low['source']}], to {top - 1}."
        ]
    lines = [
        f"The band is every child below the age of {subject.replace('_', ' ')}, {age}, "
        f"set by {low['provision']} [{low['source']}]: aged 0 to {age - 1}."
    ]
    for f in found:
        for e in f["exceptions"]:
            gap = f", where the partners' ages differ by at most {e['age_gap']} years" if e["age_gap"] else ""
            floor = f" from {e['floor']}" if e["floor"] is not None else ""
            lines.append(
                f"Close-in-age exemption: {f['provision']} allows it{floor}{gap} {e['conditions']} [{e['source']}]."
            )
    return [0, age], lines


def coverage_verdict(s: Snapshot, req: Fact) -> tuple[str, list[str], list[Fact], list[Fact]]:
    """Status, explanation, provisions and the covering facts for a coverage requirement."""
    params = req["params"]
    covs = [f for f in s.of("coverage") if f["req"] == req["req"]]
    provisions = [provision_ref(f, ROLE[f["quality"]], describe(f)) for f in covs]
    explanation = [describe(f) for f in covs]
    best = [max((RANK[f["quality"]] for f in covs if f["group"] == g), default=0) for g in range(len(params["groups"]))]
    if all(b == 0 for b in best):
        conducts = " or ".join(x.replace("_", " ") for g in params["groups"] for x in g)
        status, why = absent(s, req, f"in-force offence covering {conducts}")
        near = nearby(s, params, covs)
        return status, explanation + why + [r["reason"] for r in near], provisions + near, []
    status = "met" if all(b == 2 for b in best) else "partial"
    for g, b in enumerate(best):
        if b == 0:
            explanation.append(
                "No in-force offence covers " + " or ".join(x.replace("_", " ") for x in params["groups"][g]) + "."
            )
    covering = [f for f in covs if f["quality"] != "none"]
    want, band_lines = wanted_band(s, params)
    explanation += band_lines
    if want:
        missing = uncovered_ages(covering, want)
        if missing:
            status = "partial"
            explanation.append(
                "Children "
                + " and ".join(band_text(a, b) for a, b in missing)
                + " are not protected by any covering offence."
            )
    if any(not f["age_stated"] for f in covering):
        explanation.append("A covering offence protects 'children' without a stated age limit; it is read as under 18.")
    if status == "met" and all(f["secondary"] for f in covering):
        explanation.append("This rests on secondary sources only.")
    return status, explanation, provisions, covering


def define() -> None:
    """Declare the verdict rule in the current rule set."""

    @verdict("criminalization", "separate_offence")
    def criminalization(ctx: Any, s: Snapshot, req: Fact) -> None:
        status, explanation, provisions, _ = coverage_verdict(s, req)
        conclude(ctx, s, req, status, explanation, provisions)
