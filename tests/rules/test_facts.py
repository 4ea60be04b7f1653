"""Typed facts: what engine/facts.py writes is what the rules read back."""

from rulefacts import coverage_requirement, exception, threshold

from gapcheck.rules.base import Snapshot
from gapcheck.rules.facts import RequirementFact, ThresholdFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import months, words


def test_a_threshold_round_trips_with_its_exceptions() -> None:
    fact = threshold("a", exceptions=[exception(12)])
    back = ThresholdFact.of(fact)
    assert back.to_fact() == fact and back.exceptions[0].counts


def test_a_requirement_round_trips_with_typed_parameters() -> None:
    fact = coverage_requirement(victim_ages=(0, 18))[0]
    back = RequirementFact.of(fact)
    assert isinstance(back.params, CoverageParams) and back.params.victim_ages == (0, 18)


def test_a_snapshot_types_facts_by_kind_in_ref_order() -> None:
    snap = Snapshot([threshold("b"), threshold("a"), *coverage_requirement()])
    assert [t.provision for t in snap.of(ThresholdFact)] == ["tl/act/a", "tl/act/b"]
    assert snap.of(ThresholdFact) is snap.of(ThresholdFact)  # typed once


def test_words_and_months_read_as_a_lawyer_writes() -> None:
    assert words("hazardous_work") == "hazardous work"
    assert [months(n) for n in (1, 6, 12, 36, 18)] == ["1 month", "6 months", "1 year", "3 years", "18 months"]
