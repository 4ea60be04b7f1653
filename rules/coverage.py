"""Which offence covers which requirement, and how completely.

Every requirement tested against offences (criminalization, separate offence,
penalty, diversion) is flattened into one `req_conduct` fact per (conduct,
object) it accepts. When a verdict asks for a requirement's coverage
(`coverage_of`), each of these is joined, through an index of the session's
offences by (conduct, object), with the in-force offences of that conduct and
object, and each pair's criteria (object, purpose, elements, framing, means,
victim sex and ages: `decide`) give a `CoverageFact` with their quality. The
join runs once per requirement and evaluation, inside the verdicts, rather than
as one engine action and one derived fact per pair: the cost grows with the
matches, and the engine's actions with the requirements only. `assess` and
`expand` word the same criteria for the tree.
"""

from dataclasses import dataclass, field
from typing import Any

from gapcheck.rules.base import Snapshot
from gapcheck.rules.facts import Cited, Fact, OffenceFact, ReqConductFact, RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Role, words
from gapcheck.rules.tree import Combine, Criterion, Evidence, combine, leaf, node

CHILD = (0, 18)

# Elements that narrow an offence below what any standard asks, in words: each makes coverage partial.
NARROWING = {
    "purpose_distribution": "possession is punished only when it is for distribution",
    "purpose_sexual_gratification": "possession is punished only when it is for sexual gratification",
    "custodian_only": "abuse of trust is limited to custodians, not any position of trust, authority or influence",
    "single_platform": "it is limited to one means or platform of communication",
    "meeting_request_only": "solicitation is punished only when it leads to a proposal to meet",
    "victim_punishable": "the child victim is also punishable",
}
QUALITY = {Outcome.satisfied: Quality.full, Outcome.partly: Quality.partial, Outcome.not_: Quality.none}
ROLE = {Quality.full: Role.satisfies, Quality.partial: Role.partly_satisfies, Quality.none: Role.considered}


@dataclass(frozen=True)
class CoverageFact(Cited):
    """How one offence (in one conduct) covers one requirement: its quality and its criteria.

    Derived inside the verdicts (`coverage_of`), never asserted into the engine.
    """

    KIND = "coverage"
    req: str
    test: str
    group: int
    conduct: str
    offence: str
    quality: Quality
    offence_ref: str
    age_from: int
    age_below: int | None
    age_stated: bool
    sex: str
    penalty_stated: bool
    max_months: int
    mediation_measure: str
    fine_only: bool = False
    penalty_text: str = ""
    aggravated: list[Fact] = field(default_factory=list)


def band(off: OffenceFact) -> tuple[int, int | None, bool]:
    """Victim ages an offence reaches: (from, below or None for no limit, stated?)."""
    if off.age_stated:
        return off.age_from, off.age_below, True
    if off.child_specific:
        return CHILD[0], CHILD[1], False  # "children", limit not stated in the source
    return 0, None, True


def band_text(lo: int, hi: int | None) -> str:
    return f"aged {lo} and over" if hi is None else f"aged {lo} to {hi - 1}"


def decide(p: CoverageParams, off: OffenceFact) -> dict[str, Outcome]:
    """The outcome of each aspect the requirement's parameters test, in order: every decision of this module.

    Kept free of wording, because the coverage rule runs it once per (conduct,
    offence) pair; `assess` words the same outcomes for the tree.
    """
    ok, partly, no = Outcome.satisfied, Outcome.partly, Outcome.not_
    out: dict[str, Outcome] = {}
    purposes, elements = set(off.purposes), set(off.elements)
    if p.partial_objects:
        out["object"] = partly if off.object in p.partial_objects and off.object not in p.objects else ok
    if p.purposes:
        out["purpose"] = ok if "any" in purposes or purposes & set(p.purposes) else no
    if p.purpose_unrestricted:
        out["any-purpose"] = ok if "any" in purposes else partly
    if p.excluded_elements:
        out["excluded-elements"] = no if elements & set(p.excluded_elements) else ok
    if p.required_elements:
        out["required-elements"] = no if set(p.required_elements) - elements else ok
    if p.partial_elements:
        out["narrowing-elements"] = partly if elements & set(p.partial_elements) else ok
    if narrowing(p, off):
        out["narrowing-conditions"] = partly
    if p.acts and off.acts:  # an offence that names no acts ("traffics") covers the whole chain
        out["trafficking-acts"] = partly if set(p.acts) - set(off.acts) else ok
    if p.partial_labels:
        out["framing"] = partly if off.framing in p.partial_labels else ok
    if p.means:
        out["means"] = no if set(p.means) - set(off.means) else ok
    if p.sex_neutral:
        out["victim-sex"] = partly if off.sex != "any" else ok
    lo, hi, stated = band(off)
    if p.victim_age_limit_required:
        out["age-limit"] = ok if stated and hi is not None else no
    if p.victim_ages:
        want_lo, want_hi = p.victim_ages
        out["victim-ages"] = ok if lo < want_hi and (hi is None or hi > want_lo) else no
    return out


