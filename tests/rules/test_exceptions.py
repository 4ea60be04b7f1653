"""No-exception verdicts: confirmed exceptions are gaps, unconfirmed or unstated ones unknown."""

from rulefacts import complete, decide, exception, no_exceptions, threshold

from gapcheck.rules.terms import Role, Status


def test_a_threshold_with_no_exception_stated_is_met() -> None:
    assert decide([no_exceptions(), threshold("a")])["r"].status is Status.met


def test_a_confirmed_exception_is_a_gap() -> None:
    found = decide([no_exceptions(), threshold("a", exceptions=[exception(13)])])["r"]
    assert found.status is Status.gap and found.criteria.unmet()[0].facts[0].role is Role.allows_exception


def test_an_exception_from_a_secondary_or_unconfirmed_source_is_unknown() -> None:
    for reported in (exception(13, confirmed=False), exception(13, secondary=True)):
        found = decide([no_exceptions(), threshold("a", exceptions=[reported])])["r"]
        assert found.status is Status.unknown and "Reported by a secondary or unconfirmed source" in found.text()


def test_a_source_silent_on_exceptions_is_unknown() -> None:
    found = decide([no_exceptions(), threshold("a", exceptions_known=False)])["r"]
    assert found.status is Status.unknown and "does not say whether exceptions exist" in found.text()


def test_a_lower_threshold_of_a_listed_subject_is_an_exception() -> None:
    facts = [
        no_exceptions(lower_subjects=["light_work"]),
        threshold("a", ages=[14]),
        threshold("b", "light_work", [12]),
    ]
    assert decide(facts)["r"].status is Status.gap
    facts[-1] = threshold("b", "light_work", [14])
    assert decide(facts)["r"].status is Status.met


def test_no_threshold_is_absence() -> None:
    assert decide([no_exceptions(), complete(["r"])])["r"].status is Status.gap
