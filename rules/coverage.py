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

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gapcheck.rules.base import Snapshot
from gapcheck.rules.facts import Cited, Fact, OffenceFact, ReqConductFact, RequirementFact, trusted
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Role
from gapcheck.rules.tree import RANK, Combine, Criterion, Said, combine, evidence, leaf, made, say

CHILD = (0, 18)

# Elements that narrow an offence below what any standard asks (each makes coverage partial; the
# catalogue says what each means, message `cov.narrowing-conditions.no`).
NARROWING = frozenset(
    {
        "purpose_distribution",
        "purpose_sexual_gratification",
        "custodian_only",
        "single_platform",
        "meeting_request_only",
        "victim_punishable",
    }
)
QUALITY = {Outcome.satisfied: Quality.full, Outcome.partly: Quality.partial, Outcome.not_: Quality.none}
ROLE = {Quality.full: Role.satisfies, Quality.partial: Role.partly_satisfies, Quality.none: Role.considered}
# Enum members read once, for what runs per (requirement, offence) pair: on Python 3.11 each `Outcome.x`
# goes through EnumType's __getattr__ hook (a tenth of a microsecond, a sixth of `decide`).
_OK, _PARTLY, _NO, _FULL, _NONE = Outcome.satisfied, Outcome.partly, Outcome.not_, Quality.full, Quality.none
_WORST = {RANK[outcome]: quality for outcome, quality in QUALITY.items()}  # quality by its worst aspect's rank


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


def decide(p: CoverageParams, off: OffenceFact) -> dict[str, Outcome]:
    """The outcome of each aspect the requirement's parameters test, in order: every decision of this module.

    Kept free of wording, because the coverage rule runs it once per (conduct,
    offence) pair; `assess` words the same outcomes for the tree. Each aspect reads the offence only where
    the parameters test it, and compares sets without building the difference or intersection it only
    tests for emptiness (tests/rules/test_coverage.py holds the plain set algebra it must agree with).
    """
    ok, partly, no = _OK, _PARTLY, _NO
    out: dict[str, Outcome] = {}
    if p.partial_objects:
        out["object"] = partly if off.object in p.partial_objects and off.object not in p.objects else ok
    if p.purposes:
        purposes = off.purposes
        out["purpose"] = ok if "any" in purposes or not set(purposes).isdisjoint(p.purposes) else no
    if p.purpose_unrestricted:
        out["any-purpose"] = ok if "any" in off.purposes else partly
    elements = off.elements
    if p.excluded_elements:
        out["excluded-elements"] = no if not set(elements).isdisjoint(p.excluded_elements) else ok
    if p.required_elements:
        out["required-elements"] = no if not set(elements).issuperset(p.required_elements) else ok
    if p.partial_elements:
        out["narrowing-elements"] = partly if not set(elements).isdisjoint(p.partial_elements) else ok
    if elements and not NARROWING.isdisjoint(elements) and narrowing(p, off):
        out["narrowing-conditions"] = partly
    if p.acts and off.acts:  # an offence that names no acts ("traffics") covers the whole chain
        out["trafficking-acts"] = partly if not set(off.acts).issuperset(p.acts) else ok
    if p.partial_labels:
        out["framing"] = partly if off.framing in p.partial_labels else ok
    if p.means:
        out["means"] = no if not set(off.means).issuperset(p.means) else ok
    if p.sex_neutral:
        out["victim-sex"] = partly if off.sex != "any" else ok
    if p.victim_age_limit_required or p.victim_ages:
        lo, hi, stated = band(off)
        if p.victim_age_limit_required:
            out["age-limit"] = ok if stated and hi is not None else no
        if p.victim_ages:
            want_lo, want_hi = p.victim_ages
            out["victim-ages"] = ok if lo < want_hi and (hi is None or hi > want_lo) else no
    return out


def narrowing(p: CoverageParams, off: OffenceFact) -> list[str]:
    """The offence's narrowing conditions (NARROWING) that the requirement does not itself require."""
    return sorted((set(off.elements) & NARROWING) - set(p.required_elements))


def quality(p: CoverageParams, off: OffenceFact) -> Quality:
    """How completely the offence covers the requirement: its worst aspect (`combine`'s `all`: the lowest rank)."""
    outcomes = decide(p, off)
    return _WORST[min(map(RANK.__getitem__, outcomes.values()))] if outcomes else _FULL


