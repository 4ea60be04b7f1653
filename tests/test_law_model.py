"""The general law model (issue 8), each feature proved on a small fictional jurisdiction of its own.

Fixtures live in tests/fixtures/statutes/<code>/; none is the Lao corpus.
"""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.errors import InputError
from gapcheck.findings import Finding
from gapcheck.paths import STATUTES
from gapcheck.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "statutes"


@pytest.fixture(scope="module")
def ws() -> Workspace:
    return Workspace.open(FIXTURES)


def finding(ws: Workspace, code: str, rid: str, on: str | None = None, drafts: tuple[Path, ...] = ()) -> Finding:
    run = ws.evaluate(code, dt.date.fromisoformat(on) if on else None, drafts)
    return next(f for f in run.evaluation.findings if f.requirement == rid)


# 1. One article, several texts over time


@pytest.mark.parametrize(
    ("on", "status"),
    [("2010-01-01", "gap"), ("2020-01-01", "partial"), ("2023-07-01", "met")],
)
def test_as_of_picks_the_version_in_force(ws: Workspace, on: str, status: str) -> None:
    f = finding(ws, "xv", "csam-possession", on)
    assert f.status.value == status
    assert {p.id for p in f.provisions} <= {"xv/penal-code/art-9"}  # one stable id across the three texts


def test_a_paragraph_enters_into_force_later_than_its_article(ws: Workspace) -> None:
    assert finding(ws, "xv", "csam-access", "2023-07-01").status.value == "gap"
    assert finding(ws, "xv", "csam-access", "2024-02-01").status.value == "met"


def test_a_renumbered_article_is_shown_under_its_number_of_the_day(ws: Workspace) -> None:
    old = finding(ws, "xv", "csam-production", "2010-01-01").provisions[0]
    new = finding(ws, "xv", "csam-production", "2020-01-01").provisions[0]
    assert old.id == new.id == "xv/penal-code/art-9"
    assert old.article == "7(1), now art. 9"
    assert new.article == "9"


def test_a_draft_produces_a_new_version_of_the_same_provision(ws: Workspace) -> None:
    draft = FIXTURES / "xv" / "drafts" / "drop-possession.yaml"
    f = finding(ws, "xv", "csam-possession", drafts=(draft,))
    assert f.status.value == "gap"
    corpus, _ = ws.corpus("xv", (draft,))
    art9 = next(p for i in corpus.instruments for p in i.model.provisions if p.id == "art-9")
    assert [v.draft for v in art9.versions] == [None, None, None, "Drop the possession offence"]


def test_overlapping_versions_are_located_errors(tmp_path: Path) -> None:
    folder = tmp_path / "xv"
    shutil.copytree(FIXTURES / "xv", folder)
    text = (folder / "penal-code.yaml").read_text().replace("in_force_until: 2023-06-01", "in_force_until: 2024-06-01")
    (folder / "penal-code.yaml").write_text(text)
    with pytest.raises(InputError) as err:
        Workspace.open(tmp_path).corpus("xv")
    assert any("do not overlap" in p.message and p.file.endswith("penal-code.yaml") for p in err.value.problems)


def test_flat_norms_in_a_format_2_file_say_where_they_belong(tmp_path: Path) -> None:
    folder = tmp_path / "xv"
    shutil.copytree(FIXTURES / "xv", folder)
    (folder / "extra.yaml").write_text(
        "format: 2\ninstrument: {title: T, kind: law, source: fixture}\n"
        "provisions:\n  - id: art-1\n    heading: H\n    source: fixture\n    offences: []\n"
    )
    with pytest.raises(InputError) as err:
        Workspace.open(tmp_path).corpus("xv")
    messages = [str(p) for p in err.value.problems]
    assert any("extra.yaml:7:5: unknown key 'offences'" in m and "in format 2" in m for m in messages), messages


# 2. Defined terms whose meaning changes


def test_a_defined_term_gives_the_victim_band_of_the_analysis_date(ws: Workspace) -> None:
    before = finding(ws, "xt", "prostitution-client-offence", "2019-06-01")
    after = finding(ws, "xt", "prostitution-client-offence", "2021-06-01")
    assert before.status.value == "partial"  # 'minor' meant under 16: children of 16 and 17 are unprotected
    assert any("16 to 17" in line for line in before.explanation)
    assert after.status.value == "met"


def test_an_undefined_term_is_a_located_error_with_a_suggestion(tmp_path: Path) -> None:
    folder = tmp_path / "xt"
    shutil.copytree(FIXTURES / "xt", folder)
    path = folder / "penal-code.yaml"
    path.write_text(path.read_text().replace("term: minor", "term: minors"))
    with pytest.raises(InputError) as err:
        Workspace.open(tmp_path).corpus("xt")
    (problem,) = err.value.problems
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if "term: minors" in row)
    assert problem.file.endswith("penal-code.yaml") and problem.line == line
    assert "'minors' is not a defined term (did you mean 'minor'?)" in problem.message


