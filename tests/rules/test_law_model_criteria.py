"""The rules that read the general law model (issue 8), each decision on hand-built facts."""

from dataclasses import replace

from rulefacts import (
    complete,
    coverage_requirement,
    decide,
    exception,
    measure,
    no_exceptions,
    offence,
    requirement,
    threshold,
)

from gapcheck.evaluate import rule_engine
from gapcheck.prose import Wording
from gapcheck.rules.binding import status
from gapcheck.rules.facts import AnalysisFact, Fact, TreatyFact
from gapcheck.rules.params import NonPunishmentParams
from gapcheck.rules.terms import Outcome, Status

YEARS = 12
WORDS = Wording()  # no corpus: the messages worded as they stand
TREATY = {"id": "opsc", "short": "OPSC", "type": "treaty", "addressed_to": ""}


def treaty(events: list[Fact], reservations: list[Fact] | None = None, source: str = "") -> TreatyFact:
    return TreatyFact("treaty:tl:0", "opsc", events, reservations or [], [], source)


def event(act: str, day: int) -> Fact:
    return {"act": act, "day": day, "date": str(day), "source": f"UNTC {act}"}


# Binding: whether a standard binds on the analysis date


def test_a_ratified_treaty_binds_from_its_date_with_its_reservations_in_force() -> None:
    kept = {"text": "kept", "pinpoint": "art. 3", "day": 20060101, "withdrawn": 0, "source": "UNTC"}
    gone = {"text": "gone", "pinpoint": None, "day": 20060101, "withdrawn": 20100101, "source": "UNTC"}
    t = treaty([event("signature", 20020101), event("accession", 20060101)], [kept, gone])
    bound = status(TREATY, t, 20150101)
    assert bound["status"] == "binding" and bound["since"] == "20060101"
    assert [WORDS.fragment(r) for r in bound["reservations"]] == ["art. 3: kept [UNTC]"]
    assert status(TREATY, t, 20040101)["status"] == "signed"
    assert status(TREATY, t, 20010101)["status"] == "not_party"


def test_a_denunciation_ends_the_obligation() -> None:
    t = treaty([event("ratification", 20000101), event("acceptance", 20010101), event("denunciation", 20100101)])
    assert status(TREATY, t, 20050101)["status"] == "binding"
    assert status(TREATY, t, 20150101)["status"] == "not_party"


def test_a_stated_non_party_an_unrecorded_treaty_and_soft_law() -> None:
    assert status(TREATY, treaty([], source="CoE chart"), 20200101)["source"] == "CoE chart"
    assert status(TREATY, None, 20200101)["status"] == "not_recorded"
    report = {**TREATY, "type": "recommendation", "addressed_to": "la"}
    assert (
        WORDS.fragment(status(report, None, 20200101)["why"]) == "a recommendation, addressed to la; it does not bind"
    )
    guidance = WORDS.fragment(status({**TREATY, "type": "guidance"}, None, 20200101)["why"])
    assert guidance == "guidance; it does not bind"


def test_the_binding_rule_says_yes_no_or_unknown_per_requirement() -> None:
    def binds(instruments: list[Fact], *facts: Fact) -> str:
        req = replace_instruments(coverage_requirement()[0], instruments)
        session = rule_engine().evaluate([req, *facts])
        return next(f["binds"] for f in session if f.get("kind") == "binding")

    analysis = AnalysisFact("analysis", "tl", "2020-01-01", 20200101).to_fact()
    party = treaty([event("accession", 20060101)]).to_fact()
    assert binds([TREATY], analysis, party) == "yes"
    assert binds([TREATY], analysis) == "unknown"
    assert binds([{**TREATY, "type": "model_law"}], analysis) == "no"


def test_requirements_citing_one_instrument_get_its_status_as_computed_alone() -> None:
    """The binding rule works out an instrument's status once per evaluation: an entry that differs (here the
    same id as soft law) is its own, and every requirement's statuses equal `status` on each of its entries."""
    soft = {**TREATY, "type": "model_law"}
    cited = {"r1": [TREATY], "r2": [soft, TREATY], "r3": [soft]}
    reqs = [replace_instruments(coverage_requirement(r)[0], instruments) for r, instruments in cited.items()]
    analysis = AnalysisFact("analysis", "tl", "2020-01-01", 20200101).to_fact()
    party = treaty([event("accession", 20060101)])
    session = rule_engine().evaluate([*reqs, analysis, party.to_fact()])
    found = {f["req"]: f for f in session if f.get("kind") == "binding"}
    assert {r: f["binds"] for r, f in found.items()} == {"r1": "yes", "r2": "yes", "r3": "no"}
    for r, instruments in cited.items():
        assert found[r]["instruments"] == [status(i, party if i is TREATY else None, 20200101) for i in instruments]


