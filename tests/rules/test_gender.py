"""Gender neutrality: an offence relied on for the listed requirements that protects one sex only is partial."""

from rulefacts import complete, coverage_requirement, decide, gender_req, offence

from gapcheck.rules.terms import Status


def test_an_offence_for_one_sex_makes_it_partial() -> None:
    found = decide([*coverage_requirement(), gender_req(), offence("a", sex="female"), offence("b")])["g"]
    assert found.status is Status.partial and "tl/act/a protects only female victims" in found.text()


def test_offences_for_any_sex_are_met() -> None:
    assert decide([*coverage_requirement(), gender_req(), offence("a")])["g"].status is Status.met


def test_offences_that_do_not_cover_the_listed_requirements_are_not_relied_on() -> None:
    facts = [*coverage_requirement(means=["ict"]), gender_req(), complete(["g"]), offence("a", sex="female")]
    assert decide(facts)["g"].status is Status.gap
