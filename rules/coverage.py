"""Which offence covers which requirement, and how completely.

Every requirement tested against offences (criminalization, separate offence,
penalty, diversion) is flattened into one `req_conduct` fact per (conduct,
object) it accepts; the join below pairs each with the in-force offences of
that conduct and object, and one action per pair decides all of the offence's
criteria (object, purpose, elements, framing, means, victim sex and ages) and
derives a `coverage` fact holding them. Verdict modules read these.
"""

from dataclasses import dataclass
from typing import Any, Self

from durable.lang import c, m, when_all

from gapcheck.rules.base import derive, fact
from gapcheck.rules.facts import Cited, Fact, OffenceFact, RequirementFact, names
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Role, words
from gapcheck.rules.tree import Combine, Criterion, Evidence, leaf, node

CHILD = (0, 18)
QUALITY = {Outcome.satisfied: Quality.full, Outcome.partly: Quality.partial, Outcome.not_: Quality.none}
ROLE = {Quality.full: Role.satisfies, Quality.partial: Role.partly_satisfies, Quality.none: Role.considered}


@dataclass(frozen=True)
class CoverageFact(Cited):
    """How one offence (in one conduct) covers one requirement: its quality and its criteria."""

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

    @classmethod
    def of(cls, f: Fact) -> Self:
        return cls(**{**{name: f[name] for name in names(cls)}, "quality": Quality(f["quality"])})

    def to_fact(self) -> Fact:
        return {**super().to_fact(), "quality": self.quality.value}


def band(off: OffenceFact) -> tuple[int, int | None, bool]:
    """Victim ages an offence reaches: (from, below or None for no limit, stated?)."""
    if off.age_stated:
        return off.age_from, off.age_below, True
    if off.child_specific:
        return CHILD[0], CHILD[1], False  # "children", limit not stated in the source
    return 0, None, True


def band_text(lo: int, hi: int | None) -> str:
    return f"aged {lo} and over" if hi is None else f"aged {lo} to {hi - 1}"


def assess(p: CoverageParams, off: OffenceFact) -> list[Criterion]:
    """The offence's criteria for a requirement: one per aspect the requirement's parameters test."""
    ok, partly, no = Outcome.satisfied, Outcome.partly, Outcome.not_
    out: list[Criterion] = []
    if p.partial_objects:
        general = off.object in p.partial_objects and off.object not in p.objects
        out.append(
            leaf(
                "object",
                f"it concerns {' or '.join(words(o) for o in p.objects)}",
                partly if general else ok,
                ["it concerns pornography in general, not child sexual abuse material specifically"]
                if general
                else [f"it concerns {words(off.object)}"],
                missing=f"an offence on {' or '.join(words(o) for o in p.objects)} specifically",
            )
        )
    purposes = set(off.purposes)
    if p.purposes:
        fits = "any" in purposes or bool(purposes & set(p.purposes))
        out.append(
            leaf(
                "purpose",
                f"its purpose includes {' or '.join(words(x) for x in p.purposes)}",
                ok if fits else no,
                [f"its purposes are {', '.join(words(x) for x in sorted(purposes))}"]
                if fits
                else [f"its purposes ({', '.join(sorted(purposes))}) do not include {' or '.join(p.purposes)}"],
                missing=f"an offence for the purpose of {' or '.join(words(x) for x in p.purposes)}",
            )
        )
    if p.purpose_unrestricted:
        anyp = "any" in purposes
        out.append(
            leaf(
                "any-purpose",
                "it reaches any purpose",
                ok if anyp else partly,
                ["it names no limiting purpose"]
                if anyp
                else [f"it is limited to the purposes {', '.join(sorted(purposes))}, not sale for any purpose"],
                missing="an offence of sale for any purpose",
            )
        )
    elements = set(off.elements)
    if p.excluded_elements:
        bad = sorted(elements & set(p.excluded_elements))
        out.append(
            leaf(
                "excluded-elements",
                f"it does not require {' or '.join(words(e) for e in p.excluded_elements)}",
                no if bad else ok,
                [f"it requires {words(e)}" for e in bad] or ["it requires none of them"],
                missing=f"an offence without the element of {' or '.join(words(e) for e in bad)}",
            )
        )
    if p.required_elements:
        lacking = sorted(set(p.required_elements) - elements)
        out.append(
            leaf(
                "required-elements",
                f"it has the element {' and '.join(words(e) for e in p.required_elements)}",
                no if lacking else ok,
                [f"it has no {words(e)} element" for e in lacking] or ["it has them"],
                missing=f"an offence with the element of {' and '.join(words(e) for e in lacking)}",
            )
        )
    if p.partial_elements:
        narrow = sorted(elements & set(p.partial_elements))
        out.append(
            leaf(
                "narrowing-elements",
                f"it is not narrowed by {' or '.join(words(e) for e in p.partial_elements)}",
                partly if narrow else ok,
                [f"it is narrowed by the element {words(e)}" for e in narrow] or ["it is not narrowed by them"],
                missing=f"an offence without the element of {' or '.join(words(e) for e in narrow)}",
            )
        )
    if p.partial_labels:
        inside = off.framing in p.partial_labels
        out.append(
            leaf(
                "framing",
                "it is a crime of its own",
                partly if inside else ok,
                [f"it is covered only within the {off.framing} offence or definition, not as a crime of its own"]
                if inside
                else [f"it is framed as an {words(off.framing)}"],
                missing="an offence of its own, outside " + " and ".join(p.partial_labels),
            )
        )
    if p.means:
        lacking = sorted(set(p.means) - set(off.means))
        out.append(
            leaf(
                "means",
                f"it is framed for commission through {' and '.join(x.upper() for x in p.means)}",
                no if lacking else ok,
                [f"it is not framed for commission through {x.upper()}" for x in lacking] or ["it is"],
                missing=f"an offence framed for commission through {' and '.join(x.upper() for x in lacking)}",
            )
        )
    if p.sex_neutral:
        one = off.sex != "any"
        out.append(
            leaf(
                "victim-sex",
                "it protects victims of any sex",
                partly if one else ok,
                [f"it protects only {off.sex} victims"] if one else ["it protects victims of any sex"],
                missing="protection of victims of any sex",
            )
        )
    lo, hi, stated = band(off)
    if p.victim_age_limit_required:
        limited = stated and hi is not None
        out.append(
            leaf(
                "age-limit",
                "it sets a victim age limit",
                ok if limited else no,
                [f"it protects victims {band_text(lo, hi)}"] if limited else ["it sets no victim age limit"],
                missing="an offence defining the child victim by age",
            )
        )
    if p.victim_ages:
        want_lo, want_hi = p.victim_ages
        reaches = lo < want_hi and (hi is None or hi > want_lo)
        out.append(
            leaf(
                "victim-ages",
                f"it protects children {band_text(want_lo, want_hi)}",
                ok if reaches else no,
                [f"it protects victims {band_text(lo, hi)}"]
                if reaches
                else [f"it protects only victims {band_text(lo, hi)}"],
                missing=f"an offence protecting children {band_text(want_lo, want_hi)}",
            )
        )
    return out


