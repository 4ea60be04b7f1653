"""Verdicts on criminalization and separate-offence requirements.

Criteria: each group of conducts (covered by its best offence: `any`), and,
where the requirement names victim ages, the band those offences reach
together. The groups and the band are parts of one whole (`parts`): some
covered and some not is `partly`.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.coverage import CoverageFact, band_text, coverage_of, offence_stub
from gapcheck.rules.facts import OffenceFact, RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Role, words
from gapcheck.rules.thresholds import lowest, of_subject
from gapcheck.rules.tree import Combine, Criterion, Evidence, leaf, node


def uncovered_ages(covs: list[CoverageFact], want: tuple[int, int]) -> list[tuple[int, int]]:
    """Sub-bands of `want` that no covering offence reaches."""
    lo, hi = want
    gaps, point = [], lo
    for cov in sorted(covs, key=lambda x: x.age_from):
        if cov.age_from > point:
            gaps.append((point, min(cov.age_from, hi)))
        below = hi if cov.age_below is None else cov.age_below
        point = max(point, below)
        if point >= hi:
            break
    if point < hi:
        gaps.append((point, hi))
    return [g for g in gaps if g[0] < g[1]]


def nearby(s: Snapshot, params: CoverageParams, covs: list[CoverageFact]) -> tuple[list[str], list[Evidence]]:
    """Offences on the same object that were looked at and do not reach the conduct asked for."""
    if "child" in params.objects:
        return [], []  # offences against children are too many to list as near misses
    wanted = {x for g in params.groups for x in g}
    seen = {f.offence for f in covs}
    by_offence: dict[str, list[OffenceFact]] = {}
    for off in s.of(OffenceFact):
        if off.object in params.objects and off.offence not in seen:
            by_offence.setdefault(off.offence, []).append(off)
    lines, evidence = [], []
    for name, offs in sorted(by_offence.items()):
        does = ", ".join(words(o.conduct) for o in offs)
        lines.append(f"{name} covers {does}; not {' or '.join(words(x) for x in sorted(wanted))} [{offs[0].source}].")
        evidence.append(cited(offs[0], Role.considered, name))
    return lines, evidence


def wanted_band(s: Snapshot, params: CoverageParams) -> tuple[tuple[int, int] | None, list[str]]:
    """The victim band a requirement asks for, and how it was read.

    A band read from the law (below the age of sexual consent, or from it to
    adulthood) names the threshold, and any close-in-age exemption, in the reasoning.
    """
    subject = params.victim_band_from
    if not subject:
        return params.victim_ages, []
    found = of_subject(s, subject)
    if not found:
        return params.victim_ages, [f"No age for {words(subject)} is in the corpus to compare with."]
    low = lowest(found)
    age = low.lowest
    where = f"set by {low.provision} [{low.source}]"
    if params.victim_band_side == "above":  # e.g. abuse of trust: from the age of consent to adulthood
        top = (params.victim_ages or (0, 18))[1]
        return (age, top), [f"The band is every child from the age of {words(subject)}, {age}, {where}, to {top - 1}."]
    lines = [f"The band is every child below the age of {words(subject)}, {age}, {where}: aged 0 to {age - 1}."]
    for f in found:
        for e in f.exceptions:
            gap = f", where the partners' ages differ by at most {e.age_gap} years" if e.age_gap else ""
            floor = f" from {e.floor}" if e.floor is not None else ""
            lines.append(f"Close-in-age exemption: {f.provision} allows it{floor}{gap} {e.conditions} [{e.source}].")
    return (0, age), lines


def conducts(group: list[str]) -> str:
    return " or ".join(words(x) for x in group)


def coverage_criteria(s: Snapshot, req: RequirementFact) -> tuple[Criterion, list[CoverageFact]]:
    """The coverage tree of a requirement, and the offences that cover it at least in part."""
    params = req.params
    assert isinstance(params, CoverageParams)
    covs = coverage_of(s, req.req)
    covering = [f for f in covs if f.quality is not Quality.none]
    everything = " or ".join(conducts(g) for g in params.groups)
    groups = []
    for g, group in enumerate(params.groups):
        offences = [offence_stub(f, req) for f in covs if f.group == g]
        if not any(f.group == g for f in covering):
            what = f"in-force offence covering {conducts(group) if covering else everything}"
            missing = absent(s, req, what, id="in-law")
            if not covering:
                lines, evidence = nearby(s, params, covs)
                missing = leaf(
                    missing.id, missing.test, missing.outcome, missing.because + lines, evidence, missing.missing
                )
            offences.append(missing)
        groups.append(node(f"group:{g}", f"an in-force offence covers {conducts(group)}", Combine.any, offences))
    parts = list(groups)
    band, band_lines = wanted_band(s, params)
    if band and covering:
        gaps = uncovered_ages(covering, band)
        want = band_text(*band)
        parts.append(
            leaf(
                "victim-band",
                f"the covering offences together protect every child {want}",
                Outcome.partly if gaps else Outcome.satisfied,
                [
                    *band_lines,
                    "Children "
                    + " and ".join(band_text(a, b) for a, b in gaps)
                    + " are not protected by any covering offence.",
                ]
                if gaps
                else [*band_lines, f"Together they protect every child {want}."],
                [cited(f, Role.considered, f.offence) for f in covering if gaps],
                missing="protection of children " + " and ".join(band_text(a, b) for a, b in gaps),
            )
        )
    notes = band_lines if not (band and covering) else []
    if any(not f.age_stated for f in covering):
        notes.append("A covering offence protects 'children' without a stated age limit; it is read as under 18.")
    root = node("coverage", f"the law makes {everything} an offence", Combine.parts, parts, notes)
    if root.outcome is Outcome.satisfied and all(f.secondary for f in covering):
        root.because.append("This rests on secondary sources only.")
    return root, covering


def define() -> None:
    """Declare the verdict rule in the current rule set."""

    @verdict("criminalization", "separate_offence")
    def criminalization(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        root, _ = coverage_criteria(s, req)
        conclude(ctx, s, req, root)
