"""Findings are built from the rules' data without pydantic's validation: they must equal validated ones."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from benchmarks import synthetic
from gapcheck.evaluate import evaluate
from gapcheck.findings import Finding
from gapcheck.workspace import Workspace


def test_built_findings_equal_their_validated_round_trip() -> None:
    ws = Workspace.open()
    lao, _ = ws.corpus("la")
    cases = [(lao, dt.date(2017, 11, 16)), (synthetic.jurisdiction("fb", 60, seed=3), dt.date(2020, 1, 1))]
    for corpus, as_of in cases:
        for finding in evaluate(corpus, ws.standards, as_of).findings:
            validated = Finding.model_validate(finding.model_dump())
            assert validated == finding, finding.requirement
            assert validated.model_dump_json() == finding.model_dump_json()
            for built, checked in zip(finding.criteria.walk(), validated.criteria.walk(), strict=True):
                assert type(built.outcome) is type(checked.outcome)
                assert [type(e.role) for e in built.facts] == [type(e.role) for e in checked.facts]


def test_standards_facts_are_built_once_per_standards_and_never_shared_as_a_list() -> None:
    from dataclasses import replace

    from gapcheck.facts import _standards, standards_facts

    ws = Workspace.open()
    first = standards_facts(ws.standards)
    assert first == list(_standards(ws.standards))
    first.clear()  # a caller's list is its own
    assert standards_facts(ws.standards) == list(_standards(ws.standards))
    fewer = replace(ws.standards, requirements=dict(list(ws.standards.requirements.items())[:3]))
    assert len(standards_facts(fewer)) < len(standards_facts(ws.standards))
    assert [f["req"] for f in standards_facts(fewer) if f["kind"] == "requirement"] == list(fewer.requirements)


@given(
    st.lists(st.text(alphabet="ab[] /\n", max_size=8), max_size=6),
    st.lists(st.text(alphabet="ab[] /\n", max_size=4), max_size=6),
)
def test_the_reason_for_a_provision_is_the_first_line_naming_it(lines: list[str], names: list[str]) -> None:
    from gapcheck.findings import _first_naming

    if not lines:
        return
    first = _first_naming(lines)
    for name in names:
        assert first(name) == next((line for line in lines if name in line), None)