def assess(
    p: CoverageParams,
    off: OffenceFact,
    memo: dict[Any, Criterion] | None = None,
    shared: dict[Any, Criterion] | None = None,
) -> list[Criterion]:
    """The offence's criteria for a requirement, as messages: one per aspect `decide` decides.

    `memo`: the criteria built for this requirement (its `p`) so far, by aspect, outcome and what of the
    offence the aspect reads (`ASPECT_READS`): an offence's aspect equal to another's is the same object.
    `shared`: those built for any requirement, by the same and what of the requirement's parameters the
    aspect reads (`ASPECT_PARAMS`): requirements equal in it share the aspect too (the victim ages of
    every sale requirement).
    """
    out: list[Criterion] = []
    for aspect, outcome in decide(p, off).items():
        if memo is None:
            out.append(aspect_criterion(p, off, aspect, outcome))
            continue
        key = (aspect, outcome, ASPECT_READS[aspect](off))
        found = memo.get(key)
        if found is None:
            if shared is None:
                found = aspect_criterion(p, off, aspect, outcome)
            else:
                wide = (key, ASPECT_PARAMS[aspect](p))
                found = shared.get(wide)
                if found is None:
                    found = shared[wide] = aspect_criterion(p, off, aspect, outcome)
            memo[key] = found
        out.append(found)
    return out


# What of an offence each aspect's criterion reads (besides the requirement's parameters): `assess` shares a
# criterion between offences equal in it. tests/rules/test_coverage.py checks this against criteria built alone.
ASPECT_READS: dict[str, Callable[[OffenceFact], Hashable]] = {
    "object": lambda off: off.object,
    "purpose": lambda off: tuple(off.purposes),
    "any-purpose": lambda off: tuple(off.purposes),
    "excluded-elements": lambda off: tuple(off.elements),
    "required-elements": lambda off: tuple(off.elements),
    "narrowing-elements": lambda off: tuple(off.elements),
    "narrowing-conditions": lambda off: tuple(off.elements),
    "trafficking-acts": lambda off: tuple(off.acts),
    "framing": lambda off: off.framing,
    "means": lambda off: tuple(off.means),
    "victim-sex": lambda off: off.sex,
    "age-limit": band,
    "victim-ages": band,
}


# What of a requirement's parameters each aspect's criterion reads: `assess` shares a criterion between
# requirements equal in it. tests/rules/test_coverage.py checks this against criteria built alone.
ASPECT_PARAMS: dict[str, Callable[[CoverageParams], Hashable]] = {
    "object": lambda p: tuple(p.objects),
    "purpose": lambda p: tuple(p.purposes or ()),
    "any-purpose": lambda p: None,
    "excluded-elements": lambda p: tuple(p.excluded_elements),
    "required-elements": lambda p: tuple(p.required_elements),
    "narrowing-elements": lambda p: tuple(p.partial_elements),
    "narrowing-conditions": lambda p: tuple(p.required_elements),
    "trafficking-acts": lambda p: tuple(p.acts),
    "framing": lambda p: tuple(p.partial_labels),
    "means": lambda p: tuple(p.means),
    "victim-sex": lambda p: None,
    "age-limit": lambda p: None,
    "victim-ages": lambda p: tuple(p.victim_ages or CHILD),
}


def _elements_leaf(aspect: str, outcome: Outcome, listed: Sequence[str], flagged: list[str]) -> Criterion:
    """An aspect about the elements the requirement lists: each element of the offence it flags is a reason."""
    return leaf(
        aspect,
        say(f"cov.{aspect}", elements=list(listed)),
        outcome,
        [say(f"cov.{aspect}.no", element=e) for e in flagged] or [say(f"cov.{aspect}.yes")],
        missing=say(f"cov.{aspect}.missing", elements=flagged),
    )


