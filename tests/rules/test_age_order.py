"""Age-order verdicts: the lowest age of one subject reaches the lowest of another."""

import pytest
from rulefacts import age_order, complete, decide, threshold

from gapcheck.rules.terms import Status


@pytest.mark.parametrize("school,work,status", [(15, 15, Status.met), (16, 15, Status.met), (11, 14, Status.gap)])
def test_schooling_must_last_until_the_employment_age(school: int, work: int, status: Status) -> None:
    facts = [age_order(), threshold("s", "compulsory_education_end", [school]), threshold("w", "employment", [work])]
    found = decide(facts)["r"]
    assert found.status is status
    if status is Status.gap:
        assert found.criteria.missing == f"an age for the end of compulsory education of at least {work}"


@pytest.mark.parametrize("present", ["compulsory_education_end", "employment"])
def test_a_missing_threshold_is_absence(present: str) -> None:
    found = decide([age_order(), complete(["r"]), threshold("x", present, [15])])["r"]
    assert found.status is Status.gap and "No age for" in found.text()