def replace_instruments(req: Fact, instruments: list[Fact]) -> Fact:
    return {**req, "instruments": instruments}


# Coverage: narrowing conditions and trafficking acts


def test_a_narrowing_condition_is_partial_with_its_meaning() -> None:
    found = decide([*coverage_requirement(), offence("a", elements=["purpose_sexual_gratification"])])["r"]
    assert found.status is Status.partial and "only when it is for sexual gratification" in found.text()


def test_a_required_element_is_not_a_narrowing_one() -> None:
    req = coverage_requirement(required_elements=["victim_punishable"])
    assert decide([*req, offence("a", elements=["victim_punishable"])])["r"].status is Status.met


def test_every_trafficking_act_is_needed_and_the_missing_ones_are_named() -> None:
    req = coverage_requirement(groups=[["traffic_child"]], objects=["child"], acts=["recruitment", "transfer"])
    some = decide([*req, offence("a", "traffic_child", "child", acts=["transfer"])])["r"]
    assert some.status is Status.partial and "it does not cover recruitment" in some.text()
    both = decide([*req, offence("a", "traffic_child", "child", acts=["recruitment", "transfer"])])["r"]
    assert both.status is Status.met
    unstated = decide([*req, offence("a", "traffic_child", "child")])["r"]  # "traffics": the whole chain
    assert unstated.status is Status.met


# Criminalization: the band read from the age of consent


def _aoc(*facts: Fact, **params: object) -> object:
    req = coverage_requirement(groups=[["sexual_intercourse"]], objects=["child"], victim_band_from="sexual_consent")
    req[0] = {**req[0], "params": {**req[0]["params"], **params}}
    return decide([*req, *facts])["r"]


def test_the_consent_age_sets_the_band_and_a_close_in_age_exemption_is_shown() -> None:
    consent = threshold(
        "c",
        "sexual_consent",
        [16],
        exceptions=[replace(exception(13), age_gap=5), exception(None)],
    )
    young = offence("a", "sexual_intercourse", "child", age_stated=True, age_below=6)
    found = _aoc(consent, young)
    assert found.status is Status.partial  # type: ignore[attr-defined]
    text = found.text()  # type: ignore[attr-defined]
    assert "age of sexual consent, 16" in text and "aged 6 to 15" in text and "at most 5 years" in text
    full = offence("a", "sexual_intercourse", "child", age_stated=True, age_below=16)
    assert _aoc(consent, full).status is Status.met  # type: ignore[attr-defined]


def test_without_a_consent_age_the_finding_says_so() -> None:
    found = _aoc(offence("a", "sexual_intercourse", "child", age_stated=True, age_below=14))
    assert "No age of sexual consent is in the corpus" in found.text()  # type: ignore[attr-defined]


def test_above_the_consent_age_the_band_runs_to_adulthood() -> None:
    consent = threshold("c", "sexual_consent", [16])
    trust = offence("a", "sexual_intercourse", "child", age_stated=True, age_from=16, age_below=17)
    found = _aoc(consent, trust, victim_band_side="above", victim_ages=[0, 18])
    assert found.status is Status.partial and "aged 17 to 17" in found.text()  # type: ignore[attr-defined]


# Penalties as written: fines and aggravated forms


def _penalty(*offences: Fact) -> object:
    req = coverage_requirement(test="penalty", groups=[["rape"]], objects=["child"], max_at_least=10 * YEARS)
    return decide([*req, *offences])["r"]


def test_a_fine_only_offence_falls_short_and_aggravated_forms_are_shown() -> None:
    aggravated = [
        {"circumstance": "as_business", "victim_below": None, "max_months": 180, "text": "up to 15 years"},
        {"circumstance": "victim_under_age", "victim_below": 12, "max_months": 240, "text": "up to 20 years"},
    ]
    fine = offence("a", "rape", "child", penalty_stated=True, fine_only=True, penalty_text="a fine of up to 5 XXX")
    found = _penalty(fine, offence("b", "rape", "child", penalty_stated=True, max_months=240, aggravated=aggravated))
    assert found.status is Status.gap  # type: ignore[attr-defined]
    text = " ".join([found.text(), *found.criteria.because])  # type: ignore[attr-defined]
    assert "carries only a fine of up to 5 XXX, no imprisonment" in text
    assert "(where it is committed as a business): up to 15 years" in text and "(where the victim is under 12)" in text


