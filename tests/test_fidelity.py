"""Issue 11, items 1-10: each correction to the Lao corpus and the standards, pinned to its source."""

import pytest

from gapcheck.catalogue import LABELS
from gapcheck.load import load_jurisdiction
from gapcheck.paths import STATUTES


@pytest.fixture(scope="module")
def la(workspace):  # type: ignore[no-untyped-def]
    return load_jurisdiction(STATUTES / "la", workspace.standards.requirements)


def _find(ev, rid):  # type: ignore[no-untyped-def]
    return next(f for f in ev.findings if f.requirement == rid)


def _provision(la, pid):  # type: ignore[no-untyped-def]
    """The provision's one text (the Lao corpus gives each provision a single version)."""
    inst, art = pid.rsplit("/", 1)
    prov = next(p for i in la.instruments if i.id == inst for p in i.model.provisions if p.id == art)
    (text,) = prov.versions
    return text


@pytest.mark.parametrize("rid", ["sale-organs", "sale-forced-labour", "trafficking-child-no-means"])
def test_2_purposes_read_into_the_anti_trafficking_law_are_inferred(lao, rid):  # type: ignore[no-untyped-def]
    f = _find(lao, rid)
    assert "inferred" in [g.value for g in f.grounds]
    assert any("¶30 (inferred)" in line for line in f.explanation)


def test_3_arts_250_251_keep_the_report_and_the_secondary_conditions_apart(la):  # type: ignore[no-untyped-def]
    art250 = _provision(la, "la/penal-code-2017/art-250")
    by_reading = {o.alternative.reading: o for o in art250.offences if o.alternative}
    stated = by_reading["report-28"]
    assert (stated.source.cite, stated.source.provenance.value, stated.elements) == (
        "A/HRC/40/51/Add.1 ¶28",
        "inferred",
        [],
    )
    conditioned = by_reading["asialove-2025"]
    assert conditioned.source.provenance.value == "secondary" and not conditioned.source.confirmed
    assert [e.value for e in conditioned.elements] == ["remuneration"]
    assert (conditioned.victim.age_from, conditioned.victim.age_below) == (12, 18)


def test_4_adoption_safeguards_do_not_rest_on_decree_art_9(lao, la):  # type: ignore[no-untyped-def]
    assert not _provision(la, "la/decree-domestic-adoption-2014/art-9").measures
    f = _find(lao, "adoption-safeguards")
    assert f.status.value == "unknown"
    assert not any(p.id.endswith("decree-domestic-adoption-2014/art-9") for p in f.provisions)


def test_5_the_ban_on_surrogacy_exists_in_an_unspecified_form(lao, la):  # type: ignore[no-untyped-def]
    ban = _provision(la, "la/surrogacy-prohibition/unnumbered-surrogacy-ban").measures[0]
    assert (ban.source.cite, ban.status.value) == ("A/HRC/40/51/Add.1 ¶22", "partial")
    assert "no explicit ban" not in (_provision(la, "la/decree-domestic-adoption-2014/art-57").measures[0].note or "")
    f = _find(lao, "surrogacy-sale-prohibited")
    assert f.status.value == "partial" and any("¶22" in p.source for p in f.provisions)


def test_6_the_diversion_link_is_inferred_and_cites_43_and_47(lao, la):  # type: ignore[no-untyped-def]
    threshold = _provision(la, "la/juvenile-criminal-procedure-law-2014/art-36").measures[0]
    assert threshold.source.provenance.value == "inferred"
    assert "¶43" in threshold.source.cite and "¶47" in threshold.source.cite
    assert "adult offenders" in (threshold.source.note or "")
    f = _find(lao, "no-informal-diversion")
    assert "inferred" in [g.value for g in f.grounds]
    assert any("¶43, ¶47 (inferred)" in line for line in f.explanation)


