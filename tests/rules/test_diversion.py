"""Diversion: a covering offence whose maximum is within a mediation threshold can leave the justice system."""

from rulefacts import complete, coverage_requirement, decide, measure, offence

from gapcheck.rules.terms import Outcome, Role, Status

YEARS = 12


def _diversion(*facts):  # type: ignore[no-untyped-def]
    req = coverage_requirement(
        test="diversion",
        theme="procedure",
        objects=["child"],
        groups=[["rape"]],
        mediation_measure="mediation_threshold",
    )
    return decide([*req, *facts])["r"]


MEDIATION = measure("med", "mediation_threshold", has_max=True, max_months=3 * YEARS)


def test_an_offence_within_the_threshold_is_a_gap_with_the_chain_cited() -> None:
    found = _diversion(MEDIATION, offence("rape", "rape", "child", penalty_stated=True, max_months=YEARS))
    assert found.status is Status.gap
    (bad,) = found.criteria.unmet()
    assert {(e.provision, e.role) for e in bad.facts} == {("tl/act/rape", Role.diverts), ("tl/act/med", Role.threshold)}


def test_offences_above_the_threshold_are_met() -> None:
    found = _diversion(MEDIATION, offence("rape", "rape", "child", penalty_stated=True, max_months=10 * YEARS))
    assert found.status is Status.met


def test_an_unstated_penalty_is_unknown() -> None:
    found = _diversion(MEDIATION, offence("rape", "rape", "child"))
    assert found.status is Status.unknown and found.find("offence:")[0].outcome is Outcome.unknown


def test_without_a_mediation_threshold_absence_decides() -> None:
    assert _diversion(offence("rape", "rape", "child")).status is Status.unknown
    assert _diversion(complete(themes=["procedure"])).status is Status.gap


def test_without_a_covering_offence_absence_decides() -> None:
    found = _diversion(MEDIATION, complete(themes=["procedure"]))
    assert found.status is Status.gap and "No child sexual offence is in the law" in found.text()


def test_a_threshold_without_a_maximum_is_no_threshold() -> None:
    found = _diversion(measure("med", "mediation_threshold"), offence("rape", "rape", "child", penalty_stated=True))
    assert found.status is Status.unknown


def test_each_requirement_reads_only_its_own_divertible_offences() -> None:
    other = coverage_requirement(
        req="r2",
        test="diversion",
        theme="procedure",
        objects=["child"],
        groups=[["marital_rape"]],
        mediation_measure="mediation_threshold",
    )
    facts = [
        *other,
        MEDIATION,
        offence("mr", "marital_rape", "child", penalty_stated=True, max_months=YEARS),
        offence("rape", "rape", "child", penalty_stated=True, max_months=10 * YEARS),
    ]
    req = coverage_requirement(
        test="diversion",
        theme="procedure",
        objects=["child"],
        groups=[["rape"]],
        mediation_measure="mediation_threshold",
    )
    found = decide([*req, *facts])
    assert found["r2"].status is Status.gap and found["r"].status is Status.met


def test_each_offence_is_compared_with_the_widest_threshold() -> None:
    narrow = measure("narrow", "mediation_threshold", has_max=True, max_months=YEARS)
    found = _diversion(narrow, MEDIATION, offence("rape", "rape", "child", penalty_stated=True, max_months=2 * YEARS))
    assert found.status is Status.gap
    (bad,) = found.criteria.unmet()
    assert {(e.provision, e.role) for e in bad.facts} == {("tl/act/rape", Role.diverts), ("tl/act/med", Role.threshold)}
    assert "within the mediation threshold of 3 years" in found.text()