def test_a_fine_only_offence_is_within_any_mediation_threshold() -> None:
    req = coverage_requirement(
        test="diversion",
        theme="procedure",
        objects=["child"],
        groups=[["rape"]],
        mediation_measure="mediation_threshold",
    )
    med = measure("med", "mediation_threshold", has_max=True, max_months=6)
    fine = offence("a", "rape", "child", penalty_stated=True, fine_only=True, penalty_text="a fine")
    found = decide([*req, med, fine])["r"]
    assert found.status is Status.gap and "carries only a fine, within the mediation threshold" in found.text()


def test_a_declared_absence_of_mediation_is_met() -> None:
    req = coverage_requirement(
        test="diversion",
        theme="procedure",
        objects=["child"],
        groups=[["rape"]],
        mediation_measure="mediation_threshold",
    )
    none = measure("j", "mediation_threshold", status="none", declared_absent=True)
    found = decide([*req, none])["r"]
    assert found.status is Status.met and "no village mediation threshold exists" in found.text()


# Thresholds by sex and population, and exceptions without a floor


def test_a_lower_age_for_one_sex_or_population_is_an_exception() -> None:
    women = threshold("m", "marriage", [18, 18, 16], by_sex={"female": 16, "male": 18})
    found = decide([no_exceptions(subject="marriage"), women, threshold("p", "marriage", [18], population="x")])["r"]
    assert found.status is Status.gap
    assert "16 for women and girls, 18 for men and boys" in found.text()
    assert "(for x)" in found.text()


def test_an_exception_without_floor_granted_by_an_authority_lowers_the_minimum() -> None:
    from rulefacts import min_age

    floorless = replace(exception(None), no_floor=True, sex="female", granted_by="religious_authority")
    found = decide(
        [
            min_age(subject="marriage", minimum=18, counts_exceptions=True),
            threshold("m", "marriage", [18], exceptions=[floorless]),
        ]
    )["r"]
    assert found.status is Status.gap
    assert "with no lowest age for female persons with the leave of a religious authority" in found.text()
    unstated = decide(
        [no_exceptions(subject="marriage"), threshold("m", "marriage", [18], exceptions=[exception(None)])]
    )
    assert "from an unstated age" in unstated["r"].text()


def test_ages_per_sex_shown_without_a_by_sex_map() -> None:
    found = decide([no_exceptions(subject="marriage"), threshold("m", "marriage", [18, 16])])["r"]
    assert "16 or 18 (by sex)" in found.text()


# Non-punishment of child victims


def _victims(*facts: Fact) -> object:
    req = requirement(
        "r",
        "non_punishment",
        NonPunishmentParams(["engage_in_prostitution"], "non_punishment_child_prostitution"),
        "victims",
    )
    return decide([req, *facts])["r"]


def test_non_punishment_by_exemption_offence_or_absence() -> None:
    reach = offence("p", "engage_in_prostitution", "child")
    adults = offence("q", "engage_in_prostitution", "child", elements=["adult_offender_only"])
    explicit = measure("e", "non_punishment_child_prostitution")
    partial = measure("e", "non_punishment_child_prostitution", status="de_facto")
    assert _victims(reach, explicit).status is Status.met  # type: ignore[attr-defined]
    assert "takes child victims out" in _victims(reach, explicit).text()  # type: ignore[attr-defined]
    assert _victims(reach, partial).status is Status.partial  # type: ignore[attr-defined]
    assert _victims(reach).status is Status.gap  # type: ignore[attr-defined]
    assert _victims(adults).status is Status.met  # type: ignore[attr-defined]
    assert _victims(complete(themes=["victims"])).status is Status.gap  # type: ignore[attr-defined]
    assert _victims().status is Status.unknown  # type: ignore[attr-defined]
    assert [c.outcome for c in _victims(reach).criteria.walk()][-1] is Outcome.not_  # type: ignore[attr-defined]
