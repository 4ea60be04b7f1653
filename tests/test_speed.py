"""Mechanics that keep evaluation fast (issue 14), pinned by behaviour, never by timing."""

import datetime as dt
import gc

import pytest
from pydantic import ValidationError

from gapcheck.evaluate import evaluate, gc_paused, rule_engine
from gapcheck.workspace import Workspace


def test_the_sink_accepts_facts_no_rule_reads_even_without_a_ref() -> None:
    facts = [{"id": f"stray:{n}", "kind": "unread", "n": n} for n in range(50)]
    stored = rule_engine().evaluate(facts)
    assert [f for f in stored if f.get("kind") == "unread"] == facts


@pytest.mark.parametrize("enabled", [True, False])
def test_collection_is_paused_during_an_evaluation_and_restored_after(enabled: bool) -> None:
    ws = Workspace.open()
    corpus, _ = ws.corpus("la")
    seen: list[bool] = []
    with gc_paused():
        seen.append(gc.isenabled())
    (gc.enable if enabled else gc.disable)()
    try:
        evaluate(corpus, ws.standards, dt.date(2017, 11, 16))
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), gc_paused():
            raise RuntimeError("an evaluation that fails")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
    assert seen == [False]


def test_a_trusted_model_must_be_given_every_field() -> None:
    from gapcheck.findings import Cited, trusted

    assert trusted(Cited, {"instrument": "OPSC", "pinpoint": "art. 3"}) == Cited(instrument="OPSC", pinpoint="art. 3")
    with pytest.raises(TypeError, match="pinpoint"):
        trusted(Cited, {"instrument": "OPSC"})


def test_trusted_models_share_a_fields_set_that_copies_and_validation_leave_alone() -> None:
    from gapcheck.findings import CheckOutput, Cited, trusted

    one = trusted(Cited, {"instrument": "OPSC", "pinpoint": "art. 3"})
    two = trusted(Cited, {"instrument": "CRC", "pinpoint": "art. 34"})
    plain = Cited(instrument="OPSC", pinpoint="art. 3")
    assert one.model_fields_set == plain.model_fields_set and one.model_fields_set is two.model_fields_set
    changed = one.model_copy(update={"pinpoint": "art. 4"})
    assert changed.pinpoint == "art. 4" and changed.model_fields_set == plain.model_fields_set
    assert (
        one.model_fields_set == {"instrument", "pinpoint"} and one.model_dump(exclude_unset=True) == plain.model_dump()
    )
    with pytest.raises(ValidationError):
        one.pinpoint = "art. 5"  # type: ignore[misc]  # frozen: nothing adds to the shared set
    with pytest.raises(TypeError, match="frozen"):
        trusted(CheckOutput, {})


def test_light_runs_keep_no_session_nor_corpus_behind() -> None:
    from gapcheck import evaluate as evaluation
    from gapcheck.parallel import evaluate_all

    ws = Workspace.open()
    runs = evaluate_all(ws, [("la", None, ()), ("model", None, ())], jobs=1, light=True)
    assert [r.corpus.code for r in runs] == ["la", "model"]
    assert evaluation._SESSIONS == {} and ws._loaded == {}


def test_facts_equal_in_content_share_a_session_and_a_changed_fact_does_not() -> None:

    from gapcheck.evaluate import forget, infer
    from gapcheck.facts import flatten
    from gapcheck.readings import plan, resolve

    ws = Workspace.open()
    corpus, _ = ws.corpus("la")
    forget()
    as_of = dt.date(2020, 1, 1)
    facts = flatten(resolve(corpus, plan(corpus, as_of).readings[0]), ws.standards, as_of)
    session = infer(facts)
    assert infer([dict(f) for f in facts]) is session  # equal content, other objects
    at = next(n for n, f in enumerate(facts) if f["kind"] == "offence")
    changed = [dict(f, max_months=f["max_months"] + 1) if n == at else f for n, f in enumerate(facts)]
    assert infer(changed) is not session
    assert infer(facts) is session
    forget()
