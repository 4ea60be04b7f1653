"""Which offence covers which requirement, and how completely.

Every requirement tested against offences (criminalization, separate offence,
penalty, diversion) is flattened into one `req_conduct` fact per (conduct,
object) it accepts; the join below pairs each with the in-force offences of
that conduct and object, and derives a `coverage` fact: `full`, `partial` or
`none`, with the reasons in plain words. Verdict modules read these.
"""

from typing import Any

from durable.lang import c, m, when_all

from gapcheck.rules.base import Fact, derive, fact

CHILD = (0, 18)


def band(off: Fact) -> tuple[int, int | None, bool]:
    """Victim ages an offence reaches: (from, below or None for no limit, stated?)."""
    if off["age_stated"]:
        return off["age_from"], off["age_below"], True
    if off["child_specific"]:
        return CHILD[0], CHILD[1], False  # "children", limit not stated in the source
    return 0, None, True


def band_text(lo: int, hi: int | None) -> str:
    return f"aged {lo} and over" if hi is None else f"aged {lo} to {hi - 1}"


def assess(p: Fact, off: Fact) -> tuple[str, list[str]]:
    """Quality of the match and why: `none` reasons first, then `partial` ones."""
    none: list[str] = []
    partial: list[str] = []
    if off["object"] in p["partial_objects"] and off["object"] not in p["objects"]:
        partial.append("it concerns pornography in general, not child sexual abuse material specifically")
    purposes = set(off["purposes"])
    if p["purposes"] and "any" not in purposes and not purposes & set(p["purposes"]):
        none.append(f"its purposes ({', '.join(sorted(purposes))}) do not include {' or '.join(p['purposes'])}")
    if p["purpose_unrestricted"] and "any" not in purposes:
        partial.append(f"it is limited to the purposes {', '.join(sorted(purposes))}, not sale for any purpose")
    elements = set(off["elements"])
    for element in sorted(elements & set(p["excluded_elements"])):
        none.append(f"it requires {element.replace('_', ' ')}")
    for element in sorted(set(p["required_elements"]) - elements):
        none.append(f"it has no {element.replace('_', ' ')} element")
    for element in sorted(elements & set(p["partial_elements"])):
        partial.append(f"it is narrowed by the element {element.replace('_', ' ')}")
    if off["framing"] in p["partial_labels"]:
        partial.append(
            f"it is covered only within the {off['framing']} offence or definition, not as a crime of its own"
        )
    for means in sorted(set(p["means"]) - set(off["means"])):
        none.append(f"it is not framed for commission through {means.upper()}")
    if p["sex_neutral"] and off["sex"] != "any":
        partial.append(f"it protects only {off['sex']} victims")
    lo, hi, stated = band(off)
    if p["victim_age_limit_required"] and not (stated and hi is not None):
        none.append("it sets no victim age limit")
    if p["victim_ages"]:
        want_lo, want_hi = p["victim_ages"]
        if not (lo < want_hi and (hi is None or hi > want_lo)):
            none.append(f"it protects only victims {band_text(lo, hi)}")
    if none:
        return "none", none
    return ("partial", partial) if partial else ("full", [])


def define() -> None:
    """Declare the coverage rule in the current rule set."""

    @when_all(
        c.rc << (m.kind == "req_conduct"),
        c.off << ((m.kind == "offence") & (m.conduct == c.rc.conduct) & (m.object == c.rc.object)),
        c.req << ((m.kind == "requirement") & (m.req == c.rc.req)),
    )
    def cover(ctx: Any) -> None:
        rc, off, params = fact(ctx.rc), fact(ctx.off), fact(ctx.req)["params"]
        quality, reasons = assess(params, off)
        lo, hi, stated = band(off)
        derive(
            ctx,
            {
                "ref": f"cov:{rc['req']}:{off['ref']}",
                "kind": "coverage",
                "req": rc["req"],
                "test": rc["test"],
                "group": rc["group"],
                "conduct": off["conduct"],
                "offence": off["offence"],
                "provision": off["provision"],
                "source": off["source"],
                "secondary": off["secondary"],
                "provenance": off["provenance"],
                "quality": quality,
                "reasons": reasons,
                "age_from": lo,
                "age_below": hi,
                "age_stated": stated,
                "sex": off["sex"],
                "penalty_stated": off["penalty_stated"],
                "max_months": off["max_months"],
                "min_months": off["min_months"],
                "mediation_measure": params.get("mediation_measure") or "",
            },
        )
