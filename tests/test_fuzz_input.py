"""Whatever is in a data file, loading it succeeds or raises InputError with located problems.

The CLI turns InputError into exit 2 (tests/test_load_errors.py); any other
exception here would reach the user as a traceback.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.amendment import apply
from gapcheck.errors import InputError
from gapcheck.load import load_jurisdiction
from tests.test_load_errors import GOOD

KEYS = st.sampled_from(
    [
        "instrument",
        "provisions",
        "id",
        "offences",
        "conduct",
        "victim",
        "age_from",
        "age_below",
        "penalty",
        "min",
        "max",
        "source",
        "heading",
        "thresholds",
        "measures",
        "kind",
        "title",
        "adopted",
        "exceptions",
        "floor",
        "sex",
        "x",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.text(max_size=12),
    st.sampled_from(["3 months", "art-1", "possess", "2017-02-30", "2017", "law", "female"]),
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=25,
)
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(folder, ids) -> None:  # type: ignore[no-untyped-def]
    try:
        load_jurisdiction(folder, ids)
    except InputError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file.endswith("act.yaml") and problem.line >= 1 and problem.column >= 1, problem


@FUZZ
@given(tree=TREES)
def test_any_structure_is_answered(jurisdiction, workspace, tree) -> None:  # type: ignore[no-untyped-def]
    _check(jurisdiction({"act.yaml": json.dumps(tree)}), workspace.standards.requirements)


@FUZZ
@given(cut=st.integers(0, len(GOOD)), junk=st.text(max_size=8))
def test_any_corruption_of_a_good_file_is_answered(jurisdiction, workspace, cut, junk) -> None:  # type: ignore[no-untyped-def]
    _check(jurisdiction({"act.yaml": GOOD[:cut] + junk + GOOD[cut:]}), workspace.standards.requirements)


ADDRESSES = st.sampled_from(
    [
        "la/law-on-children-2007",
        "la/law-on-children-2007/art-86",
        "la/law-on-children-2007/art-89",
        "la/new-law",
        "la/x/art-1",
        "kh/act",
        "la",
        "",
    ]
)
PROVISION = st.one_of(
    st.just({"id": "art-86", "heading": "h", "source": "s ¶1"}),
    st.just({"id": "art-99", "heading": "h", "source": "s ¶1"}),
    TREES,
)
CHANGE = st.dictionaries(
    st.sampled_from(["add", "replace", "repeal", "provision", "instrument", "provisions"]),
    st.one_of(ADDRESSES, PROVISION),
    max_size=3,
)


@pytest.fixture(scope="module")
def la_corpus(workspace):  # type: ignore[no-untyped-def]
    return workspace.corpus("la")[0]


@FUZZ
@given(changes=st.lists(CHANGE, max_size=4))
def test_any_amendment_is_applied_or_answered(tmp_path_factory, la_corpus, changes) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path_factory.mktemp("draft") / "draft.yaml"
    draft.write_text(
        json.dumps({"amendment": {"jurisdiction": "la", "title": "t", "date": "2026-01-01"}, "changes": changes}),
        encoding="utf-8",
    )
    try:
        apply(la_corpus, draft, set())
    except InputError as err:
        assert all(p.file.endswith("draft.yaml") and p.line >= 1 for p in err.problems)
