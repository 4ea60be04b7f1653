"""The coverage rule: each aspect a requirement tests decides the offence's quality (full, partial, none)."""

from dataclasses import fields, replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rulefacts import COVERAGE, coverage_requirement, decide, offence

from gapcheck.rules.coverage import QUALITY, CoverageFact, band, cover, narrowing, quality
from gapcheck.rules.coverage import decide as decide_pair
from gapcheck.rules.facts import OffenceFact, ReqConductFact, RequirementFact, names
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Status
from gapcheck.rules.tree import RANK

# (requirement parameters, offence fields, the aspect, its outcome, words the reason must hold)
ASPECTS = [
    (
        {"partial_objects": ["pornography"]},
        {"object": "pornography"},
        "object",
        Outcome.partly,
        "pornography in general",
    ),
    ({"partial_objects": ["pornography"]}, {}, "object", Outcome.satisfied, "child sexual abuse material"),
    ({"purposes": ["organ_removal"]}, {"purposes": ["sexual_exploitation"]}, "purpose", Outcome.not_, "do not include"),
    (
        {"purposes": ["organ_removal"]},
        {"purposes": ["organ_removal"]},
        "purpose",
        Outcome.satisfied,
        "the removal of organs",
    ),
    ({"purposes": ["organ_removal"]}, {"purposes": ["any"]}, "purpose", Outcome.satisfied, "any"),
    ({"purpose_unrestricted": True}, {"purposes": ["marriage"]}, "any-purpose", Outcome.partly, "limited to"),
    ({"purpose_unrestricted": True}, {}, "any-purpose", Outcome.satisfied, "no limiting purpose"),
    (
        {"excluded_elements": ["means_required"]},
        {"elements": ["means_required"]},
        "excluded-elements",
        Outcome.not_,
        "requires means (force, deception",
    ),
    ({"excluded_elements": ["means_required"]}, {}, "excluded-elements", Outcome.satisfied, "none of them"),
    ({"required_elements": ["abuse_of_trust"]}, {}, "required-elements", Outcome.not_, "no element of abuse of trust"),
    (
        {"required_elements": ["abuse_of_trust"]},
        {"elements": ["abuse_of_trust"]},
        "required-elements",
        Outcome.satisfied,
        "has that element",
    ),
    (
        {"partial_elements": ["force_or_coercion"]},
        {"elements": ["force_or_coercion"]},
        "narrowing-elements",
        Outcome.partly,
        "narrowed by the element of force or coercion",
    ),
    ({"partial_elements": ["force_or_coercion"]}, {}, "narrowing-elements", Outcome.satisfied, "not narrowed"),
    ({"partial_labels": ["trafficking"]}, {"framing": "trafficking"}, "framing", Outcome.partly, "only within"),
    ({"partial_labels": ["trafficking"]}, {}, "framing", Outcome.satisfied, "offence"),
    ({"means": ["ict"]}, {}, "means", Outcome.not_, "through information and communication technologies"),
    ({"means": ["ict"]}, {"means": ["ict"]}, "means", Outcome.satisfied, "It is so framed"),
    ({"sex_neutral": True}, {"sex": "female"}, "victim-sex", Outcome.partly, "only female"),
    ({"sex_neutral": True}, {}, "victim-sex", Outcome.satisfied, "any sex"),
    ({"victim_age_limit_required": True}, {"child_specific": False}, "age-limit", Outcome.not_, "no victim age limit"),
    (
        {"victim_age_limit_required": True},
        {"age_stated": True, "age_below": 18},
        "age-limit",
        Outcome.satisfied,
        "aged 0 to 17",
    ),
    (
        {"victim_ages": (0, 18)},
        {"age_stated": True, "age_from": 18, "age_below": None},
        "victim-ages",
        Outcome.not_,
        "only victims aged 18 and over",
    ),
    ({"victim_ages": (0, 18)}, {"child_specific": False}, "victim-ages", Outcome.satisfied, "aged 0 and over"),
]

STATUS = {Outcome.satisfied: Status.met, Outcome.partly: Status.partial, Outcome.not_: Status.unknown}


@pytest.mark.parametrize("params,fields,aspect,outcome,words", ASPECTS)
def test_each_aspect_decides_the_offence_and_the_status(params, fields, aspect, outcome, words) -> None:  # type: ignore[no-untyped-def]
    found = decide([*coverage_requirement(**params), offence("a", **fields)])["r"]
    (criterion,) = found.find(aspect)
    assert criterion.outcome is outcome and words in " ".join(criterion.because)
    assert found.status is STATUS[outcome]  # an offence that does not cover it leaves absence (open world): unknown
    assert (criterion.missing is None) is (outcome is Outcome.satisfied)


def test_an_offence_tested_on_nothing_but_its_conduct_covers_it_in_full() -> None:
    found = decide([*coverage_requirement(), offence("a")])["r"]
    assert [c.id for c in found.find("offence:")[0].children] == ["conduct"]


