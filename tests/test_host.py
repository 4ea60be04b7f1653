"""The durable_rules host: isolated sessions, loud action errors, id-hash collisions, no leaks."""

import gc
import resource
from typing import Any

import pytest
from durable.lang import c, m, ruleset, when_all

from gapcheck.errors import InferenceError
from gapcheck.evaluate import evaluate
from gapcheck.findings import Finding
from gapcheck.host import Fact, RuleEngine, matched_kinds
from tests.conftest import LAO_AS_OF


def _engine(name: str, action: Any) -> RuleEngine:
    rules = ruleset(name)
    with rules:
        when_all(c.t << (m.kind == "$evaluate"), c.x << (m.kind == "x"))(action)
        when_all(c.never << (m.kind == "$never"), c.any << (+m.kind))(lambda ctx: None)
    return RuleEngine(name, rules.define()[1])


def test_an_error_in_an_action_is_raised_not_swallowed() -> None:
    def broken(ctx: Any) -> None:
        raise KeyError("missing field")

    engine = _engine("test_broken", broken)
    with pytest.raises(InferenceError, match="missing field"):
        engine.evaluate([{"id": "x1", "ref": "x1", "kind": "x"}])


def test_colliding_id_hashes_are_both_stored() -> None:
    # these two ids share durable_rules' 32-bit hash (upstream issue #376)
    engine = _engine("test_collision", lambda ctx: None)
    facts = [{"id": i, "ref": i, "kind": "x"} for i in ("provision:229599", "provision:432382")]
    stored = {f["ref"] for f in engine.evaluate(facts) if f["kind"] == "x"}
    assert stored == {"provision:229599", "provision:432382"}


def test_a_session_where_no_rule_fires_is_deleted_safely() -> None:
    # without the host's own trigger rule, durable_rules aborts in delete_state here
    engine = _engine("test_nothing_fires", lambda ctx: None)
    for _ in range(3):
        stored = engine.evaluate([{"id": "y", "ref": "y", "kind": "y"}])
        assert [f["ref"] for f in stored if f["kind"] == "y"] == ["y"]


def test_duplicate_ids_are_refused_before_asserting() -> None:
    engine = _engine("test_duplicates", lambda ctx: None)
    with pytest.raises(InferenceError, match="duplicate fact ids"):
        engine.evaluate([{"id": "a", "ref": "a", "kind": "x"}, {"id": "a", "ref": "a", "kind": "x"}])


def test_sessions_do_not_leak_into_each_other() -> None:
    seen: list[int] = []
    engine = _engine("test_isolation", lambda ctx: seen.append(len(ctx.get_facts())))
    engine.evaluate([{"id": f"x{n}", "ref": f"x{n}", "kind": "x"} for n in range(3)])
    seen.clear()
    engine.evaluate([{"id": "x0", "ref": "x0", "kind": "x"}])
    assert seen == [2]  # the one fact and the trigger, nothing from the first session


def test_many_evaluations_are_identical_and_do_not_grow_memory(workspace) -> None:  # type: ignore[no-untyped-def]
    corpus, _ = workspace.corpus("la")

    def run() -> list[Finding]:
        return evaluate(corpus, workspace.standards, LAO_AS_OF).findings

    first = run()
    for _ in range(20):  # warm up allocator pools
        run()
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(200):
        assert run() == first
    gc.collect()
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 20_000, f"peak memory grew by {grown_kib} KiB over 200 evaluations"


def test_actions_read_the_facts_asserted_in_their_session_and_only_while_it_runs() -> None:
    seen: list[list[str]] = []
    engine = _engine("test_asserted", lambda ctx: seen.append([f["ref"] for f in ctx.host.asserted(str(ctx.s.sid))]))
    facts = [{"id": f"x{n}", "ref": f"x{n}", "kind": "x"} for n in range(2)]
    engine.evaluate(facts)
    engine.evaluate(facts[:1])
    assert seen == [["x0", "x1"], ["x0", "x1"], ["x0"]]  # one action per match; no fact of another session
    assert engine._host.asserted("s1") == [] and engine._host._asserted == {}