def offence_node(p: CoverageParams, off: OffenceFact) -> Criterion:
    """The offence as one criterion: it covers the conduct when every aspect tested holds.

    The coverage rule decides with it; verdicts rebuild it for the tree from the
    same offence fact (a pure function: the same node), which keeps the derived
    coverage facts small for the engine.
    """
    aspects = assess(p, off)
    test = f"{off.offence} ({words(off.conduct)}) covers it"
    if not aspects:
        aspects = [leaf("conduct", test, Outcome.satisfied, [f"it makes {words(off.conduct)} punishable"])]
    n = node(f"offence:{off.offence}:{off.conduct}", test, Combine.all, aspects)
    quality = QUALITY.get(n.outcome, Quality.none)
    return Criterion(
        n.id,
        n.test,
        n.outcome,
        [describe(off, quality, aspects)],
        None,
        [Evidence(off.provision, off.source, ROLE[quality], off.offence)],
        n.combine,
        n.children,
    )


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


def define() -> None:
    """Declare the coverage rule in the current rule set."""

    @when_all(
        c.rc << (m.kind == "req_conduct"),
        c.off << ((m.kind == "offence") & (m.conduct == c.rc.conduct) & (m.object == c.rc.object)),
        c.req << ((m.kind == "requirement") & (m.req == c.rc.req)),
    )
    def cover(ctx: Any) -> None:
        rc, off, req = fact(ctx.rc), OffenceFact.of(fact(ctx.off)), RequirementFact.of(fact(ctx.req))
        assert isinstance(req.params, CoverageParams)
        crit = offence_node(req.params, off)
        lo, hi, stated = band(off)
        derive(
            ctx,
            CoverageFact(
                ref=f"cov:{rc['req']}:{off.ref}",
                provision=off.provision,
                source=off.source,
                secondary=off.secondary,
                req=rc["req"],
                test=rc["test"],
                group=rc["group"],
                conduct=off.conduct,
                offence=off.offence,
                quality=QUALITY.get(crit.outcome, Quality.none),
                offence_ref=off.ref,
                age_from=lo,
                age_below=hi,
                age_stated=stated,
                sex=off.sex,
                penalty_stated=off.penalty_stated,
                max_months=off.max_months,
                mediation_measure=req.params.mediation_measure or "",
            ).to_fact(),
        )