def test_expand_types_each_fact_once_for_a_session_and_expands_as_without_memo() -> None:
    from gapcheck.evaluate import rule_engine
    from gapcheck.rules.coverage import expand

    facts = [
        *coverage_requirement("r1"),
        *coverage_requirement("r2", sex_neutral=True),
        offence("a", sex="male"),
        offence("b"),
    ]
    session = rule_engine().evaluate(facts)
    by_ref = {str(f["ref"]): f for f in session if "ref" in f}
    read: dict[str, object] = {}
    for f in (f for f in session if f.get("kind") == "finding"):
        assert expand(f["criteria"], by_ref, read) == expand(f["criteria"], by_ref), f["req"]
    assert sorted(read) == ["offence:tl/act/a#possess", "offence:tl/act/b#possess", "requirement:r1", "requirement:r2"]
    assert read["requirement:r2"] == RequirementFact.of(by_ref["requirement:r2"])


def test_an_offence_s_criterion_with_the_session_s_aspects_shared_is_the_one_built_alone() -> None:
    """`stood_for` with the aspects built for the session so far (by requirement, and shared between requirements
    equal in what they read): each offence's criterion under each requirement equals the one built alone, and two
    requirements differing only in what one aspect does not read share that aspect."""
    from gapcheck.evaluate import rule_engine
    from gapcheck.rules.coverage import SHARED, stood_for

    facts = [
        *coverage_requirement("r1", victim_ages=(0, 18)),
        *coverage_requirement("r2", victim_ages=(0, 18), sex_neutral=True),
        offence("a", sex="male"),
        offence("b", age_stated=True, age_from=12, age_below=18),
    ]
    session = rule_engine().evaluate(facts)
    by_ref = {str(f["ref"]): f for f in session if "ref" in f}
    read: dict[str, object] = {}
    aspects: dict[str, dict[object, object]] = {}
    built = {}
    for req in ("requirement:r1", "requirement:r2"):
        for off in ("offence:tl/act/a#possess", "offence:tl/act/b#possess"):
            built[req, off] = stood_for(off, req, by_ref, read, aspects)  # type: ignore[arg-type]
            assert built[req, off] == stood_for(off, req, by_ref), (req, off)
    assert set(aspects) == {"requirement:r1", "requirement:r2", SHARED}
    for off in ("offence:tl/act/a#possess", "offence:tl/act/b#possess"):
        ages = [
            next(a for a in built[req, off].children if a.id == "victim-ages")
            for req in ("requirement:r1", "requirement:r2")
        ]
        assert ages[0] is ages[1]


def test_the_worst_aspect_decides_the_offence() -> None:
    found = decide([*coverage_requirement(sex_neutral=True, means=["ict"]), offence("a", sex="male")])["r"]
    node = found.find("offence:")[0]
    assert node.outcome is Outcome.not_ and "does not cover possession as required: it is not framed" in node.because[0]


def test_a_pair_s_coverage_has_every_field_as_its_init_would_set_it() -> None:
    req_fact, rc_fact = coverage_requirement(mediation_measure="village_mediation")[:2]
    off = OffenceFact.of(offence("a", sex="female", penalty_stated=True, max_months=60))
    params = RequirementFact.of(req_fact).params
    assert isinstance(params, CoverageParams)
    found = cover(params, ReqConductFact.of(rc_fact), off)
    assert set(vars(found)) == {f.name for f in fields(CoverageFact)}
    assert found == replace(found)  # replace() builds through __init__
    assert (found.quality, found.max_months, found.mediation_measure) == (Quality.full, 60, "village_mediation")


_PARAMS = replace(
    COVERAGE,
    partial_objects=["pornography"],
    purposes=["sexual_exploitation"],
    purpose_unrestricted=True,
    victim_ages=(0, 18),
    victim_age_limit_required=True,
    sex_neutral=True,
    partial_elements=["force_or_coercion"],
    excluded_elements=["means_required"],
    required_elements=["abuse_of_trust"],
    partial_labels=["trafficking"],
    means=["ict"],
    acts=["recruit", "transport"],
)
_offences = st.lists(
    st.fixed_dictionaries(
        {
            "obj": st.sampled_from(["child_sexual_abuse_material", "pornography"]),
            "purposes": st.lists(st.sampled_from(["any", "sexual_exploitation", "marriage"]), max_size=2),
            "elements": st.lists(
                st.sampled_from(
                    ["force_or_coercion", "means_required", "abuse_of_trust", "custodian_only", "single_platform"]
                ),
                max_size=3,
            ),
            "acts": st.lists(st.sampled_from(["recruit", "transport", "harbour"]), max_size=2),
            "framing": st.sampled_from(["offence", "trafficking"]),
            "means": st.lists(st.sampled_from(["ict", "force"]), max_size=2),
            "sex": st.sampled_from(["any", "female"]),
            "band": st.sampled_from([(False, 0, None), (True, 0, 16), (True, 12, None)]),
            "child_specific": st.booleans(),
        }
    ),
    min_size=1,
    max_size=8,
)


