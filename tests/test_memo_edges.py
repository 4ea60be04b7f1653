"""The edges of the evaluation's memos and shortcuts (issue 14): inputs no shipped rule hands today, one step
from being reached (a rule handing a new kind of list, an outcome read back from a fact, an Evidence built outside
`findings._evidence`), worded and combined as the plain definitions do, never refused."""

from typing import Any

import pytest

from gapcheck.findings import Evidence, provisions
from gapcheck.prose import Wording
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, combine


def test_a_list_of_terms_equal_to_another_is_worded_from_its_own_terms() -> None:
    """compile_field remembers a list of vocabulary terms by `tuple(value)`, but words it from `str` of each term:
    two lists equal as tuples whose terms differ as strings ([1, True] and [True, 1]; 1 == True, hash equal) share
    one entry, so the second is worded as the first was. Before (a9d5a3d) each list was worded from its own terms.
    Fix (engine/prose.py, compile_field.worded): key the memo by `tuple(map(str, value))`, which is exactly what
    the words are a function of (`term` and `with_article` read `str(value)` alone)."""
    msg = "cov.trafficking-acts.missing"
    first = Wording().fragment({"msg": msg, "acts": [1, True]})
    second = Wording().fragment({"msg": msg, "acts": [True, 1]})
    assert first.endswith("1 and True")
    assert second.endswith("True and 1"), second


@pytest.mark.parametrize("item", [["recruit"], {"act": "recruit"}], ids=["list", "dict"])
def test_a_list_of_terms_holding_an_unhashable_item_is_worded_not_refused(item: Any) -> None:
    """The same memo hashes `tuple(value)`: a vocabulary placeholder handed a list holding a list or a dict now
    raises TypeError (unhashable type) from inside wording, where a9d5a3d worded it (`str` of the item). The
    catalogue test in tests/test_prose.py draws no such item, so nothing caught it. Fix: as above
    (`tuple(map(str, value))` is always hashable)."""
    said = Wording().fragment({"msg": "cov.trafficking-acts.missing", "acts": [item, "transport"]})
    assert said.endswith(f"{item} and transport")


def test_a_citation_with_an_empty_conduct_adds_no_conduct_to_what_a_provision_covers() -> None:
    """`provisions` keeps the first evidence's conduct as it is (`seen[3] = e.conduct`), then joins any other
    truthy one: a first evidence whose conduct is "" (an Evidence allows it; only findings._evidence turns "" into
    None) puts "" into `covers` beside the real conduct ( ["", "sell_child"] ), where a9d5a3d collected truthy
    conducts only (["sell_child"]); the order of the citations now changes the result.
    Fix (engine/findings.py, provisions): `found[key] = [e, because, test, e.conduct or None]`."""
    empty = Evidence(provision="la/x/art-1", source="s1", role=Role.satisfies, offence=None, conduct="")
    real = Evidence(provision="la/x/art-1", source="s1", role=Role.satisfies, offence=None, conduct="sell_child")
    titles: dict[str, tuple[str | None, str]] = {"la/x/art-1": ("1", "One")}
    (first_empty,) = provisions([([empty, real], ["ground"], "test")], titles, {}, {})
    (first_real,) = provisions([([real, empty], ["ground"], "test")], titles, {}, {})
    assert first_real.covers == ["sell_child"]
    assert first_empty.covers == first_real.covers


@pytest.mark.parametrize(
    ("outcomes", "want"),
    [(["partly", "not"], Outcome.partly), (["satisfied", "unknown"], Outcome.partly)],
)
def test_parts_of_outcomes_given_by_value_combine_as_the_table_says(outcomes: list[Any], want: Outcome) -> None:
    """`parts`: partly if some part is satisfied or partly. combine now tests `o is _SATISFIED or o is _PARTLY`
    where a9d5a3d tested `o in (Outcome.satisfied, Outcome.partly)` (equality: an outcome's value, as a fact
    read back from the engine's JSON holds it, counted): ["partly", "not"] is now unknown, not partly. No rule
    passes values today (typed as Outcome); a rule reading an outcome from a fact would. Fix (rules/tree.py,
    combine): `if any(o in _SOME for o in outcomes)` with `_SOME = (_SATISFIED, _PARTLY)` (a tuple's `in` tests
    identity first, as fast for members)."""
    assert combine(Combine.parts, outcomes) is want