def narrowing(p: CoverageParams, off: OffenceFact) -> list[str]:
    """The offence's narrowing conditions (NARROWING) that the requirement does not itself require."""
    return sorted((set(off.elements) & NARROWING.keys()) - set(p.required_elements))


def quality(p: CoverageParams, off: OffenceFact) -> Quality:
    """How completely the offence covers the requirement: its worst aspect (`all`)."""
    outcomes = list(decide(p, off).values())
    return QUALITY[combine(Combine.all, outcomes)] if outcomes else Quality.full


def assess(p: CoverageParams, off: OffenceFact) -> list[Criterion]:
    """The offence's criteria for a requirement, worded: one per aspect `decide` decides."""
    decided = decide(p, off)
    ok = Outcome.satisfied
    purposes, elements = set(off.purposes), set(off.elements)
    named = ", ".join(words(x) for x in sorted(purposes))
    lo, hi, _ = band(off)
    out: list[Criterion] = []
    for aspect, outcome in decided.items():
        holds = outcome is ok
        if aspect == "object":
            wanted = " or ".join(words(o) for o in p.objects)
            because = (
                f"it concerns {words(off.object)}"
                if holds
                else "it concerns pornography in general, not child sexual abuse material specifically"
            )
            out.append(
                leaf(
                    aspect, f"it concerns {wanted}", outcome, [because], missing=f"an offence on {wanted} specifically"
                )
            )
        elif aspect == "purpose":
            wanted = " or ".join(words(x) for x in p.purposes or [])
            because = f"its purposes are {named}" if holds else f"its purposes ({named}) do not include {wanted}"
            out.append(
                leaf(
                    aspect,
                    f"its purpose includes {wanted}",
                    outcome,
                    [because],
                    missing=f"an offence for the purpose of {wanted}",
                )
            )
        elif aspect == "any-purpose":
            because = (
                "it names no limiting purpose"
                if holds
                else f"it is limited to the purposes {named}, not sale for any purpose"
            )
            out.append(
                leaf(aspect, "it reaches any purpose", outcome, [because], missing="an offence of sale for any purpose")
            )
        elif aspect == "excluded-elements":
            bad = sorted(elements & set(p.excluded_elements))
            out.append(
                leaf(
                    aspect,
                    f"it does not require {' or '.join(words(e) for e in p.excluded_elements)}",
                    outcome,
                    [f"it requires {words(e)}" for e in bad] or ["it requires none of them"],
                    missing=f"an offence without the element of {' or '.join(words(e) for e in bad)}",
                )
            )
        elif aspect == "required-elements":
            lacking = sorted(set(p.required_elements) - elements)
            out.append(
                leaf(
                    aspect,
                    f"it has the element {' and '.join(words(e) for e in p.required_elements)}",
                    outcome,
                    [f"it has no {words(e)} element" for e in lacking] or ["it has them"],
                    missing=f"an offence with the element of {' and '.join(words(e) for e in lacking)}",
                )
            )
        elif aspect == "narrowing-elements":
            narrow = sorted(elements & set(p.partial_elements))
            out.append(
                leaf(
                    aspect,
                    f"it is not narrowed by {' or '.join(words(e) for e in p.partial_elements)}",
                    outcome,
                    [f"it is narrowed by the element {words(e)}" for e in narrow] or ["it is not narrowed by them"],
                    missing=f"an offence without the element of {' or '.join(words(e) for e in narrow)}",
                )
            )
        elif aspect == "narrowing-conditions":
            conditions = [NARROWING[e] for e in narrowing(p, off)]
            out.append(
                leaf(
                    aspect,
                    "no condition narrows it",
                    outcome,
                    conditions,
                    missing=f"an offence without the condition: {'; '.join(conditions)}",
                )
            )
        elif aspect == "trafficking-acts":
            lacking_acts = sorted(set(p.acts) - set(off.acts))
            out.append(
                leaf(
                    aspect,
                    f"it covers every act: {', '.join(p.acts)}",
                    outcome,
                    [f"it does not cover the acts of {', '.join(lacking_acts)}"]
                    if lacking_acts
                    else [f"it covers {', '.join(off.acts)}"],
                    missing=f"an offence covering {', '.join(lacking_acts)}",
                )
            )
        elif aspect == "framing":
            because = (
                f"it is framed as an {words(off.framing)}"
                if holds
                else f"it is covered only within the {words(off.framing)} offence or definition, "
                "not as a crime of its own"
            )
            out.append(
                leaf(
                    aspect,
                    "it is a crime of its own",
                    outcome,
                    [because],
                    missing="an offence of its own, outside " + " and ".join(words(x) for x in p.partial_labels),
                )
            )
        elif aspect == "means":
            lacking = sorted(set(p.means) - set(off.means))
            out.append(
                leaf(
                    aspect,
                    f"it is framed for commission through {' and '.join(x.upper() for x in p.means)}",
                    outcome,
                    [f"it is not framed for commission through {x.upper()}" for x in lacking] or ["it is"],
                    missing=f"an offence framed for commission through {' and '.join(x.upper() for x in lacking)}",
                )
            )
        elif aspect == "victim-sex":
            because = "it protects victims of any sex" if holds else f"it protects only {off.sex} victims"
            out.append(
                leaf(
                    aspect,
                    "it protects victims of any sex",
                    outcome,
                    [because],
                    missing="protection of victims of any sex",
                )
            )
        elif aspect == "age-limit":
            because = f"it protects victims {band_text(lo, hi)}" if holds else "it sets no victim age limit"
            out.append(
                leaf(
                    aspect,
                    "it sets a victim age limit",
                    outcome,
                    [because],
                    missing="an offence defining the child victim by age",
                )
            )
        else:  # victim-ages
            want = band_text(*(p.victim_ages or CHILD))
            because = (
                f"it protects victims {band_text(lo, hi)}" if holds else f"it protects only victims {band_text(lo, hi)}"
            )
            out.append(
                leaf(
                    aspect,
                    f"it protects children {want}",
                    outcome,
                    [because],
                    missing=f"an offence protecting children {want}",
                )
            )
    return out


