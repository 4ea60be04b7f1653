"""Findings are built from the rules' data without pydantic's validation: they must equal validated ones."""

import datetime as dt
import json
from typing import Any, cast

from hypothesis import given
from hypothesis import strategies as st

from benchmarks import synthetic
from gapcheck.evaluate import evaluate
from gapcheck.findings import Finding
from gapcheck.prose import Wording
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


class _Echo:
    """Words a message as its JSON, so that the test sees which message was chosen."""

    def say(self, message: Any) -> str:
        return json.dumps(message, sort_keys=True)

    fragment = say


def _mentions(message: Any, ref: str) -> bool:
    """The plain definition: `ref` is one of the message's arguments, or of a message inside it."""
    if isinstance(message, dict):
        return any(_mentions(v, ref) for v in message.values())
    if isinstance(message, list):
        return any(_mentions(v, ref) for v in message)
    return bool(message == ref)


_refs = st.sampled_from(["a", "b", "la/x/art-1", "la/x/art-2"])
_messages = st.recursive(
    _refs | st.integers(0, 2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["msg", "offence", "of"]), inner),
    max_leaves=6,
)


@given(
    st.lists(_messages, max_size=5),
    st.lists(st.tuples(_refs, st.sampled_from(["satisfies", "partly satisfies"]), st.none() | _refs), max_size=6),
)
def test_the_reason_for_a_provision_is_the_first_ground_naming_it(because: list[Any], facts: list[Any]) -> None:
    from gapcheck.findings import reasons

    data = {
        "test": {"msg": "t"},
        "because": because,
        "facts": [{"provision": p, "role": r, "offence": o} for p, r, o in facts],
    }
    words = _Echo()
    got = reasons(data, cast(Wording, words))
    first: dict[tuple[str, str], str] = {}
    for p, r, o in facts:
        first.setdefault((p, r), o or p)
    assert set(got) == set(first)
    for key, ref in first.items():
        naming = [b for b in because if _mentions(b, ref)]
        want = words.say((naming or because)[0]) if because else words.fragment(data["test"])
        assert got[key] == want, key
