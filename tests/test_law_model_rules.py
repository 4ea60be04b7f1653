"""Rules that read the general law model (issue 8 items 3-8, 12), each on a fictional fixture jurisdiction.

Each test has its negative case: the fixture as written falls short, and a
draft (or the reference) that closes the shortfall is met.
"""

import datetime as dt
from pathlib import Path

import pytest

from gapcheck.facts import flatten
from gapcheck.findings import Finding
from gapcheck.glossary import GLOSSARY, markdown
from gapcheck.standard import CoverageTest
from gapcheck.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "statutes"


@pytest.fixture(scope="module")
def ws() -> Workspace:
    return Workspace.open(FIXTURES)


def finding(ws: Workspace, code: str, rid: str, draft: str | None = None) -> Finding:
    drafts = (FIXTURES / code / "drafts" / f"{draft}.yaml",) if draft else ()
    return next(f for f in ws.evaluate(code, None, drafts).evaluation.findings if f.requirement == rid)


# 3. The age of sexual consent is read by the rules


def test_an_offence_for_under_6s_cannot_meet_a_consent_age_of_16(ws: Workspace) -> None:
    f = finding(ws, "xa", "sexual-abuse-below-aoc")
    assert f.status.value == "partial"
    assert any("age of sexual consent, 16" in line for line in f.explanation)
    assert any("Children aged 6 to 15 are not protected" in line for line in f.explanation)
    assert finding(ws, "xa", "sexual-abuse-below-aoc", "under-16").status.value == "met"


def test_a_close_in_age_exemption_is_shown_in_the_reasoning(ws: Workspace) -> None:
    f = finding(ws, "xa", "sexual-abuse-below-aoc")
    assert any("Close-in-age exemption" in x and "at most 5 years" in x and "art 40(2)" in x for x in f.explanation)


# 4. Thresholds that differ by sex or by personal law


def test_a_lower_marriage_age_for_women_is_a_shortfall(ws: Workspace) -> None:
    f = finding(ws, "xm", "marriage-min-age-18")
    assert f.status.value == "gap"
    assert any("16 for women and girls" in line for line in f.explanation)
    exceptions = finding(ws, "xm", "marriage-no-exceptions")
    assert exceptions.status.value == "gap"
    assert any("16 for women and girls" in line for line in exceptions.explanation)


def test_a_personal_law_exception_without_floor_is_a_shortfall(ws: Workspace) -> None:
    for rid in ("marriage-min-age-18", "marriage-no-exceptions"):
        f = finding(ws, "xm", rid)
        line = next(x for x in f.explanation if "no lowest age" in x)
        assert "religious authority" in line and "Islamic Family Law Act art 8 proviso" in line
    f = finding(ws, "xm", "marriage-min-age-18")
    assert any("(for Muslims, under the Islamic family law enactments)" in line for line in f.explanation)


def test_equal_ages_without_exceptions_are_met(ws: Workspace) -> None:
    assert finding(ws, "xm", "marriage-min-age-18", "equal-ages").status.value == "met"
    assert finding(ws, "xm", "marriage-no-exceptions", "equal-ages").status.value == "met"


# 5. Trafficking as act, means and purpose


def test_a_trafficking_offence_without_recruitment_is_partial_and_says_so(ws: Workspace) -> None:
    f = finding(ws, "xk", "trafficking-child-no-means")
    assert f.status.value == "partial"
    assert any("does not cover recruitment" in line for line in f.explanation)
    assert finding(ws, "xk", "trafficking-child-no-means", "whole-chain").status.value == "met"


# 6. Narrowing conditions


@pytest.mark.parametrize(
    ("rid", "words"),
    [
        ("csam-possession", "only when it is for sexual gratification"),
        ("grooming", "only when it leads to a proposal to meet"),
        ("abuse-of-trust-offence", "limited to custodians"),
        ("prostitution-client-offence", "the child victim is also punishable"),
    ],
)
def test_a_narrowing_condition_makes_coverage_partial_with_its_reason(ws: Workspace, rid: str, words: str) -> None:
    f = finding(ws, "xn", rid)
    assert f.status.value == "partial", f.explanation
    assert any(words in line for line in f.explanation), f.explanation


