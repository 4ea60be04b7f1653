"""The standards coverage map: every cited paragraph is mapped, every mapped requirement exists."""

from dataclasses import replace
from pathlib import Path

import pytest

from gapcheck.coverage_map import CoverageMap, covers, expand, load, problems, render
from gapcheck.errors import InputError
from gapcheck.standard import Citation
from tests.conftest import write_tree

ROOT = Path(__file__).resolve().parent.parent  # the repository
DOC = ROOT / "docs" / "standards-coverage.md"
MAP = ROOT / "docs" / "standards-coverage.yaml"


@pytest.fixture(scope="module")
def cmap() -> CoverageMap:
    return load(MAP)


def test_the_map_agrees_with_every_requirement(cmap, workspace):  # type: ignore[no-untyped-def]
    assert problems(cmap, workspace.standards) == []


def test_a_citation_the_map_does_not_list_fails(cmap, workspace):  # type: ignore[no-untyped-def]
    reqs = dict(workspace.standards.requirements)
    grooming = reqs["grooming"]
    reqs["grooming"] = grooming.model_copy(
        update={"sources": [*grooming.sources, Citation(instrument="lanzarote", pinpoint="art. 29")]}
    )
    found = problems(cmap, replace(workspace.standards, requirements=reqs))
    assert found == ["grooming cites lanzarote art. 29, which the map does not list"]


def test_an_entry_that_omits_the_citing_requirement_fails(cmap, workspace):  # type: ignore[no-untyped-def]
    lanzarote = next(m for m in cmap.instruments if m.instrument == "lanzarote")
    entries = [
        e.model_copy(update={"requirements": ["csam-possession"]}) if e.pinpoint == "art. 23" else e
        for e in lanzarote.entries
    ]
    broken = cmap.model_copy(
        update={
            "instruments": [
                m.model_copy(update={"entries": entries}) if m is lanzarote else m for m in cmap.instruments
            ]
        }
    )
    assert problems(broken, workspace.standards) == [
        "grooming cites lanzarote art. 23, but the map's entry does not name it"
    ]


def test_a_mapped_requirement_that_does_not_exist_fails(cmap, workspace):  # type: ignore[no-untyped-def]
    first = cmap.instruments[0]
    entry = first.entries[0].model_copy(update={"requirements": ["no-such-requirement"]})
    broken = cmap.model_copy(
        update={"instruments": [first.model_copy(update={"entries": [entry, *first.entries[1:]]})]}
    )
    assert f"{first.instrument} {entry.pinpoint}: no requirement 'no-such-requirement'" in problems(
        broken, workspace.standards
    )


def test_every_entry_is_tested_or_says_why_not(tmp_path: Path) -> None:
    path = (
        write_tree(
            tmp_path,
            {
                "map.yaml": (
                    "instruments:\n  - instrument: opsc\n    scope: x\n    entries:\n      - {pinpoint: art. 1}\n"
                )
            },
        )
        / "map.yaml"
    )
    with pytest.raises(InputError) as err:
        load(path)
    assert "map.yaml:5:" in str(err.value) and "out_of_scope" in str(err.value)


@pytest.mark.parametrize(
    "cited,entry,reached",
    [
        ("art. 8", "art. 8(1)(a)", True),
        ("art. 8", "art. 8", True),
        ("art. 8", "art. 80", False),
        ("art. 3(1)(a)", "art. 3(1)(a)(i)(b)", True),
        ("art. 19(1)(a)-(b)", "art. 19(1)(b)", True),
        ("art. 19(1)(a)-(b)", "art. 19(1)(c)", False),
        ("art. 2(3)-(4)", "art. 2(4)", True),
    ],
)
def test_a_citation_reaches_the_paragraphs_inside_it(cited: str, entry: str, reached: bool) -> None:
    assert covers(cited, entry) is reached


def test_a_range_expands_to_its_items() -> None:
    assert expand("art. 20(1)(a)-(c)") == ["art. 20(1)(a)", "art. 20(1)(b)", "art. 20(1)(c)"]


def test_every_new_guidelines_requirement_is_in_the_map(cmap, workspace):  # type: ignore[no-untyped-def]
    guidelines = {
        rid
        for rid, req in workspace.standards.requirements.items()
        if any(c.instrument == "crc-c-156" for c in req.sources)
    }
    mapped = {r for m in cmap.instruments if m.instrument == "crc-c-156" for e in m.entries for r in e.requirements}
    assert guidelines and guidelines <= mapped


def test_the_document_is_generated_from_the_map(cmap, workspace, update_golden):  # type: ignore[no-untyped-def]
    text = render(cmap, workspace.standards)
    if update_golden:
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, (
        "re-generate with: pytest tests/test_standards_coverage.py --update-golden"
    )