def aspect_criterion(p: CoverageParams, off: OffenceFact, aspect: str, outcome: Outcome) -> Criterion:
    """One aspect's criterion, worded as messages: its outcome as `decide` decided it."""
    purposes, elements = sorted(off.purposes), set(off.elements)
    lo, hi, _ = band(off)
    holds = outcome is _SATISFIED
    yes, no = f"cov.{aspect}.yes", f"cov.{aspect}.no"
    if aspect == "object":
        wanted = list(p.objects)
        because = say(yes, object=off.object) if holds else say(no)
        return leaf(
            aspect,
            say("cov.object", objects=wanted),
            outcome,
            [because],
            missing=say("cov.object.missing", objects=wanted),
        )
    elif aspect == "purpose":
        wanted = list(p.purposes or [])
        because = say(yes if holds else no, purposes=purposes, wanted=wanted)
        return leaf(
            aspect,
            say("cov.purpose", wanted=wanted),
            outcome,
            [because],
            missing=say("cov.purpose.missing", wanted=wanted),
        )
    elif aspect == "any-purpose":
        because = say(yes) if holds else say(no, purposes=purposes)
        return leaf(aspect, say("cov.any-purpose"), outcome, [because], missing=say("cov.any-purpose.missing"))
    elif aspect == "excluded-elements":
        return _elements_leaf(aspect, outcome, p.excluded_elements, sorted(elements & set(p.excluded_elements)))
    elif aspect == "required-elements":
        return _elements_leaf(aspect, outcome, p.required_elements, sorted(set(p.required_elements) - elements))
    elif aspect == "narrowing-elements":
        return _elements_leaf(aspect, outcome, p.partial_elements, sorted(elements & set(p.partial_elements)))
    elif aspect == "narrowing-conditions":
        conditions = narrowing(p, off)
        return leaf(
            aspect,
            say("cov.narrowing-conditions"),
            outcome,
            [say("cov.narrowing-conditions.no", condition=c) for c in conditions],
            missing=say("cov.narrowing-conditions.missing", conditions=conditions),
        )
    elif aspect == "trafficking-acts":
        lacking_acts = sorted(set(p.acts) - set(off.acts))
        return leaf(
            aspect,
            say("cov.trafficking-acts", acts=list(p.acts)),
            outcome,
            [say(no, acts=lacking_acts)] if lacking_acts else [say(yes, acts=list(off.acts))],
            missing=say("cov.trafficking-acts.missing", acts=lacking_acts),
        )
    elif aspect == "framing":
        because = say(yes) if holds else say(no, framing=off.framing)
        return leaf(
            aspect,
            say("cov.framing"),
            outcome,
            [because],
            missing=say("cov.framing.missing", framings=list(p.partial_labels)),
        )
    elif aspect == "means":
        lacking = sorted(set(p.means) - set(off.means))
        return leaf(
            aspect,
            say("cov.means", means=list(p.means)),
            outcome,
            [say(no, means=x) for x in lacking] or [say(yes)],
            missing=say("cov.means.missing", means=lacking),
        )
    elif aspect == "victim-sex":
        because = say(yes) if holds else say(no, sex=off.sex)
        return leaf(aspect, say("cov.victim-sex"), outcome, [because], missing=say("cov.victim-sex.missing"))
    elif aspect == "age-limit":
        because = say(yes, band=[lo, hi]) if holds else say(no)
        return leaf(aspect, say("cov.age-limit"), outcome, [because], missing=say("cov.age-limit.missing"))
    else:  # victim-ages
        want = list(p.victim_ages or CHILD)
        because = say(yes if holds else no, band=[lo, hi])
        return leaf(
            aspect,
            say("cov.victim-ages", band=want),
            outcome,
            [because],
            missing=say("cov.victim-ages.missing", band=want),
        )


def offence_node(p: CoverageParams, off: OffenceFact, memo: dict[Any, Criterion] | None = None) -> Criterion:
    """The offence as one criterion, worded: it covers the conduct when every aspect tested holds (`memo`: as
    for `assess`)."""
    return _offence_node(off, *offence_aspects(p, off, memo))


def _offence_node(off: OffenceFact, aspects: list[Criterion], outcome: Outcome) -> Criterion:
    grade, role = graded(outcome)
    return made(
        offence_id(off),
        offence_test(off),
        outcome,
        [describe(off, grade, aspects)],
        None,
        [evidence(off.provision, off.source, role, off.offence, off.conduct)],
        Combine.all,
        aspects,
    )


# Members read once: on Python 3.11 each read of an enum's member from its class is a call (EnumType's hook).
_SATISFIED, _ALL = Outcome.satisfied, Combine.all
# the outcome of the aspects whose reasons `describe` gives, by the offence's quality
_WORST_REASONS = {quality: Outcome.not_ if quality is Quality.none else Outcome.partly for quality in Quality}


def offence_aspects(
    p: CoverageParams,
    off: OffenceFact,
    memo: dict[Any, Criterion] | None = None,
    shared: dict[Any, Criterion] | None = None,
) -> tuple[list[Criterion], Outcome]:
    """An offence's criterion's children (one per aspect tested, else the conduct alone) and its outcome: what of
    it depends on the requirement. The rest (`offence_id`, `offence_test`, `describe`, its evidence) names the
    offence and its grade, so that gapcheck.findings words it once per offence where the grade is the same."""
    aspects = assess(p, off, memo, shared)
    if not aspects:
        conduct = say("cov.conduct.yes", conduct=off.conduct)
        aspects = [leaf("conduct", offence_test(off), _SATISFIED, [conduct])]
    return aspects, combine(_ALL, [a.outcome for a in aspects])


def graded(outcome: Outcome) -> tuple[Quality, Role]:
    """How completely an offence covers a requirement, and the role its evidence plays, by its criterion's outcome."""
    grade = QUALITY[outcome]
    return grade, ROLE[grade]


def offence_id(off: OffenceFact) -> str:
    return f"offence:{off.offence}:{off.conduct}"


def offence_test(off: OffenceFact) -> Said:
    return say("cov.offence", offence=off.offence, conduct=off.conduct)


OUTCOME = {quality: outcome for outcome, quality in QUALITY.items()}


