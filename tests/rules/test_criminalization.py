"""Criminalization and separate-offence verdicts: groups of conducts, victim bands, absence."""

from rulefacts import complete, coverage_requirement, decide, offence, unknown

from gapcheck.rules.terms import Outcome, Status


def test_one_full_offence_per_group_is_met() -> None:
    found = decide([*coverage_requirement(groups=[["possess"], ["produce"]]), offence("a"), offence("b", "produce")])
    assert found["r"].status is Status.met
    assert [g.outcome for g in found["r"].find("group:")] == [Outcome.satisfied, Outcome.satisfied]


def test_a_group_without_offence_beside_a_covered_one_is_partial() -> None:
    found = decide([*coverage_requirement(groups=[["possess"], ["produce"]]), complete(["r"]), offence("a")])
    assert found["r"].status is Status.partial
    assert [g.outcome for g in found["r"].find("group:")] == [Outcome.satisfied, Outcome.not_]
    assert found["r"].criteria.unmet()[0].missing == "in-force offence covering production"


def test_in_an_open_world_the_uncovered_group_is_unknown_and_the_whole_partial() -> None:
    found = decide([*coverage_requirement(groups=[["possess"], ["produce"]]), offence("a")])
    assert found["r"].status is Status.partial
    assert [g.outcome for g in found["r"].find("group:")] == [Outcome.satisfied, Outcome.unknown]


def test_no_offence_is_gap_in_a_closed_world_naming_the_near_misses() -> None:
    found = decide([*coverage_requirement(), complete(["r"]), offence("near", "produce")])
    assert found["r"].status is Status.gap
    assert "tl/act/near covers production, not possession" in found["r"].text()


def test_no_offence_is_unknown_in_an_open_world() -> None:
    assert decide(coverage_requirement())["r"].status is Status.unknown


def test_a_source_saying_the_law_is_unknown_beats_a_completeness_declaration() -> None:
    found = decide([*coverage_requirement(), complete(["r"]), unknown(requirements=["r"])])
    assert found["r"].status is Status.unknown
    assert found["r"].notes == ["Not known (in the law): the law [a report]"]


def test_offences_against_children_are_not_listed_as_near_misses() -> None:
    found = decide([*coverage_requirement(objects=["child"], groups=[["sell_child"]]), offence("x", "rape", "child")])
    assert "covers rape" not in found["r"].text()


def test_a_partial_offence_makes_its_group_partly_satisfied() -> None:
    found = decide([*coverage_requirement(sex_neutral=True), offence("a", sex="female")])
    assert found["r"].status is Status.partial
    assert found["r"].find("group:0")[0].outcome is Outcome.partly


def test_uncovered_ages_in_the_band_make_it_partial_and_are_named() -> None:
    facts = [*coverage_requirement(victim_ages=(0, 18)), offence("a", age_stated=True, age_from=0, age_below=15)]
    found = decide(facts)["r"]
    assert found.status is Status.partial
    band = found.find("victim-band")[0]
    assert band.outcome is Outcome.partly and band.missing == "protection of children aged 15 to 17"


def test_a_band_with_a_hole_in_the_middle_names_the_hole() -> None:
    facts = [
        *coverage_requirement(victim_ages=(0, 18)),
        offence("young", age_stated=True, age_from=0, age_below=12),
        offence("old", age_stated=True, age_from=15, age_below=None),
    ]
    band = decide(facts)["r"].find("victim-band")[0]
    assert band.missing == "protection of children aged 12 to 14"


def test_offences_that_together_span_the_band_satisfy_it() -> None:
    facts = [
        *coverage_requirement(victim_ages=(0, 18)),
        offence("young", age_stated=True, age_from=0, age_below=12),
        offence("old", age_stated=True, age_from=12, age_below=18),
        offence("all", age_stated=True, age_from=0, age_below=None),
    ]
    found = decide(facts)["r"]
    assert found.status is Status.met and found.find("victim-band")[0].outcome is Outcome.satisfied


def test_children_without_an_age_limit_are_read_as_under_18_and_said_so() -> None:
    found = decide([*coverage_requirement(victim_ages=(0, 18)), offence("a")])["r"]
    assert found.status is Status.met
    assert "read as under 18" in found.text()


def test_a_met_finding_on_secondary_sources_only_says_so() -> None:
    found = decide([*coverage_requirement(), offence("a", secondary=True)])["r"]
    assert found.status is Status.met and "secondary sources only" in found.text()


def test_separate_offence_is_decided_like_criminalization() -> None:
    found = decide(
        [
            *coverage_requirement(test="separate_offence", partial_labels=["trafficking"]),
            offence("a", framing="trafficking"),
        ]
    )
    assert found["r"].status is Status.partial
