"""Malaysia's findings follow from the cited law: each is pinned with the section and source that ground it."""

import csv
import datetime as dt

import pytest

from gapcheck.cli import main
from gapcheck.evaluate import Evaluation
from gapcheck.workspace import Workspace

MY_AS_OF = dt.date(2018, 10, 1)  # last day of the Special Rapporteur's visit

# (requirement, expected status, what the law says, where)
FINDINGS = [
    ("csam-possession", "met", "possession or control, no intent to distribute", "Act 792 s. 10"),
    ("csam-access", "met", "knowingly causing material to be viewed or transmitted to oneself", "Act 792 s. 10"),
    ("csam-technology-facilitated", "met", "access framed for e-mail and computers", "Act 792 s. 10"),
    ("csam-definition", "met", "any representation, visual, audio or written, by any means", "Act 792 s. 4(a)"),
    ("csam-production", "met", "making, producing, directing production", "Act 792 s. 5"),
    ("csam-child-specific-offence", "met", "a child-specific Act", "Act 792 ss. 5, 8, 10"),
    ("grooming", "met", "communicating with a child to commit an offence", "Act 792 s. 12 (The Star, 28 March 2017)"),
    ("extraterritorial-jurisdiction", "met", "offences by Malaysian citizens against children abroad", "Act 792 s. 3"),
    ("jurisdiction-no-double-criminality", "met", "no condition that the act be an offence abroad", "Act 792 s. 3"),
    (  # OPSC art. 8(1) elements are required of the measure; only the headings were read, so none is recorded
        "child-friendly-justice",
        "gap",
        "capacity and evidence of child witnesses; no element of OPSC art. 8(1) recorded",
        "Act 792 ss. 17-18 (headings only)",
    ),
    (
        "sale-separate-offence",
        "met",
        "selling a child for prostitution is its own offence",
        "Child Act 2001 s. 43(1)(a)",
    ),
    ("sale-any-purpose", "met", "unlawful transfer of custody of a child", "Child Act 2001 s. 48 (KPWKM, 2016)"),
    ("prostitution-offences", "met", "procuring, obtaining, harbouring any child", "Child Act 2001 s. 43(1)"),
    ("age-of-protection-18", "met", "s. 43 protects every child under 18", "Child Act 2001 s. 43(1)"),
    ("sexual-abuse-below-aoc", "met", "intercourse with a girl under 16 is rape", "Penal Code s. 375(g)"),
    ("gender-neutral-protection", "partial", "statutory rape protects girls only", "Penal Code s. 375(g)"),
    ("marriage-min-age-18", "gap", "girls may marry at 16 under Islamic family law", "Act 303 s. 8"),
    (
        "marriage-no-exceptions",
        "gap",
        "Syariah Judge's permission; Chief Minister's licence from 16",
        "Act 303 s. 8; Act 164 s. 10",
    ),
    (
        "employment-min-age",
        "met",
        "no child under 15 employed, as declared on ratifying C138",
        "Act 350 s. 2; CEACR 2001",
    ),
    (
        "employment-no-exceptions",
        "gap",
        "children may do light work, entertainment, apprenticeships",
        "Act 350 s. 2(2)",
    ),
    ("light-work-min-age", "gap", "no minimum age for light work before 2019", "CEACR on Act 350 s. 2(2)(a)"),
    (
        "schooling-until-min-age",
        "gap",
        "compulsory schooling is primary only (about 12), work from 15",
        "Education Act 1996 s. 29A",
    ),
    ("adoption-safeguards", "partial", "no payment for consent, but for non-Muslims only", "Adoption Act 1952 s. 6(c)"),
    (  # Lanzarote art. 18(1)(b) protects "a child", boys and girls; s. 375(f) is rape, of women and girls only
        "abuse-of-trust-offence",
        "partial",
        "consent obtained by a position of authority or trust is rape, of girls only",
        "Penal Code s. 375(f)",
    ),
]

# facts no source read gives: the corpus does not invent them
STATED_UNKNOWN = [
    "trafficking-penalty",  # Act 670 s. 14: heading read, penalty not
    "child-marriage-offence",
    "prostitution-client-offence",
    "victim-compensation",  # the 2023 compensation order has no date of entry into force in the sources read
    "isp-reporting-duty",
    "legal-persons-liability",
    "sexual-extortion",  # Act 792 s. 15B (2023): date of entry into force not found
]


