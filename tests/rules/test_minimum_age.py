"""Minimum-age verdicts: every threshold reaches the benchmark; declarations, prohibitions, exceptions."""

from rulefacts import complete, decide, exception, measure, min_age, threshold

from gapcheck.rules.terms import Outcome, Role, Status


def test_every_threshold_at_or_above_the_benchmark_is_met() -> None:
    found = decide([min_age(), threshold("a", ages=[15]), threshold("b", ages=[18, 16])])["r"]
    assert found.status is Status.met and "The benchmark is 15." in found.text()


def test_a_threshold_below_the_benchmark_for_one_sex_is_a_gap() -> None:
    found = decide([min_age(subject="marriage", minimum=18), threshold("a", "marriage", ages=[18, 17])])["r"]
    assert found.status is Status.gap
    assert found.criteria.unmet()[0].facts[0].role is Role.falls_short


def test_a_declaration_in_force_lowers_the_benchmark_and_is_cited() -> None:
    facts = [
        min_age(declared_minimum=14, declaration_age=14),
        measure("decl", "minimum_age_declaration", age=14),
        threshold("a", ages=[14]),
    ]
    found = decide(facts)["r"]
    assert found.status is Status.met and "because a minimum age of 14 was declared (tl/act/decl)" in found.text()


def test_a_declaration_of_another_age_does_not_lower_it() -> None:
    facts = [
        min_age(declared_minimum=14, declaration_age=14),
        measure("decl", "minimum_age_declaration", age=15),
        threshold("a", ages=[14]),
    ]
    assert decide(facts)["r"].status is Status.gap


def test_an_explicit_prohibition_satisfies_it_without_a_threshold() -> None:
    facts = [
        min_age(subject="hazardous_work", minimum=18, or_measure="hazardous_work_prohibition"),
        measure("ban", "hazardous_work_prohibition"),
    ]
    found = decide(facts)["r"]
    assert found.status is Status.met and found.criteria.combine is not None


def test_a_prohibition_recorded_as_partial_partly_satisfies_it_and_is_cited() -> None:
    facts = [
        min_age(subject="hazardous_work", minimum=18, or_measure="hazardous_work_prohibition"),
        measure("ban", "hazardous_work_prohibition", status="partial"),
    ]
    found = decide(facts)["r"]
    ban = found.criteria.children[0]
    assert found.status is Status.partial
    assert ban.outcome is Outcome.partly and ban.missing == "a prohibition of hazardous work, explicitly"
    assert [(e.provision, e.source, e.role) for e in ban.facts] == [("tl/act/ban", "Act ban", Role.partly_satisfies)]
    assert (
        "provides for a prohibition of hazardous work, in part: not an explicit, complete measure [Act ban]"
        in found.text()
    )


def test_an_explicit_prohibition_outweighs_a_partial_one() -> None:
    facts = [
        min_age(subject="hazardous_work", minimum=18, or_measure="hazardous_work_prohibition"),
        measure("old", "hazardous_work_prohibition", status="partial"),
        measure("ban", "hazardous_work_prohibition"),
    ]
    ban = decide(facts)["r"].criteria.children[0]
    assert ban.outcome is Outcome.satisfied and [e.provision for e in ban.facts] == ["tl/act/ban"]


def test_with_no_prohibition_at_all_the_thresholds_decide_and_absence_is_unknown() -> None:
    found = decide([min_age(subject="hazardous_work", minimum=18, or_measure="hazardous_work_prohibition")])["r"]
    assert found.status is Status.unknown
    assert found.criteria.children[0].outcome is Outcome.not_
    assert "No explicit prohibition of hazardous work is in force." in found.text()


def test_a_partial_prohibition_does_not_lower_thresholds_that_reach_the_benchmark() -> None:
    facts = [
        min_age(subject="hazardous_work", minimum=18, or_measure="hazardous_work_prohibition"),
        measure("ban", "hazardous_work_prohibition", status="partial"),
        threshold("a", "hazardous_work", [18]),
    ]
    assert decide(facts)["r"].status is Status.met


def test_without_the_prohibition_the_thresholds_decide() -> None:
    facts = [
        min_age(subject="hazardous_work", minimum=18, or_measure="hazardous_work_prohibition"),
        measure("ban", "hazardous_work_prohibition", status="de_facto"),
        threshold("a", "hazardous_work", [16]),
    ]
    found = decide(facts)["r"]
    assert found.status is Status.gap
    assert [c.outcome for c in found.criteria.children] == [Outcome.not_, Outcome.not_]


def test_no_threshold_is_absence() -> None:
    assert decide([min_age()])["r"].status is Status.unknown
    assert decide([min_age(), complete(["r"])])["r"].status is Status.gap


def test_a_confirmed_exception_below_the_benchmark_counts_where_the_standard_says_so() -> None:
    low = threshold("a", "marriage", [18], exceptions=[exception(15)])
    assert decide([min_age(subject="marriage", minimum=18, counts_exceptions=True), low])["r"].status is Status.gap
    assert decide([min_age(subject="marriage", minimum=18), low])["r"].status is Status.met


def test_an_unconfirmed_exception_is_reported_not_counted() -> None:
    low = threshold("a", "marriage", [18], exceptions=[exception(15, confirmed=False)])
    found = decide([min_age(subject="marriage", minimum=18, counts_exceptions=True), low])["r"]
    assert found.status is Status.met and "not counted" in found.text()


def test_a_confirmed_exception_at_the_benchmark_or_without_a_floor_does_not_lower_it() -> None:
    ok = threshold("a", "marriage", [18], exceptions=[exception(18), exception(None)])
    assert decide([min_age(subject="marriage", minimum=18, counts_exceptions=True), ok])["r"].status is Status.met