# 9. Whether a standard binds the country


def test_findings_say_whether_their_standards_bind_on_the_date(ws: Workspace) -> None:
    f = finding(ws, "xb", "trafficking-child-no-means", "2020-01-01")
    assert f.binds == "no" and [(b.instrument, b.status.value) for b in f.binding] == [
        ("Palermo Protocol", "not_party")
    ]
    later = finding(ws, "xb", "trafficking-child-no-means", "2023-01-01")
    assert later.binds == "yes" and later.binding[0].since == "2022-02-01"
    opsc = finding(ws, "xb", "sale-separate-offence", "2020-01-01")
    assert ("OPSC", "binding") in [(b.instrument, b.status.value) for b in opsc.binding]
    assert finding(ws, "xb", "sale-separate-offence", "2004-01-01").binding[0].status.value == "signed"
    lanzarote = finding(ws, "xb", "csam-access", "2020-01-01")
    assert lanzarote.binds == "no" and lanzarote.binding[0].status.value == "not_party"


def test_binding_only_report_lists_what_it_leaves_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(
        ["report", "--statutes", str(FIXTURES), "-j", "xb", "--binding-only", "--format", "md", "--out", str(out)]
    )
    assert code == 0
    text = (out / "xb-report.md").read_text()
    ws = Workspace.open(FIXTURES)
    findings = ws.evaluate("xb").evaluation.findings
    hidden = [f.requirement for f in findings if f.binds != "yes"]
    assert hidden and all(f"`{rid}`" in text for rid in hidden)
    assert "not shown" in text


# 10. Recommendations belong to the state they were made to


def test_another_country_never_shows_the_lao_recommendations(ws: Workspace) -> None:
    lao = Workspace.open(STATUTES).evaluate("la").evaluation.findings
    lao_recs = {r for f in lao for r in f.recommendations}
    assert lao_recs, "the Lao findings cite the Special Rapporteur's recommendations"
    other = ws.evaluate("xb").evaluation.findings
    assert not {r for f in other for r in f.recommendations} & lao_recs
    assert not any(c.instrument == "A/HRC/40/51/Add.1" for f in other for c in f.standards)
    own = next(f for f in other if f.requirement == "csam-possession")
    assert own.recommendations == ["CRC/C/XB/CO/1 ¶30(a)"]


# 11. Dated declarations, coverage period, declared absence


def test_as_of_outside_the_coverage_period_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--statutes", str(FIXTURES), "-j", "xd", "--as-of", "2014-12-31"]) == 2
    err = capsys.readouterr().err
    index = (FIXTURES / "xd" / "_jurisdiction.yaml").read_text().splitlines()
    line = next(n for n, row in enumerate(index, 1) if row.startswith("  coverage:"))
    assert f"_jurisdiction.yaml:{line}:3:" in err and "2015-01-01 to 2024-12-31" in err and "Traceback" not in err
    assert main(["check", "--statutes", str(FIXTURES), "-j", "xd", "--as-of", "2025-01-01"]) == 2
    assert main(["check", "--statutes", str(FIXTURES), "-j", "xd", "--as-of", "2024-12-31"]) == 0


def test_completeness_and_absences_hold_only_on_their_dates(ws: Workspace) -> None:
    assert finding(ws, "xd", "csam-possession", "2021-01-01").status.value == "gap"  # declared complete from 2020
    assert finding(ws, "xd", "csam-possession", "2019-01-01").status.value == "unknown"
    assert finding(ws, "xd", "no-informal-diversion", "2021-01-01").status.value == "met"  # declared absent from 2019
    assert finding(ws, "xd", "no-informal-diversion", "2018-06-01").status.value == "unknown"
    assert any("Courts Act 2019 s 4" in line for line in finding(ws, "xd", "no-informal-diversion").explanation)


def test_a_dated_unknown_is_stated_only_while_it_holds(ws: Workspace) -> None:
    early = finding(ws, "xd", "victim-compensation", "2017-01-01")
    late = finding(ws, "xd", "victim-compensation", "2021-01-01")
    assert any("compensation before 2018" in line for line in early.explanation)
    assert not any("compensation before 2018" in line for line in late.explanation)


# Format 1 keeps loading; migrate rewrites it losslessly