def offence_node(p: CoverageParams, off: OffenceFact) -> Criterion:
    """The offence as one criterion, worded: it covers the conduct when every aspect tested holds."""
    aspects = assess(p, off)
    test = f"{off.offence} ({words(off.conduct)}) covers it"
    if not aspects:
        aspects = [leaf("conduct", test, Outcome.satisfied, [f"it makes {words(off.conduct)} punishable"])]
    n = node(f"offence:{off.offence}:{off.conduct}", test, Combine.all, aspects)
    grade = QUALITY[n.outcome]
    return Criterion(
        n.id,
        n.test,
        n.outcome,
        [describe(off, grade, aspects)],
        None,
        [Evidence(off.provision, off.source, ROLE[grade], off.offence)],
        n.combine,
        n.children,
    )


OUTCOME = {quality: outcome for outcome, quality in QUALITY.items()}


def offence_stub(cov: "CoverageFact", req: RequirementFact) -> Criterion:
    """The offence's criterion as a verdict sees it: the outcome the coverage rule decided, worded later.

    Its aspects and words are rebuilt by `expand` when the finding is collected,
    from the same facts, so that findings stay small inside the engine.
    """
    test = f"{cov.offence} ({words(cov.conduct)}) covers it"
    return Criterion(
        f"offence:{cov.offence}:{cov.conduct}", test, OUTCOME[cov.quality], expand=(cov.offence_ref, req.ref)
    )