# 8. Penalties as written in law


def test_a_fine_only_offence_is_within_any_mediation_threshold(ws: Workspace) -> None:
    f = finding(ws, "xf", "no-informal-diversion")
    assert f.status.value == "gap"
    assert any("carries only a fine of up to 5000 XXX" in line for line in f.explanation)
    assert not any("penalty of" in line and "not stated" in line for line in f.explanation)


def test_a_fine_only_offence_falls_short_of_a_prison_benchmark(ws: Workspace) -> None:
    f = finding(ws, "xf", "prostitution-penalty")
    assert f.status.value == "gap"
    assert any("only a fine" in line and "no imprisonment" in line for line in f.explanation)


def test_penalties_keep_or_and_and_aggravated_forms(ws: Workspace) -> None:
    corpus, _ = ws.corpus("xf")
    facts = flatten(corpus, ws.standards, dt.date(2024, 1, 1))
    procuring = next(f for f in facts if f.get("offence") == "xf/penal-code/art-51 [procuring]")
    assert procuring["penalty_text"] == "up to 5 years of imprisonment or a fine of up to 20000 XXX"
    assert [(a["circumstance"], a["victim_below"]) for a in procuring["aggravated"]] == [
        ("as_business", None),
        ("victim_under_age", 12),
    ]


# 12. Every requirement that protects children states its victim band


def test_every_child_protecting_requirement_states_its_victim_band(ws: Workspace) -> None:
    for rid, req in ws.standards.requirements.items():
        test = req.test
        if isinstance(test, CoverageTest) and "child" in [str(o) for o in test.objects]:
            assert test.victim_ages or test.victim_band_from, f"{rid} protects children but states no victim band"


def test_an_offence_for_under_15s_never_fully_meets_a_requirement_for_all_children(ws: Workspace) -> None:
    f = finding(ws, "xk", "sale-separate-offence")
    assert f.status.value == "partial"
    assert any("Children aged 15 to 17" in line for line in f.explanation)
    assert finding(ws, "xk", "sale-separate-offence", "whole-chain").status.value == "met"


# 7. Vocabulary for common offences, documented


def test_every_vocabulary_term_has_a_meaning_and_an_example() -> None:
    for enum, (where, entries) in GLOSSARY.items():
        assert where
        assert set(entries) == {m.value for m in enum}, enum.__name__
        for term, (meaning, example) in entries.items():
            assert meaning.strip() and example.strip(), term


def test_every_vocabulary_enum_is_in_the_glossary() -> None:
    import enum

    from gapcheck import vocab

    enums = {
        v for v in vars(vocab).values() if isinstance(v, type) and issubclass(v, enum.StrEnum) and v is not enum.StrEnum
    }
    assert enums == set(GLOSSARY)


def test_the_vocabulary_reference_is_generated_and_current() -> None:
    repo = Path(__file__).resolve().parent.parent
    assert (repo / "docs" / "vocabulary.md").read_text(encoding="utf-8") == markdown()


def test_the_new_offence_vocabulary_loads_and_reaches_the_rules(ws: Workspace) -> None:
    corpus, _ = ws.corpus("xw")
    facts = flatten(corpus, ws.standards, dt.date(2024, 1, 1))
    conducts = {(f["conduct"], f["object"]) for f in facts if f["kind"] == "offence"}
    assert {("indecent_act", "child"), ("abduct_child", "child")} <= conducts
    assert ("transport", "child_sexual_abuse_material") in conducts
    measures = {f["measure"] for f in facts if f["kind"] == "measure"}
    assert {"isp_endeavour_duty", "mandatory_reporting_duty"} <= measures