def test_7_opsc_art_8_elements_are_criteria_and_the_lao_rule_meets_one(lao, la, workspace):  # type: ignore[no-untyped-def]
    test = workspace.standards.requirements["child-friendly-justice"].test
    assert len(test.elements) == 6 and "adapted_procedures" in test.elements
    rule = _provision(la, "la/juvenile-criminal-procedure-law-2014/unnumbered-no-confrontation").measures[0]
    assert [e.value for e in rule.elements] == ["adapted_procedures"]
    f = _find(lao, "child-friendly-justice")
    assert f.status.value == "partial"
    labels = LABELS["procedure_element"]
    said = f"it provides for {labels['adapted_procedures']}; not for {labels['information']}"
    assert any(said in line for line in f.explanation)
    assert any("¶50, ¶51" in p.source for p in f.provisions)


def test_8_victims_rights_to_compensation_are_modelled_from_47(lao):  # type: ignore[no-untyped-def]
    f = _find(lao, "victim-compensation")
    assert f.status.value == "met"
    assert any(p.source == "A/HRC/40/51/Add.1 ¶47" for p in f.provisions)
    assert any("Not known (in practice)" in line and "¶44(b), ¶47" in line for line in f.explanation)


def test_9_benchmarks_and_pinpoints(workspace):  # type: ignore[no-untyped-def]
    reqs = workspace.standards.requirements

    def cited(rid):  # type: ignore[no-untyped-def]
        return {(c.instrument, c.pinpoint) for c in reqs[rid].sources}

    assert ("ilo-c138", "art. 2(3)") not in cited("schooling-until-min-age")
    assert ("ilo-r146", "para. 4") in cited("schooling-until-min-age")
    assert ("opsc", "art. 10") not in cited("isp-reporting-duty")
    assert ("palermo-protocol", "art. 5") not in cited("trafficking-penalty")
    assert {("untoc", "art. 11(1)"), ("palermo-protocol", "art. 1(2)")} <= cited("trafficking-penalty")
    benchmark = reqs["prostitution-penalty"].benchmark
    assert benchmark is not None and "art. 4(7)" in benchmark.source and benchmark.tag == "M"
    opsc = workspace.standards.files["opsc"]
    assert "permissive" in next(a.paraphrase for a in opsc.articles if a.pinpoint == "art. 4(2)")


def test_10_extraterritorial_jurisdiction_cites_no_armed_conflict_observations(lao, la):  # type: ignore[no-untyped-def]
    unknown = next(u for u in la.index.unknowns if "extraterritorial-jurisdiction" in u.requirements)
    assert "CRIN" not in unknown.source.cite and unknown.source.cite == "A/HRC/40/51/Add.1 ¶66(g)"
    assert "CRC/C/OPAC/LAO/CO/1" in (unknown.source.note or "")
    assert _find(lao, "extraterritorial-jurisdiction").status.value == "unknown"


def test_a_requirement_that_demands_boys_and_girls_tests_the_victims_sex(workspace) -> None:  # type: ignore[no-untyped-def]
    """Where a requirement's words protect boys and girls, its test makes a one-sex offence partial."""
    worded = [r for r in workspace.standards.requirements.values() if "boys and girls" in r.demands]
    assert {r.id for r in worded} >= {"abuse-of-trust-offence", "prostitution-offences"}
    assert all(getattr(r.test, "sex_neutral", False) for r in worded), [r.id for r in worded]


def test_9_the_unread_art_4_7_figure_stays_unverified_and_matches_the_test(workspace):  # type: ignore[no-untyped-def]
    """EU Directive 2011/93 art. 4(7) was not read: every use of it is tag M, and the figure is the test's."""
    req = workspace.standards.requirements["prostitution-penalty"]
    directive = workspace.standards.files["eu-directive-2011-93"]
    art_4_7 = next(a.paraphrase for a in directive.articles if a.pinpoint == "art. 4(7)")
    assert "Not read here" in art_4_7
    uses = [
        c
        for r in workspace.standards.requirements.values()
        for c in r.sources
        if c.instrument == "eu-directive-2011-93"
    ]
    assert uses and all(c.tag == "M" for c in uses)
    months = req.test.max_at_least  # the test keeps months
    assert req.benchmark is not None and req.benchmark.tag == "M"
    assert f"at least {months // 12} years" in req.benchmark.value, (months, req.benchmark.value)