def test_only_kinds_some_pattern_names_enter_the_engine_and_actions_see_every_fact() -> None:
    seen: list[tuple[list[str], list[str]]] = []

    def look(ctx: Any) -> None:
        stored = sorted(f["ref"] for f in ctx.get_facts())
        seen.append((stored, sorted(f["ref"] for f in ctx.host.asserted(str(ctx.s.sid)))))

    rules = ruleset("test_kinds")
    with rules:
        when_all(c.t << (m.kind == "$evaluate"), c.x << ((m.kind == "x") | (m.kind == "z")))(look)
    engine = RuleEngine("test_kinds", rules.define()[1])
    assert engine.kinds == {"x", "z", "$evaluate", "$close"}
    engine.evaluate([{"id": r, "ref": r, "kind": r[0]} for r in ("x1", "y1", "z1")])
    # y1 matches no pattern: never asserted (no sink needed), yet the actions read it
    assert seen == [(["$evaluate", "x1", "z1"], ["x1", "y1", "z1"])] * 2


@pytest.mark.parametrize(
    "pattern,kinds",
    [
        ({"kind": "a"}, {"a"}),
        ({"$and": [{"kind": "a"}, {"$or": [{"test": "p"}, {"test": "q"}]}]}, {"a"}),
        ({"$or": [{"kind": "a"}, {"$and": [{"kind": "b"}, {"n": 1}]}]}, {"a", "b"}),
        ({"$or": [{"kind": "a"}, {"test": "p"}]}, None),  # the second branch takes any kind
        ({"$and": [{"$ex": {"kind": 1}}, {"id": {"$r": "x"}}]}, None),  # a sink
    ],
)
def test_the_kinds_a_pattern_admits_are_read_from_its_definition(pattern: Any, kinds: set[str] | None) -> None:
    found = matched_kinds({"r": {"all": [{"t": {"kind": "$evaluate"}}, {"m": pattern}]}})
    assert found == (None if kinds is None else {"$evaluate", *kinds})


def test_only_the_fields_some_pattern_tests_enter_the_engine_and_actions_see_whole_facts() -> None:
    frames: list[dict[str, Any]] = []
    whole: list[list[Fact]] = []

    def look(ctx: Any) -> None:
        frames.append(dict(ctx.x._d))
        whole.append(ctx.host.asserted(str(ctx.s.sid)))

    rules = ruleset("test_fields")
    with rules:
        when_all(c.t << (m.kind == "$evaluate"), c.x << ((m.kind == "x") & ((m.n > 1) | (+m.flag))))(look)
    engine = RuleEngine("test_fields", rules.define()[1], results=lambda sid: [])
    assert engine.fields == {"id", "ref", "kind", "n", "flag"}
    fact = {"id": "x1", "ref": "x1", "kind": "x", "n": 2, "params": {"deep": [1, 2]}}
    assert engine.evaluate([fact]) == [fact]
    assert {k: v for k, v in frames[0].items() if k != "sid"} == {"id": "x1", "ref": "x1", "kind": "x", "n": 2}
    assert whole == [[fact]]


def test_without_results_the_engine_holds_whole_facts() -> None:
    rules = ruleset("test_fields_whole")
    with rules:
        when_all(c.t << (m.kind == "$evaluate"), c.x << (m.kind == "x"))(lambda ctx: None)
    engine = RuleEngine("test_fields_whole", rules.define()[1])
    assert engine.fields is None
    fact = {"id": "x1", "ref": "x1", "kind": "x", "params": {"deep": [1, 2]}}
    assert [f for f in engine.evaluate([fact]) if f["kind"] == "x"] == [{**fact, "sid": "s1"}]
