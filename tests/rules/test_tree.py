"""The one aggregation table: combinators and the outcome-to-status map, for all outcomes."""

from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapcheck.rules.terms import Outcome, Status
from gapcheck.rules.tree import RANK, Combine, combine, leaf, node, status

S, P, N, U = Outcome.satisfied, Outcome.partly, Outcome.not_, Outcome.unknown
outcomes = st.lists(st.sampled_from(list(Outcome)), min_size=1, max_size=6)


@given(outcomes)
def test_all_is_the_worst_and_any_the_best(xs: list[Outcome]) -> None:
    assert RANK[combine(Combine.all, xs)] == min(RANK[x] for x in xs)
    assert RANK[combine(Combine.any, xs)] == max(RANK[x] for x in xs)


@given(outcomes)
def test_parts_lies_between_all_and_any(xs: list[Outcome]) -> None:
    got = RANK[combine(Combine.parts, xs)]
    assert RANK[combine(Combine.all, xs)] <= got <= RANK[combine(Combine.any, xs)]


@pytest.mark.parametrize(
    "xs,expected",
    [([S, S], S), ([N, N], N), ([S, N], P), ([P, S], P), ([S, U], P), ([N, U], U), ([U, U], U)],
)
def test_parts_table(xs: list[Outcome], expected: Outcome) -> None:
    assert combine(Combine.parts, xs) is expected


def test_statuses_follow_outcomes_one_to_one() -> None:
    got = {o: status(leaf("x", "t", o, [], missing="m")) for o in Outcome}
    assert got == {S: Status.met, P: Status.partial, N: Status.gap, U: Status.unknown}


def test_every_combination_of_two_children_gives_one_of_the_outcomes() -> None:
    for how, (a, b) in product(Combine, product(Outcome, repeat=2)):
        parent = node("n", "t", how, [leaf("a", "t", a, [], missing="m"), leaf("b", "t", b, [], missing="m")])
        assert parent.outcome in Outcome and parent.combine is how


def test_a_criterion_not_satisfied_must_say_what_is_missing() -> None:
    with pytest.raises(ValueError, match="what is missing"):
        leaf("x", "t", N, [])
    assert leaf("x", "t", S, [], missing="ignored").missing is None


def test_a_node_needs_children() -> None:
    with pytest.raises(ValueError):
        node("x", "t", Combine.all, [])


@given(st.sampled_from(list(Outcome)), st.booleans())
def test_criteria_made_without_init_equal_those_the_dataclass_makes(outcome: Outcome, inner: bool) -> None:
    from gapcheck.rules.terms import Role
    from gapcheck.rules.tree import Combine, Criterion, Evidence, made

    child = Criterion("c", {"msg": "m"}, outcome, [], {"msg": "x"})
    fields = (
        "n",
        {"msg": "t", "a": [1]},
        outcome,
        [{"msg": "b"}],
        None if inner else {"msg": "missing"},
        [Evidence("la/x/art-1", "s", Role.considered)],
        Combine.all if inner else None,
        [child] if inner else [],
    )
    got, plain = made(*fields), Criterion(*fields)
    assert got == plain and got.to_data() == plain.to_data()
    assert got.expand is None and vars(got) == vars(plain)
    stub, alone = made(*fields, ("offence:o", "requirement:r")), Criterion(*fields, ("offence:o", "requirement:r"))
    assert stub == alone and stub.to_data() == alone.to_data() and vars(stub) == vars(alone)


def test_evidence_made_without_init_equals_the_dataclass_s_own() -> None:
    from gapcheck.rules.terms import Role
    from gapcheck.rules.tree import Evidence, evidence

    assert evidence("la/x/art-1", "s", Role.threshold) == Evidence("la/x/art-1", "s", Role.threshold)
    full = ("la/x/art-1", "s", Role.satisfies, "la/x/art-1 [o]", "possess")
    assert evidence(*full) == Evidence(*full) and vars(evidence(*full)) == vars(Evidence(*full))
