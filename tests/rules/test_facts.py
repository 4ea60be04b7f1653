"""Typed facts: what engine/facts.py writes is what the rules read back."""

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rulefacts import coverage_requirement, exception, offence, threshold

from gapcheck.rules.base import Snapshot, _by_ref
from gapcheck.rules.facts import OffenceFact, ReqConductFact, RequirementFact, ThresholdFact, names
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import months, words


def test_a_threshold_round_trips_with_its_exceptions() -> None:
    fact = threshold("a", exceptions=[exception(12)])
    back = ThresholdFact.of(fact)
    assert back.to_fact() == fact and back.exceptions[0].counts


def test_a_requirement_round_trips_with_typed_parameters() -> None:
    fact = coverage_requirement(victim_ages=(0, 18))[0]
    back = RequirementFact.of(fact)
    assert isinstance(back.params, CoverageParams) and back.params.victim_ages == (0, 18)


def test_a_snapshot_types_facts_by_kind_in_ref_order() -> None:
    snap = Snapshot([threshold("b"), threshold("a"), *coverage_requirement()])
    assert [t.provision for t in snap.of(ThresholdFact)] == ["tl/act/a", "tl/act/b"]
    assert snap.of(ThresholdFact) is snap.of(ThresholdFact)  # typed once


def test_a_fact_read_without_its_init_equals_one_built_by_it() -> None:
    fact = offence("a", sex="female", acts=["recruit"])
    back = OffenceFact.of(fact)
    assert back == replace(back) and back.to_fact() == fact  # replace() builds through __init__


def test_a_snapshot_reuses_what_the_last_one_typed_and_types_the_rest() -> None:
    shared = threshold("a")
    first = Snapshot([shared, threshold("b")])
    typed = first.of(ThresholdFact)
    again = Snapshot([shared, threshold("c", ages=[16]), threshold("b")], first._read)
    found = again.of(ThresholdFact)
    assert found[0] is typed[0]  # the same dict: not read again
    assert found[1] is not typed[1] and found == [ThresholdFact.of(f) for f in again._raw["threshold"]]
    assert [t.provision for t in found] == ["tl/act/a", "tl/act/b", "tl/act/c"] and found[2].ages == [16]


def test_a_snapshot_types_a_plain_kind_as_kind_of_does_sharing_the_fact_s_dict() -> None:
    """A kind without its own `of` is typed in the snapshot without Kind.of's calls: equal to Kind.of's, the
    fact's dict its own; a fact that lacks a field fails as Kind.of fails; a kind with its own `of` keeps it."""
    whole, lacking = offence("a", sex="female"), offence("b")
    del lacking["sex"]
    typed = Snapshot([whole]).of(OffenceFact)[0]
    assert typed == OffenceFact.of(whole) and vars(typed) is whole
    with pytest.raises(KeyError, match="sex"):
        Snapshot([lacking]).of(OffenceFact)
    with pytest.raises(KeyError, match="sex"):
        OffenceFact.of(lacking)
    (read,) = Snapshot([threshold("a", exceptions=[exception(12)])]).of(ThresholdFact)
    assert read.exceptions[0].counts  # ThresholdFact.of typed its exceptions


def test_words_and_months_read_as_a_lawyer_writes() -> None:
    assert words("hazardous_work") == "hazardous work"
    assert [months(n) for n in (1, 6, 12, 36, 18)] == ["1 month", "6 months", "1 year", "3 years", "18 months"]


def test_a_fact_written_without_its_dataclass_is_what_its_to_fact_writes() -> None:
    import pytest

    from gapcheck.rules.facts import names

    fact = offence("a", sex="female", acts=["recruit"])
    values = {name: fact[name] for name in names(OffenceFact)}
    written = OffenceFact.fact(**values)
    assert written == OffenceFact(**values).to_fact() and list(written) == list(OffenceFact(**values).to_fact())
    backwards = OffenceFact.fact(**dict(reversed(values.items())))  # given in another order: written in the class's
    assert backwards == written and list(backwards) == list(written)
    with pytest.raises(TypeError, match="sex"):
        OffenceFact.fact(**{k: v for k, v in values.items() if k != "sex"})
    with pytest.raises(TypeError, match="own to_fact"):
        ThresholdFact.fact(**{name: None for name in names(ThresholdFact)})