@pytest.fixture(scope="module")
def malaysia(workspace: Workspace) -> Evaluation:
    return workspace.evaluate("my").evaluation


def _finding(ev: Evaluation, rid: str):  # type: ignore[no-untyped-def]
    return next(f for f in ev.findings if f.requirement == rid)


def test_default_date_is_the_end_of_the_visit(malaysia: Evaluation) -> None:
    assert malaysia.as_of == MY_AS_OF


@pytest.mark.parametrize("rid,expected,said,where", FINDINGS, ids=[f[0] for f in FINDINGS])
def test_finding_follows_from_the_cited_law(
    malaysia: Evaluation, rid: str, expected: str, said: str, where: str
) -> None:
    assert _finding(malaysia, rid).status.value == expected, f"{rid}: {where} says {said}"


@pytest.mark.parametrize("rid", STATED_UNKNOWN)
def test_what_no_source_gives_stays_unknown(malaysia: Evaluation, rid: str) -> None:
    assert _finding(malaysia, rid).status.value == "unknown", rid


def test_the_2017_act_grounds_the_csam_and_grooming_findings(malaysia: Evaluation) -> None:
    act = "my/sexual-offences-against-children-act-2017"
    for rid, section in [("csam-possession", "art-10"), ("csam-access", "art-10"), ("grooming", "art-12")]:
        f = _finding(malaysia, rid)
        assert (f"{act}/{section}", "satisfies") in {(p.id, p.role) for p in f.provisions}, rid
    possession = " ".join(_finding(malaysia, "csam-possession").explanation)
    assert "Act 792 s. 10" in possession


def test_grooming_rests_on_a_secondary_source_and_says_so(malaysia: Evaluation) -> None:
    text = " ".join(_finding(malaysia, "grooming").explanation)
    assert "The Star, 28 March 2017" in text and "(secondary)" in text


def test_abuse_of_trust_is_partial_because_section_375f_protects_girls_only(malaysia: Evaluation) -> None:
    """The only abuse-of-trust offence in the corpus is rape (s. 375(f)): its one shortfall is the victim's sex."""
    f = _finding(malaysia, "abuse-of-trust-offence")
    assert f.status.value == "partial"
    assert ("my/penal-code/art-375", "partly satisfies") in {(p.id, p.role.value) for p in f.provisions}
    reasons = [line for line in f.explanation if "of the Penal Code (Act 574)" in line and "only in part" in line]
    assert reasons and all("only in part: it protects only female victims [" in r for r in reasons)


def test_marriage_exceptions_for_girls_under_religious_and_civil_law(malaysia: Evaluation) -> None:
    f = _finding(malaysia, "marriage-no-exceptions")
    short = {p.id for p in f.provisions if p.role == "allows an exception"}
    assert "my/islamic-family-law-federal-territories-act-1984/art-8" in short  # Syariah Judge, no floor
    assert "my/law-reform-marriage-and-divorce-act-1976/art-10" in short  # Chief Minister's licence from 16
    text = " ".join(f.explanation)
    assert "Syariah Judge" in text and "Chief Minister" in text
    # states whose enactments no source gives are declared unknown, not assumed
    assert "Not known (in the law)" in text and "Sabah" in text


def test_selangor_raised_the_age_to_18_from_2019_but_kept_a_court_exception(workspace: Workspace) -> None:
    selangor = "my/islamic-family-law-selangor-enactment-2003/"
    title = next(i.model.instrument.title for i in workspace.corpus("my")[0].instruments if i.id == selangor[:-1])
    for day, sets in [(MY_AS_OF, "sets 16"), (dt.date(2019, 6, 1), "sets 18")]:
        f = _finding(workspace.evaluate("my", day).evaluation, "marriage-no-exceptions")
        lines = [line for line in _finding(workspace.evaluate("my", day).evaluation, "marriage-min-age-18").explanation]
        assert any(f"of the {title} {sets}" in line for line in lines), day
        assert any(p.id.startswith(selangor) and p.role == "allows an exception" for p in f.provisions), day
        assert f.status.value == "gap", day  # a Syariah judge may still permit marriage under 18


def test_girls_minimum_of_16_under_islamic_family_law_is_the_shortfall(malaysia: Evaluation) -> None:
    f = _finding(malaysia, "marriage-min-age-18")
    text = " ".join(f.explanation)
    assert "16" in text and "Act 303 s. 8" in text


