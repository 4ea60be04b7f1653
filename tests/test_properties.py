"""Laws that hold for all inputs: fact order is irrelevant; a new offence never worsens criminalization."""

import datetime as dt
import random
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.evaluate import evaluate, provision_titles, rule_engine
from gapcheck.facts import flatten
from gapcheck.findings import collect
from gapcheck.load import LoadedInstrument
from gapcheck.models import StatuteFile
from gapcheck.readings import plan, resolve
from gapcheck.vocab import Conduct, Element, Means, Object, Purpose, Sex
from tests.conftest import LAO_AS_OF

PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
COVERAGE_TESTS = {"criminalization", "separate_offence"}


@pytest.fixture(scope="module")
def bases(workspace):  # type: ignore[no-untyped-def]
    return {code: workspace.corpus(code)[0] for code in ("la", "model")}


@PROPERTY
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), code=st.sampled_from(["la", "model"]))
def test_fact_order_does_not_change_findings(workspace, bases, seed: int, code: str) -> None:  # type: ignore[no-untyped-def]
    as_of = LAO_AS_OF if code == "la" else dt.date(2026, 1, 1)
    titles = provision_titles(bases[code])
    for reading in plan(bases[code], as_of).readings:
        facts = flatten(resolve(bases[code], reading), workspace.standards, as_of)
        baseline = collect(rule_engine().evaluate(facts), workspace.standards, titles)
        random.Random(seed).shuffle(facts)
        assert collect(rule_engine().evaluate(facts), workspace.standards, titles) == baseline


band = st.integers(min_value=0, max_value=20).flatmap(
    lambda lo: st.tuples(st.just(lo), st.one_of(st.none(), st.integers(min_value=lo + 1, max_value=25)))
)

offence = st.fixed_dictionaries(
    {
        "id": st.just("added"),
        "conduct": st.lists(st.sampled_from(list(Conduct)), min_size=1, max_size=4, unique=True),
        "object": st.sampled_from(list(Object)),
        "purpose": st.lists(st.sampled_from(list(Purpose)), min_size=1, max_size=3, unique=True),
        "elements": st.lists(st.sampled_from(list(Element)), max_size=3, unique=True),
        "means": st.lists(st.sampled_from(list(Means)), max_size=1, unique=True),
        "label": st.sampled_from(["offence", "trafficking"]),
        "child_specific": st.booleans(),
        "victim": st.one_of(
            st.none(),
            st.tuples(band, st.sampled_from(list(Sex))).map(
                lambda v: {"age_from": v[0][0], "age_below": v[0][1], "sex": v[1]}
            ),
        ),
        "source": st.just("property test"),
    }
)

RANK = {"gap": 0, "unknown": 1, "partial": 2, "met": 3}


def _worse(before: str, after: str) -> bool:
    return RANK[after] < RANK[before]


def _with(corpus: Any, off: dict[str, Any]) -> Any:
    model = StatuteFile.model_validate(
        {
            "instrument": {"title": "Added", "kind": "law", "source": "property test"},
            "provisions": [{"id": "art-1", "heading": "Added", "source": "property test", "offences": [off]}],
        }
    )
    added = LoadedInstrument(f"{corpus.code}/added", corpus.instruments[0].doc, model)
    return replace(corpus, instruments=(*corpus.instruments, added))


@PROPERTY
@given(off=offence, code=st.sampled_from(["la", "model"]))
def test_adding_an_offence_never_worsens_criminalization(workspace, bases, off, code) -> None:  # type: ignore[no-untyped-def]
    as_of = LAO_AS_OF if code == "la" else dt.date(2026, 1, 1)
    before = evaluate(bases[code], workspace.standards, as_of).findings
    after = evaluate(_with(bases[code], off), workspace.standards, as_of).findings
    kinds = {rid: r.test.kind for rid, r in workspace.standards.requirements.items()}
    for b, a in zip(before, after, strict=True):
        if kinds[b.requirement] in COVERAGE_TESTS:
            assert not _worse(b.status.value, a.status.value), (b.requirement, b.status, a.status, off)