def test_a_fact_the_last_snapshot_typed_is_read_as_it_typed_it_and_any_other_typed_anew() -> None:
    from types import SimpleNamespace

    shared, other = offence("a"), offence("b")
    ctx = SimpleNamespace(host=SimpleNamespace(asserted=lambda sid: [shared]), s=SimpleNamespace(sid="s1"))
    snap = Snapshot.of_session(ctx, "test-read")
    typed = snap.of(OffenceFact)[0]
    assert Snapshot.read(OffenceFact, shared) is typed
    assert Snapshot.read(OffenceFact, dict(shared)) == typed and Snapshot.read(OffenceFact, dict(shared)) is not typed
    assert Snapshot.read(OffenceFact, other) == OffenceFact.of(other)
    Snapshot._cached = None  # as no session had run yet
    assert Snapshot.read(OffenceFact, shared) == typed


def test_a_released_snapshot_keeps_only_the_standards_facts_it_typed_for_the_next_one() -> None:
    from types import SimpleNamespace

    requirement, conduct = coverage_requirement()[:2]
    law = offence("a")
    ctx = SimpleNamespace(
        host=SimpleNamespace(asserted=lambda sid: [requirement, conduct, law]), s=SimpleNamespace(sid="s1")
    )
    first = Snapshot.of_session(ctx, "test-release-1")
    req, off = first.of(RequirementFact)[0], first.of(OffenceFact)[0]
    conducts = first.of(ReqConductFact)
    Snapshot.release()
    assert Snapshot._cached is None
    assert Snapshot.read(OffenceFact, law) == off and Snapshot.read(OffenceFact, law) is not off  # typed anew
    Snapshot.release()  # nothing to release: nothing changes
    again = Snapshot.of_session(ctx, "test-release-2")
    assert again.of(RequirementFact)[0] is req and again.of(ReqConductFact) == conducts  # kept, not read again
    assert again.of(ReqConductFact)[0] is conducts[0]
    assert again.of(OffenceFact)[0] is not off and again.of(OffenceFact) == [off]  # the law's: read again
    Snapshot._cached, Snapshot._kept = None, {}


def test_a_fact_is_typed_without_a_copy_and_equals_one_built_from_its_fields() -> None:
    fact = offence("a", sex="female", acts=["recruit"])
    typed = OffenceFact.of(fact)
    assert typed == OffenceFact(**{name: fact[name] for name in names(OffenceFact)})
    assert vars(typed) is fact  # the fact's own dict, never changed once written
    with pytest.raises(KeyError, match="conduct"):
        OffenceFact.of({k: v for k, v in fact.items() if k != "conduct"})


@given(st.lists(st.one_of(st.text(max_size=4), st.none(), st.just(...)), max_size=12))
def test_facts_are_ordered_by_the_text_of_their_ref_as_the_plain_sort_orders_them(refs: list[Any]) -> None:
    """String refs (`Kind.ref`), and facts without a ref or with another type of ref among them (`...`: none)."""
    facts = [{"kind": "x", "n": n} if ref is ... else {"kind": "x", "ref": ref, "n": n} for n, ref in enumerate(refs)]
    assert _by_ref(facts) == sorted(facts, key=lambda f: str(f.get("ref")))


def test_a_released_snapshot_that_typed_no_requirement_keeps_nothing_for_the_next() -> None:
    from types import SimpleNamespace

    law = offence("a")
    ctx = SimpleNamespace(
        host=SimpleNamespace(asserted=lambda sid: [law, *coverage_requirement()]), s=SimpleNamespace(sid="s1")
    )
    typed = Snapshot.of_session(ctx, "test-release-nothing").of(OffenceFact)
    Snapshot.release()
    assert Snapshot._kept == {} and Snapshot.read(OffenceFact, law) == typed[0]
    Snapshot._cached, Snapshot._kept = None, {}