def test_the_2019_amendment_sets_light_work_at_13_and_lists_hazardous_work(workspace: Workspace) -> None:
    before = {f.requirement: f.status.value for f in workspace.evaluate("my", dt.date(2019, 1, 31)).evaluation.findings}
    after = {f.requirement: f.status.value for f in workspace.evaluate("my", dt.date(2019, 2, 1)).evaluation.findings}
    assert before["light-work-min-age"] == "gap" and after["light-work-min-age"] == "met"  # Act 350 s. 2(2A)
    assert before["hazardous-work-18"] == "partial"  # types not determined (CEACR 2012)
    assert after["hazardous-work-18"] == "met"  # Act 350 s. 2(1a), in force 1 February 2019
    assert after["employment-no-exceptions"] == "gap"  # light work from 13 is still below 15


def test_the_2011_hazardous_work_ban_is_partial_until_the_2019_list(workspace: Workspace) -> None:
    """CEACR 2012: a ban in law whose types of hazardous work were not determined; the 2019 Act lists them."""
    hazardous = "my/children-and-young-persons-employment-act-1966/art-2-hazardous"
    cases = [
        (MY_AS_OF, "partial", "partly satisfies", "ILO CEACR, C138 (Malaysia), observation adopted 2012"),
        (dt.date(2019, 2, 1), "met", "satisfies", "Act 350 s. 2(1a)-(1b)"),
    ]
    for day, status, role, source in cases:
        f = _finding(workspace.evaluate("my", day).evaluation, "hazardous-work-18")
        assert f.status.value == status, day
        (ban,) = [p for p in f.provisions if p.id == hazardous]
        assert ban.role == role and ban.source.startswith(source), day
        assert any(source in line for line in f.explanation), day


def test_before_the_2017_act_came_into_force_its_offences_do_not_apply(workspace: Workspace) -> None:
    earlier = workspace.evaluate("my", dt.date(2017, 7, 9)).evaluation
    statuses = {f.requirement: f.status.value for f in earlier.findings}
    assert statuses["grooming"] == "unknown" and statuses["csam-possession"] == "unknown"  # no theme declared complete
    # only general obscenity law online (CMA s. 233), as the CRC Committee (2007) and the CEACR (2016) regretted
    assert statuses["csam-child-specific-offence"] == "partial"
    assert statuses["csam-technology-facilitated"] == "partial"
    assert not any(
        p.id.startswith("my/sexual-offences-against-children-act-2017") for f in earlier.findings for p in f.provisions
    )


def test_no_theme_is_declared_complete(workspace: Workspace) -> None:
    corpus, _ = workspace.corpus("my")
    assert not any(c.themes for c in corpus.index.complete)  # no source read reviewed a whole theme


def test_evaluating_malaysia_leaves_the_lao_findings_unchanged() -> None:
    alone = Workspace.open().evaluate("la").evaluation
    shared = Workspace.open()
    shared.evaluate("my")
    beside = shared.evaluate("la").evaluation
    assert [(f.requirement, f.status, f.explanation) for f in beside.findings] == [
        (f.requirement, f.status, f.explanation) for f in alone.findings
    ]


def _column(headers: list[str], code: str, name: str) -> str:
    """The matrix column of a jurisdiction, whether headed by its code or by its name."""
    return next(h for h in headers if h == code or name in h)


def test_the_regional_matrix_puts_malaysia_between_lao_pdr_and_the_model_law(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["matrix", "-j", "la", "-j", "my", "-j", "model", "--out", str(tmp_path), "--format", "csv"]) == 0
    reader = csv.DictReader((tmp_path / "matrix.csv").read_text(encoding="utf-8").splitlines())
    headers = list(reader.fieldnames or [])
    la, my, model = (_column(headers, *j) for j in (("la", "Lao"), ("my", "Malaysia"), ("model", "Model")))
    cells = {r["requirement"]: (r[la], r[my], r[model]) for r in reader}
    assert cells["marriage-min-age-18"] == ("met", "gap", "met")  # Lao Family Law art. 9; Act 303 s. 8
    assert cells["grooming"] == ("gap", "met", "met")  # A/HRC/40/51/Add.1 ¶29; Act 792 s. 12
