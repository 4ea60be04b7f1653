"""What every verdict shares: reading an absence."""

from typing import Any

import pytest
from durable.lang import c, m, ruleset
from rulefacts import complete, coverage_requirement, decide, measure_req, min_age, unknown

from gapcheck.evaluate import rule_engine
from gapcheck.host import RuleEngine
from gapcheck.rules.base import Snapshot, batched
from gapcheck.rules.facts import RequirementFact
from gapcheck.rules.terms import Status


@pytest.mark.parametrize(
    "declared,status,words",
    [
        ([complete(requirements=["r"])], Status.gap, "declared complete for this requirement"),
        ([complete(themes=["csam"])], Status.gap, "declared complete for this theme"),
        ([complete(themes=["csam"]), unknown(themes=["csam"])], Status.unknown, "the source says it is not known"),
        ([unknown(scope="application", requirements=["r"])], Status.unknown, "not declared complete"),
        ([], Status.unknown, "the law may say more"),
    ],
)
def test_absence_reads_the_closed_and_open_world(declared, status, words) -> None:  # type: ignore[no-untyped-def]
    found = decide([*coverage_requirement(), *declared])["r"]
    assert found.status is status and words in found.text()


def test_a_verdict_decides_each_of_its_requirements_once_in_reference_order() -> None:
    reqs = [min_age("m3"), measure_req("x2"), min_age("m1"), measure_req("x1"), min_age("m2")]
    session = rule_engine().evaluate(reqs)
    findings = [f["req"] for f in session if f["kind"] == "finding"]
    bindings = [f["req"] for f in session if f["kind"] == "binding"]
    assert sorted(findings) == sorted(bindings) == ["m1", "m2", "m3", "x1", "x2"]
    # each rule's action took all its requirements at once, and sorted them by reference
    assert [r for r in findings if r.startswith("m")] == ["m1", "m2", "m3"]
    assert [r for r in findings if r.startswith("x")] == ["x1", "x2"]
    assert bindings == ["m1", "m2", "m3", "x1", "x2"]


def test_a_batched_rule_runs_once_per_evaluation_with_every_match() -> None:
    calls: list[list[str]] = []
    rules = ruleset("test_batched")
    with rules:

        @batched(c.t << (m.kind == "$evaluate"), c.req << (m.kind == "requirement"))
        def record(ctx: Any, s: Snapshot, reqs: list[RequirementFact]) -> None:
            assert {r.ref for r in s.of(RequirementFact)} == {r.ref for r in reqs}  # the snapshot: what was asserted
            calls.append([r.req for r in reqs])

    engine = RuleEngine("test_batched", rules.define()[1])
    engine.evaluate([min_age(f"r{n}") for n in (5, 3, 9, 1)])
    engine.evaluate([min_age("r2")])
    assert calls == [["r1", "r3", "r5", "r9"], ["r2"]]