def expand(data: dict[str, Any], facts: dict[str, Fact]) -> dict[str, Any]:
    """A criterion's data with every offence stub replaced by the offence's full criterion (facts by ref)."""
    if "expand" in data:
        offence_ref, req_ref = data["expand"]
        req = RequirementFact.of(facts[req_ref])
        assert isinstance(req.params, CoverageParams)
        return offence_node(req.params, OffenceFact.of(facts[offence_ref])).to_data()
    if "children" in data:
        return {**data, "children": [expand(child, facts) for child in data["children"]]}
    return data


def describe(off: OffenceFact, quality: Quality, aspects: list[Criterion]) -> str:
    """One line on what an offence does for a requirement."""
    head = f"{off.offence} ({words(off.conduct)})"
    worst = Outcome.not_ if quality is Quality.none else Outcome.partly
    reasons = "; ".join(r for a in aspects if a.outcome is worst for r in a.because)
    if quality is Quality.full:
        tail = "covers it"
    elif quality is Quality.partial:
        tail = "covers it only in part: " + reasons
    else:
        tail = "does not cover it: " + reasons
    return f"{head} {tail} [{off.source}]."


def coverage_of(s: Snapshot, req_id: str) -> list[CoverageFact]:
    """How each in-force offence of a conduct and object the requirement accepts covers it, by reference."""
    return s.memo(("coverage", req_id), lambda: _cover(s, req_id))


def _cover(s: Snapshot, req_id: str) -> list[CoverageFact]:
    requirements = s.memo(RequirementFact, lambda: {r.req: r for r in s.of(RequirementFact)})
    req = requirements[req_id]
    assert isinstance(req.params, CoverageParams)
    found = [
        cover(req.params, rc, off)
        for rc in _req_conducts(s).get(req_id, [])
        for off in _offences(s).get((rc.conduct, rc.object), [])
    ]
    return sorted(found, key=lambda f: f.ref)


def _req_conducts(s: Snapshot) -> dict[str, list[ReqConductFact]]:
    def build() -> dict[str, list[ReqConductFact]]:
        index: dict[str, list[ReqConductFact]] = {}
        for rc in s.of(ReqConductFact):
            index.setdefault(rc.req, []).append(rc)
        return index

    return s.memo(ReqConductFact, build)


def _offences(s: Snapshot) -> dict[tuple[str, str], list[OffenceFact]]:
    def build() -> dict[tuple[str, str], list[OffenceFact]]:
        index: dict[tuple[str, str], list[OffenceFact]] = {}
        for off in s.of(OffenceFact):
            index.setdefault((off.conduct, off.object), []).append(off)
        return index

    return s.memo(OffenceFact, build)


def cover(params: CoverageParams, rc: ReqConductFact, off: OffenceFact) -> CoverageFact:
    """How one offence covers one (conduct, object) of a requirement (its quality; verdicts word the criteria)."""
    lo, hi, stated = band(off)
    return CoverageFact(
        ref=f"cov:{rc.req}:{off.ref}",
        provision=off.provision,
        source=off.source,
        secondary=off.secondary,
        req=rc.req,
        test=rc.test,
        group=rc.group,
        conduct=off.conduct,
        offence=off.offence,
        quality=quality(params, off),
        offence_ref=off.ref,
        age_from=lo,
        age_below=hi,
        age_stated=stated,
        sex=off.sex,
        penalty_stated=off.penalty_stated,
        max_months=off.max_months,
        mediation_measure=params.mediation_measure or "",
        fine_only=off.fine_only,
        penalty_text=off.penalty_text,
        aggravated=off.aggravated,
    )
