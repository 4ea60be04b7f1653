"""Penalty verdicts: every covering offence must reach the benchmark maximum."""

from rulefacts import complete, coverage_requirement, decide, offence

from gapcheck.rules.terms import Outcome, Role, Status

YEARS = 12


def _penalty(*offences):  # type: ignore[no-untyped-def]
    return decide([*coverage_requirement(test="penalty", max_at_least=10 * YEARS), *offences])["r"]


def test_every_maximum_at_or_above_the_benchmark_is_met() -> None:
    found = _penalty(offence("a", penalty_stated=True, max_months=10 * YEARS))
    assert found.status is Status.met and "meeting the benchmark of 10 years" in found.text()


def test_one_maximum_below_the_benchmark_is_a_gap_naming_it() -> None:
    found = _penalty(
        offence("high", penalty_stated=True, max_months=20 * YEARS),
        offence("low", penalty_stated=True, max_months=5 * YEARS),
    )
    assert found.status is Status.gap
    (low,) = found.criteria.unmet()
    assert low.id == "penalty:tl/act/low [o]" and low.facts[0].role is Role.falls_short
    assert low.missing == "a maximum penalty of at least 10 years under tl/act/low"


def test_an_unstated_penalty_without_a_low_one_is_unknown() -> None:
    found = _penalty(offence("a"), offence("b", penalty_stated=True, max_months=15 * YEARS))
    assert found.status is Status.unknown
    assert [c.outcome for c in found.find("penalty:")] == [Outcome.unknown, Outcome.satisfied]


def test_a_low_penalty_outweighs_an_unstated_one() -> None:
    assert _penalty(offence("a"), offence("b", penalty_stated=True, max_months=6)).status is Status.gap


def test_without_a_covering_offence_the_coverage_criteria_decide() -> None:
    found = decide([*coverage_requirement(test="penalty", max_at_least=10 * YEARS), complete(["r"])])["r"]
    assert found.status is Status.gap and found.criteria.id == "coverage"