@given(_offences, st.sets(st.sampled_from(sorted(f.name for f in fields(CoverageParams))), max_size=13))
def test_aspects_shared_between_offences_equal_those_built_alone(offs: list[dict[str, Any]], kept: set[str]) -> None:
    """An aspect's criterion is shared by offences equal in what it reads (ASPECT_READS): each offence's criteria
    equal those built for it alone, whatever the offences and whichever of the parameters are tested."""
    from gapcheck.rules.coverage import assess, offence_node

    p = replace(COVERAGE, **{name: getattr(_PARAMS, name) for name in kept if name not in ("groups", "objects")})
    memo: dict[object, object] = {}
    for n, drawn in enumerate(offs):
        o = dict(drawn)
        stated, lo, hi = o.pop("band")
        off = OffenceFact.of(offence(f"o{n}", age_stated=stated, age_from=lo, age_below=hi, **o))
        assert assess(p, off, memo) == assess(p, off)  # type: ignore[arg-type]
        assert offence_node(p, off, memo) == offence_node(p, off)  # type: ignore[arg-type]


_VARIANTS = {  # each parameter an aspect reads, a second value: requirements equal or not in what each reads
    "objects": ["child", "child_sexual_abuse_material"],
    "purposes": ["marriage"],
    "excluded_elements": ["force_or_coercion"],
    "required_elements": ["custodian_only"],
    "partial_elements": ["abuse_of_trust"],
    "acts": ["harbour"],
    "partial_labels": ["offence"],
    "means": ["force"],
    "victim_ages": (0, 16),
}


@given(
    _offences,
    st.lists(
        st.tuples(
            st.sets(st.sampled_from(sorted(f.name for f in fields(CoverageParams))), max_size=13),
            st.sets(st.sampled_from(sorted(_VARIANTS)), max_size=4),
        ),
        min_size=2,
        max_size=4,
    ),
)
def test_aspects_shared_between_requirements_equal_those_built_alone(
    offs: list[dict[str, Any]], requirements: list[tuple[set[str], set[str]]]
) -> None:
    """An aspect's criterion is shared by requirements equal in what it reads of their parameters
    (ASPECT_PARAMS): each requirement's criteria of each offence equal those built alone, whichever parameters
    are tested and whatever their values."""
    from gapcheck.rules.coverage import assess, offence_aspects

    shared: dict[object, object] = {}
    for kept, varied in requirements:
        tested = {name: getattr(_PARAMS, name) for name in kept if name not in ("groups", "objects")}
        tested |= {name: _VARIANTS[name] for name in varied if name in tested or name == "objects"}
        p = replace(COVERAGE, **tested)
        memo: dict[object, object] = {}
        for n, drawn in enumerate(offs):
            o = dict(drawn)
            stated, lo, hi = o.pop("band")
            off = OffenceFact.of(offence(f"o{n}", age_stated=stated, age_from=lo, age_below=hi, **o))
            assert assess(p, off, memo, shared) == assess(p, off)  # type: ignore[arg-type]
            assert offence_aspects(p, off, memo, shared) == offence_aspects(p, off)  # type: ignore[arg-type]


def _plain_decide(p: CoverageParams, off: OffenceFact) -> dict[str, Outcome]:
    """The coverage decision as plain set algebra on every aspect (what `decide` must agree with)."""
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
    if p.acts and off.acts:
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


_WIDE = replace(  # lists of two, where one term's test would agree with the plain algebra by chance
    _PARAMS,
    purposes=["sexual_exploitation", "marriage"],
    excluded_elements=["means_required", "custodian_only"],
    required_elements=["abuse_of_trust", "means_required"],
    partial_elements=["force_or_coercion", "custodian_only"],
    means=["ict", "force"],
)


@given(
    _offences,
    st.sets(st.sampled_from(sorted(f.name for f in fields(CoverageParams))), max_size=13),
    st.sampled_from([_PARAMS, _WIDE]),
)
def test_decide_agrees_with_the_plain_set_algebra(
    offs: list[dict[str, Any]], dropped: set[str], tested: CoverageParams
) -> None:
    """`decide` tests each aspect without building the sets it compares: the same outcomes, in the same order,
    as the plain set algebra, whatever the offence and whichever parameters are tested (all of them, but
    those `dropped`: small sets are drawn most, and an aspect untested decides nothing)."""
    p = replace(COVERAGE, **{name: getattr(tested, name) for name in names(CoverageParams) if name not in dropped})
    for n, drawn in enumerate(offs):
        o = dict(drawn)
        stated, lo, hi = o.pop("band")
        off = OffenceFact.of(offence(f"o{n}", age_stated=stated, age_from=lo, age_below=hi, **o))
        plain = _plain_decide(p, off)
        assert list(decide_pair(p, off).items()) == list(plain.items())
        assert quality(p, off) is (QUALITY[min(plain.values(), key=RANK.__getitem__)] if plain else Quality.full)