def test_migrating_a_copy_of_the_lao_corpus_keeps_every_finding(tmp_path: Path) -> None:
    root = tmp_path / "statutes"
    shutil.copytree(STATUTES / "la", root / "la")
    assert main(["migrate", str(root / "la")]) == 0
    migrated = sorted(root.rglob("*.yaml"))
    assert migrated and all("\nformat: 2\n" in "\n" + p.read_text() for p in migrated)
    before = Workspace.open(STATUTES).evaluate("la")
    after = Workspace.open(root).evaluate("la")
    assert after.evaluation.findings == before.evaluation.findings
    for draft in sorted((root / "la" / "drafts").glob("*.yaml")):
        original = STATUTES / "la" / "drafts" / draft.name
        old = Workspace.open(STATUTES).evaluate("la", None, (original,)).evaluation.findings
        new = Workspace.open(root).evaluate("la", None, (draft,)).evaluation.findings
        assert [(f.requirement, f.status) for f in new] == [(f.requirement, f.status) for f in old], draft.name
    assert main(["migrate", str(root / "la")]) == 0  # a second run finds nothing to do


def test_migrate_keeps_comments(tmp_path: Path) -> None:
    target = tmp_path / "la"
    shutil.copytree(STATUTES / "la", target)
    before = (target / "_jurisdiction.yaml").read_text()
    main(["migrate", str(target)])
    after = (target / "_jurisdiction.yaml").read_text()
    assert after == before.replace("\njurisdiction:\n", "\nformat: 2\njurisdiction:\n", 1)  # comments kept


def test_migrate_spells_out_the_former_secondary_flag_as_provenance(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shipped = {p.name: p.read_text(encoding="utf-8") for p in sorted((STATUTES / "my").glob("*.yaml"))}
    former = {name: re.sub(r"(?m)^( *)provenance: secondary$", r"\1secondary: true", t) for name, t in shipped.items()}
    changed = {name for name in shipped if former[name] != shipped[name]}
    assert changed, "the Malaysian corpus (format 2) has secondary sources"
    for name, text in former.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["migrate", str(tmp_path)]) == 0
    for name in shipped:  # the former spelling is rewritten in place, nothing else moves
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped[name], name
    capsys.readouterr()
    assert main(["migrate", "--dry-run", str(tmp_path)]) == 0
    assert "0 files to migrate" in capsys.readouterr().out  # nothing left to rewrite


def test_binding_only_matrix_lists_the_rows_it_leaves_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [
        "matrix",
        "--statutes",
        str(FIXTURES),
        "-j",
        "xb",
        "--binding-only",
        "--format",
        "md,html",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    findings = Workspace.open(FIXTURES).evaluate("xb").evaluation.findings
    hidden = [f.requirement for f in findings if f.binds != "yes"]
    shown = [f.requirement for f in findings if f.binds == "yes"]
    for name in ("matrix.md", "matrix.html"):
        text = (out / name).read_text()
        assert f"{len(hidden)} not shown" in text
        assert all(rid in text for rid in hidden)  # the rows drawn are named by title; the CSV below has every id
    args = [*args[:-4], "--format", "csv", "--out", str(out)]
    assert main(args) == 0
    rows = {line.split(",")[0]: line for line in (out / "matrix.csv").read_text().splitlines()[1:]}
    assert set(rows) == set(hidden + shown)
    assert all("not shown (binds: " in rows[rid] for rid in hidden)
    assert not any("not shown" in rows[rid] for rid in shown)


def test_the_statute_schema_accepts_both_formats() -> None:
    import jsonschema

    from gapcheck.schema import schema
    from gapcheck.yamlsrc import read

    files = [p for root in (STATUTES, FIXTURES) for p in sorted(root.glob("*/*.yaml"))]
    formats = set()
    for path in files:
        data = read(path).data
        formats.add(data.get("format", 1))
        jsonschema.validate(data, schema("jurisdiction" if path.name == "_jurisdiction.yaml" else "statute"))
    assert formats == {1, 2}


def test_a_legal_date_has_the_schemas_pydantic_builds_from_its_validator_and_serializer() -> None:
    """LegalDate builds its core schema itself (gapcheck.dates._Normalised): the same as pydantic's own."""
    from typing import Annotated

    from pydantic import BeforeValidator, PlainSerializer, TypeAdapter

    from gapcheck import dates

    json_schema = dates.LegalDate.__metadata__[1]
    ours = TypeAdapter(dates.LegalDate)
    pydantics = TypeAdapter(Annotated[str, BeforeValidator(dates._normalise), PlainSerializer(str), json_schema])
    assert {**ours.core_schema, "metadata": None} == {**pydantics.core_schema, "metadata": None}
    for mode in ("validation", "serialization"):
        assert ours.json_schema(mode=mode) == pydantics.json_schema(mode=mode)
    for value in (2017, "2017-11-16", "2017"):
        assert ours.validate_python(value) == pydantics.validate_python(value)
        assert ours.dump_json(ours.validate_python(value)) == pydantics.dump_json(pydantics.validate_python(value))