def offence_stub(cov: "CoverageFact", req: RequirementFact) -> Criterion:
    """The offence's criterion as a verdict sees it: the outcome the coverage rule decided, worded later.

    Its aspects and words are rebuilt by `expand` when the finding is collected,
    from the same facts, so that findings stay small inside the engine.
    """
    test = say("cov.offence", offence=cov.offence, conduct=cov.conduct)
    name = f"offence:{cov.offence}:{cov.conduct}"
    return made(name, test, OUTCOME[cov.quality], [], None, [], None, [], (cov.offence_ref, req.ref))


def expand(c: Criterion, facts: dict[str, Fact], read: dict[str, Any] | None = None) -> dict[str, Any]:
    """A criterion's data (`to_data`) with every offence stub replaced by the offence's full criterion's (facts by
    ref): the plain definition of the tree gapcheck.findings builds.

    `read`: the facts typed so far, by ref, for the session `facts` come from (a requirement is
    referred to by each of its offences, an offence by each requirement it is tested against).
    """
    if c.expand is not None:
        offence_ref, req_ref = c.expand
        return stood_for(offence_ref, req_ref, facts, read).to_data()
    data = c.to_data()
    if c.children:
        data["children"] = [expand(child, facts, read) for child in c.children]
    return data


def stood_for(
    offence_ref: str,
    req_ref: str,
    facts: dict[str, Fact],
    read: dict[str, Any] | None = None,
    aspects: dict[str, dict[Any, Criterion]] | None = None,
) -> Criterion:
    """The offence's full criterion an offence stub stands for (`offence_stub`), from the session's facts by ref.

    `read`: as for `expand`; `aspects`: the aspects' criteria built so far, by requirement ref (`assess`).
    """
    off, children, outcome = offence_parts(offence_ref, req_ref, facts, read, aspects)
    return _offence_node(off, children, outcome)


SHARED = ""  # the key, in the aspects built for a session by requirement ref, of those any requirement shares


def offence_parts(
    offence_ref: str,
    req_ref: str,
    facts: dict[str, Fact],
    read: dict[str, Any] | None = None,
    aspects: dict[str, dict[Any, Criterion]] | None = None,
) -> tuple[OffenceFact, list[Criterion], Outcome]:
    """What `stood_for` builds the offence's criterion from: the offence typed, its aspects and its outcome."""
    typed = {} if read is None else read
    if req_ref not in typed:
        typed[req_ref] = Snapshot.read(RequirementFact, facts[req_ref])
    if offence_ref not in typed:
        typed[offence_ref] = Snapshot.read(OffenceFact, facts[offence_ref])
    req, off = typed[req_ref], typed[offence_ref]
    assert isinstance(req.params, CoverageParams)
    if aspects is None:
        return off, *offence_aspects(req.params, off)
    return off, *offence_aspects(req.params, off, aspects.setdefault(req_ref, {}), aspects.setdefault(SHARED, {}))


def describe(off: OffenceFact, quality: Quality, aspects: list[Criterion]) -> Said:
    """What an offence does for a requirement, with the reasons of its worst aspects."""
    worst = _WORST_REASONS[quality]
    reasons = [r for a in aspects if a.outcome is worst for r in a.because]
    return say(
        f"cov.describe.{quality._value_}", offence=off.offence, conduct=off.conduct, reasons=reasons, source=off.source
    )


def coverage_of(s: Snapshot, req_id: str) -> list[CoverageFact]:
    """How each in-force offence of a conduct and object the requirement accepts covers it, by reference."""
    return s.memo(("coverage", req_id), lambda: _cover(s, req_id))


def at_least_partly(covs: list[CoverageFact]) -> list[CoverageFact]:
    """The pairs whose offence covers the requirement at least in part (quality not none), in their order."""
    return [f for f in covs if f.quality is not _NONE]


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
    """How one offence covers one (conduct, object) of a requirement (its quality; verdicts word the criteria).

    Built without the dataclass's __init__ (`trusted`): one per pair, the most numerous object of a verdict.
    """
    lo, hi, stated = band(off)
    return trusted(
        CoverageFact,
        {
            "ref": f"cov:{rc.req}:{off.ref}",
            "provision": off.provision,
            "source": off.source,
            "secondary": off.secondary,
            "req": rc.req,
            "test": rc.test,
            "group": rc.group,
            "conduct": off.conduct,
            "offence": off.offence,
            "quality": quality(params, off),
            "offence_ref": off.ref,
            "age_from": lo,
            "age_below": hi,
            "age_stated": stated,
            "sex": off.sex,
            "penalty_stated": off.penalty_stated,
            "max_months": off.max_months,
            "mediation_measure": params.mediation_measure or "",
            "fine_only": off.fine_only,
            "penalty_text": off.penalty_text,
            "aggravated": off.aggravated,
        },
    )
