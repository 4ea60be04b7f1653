"""Verdicts on criminalization and separate-offence requirements.

Criteria: each group of conducts (covered by its best offence: `any`), and,
where the requirement names victim ages, the band those offences reach
together. The groups and the band are parts of one whole (`parts`): some
covered and some not is `partly`.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.coverage import CoverageFact, at_least_partly, coverage_of, offence_stub
from gapcheck.rules.facts import OffenceFact, RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.thresholds import lowest, of_subject
from gapcheck.rules.tree import Combine, Criterion, Evidence, Said, leaf, node, say


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


def nearby(s: Snapshot, params: CoverageParams, covs: list[CoverageFact]) -> tuple[list[Said], list[Evidence]]:
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
    asked, considered = sorted(wanted), Role.considered  # read once: a near miss is often one of many
    for name, offs in sorted(by_offence.items()):
        does = [o.conduct for o in offs]
        lines.append(say("crim.nearby", offence=name, does=does, wanted=list(asked), source=offs[0].source))
        evidence.append(cited(offs[0], considered, name))
    return lines, evidence


def wanted_band(s: Snapshot, params: CoverageParams) -> tuple[tuple[int, int] | None, list[Said]]:
    """The victim band a requirement asks for, and how it was read.

    A band read from the law (below the age of sexual consent, or from it to
    adulthood) names the threshold, and any close-in-age exemption, in the reasoning.
    """
    subject = params.victim_band_from
    if not subject:
        return params.victim_ages, []
    found = of_subject(s, subject)
    if not found:
        return params.victim_ages, [say("crim.no-age", subject=subject)]
    low = lowest(found)
    age = low.lowest
    where = {"subject": subject, "age": age, "provision": low.provision, "source": low.source}
    if params.victim_band_side == "above":  # e.g. abuse of trust: from the age of consent to adulthood
        top = (params.victim_ages or (0, 18))[1]
        return (age, top), [say("crim.band-above", **where, last=top - 1)]
    lines = [say("crim.band-below", **where, last=age - 1)]
    for f in found:
        for e in f.exceptions:
            lines.append(
                say(
                    "crim.close-in-age",
                    provision=f.provision,
                    floor=say("crim.exemption-floor", age=e.floor) if e.floor is not None else None,
                    gap=say("crim.exemption-gap", years=e.age_gap) if e.age_gap else None,
                    conditions=e.conditions,
                    source=e.source,
                )
            )
    return (0, age), lines


def coverage_criteria(s: Snapshot, req: RequirementFact) -> tuple[Criterion, list[CoverageFact]]:
    """The coverage tree of a requirement, and the offences that cover it at least in part."""
    params = req.params
    assert isinstance(params, CoverageParams)
    covs = coverage_of(s, req.req)
    covering = at_least_partly(covs)
    everything = [x for g in params.groups for x in g]
    groups = []
    for g, group in enumerate(params.groups):
        offences = [offence_stub(f, req) for f in covs if f.group == g]
        if not any(f.group == g for f in covering):
            what = say("crim.offence-covering", conducts=group if covering else everything)
            missing = absent(s, req, what, id="in-law")
            if not covering:
                lines, evidence = nearby(s, params, covs)
                missing = leaf(
                    missing.id, missing.test, missing.outcome, missing.because + lines, evidence, missing.missing
                )
            offences.append(missing)
        groups.append(node(f"group:{g}", say("crim.group", conducts=group), Combine.any, offences))
    parts = list(groups)
    band, band_lines = wanted_band(s, params)
    if band and covering:
        gaps = [list(b) for b in uncovered_ages(covering, band)]
        want = list(band)
        parts.append(
            leaf(
                "victim-band",
                say("crim.band-test", band=want),
                Outcome.partly if gaps else Outcome.satisfied,
                [*band_lines, say("crim.band-uncovered", bands=gaps)]
                if gaps
                else [*band_lines, say("crim.band-covered", band=want)],
                [cited(f, Role.considered, f.offence) for f in covering if gaps],
                missing=say("crim.band-missing", bands=gaps),
            )
        )
    notes = band_lines if not (band and covering) else []
    if any(not f.age_stated for f in covering):
        notes.append(say("crim.children-unstated"))
    root = node("coverage", say("crim.root", conducts=everything), Combine.parts, parts, notes)
    if root.outcome is Outcome.satisfied and all(f.secondary for f in covering):
        root.because.append(say("crim.secondary-only"))
    return root, covering


def define() -> None:
    """Declare the verdict rule in the current rule set."""

    @verdict("criminalization", "separate_offence")
    def criminalization(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        root, _ = coverage_criteria(s, req)
        conclude(ctx, s, req, root)
