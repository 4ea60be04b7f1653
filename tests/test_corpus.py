"""The bundled data: every fact cites its source, every requirement is encoded and testable."""

import re
from pathlib import Path

import pytest

from gapcheck.load import load_jurisdiction
from gapcheck.paths import STATUTES
from gapcheck.vocab import TestKind

ROOT = Path(__file__).resolve().parent.parent  # the repository

REPORT = re.compile(r"^A/HRC/40/51/Add\.1 ¶\d+")


def catalogue_ids() -> set[str]:
    text = (ROOT / "docs" / "requirements.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", text, flags=re.M))


def test_every_catalogue_requirement_is_encoded(workspace):  # type: ignore[no-untyped-def]
    ids = catalogue_ids()
    assert set(workspace.standards.requirements) == ids


def test_every_requirement_names_sources_and_a_test_kind(workspace):  # type: ignore[no-untyped-def]
    for rid, req in workspace.standards.requirements.items():
        assert req.sources, rid
        assert req.test.kind in set(TestKind), rid
        for cite in req.sources:
            assert cite.pinpoint.strip(), rid


@pytest.fixture(scope="module")
def la(workspace):  # type: ignore[no-untyped-def]
    return load_jurisdiction(STATUTES / "la", workspace.standards.requirements)


def _facts(la):  # type: ignore[no-untyped-def]
    for inst in la.instruments:
        yield inst.id, inst.model.instrument.source
        for reading in inst.model.instrument.in_force_readings:
            yield f"{inst.id} entry into force", reading.source
        for prov in inst.model.provisions:
            yield f"{inst.id}/{prov.id}", prov.source
            for text in prov.versions:
                for item in [*text.offences, *text.thresholds, *text.measures, *text.unknowns]:
                    yield f"{inst.id}/{prov.id}", item.source
                for thr in text.thresholds:
                    for exc in thr.exceptions:
                        yield f"{inst.id}/{prov.id} exception", exc.source


def test_every_lao_fact_cites_the_report_or_a_named_secondary_source(la):  # type: ignore[no-untyped-def]
    facts = list(_facts(la))
    assert len(facts) > 60
    for where, source in facts:
        assert REPORT.match(source.cite) or source.secondary, (where, source.cite)


def test_secondary_facts_name_their_source(la):  # type: ignore[no-untyped-def]
    secondary = [(w, s) for w, s in _facts(la) if s.secondary]
    assert secondary, "the corpus holds the secondary facts of lao-facts.md"
    for where, source in secondary:
        assert not REPORT.match(source.cite), where


def test_conflicting_secondary_sources_are_both_kept(la):  # type: ignore[no-untyped-def]
    art215 = next(
        p for i in la.instruments for p in i.model.provisions if i.id == "la/penal-code-2017" and p.id == "art-215"
    )
    maxima = sorted(o.penalty.max for o in art215.versions[0].offences if o.penalty and o.penalty.max)
    assert maxima == [180, 240]  # 5-15 years (TIP 2019) and 15-20 years (ILO CEACR 2023)


def test_what_the_report_says_is_missing_is_stated(la):  # type: ignore[no-untyped-def]
    complete = la.index.complete
    assert any("csam" in c.themes and c.source.cite == "A/HRC/40/51/Add.1 ¶29" for c in complete)
    art269 = next(
        p for i in la.instruments for p in i.model.provisions if i.id == "la/penal-code-2017" and p.id == "art-269"
    )
    assert [u.source.cite for u in art269.versions[0].unknowns] == ["A/HRC/40/51/Add.1 ¶13"]


def test_both_penal_codes_are_modelled_with_their_dates(la):  # type: ignore[no-untyped-def]
    dates = {i.id: i.model.instrument.adopted for i in la.instruments}
    assert dates["la/penal-code-2005"] == "2005"
    assert dates["la/penal-code-2017"] == "2017"
