"""Findings are built from the rules' data without pydantic's validation: they must equal validated ones."""

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from benchmarks import synthetic
from gapcheck.evaluate import evaluate, provision_titles, rule_engine, source_provenances
from gapcheck.facts import flatten
from gapcheck.findings import Built, Finding, collect
from gapcheck.models import Source
from gapcheck.prose import Wording
from gapcheck.readings import plan, resolve
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, Evidence
from gapcheck.rules.tree import Criterion as RuleCriterion
from gapcheck.vocab import Conduct, Element, Provenance
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

    def __init__(self) -> None:
        self.built: dict[Any, Any] = {}
        self.same: dict[int, Any] = {}

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
    st.lists(st.dictionaries(st.sampled_from(["msg", "offence", "of"]), _messages), max_size=5),
    st.lists(st.tuples(_refs, st.sampled_from(["satisfies", "partly satisfies"]), st.none() | _refs), max_size=6),
)
def test_the_reason_for_a_provision_is_the_first_ground_naming_it(because: list[Any], facts: list[Any]) -> None:
    from gapcheck.findings import justified

    data = {
        "id": "c",
        "outcome": "partly",
        "test": {"msg": "t"},
        "because": because,
        "facts": [{"provision": p, "role": r, "offence": o, "source": "s"} for p, r, o in facts],
    }
    words = _Echo()
    got: dict[tuple[str, str], str] = {}
    justified(_criterion(data), cast(Wording, words), got, [])
    first: dict[tuple[str, str], str] = {}
    for p, r, o in facts:
        first.setdefault((p, r), o or p)
    assert set(got) == set(first)
    for key, ref in first.items():
        naming = [b for b in because if _mentions(b, ref)]
        want = words.say((naming or because)[0]) if because else words.fragment(data["test"])
        assert got[key] == want, key


def _criterion(data: dict[str, Any]) -> RuleCriterion:
    """The rules' criterion whose data (`to_data`) this is."""
    return RuleCriterion(
        data["id"],
        data["test"],
        Outcome(data["outcome"]),
        data.get("because", []),
        data.get("missing"),
        [
            Evidence(e["provision"], e["source"], Role(e["role"]), e.get("offence"), e.get("conduct"))
            for e in data.get("facts", [])
        ],
        Combine(data["combine"]) if "combine" in data else None,
        [_criterion(child) for child in data.get("children", [])],
    )


def _sessions(ws: Workspace, code: str, as_of: dt.date) -> list[list[dict[str, Any]]]:
    corpus, _ = ws.corpus(code)
    return [
        rule_engine().evaluate(flatten(resolve(corpus, r), ws.standards, as_of)) for r in plan(corpus, as_of).readings
    ]


def _plain_and_built(ws: Workspace, code: str, as_of: dt.date, sessions: list[list[dict[str, Any]]]) -> list[Any]:
    """Each session's findings built alone (the plain definition) and with the findings built before it."""
    corpus, _ = ws.corpus(code)
    titles, provenances = provision_titles(corpus, as_of), source_provenances(corpus)
    built = Built()
    pairs = []
    for session in sessions:
        plain = collect(session, ws.standards, titles, corpus, provenances)
        shared = collect(session, ws.standards, titles, corpus, provenances, built)
        pairs.append((plain, shared))
    return pairs


@pytest.mark.parametrize(
    ("code", "as_of"), [("la", dt.date(2017, 11, 16)), ("la", dt.date(2015, 3, 1)), ("my", dt.date(2024, 1, 1))]
)
def test_findings_built_once_per_basis_equal_those_built_per_session(code: str, as_of: dt.date) -> None:
    ws = Workspace.open()
    sessions = _sessions(ws, code, as_of)
    pairs = _plain_and_built(ws, code, as_of, sessions)
    for plain, shared in pairs:
        assert [f.model_dump_json() for f in shared] == [f.model_dump_json() for f in plain]
    if len(sessions) > 1:  # readings share findings: later sessions reuse the objects of earlier ones
        first = {id(f) for f in pairs[0][1]}
        assert any(id(f) in first for _, shared in pairs[1:] for f in shared)


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_a_session_differing_in_one_fact_rebuilds_what_it_changes(data: st.DataObject) -> None:
    """One offence's penalty, victim band, sex or source changed: every finding equals the one built alone, and a
    finding is reused from the unchanged session only where its basis is unchanged."""
    ws = Workspace.open()
    corpus, _ = ws.corpus("la")
    as_of = dt.date(2017, 11, 16)
    facts = flatten(resolve(corpus, plan(corpus, as_of).readings[0]), ws.standards, as_of)
    offences = [n for n, f in enumerate(facts) if f["kind"] == "offence"]
    at = data.draw(st.sampled_from(offences))
    change = data.draw(
        st.sampled_from(
            [
                {"max_months": 1},
                {"max_months": 600, "penalty_stated": True},
                {"sex": "female"},
                {"age_below": 12},
                {"source": "another source"},
            ]
        )
    )
    changed = [dict(f, **change) if n == at else f for n, f in enumerate(facts)]
    sessions = [rule_engine().evaluate(facts), rule_engine().evaluate(changed)]
    (plain0, shared0), (plain1, shared1) = _plain_and_built(ws, "la", as_of, sessions)
    assert [f.model_dump_json() for f in shared1] == [f.model_dump_json() for f in plain1]
    for before, after, alone in zip(shared0, shared1, plain1, strict=True):
        if after is before:
            assert alone == before  # reused: built alone, it is the same


def _every_source(model: BaseModel) -> Iterator[Source]:
    """The plain definition: every Source inside a model, looking into every field."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Source):
                yield item
            elif isinstance(item, BaseModel):
                yield from _every_source(item)


@pytest.mark.parametrize("code", ["la", "my", "model"])
def test_sources_are_found_looking_only_into_fields_that_may_hold_models(code: str) -> None:
    corpus, _ = Workspace.open().corpus(code)
    models: list[BaseModel] = [*(inst.model for inst in corpus.instruments), corpus.index]
    plain = {s.label(): s.provenance for m in models for s in _every_source(m)}
    assert list(source_provenances(corpus).items()) == list(plain.items())  # depth first, in the same order
    assert len(plain) > 1


class _Leaf(BaseModel):
    age: int
    note: str | None = None


class _Holder(BaseModel):
    leaves: list[_Leaf]
    loose: Any = None
    cited: dict[str, list[Source]] | None = None
    nested: "list[_Holder]" = []


def test_a_field_is_looked_into_unless_no_model_it_names_can_hold_a_source() -> None:
    from gapcheck.evaluate import _nested
    from gapcheck.models import Offence, Version

    assert _nested(_Holder) == ("loose", "cited", "nested")  # Any may hold one; a model of plain fields cannot
    assert _nested(_Leaf) == ()
    assert "victim" not in _nested(Offence) and {"source", "penalty"} <= set(_nested(Offence))
    assert {"offences", "source"} <= set(_nested(Version))


def _plain_reasons(data: dict[str, Any], words: Wording) -> dict[tuple[str, str], str]:
    """The plain definition: in each criterion, the first ground (else its test) naming each fact's offence
    or provision; a criterion's own before its children's, in order."""
    out: dict[tuple[str, str], str] = {}
    because = data.get("because", [])
    for e in data.get("facts", []):
        key = (e["provision"], e["role"])
        if key not in out:
            ref = e.get("offence") or e["provision"]
            naming = [b for b in because if _mentions(b, ref)]
            out[key] = words.say((naming or because)[0]) if because else words.fragment(data["test"])
    for child in data.get("children", []):
        out = _plain_reasons(child, words) | out
    return out


@pytest.mark.parametrize(
    ("code", "as_of"), [("la", dt.date(2017, 11, 16)), ("my", dt.date(2024, 1, 1)), ("synthetic", dt.date(2020, 1, 1))]
)
def test_trees_built_in_one_pass_equal_validated_worded_trees_and_their_reasons(code: str, as_of: dt.date) -> None:
    from gapcheck.findings import Criterion, justified, worded
    from gapcheck.prose import wording
    from gapcheck.rules.coverage import expand

    ws = Workspace.open()
    corpus = synthetic.jurisdiction("jt", 60, seed=7) if code == "synthetic" else ws.corpus(code)[0]
    reading = plan(corpus, as_of).readings[0]
    session = rule_engine().evaluate(flatten(resolve(corpus, reading), ws.standards, as_of))
    requirements = {rid: r.title for rid, r in ws.standards.requirements.items()}
    words = wording(provision_titles(corpus, as_of), session, requirements, corpus)
    by_ref = {str(f["ref"]): f for f in session if "ref" in f}
    cited = 0
    read: dict[str, Any] = {}  # the facts typed for one finding are reused by the next
    for f in (f for f in session if f.get("kind") == "finding"):
        data = expand(f["criteria"], by_ref)
        assert expand(f["criteria"], by_ref, read) == data, f["req"]
        why: dict[tuple[str, str], str] = {}
        tree = justified(f["criteria"], words, why, [], (by_ref, {}, {}, False))
        plain = Criterion.model_validate(worded(data, words))
        assert tree == plain and tree.model_dump_json() == plain.model_dump_json(), f["req"]
        assert why == _plain_reasons(data, words), f["req"]
        cited += len(why)
    assert cited > 10


@pytest.mark.parametrize(("code", "as_of"), [("la", dt.date(2017, 11, 16)), ("synthetic", dt.date(2020, 1, 1))])
def test_an_offence_s_conducts_share_its_fields_as_if_each_were_built_alone(code: str, as_of: dt.date) -> None:
    from dataclasses import replace

    from gapcheck.rules.facts import OffenceFact

    ws = Workspace.open()
    corpus = synthetic.jurisdiction("oc", 60, seed=5) if code == "synthetic" else ws.corpus(code)[0]
    facts = flatten(resolve(corpus, plan(corpus, as_of).readings[0]), ws.standards, as_of)
    offences = [f for f in facts if f["kind"] == "offence"]
    by_offence: dict[str, list[dict[str, Any]]] = {}
    for f in offences:
        by_offence.setdefault(f["offence"], []).append(f)
    assert any(len(conducts) > 1 for conducts in by_offence.values())
    for conducts in by_offence.values():
        first = OffenceFact.of(conducts[0])
        for f in conducts:
            alone = replace(first, ref=f["ref"], conduct=f["conduct"]).to_fact()
            assert f == alone and list(f) == list(alone), f["ref"]


@given(st.lists(st.sampled_from(list(Element)), max_size=4))
def test_an_offence_s_terms_are_the_sorted_plain_strings_of_its_list(terms: list[Element]) -> None:
    """An offence's lists of terms are written without a sort where none is needed: the same plain strings."""
    from gapcheck.facts import _terms

    written = _terms(terms)
    assert written == sorted(map(str, terms)) and all(type(t) is str for t in written)


def test_a_requirement_s_test_data_is_its_json_dump_without_kind() -> None:
    from gapcheck.facts import plain_test

    ws = Workspace.open()
    for rid, req in ws.standards.requirements.items():
        dumped = req.test.model_dump(mode="json", exclude={"kind"})
        assert repr(plain_test(req.test)) == repr(dumped), rid  # the same values of the same types


def test_a_leaf_is_built_once_per_wording_and_equals_the_plain_tree() -> None:
    """A leaf citing no facts is reused within one wording, wherever the rules placed it; an equal leaf equals it;
    it equals the validated worded data, and what the tree around it records (reasons, citations) is the same as
    when it is built afresh."""
    from gapcheck.findings import Criterion, justified, worded

    leaf = {"id": "victim-sex", "test": {"msg": "cov.victim-sex"}, "outcome": "partly", "because": []}
    leaf |= {"missing": {"msg": "cov.victim-sex.missing"}}
    data = {
        "id": "n",
        "test": {"msg": "cov.victim-sex"},
        "outcome": "partly",
        "combine": "all",
        "facts": [{"provision": "la/x/art-1", "source": "s", "role": "partly satisfies", "offence": None}],
        "children": [leaf, dict(leaf), dict(leaf)],
    }
    shared, fresh = Wording(), Wording()
    why: dict[tuple[str, str], str] = {}
    placed = _criterion(leaf)
    rules_tree = RuleCriterion(**{**vars(_criterion(data)), "children": [placed, placed, _criterion(dict(leaf))]})
    tree = justified(rules_tree, shared, why, [])
    assert tree.children[0] is tree.children[1] and tree.children[2] == tree.children[0]
    assert justified(placed, shared, {}, []) is tree.children[0]
    alone: dict[tuple[str, str], str] = {}
    assert tree == justified(_criterion(data), fresh, alone, []) == Criterion.model_validate(worded(data, Wording()))
    assert why == alone
    assert tree.model_dump_json() == Criterion.model_validate(worded(data, Wording())).model_dump_json()


@pytest.mark.parametrize(("code", "as_of"), [("la", dt.date(2017, 11, 16)), ("my", dt.date(2024, 1, 1))])
def test_offence_criteria_built_once_per_pair_of_facts_equal_the_expanded_worded_tree(
    code: str, as_of: dt.date
) -> None:
    """Every session's findings, its offences' criteria shared with earlier sessions, equal the plain definition:
    the stubs expanded, the tree worded and validated, each provision's reason the first ground naming it."""
    from gapcheck.findings import Criterion, worded
    from gapcheck.prose import wording
    from gapcheck.rules.coverage import expand

    ws = Workspace.open()
    corpus, _ = ws.corpus(code)
    titles, provenances = provision_titles(corpus, as_of), source_provenances(corpus)
    requirements = {rid: r.title for rid, r in ws.standards.requirements.items()}
    built = Built()
    offences: list[list[int]] = []
    for session in _sessions(ws, code, as_of):
        concluded = {f["req"]: f for f in session if f.get("kind") == "finding"}
        by_ref = {str(f["ref"]): f for f in session if "ref" in f}
        words = wording(titles, session, requirements, corpus)
        offences.append([])
        for finding in collect(session, ws.standards, titles, corpus, provenances, built):
            data = expand(concluded[finding.requirement]["criteria"], by_ref)
            plain = Criterion.model_validate(worded(data, words))
            assert finding.criteria == plain, finding.requirement
            assert finding.criteria.model_dump_json() == plain.model_dump_json()
            why = _plain_reasons(data, words)
            assert {(r.id, r.role.value): r.reason for r in finding.provisions} == why, finding.requirement
            offences[-1] += [id(c) for c in finding.criteria.walk() if c.id.startswith("offence:")]
    assert all(offences)
    if len(offences) > 1:  # a later session's offence under a requirement is an earlier one's, the same object
        assert set(offences[0]) & {n for later in offences[1:] for n in later}


@pytest.mark.parametrize("seed", [3, 11])
def test_a_single_session_s_offence_criteria_built_straight_into_its_findings_equal_the_plain_tree(seed: int) -> None:
    """With no sessions to share them with (one reading: no `Built`), offences' criteria are built straight into each
    finding: the trees and each provision's reason still equal the plain definition (stubs expanded, worded,
    validated; the reason the first ground naming the provision)."""
    from gapcheck.findings import Criterion, worded
    from gapcheck.prose import wording
    from gapcheck.rules.coverage import expand

    ws = Workspace.open()
    corpus, as_of = synthetic.jurisdiction("ss", 120, seed=seed), dt.date(2020, 1, 1)
    (reading,) = plan(corpus, as_of).readings
    session = rule_engine().evaluate(flatten(resolve(corpus, reading), ws.standards, as_of))
    titles = provision_titles(corpus, as_of)
    concluded = {f["req"]: f for f in session if f.get("kind") == "finding"}
    by_ref = {str(f["ref"]): f for f in session if "ref" in f}
    words = wording(titles, session, {rid: r.title for rid, r in ws.standards.requirements.items()}, corpus)
    offences = 0
    for finding in collect(session, ws.standards, titles, corpus, source_provenances(corpus)):
        data = expand(concluded[finding.requirement]["criteria"], by_ref)
        plain = Criterion.model_validate(worded(data, words))
        assert finding.criteria.model_dump_json() == plain.model_dump_json(), finding.requirement
        assert {(r.id, r.role.value): r.reason for r in finding.provisions} == _plain_reasons(data, words)
        offences += sum(1 for c in finding.criteria.walk() if c.id.startswith("offence:"))
    assert offences > 20


def _plain_referred(data: dict[str, Any]) -> list[str]:
    """The plain definition: a criterion's own stub refs, then its children's, depth first."""
    return [*data.get("expand", []), *(ref for child in data.get("children", []) for ref in _plain_referred(child))]


def test_the_facts_a_finding_refers_to_are_listed_depth_first() -> None:
    from gapcheck.findings import _referred

    ws = Workspace.open()
    seen = 0
    for session in _sessions(ws, "la", dt.date(2017, 11, 16))[:2]:
        for f in (f for f in session if f.get("kind") == "finding"):
            assert _referred(f["criteria"]) == _plain_referred(f["criteria"].to_data()), f["req"]
            seen += len(_plain_referred(f["criteria"].to_data()))
    assert seen > 10


_DATES = st.one_of(st.none(), st.sampled_from(["2010", "2015", "2019-01-01", "2020-01-01", "2024-12-31"]))


@given(
    st.lists(st.tuples(_DATES, _DATES, st.one_of(st.none(), st.just("bill"))), min_size=1, max_size=3),
    st.dates(dt.date(2005, 1, 1), dt.date(2030, 1, 1)),
)
def test_the_version_in_force_is_the_one_the_plain_search_finds(versions: list[Any], as_of: dt.date) -> None:
    """`version_on` takes a provision's only text without building its list of drafts: the same text."""
    from gapcheck.facts import in_force, version_on
    from gapcheck.models import Provision, Version

    prov = Provision.model_construct(
        versions=[Version.model_construct(in_force_from=a, in_force_until=b, draft=d) for a, b, d in versions]
    )
    drafts = [v for v in prov.versions if v.draft is not None]
    plain = (
        drafts[-1]
        if drafts
        else next((v for v in prov.versions if in_force(v.in_force_from, v.in_force_until, as_of)), None)
    )
    assert version_on(prov, as_of) is plain


def _plain_titles(corpus: Any, as_of: dt.date) -> dict[str, tuple[str | None, str]]:
    """The plain definition: each provision's article on the date and the version read, for every provision."""
    from gapcheck.evaluate import _version_label
    from gapcheck.facts import version_on

    out: dict[str, tuple[str | None, str]] = {f"{corpus.code}/_jurisdiction": (None, "Jurisdiction declaration")}
    for inst in corpus.instruments:
        for p in inst.model.provisions:
            article = p.article_on((as_of.year, as_of.month, as_of.day))
            if article != p.article:
                article = f"{article}, now art. {p.article}"
            version, heading = version_on(p, as_of), p.heading
            if version is not None and len(p.versions) > 1:
                heading += f" ({_version_label(version)})"
            out[f"{inst.id}/{p.id}"] = (article, heading)
    return out


_VERSION = st.tuples(_DATES, _DATES, st.one_of(st.none(), st.just("bill")))
_FORMER = st.tuples(st.sampled_from(["3", "4(1)"]), _DATES)


@settings(max_examples=60)
@given(
    st.lists(st.tuples(st.lists(_FORMER, max_size=2), st.lists(_VERSION, min_size=1, max_size=3)), max_size=4),
    st.dates(dt.date(2005, 1, 1), dt.date(2030, 1, 1)),
)
def test_titles_read_only_renumbered_or_amended_provisions_and_say_what_the_plain_reading_says(
    provisions: list[Any], as_of: dt.date
) -> None:
    from dataclasses import replace

    from gapcheck.models import Former, Provision, Version

    corpus = synthetic.jurisdiction("tt", 3, seed=1)
    inst = corpus.instruments[0]
    built = [
        Provision.model_construct(
            id=f"art-{n}",
            article=str(n),
            heading=f"Article {n}",
            formerly=[Former.model_construct(article=a, until=u) for a, u in formerly],
            versions=[Version.model_construct(in_force_from=a, in_force_until=b, draft=d) for a, b, d in versions],
        )
        for n, (formerly, versions) in enumerate(provisions)
    ]
    model = inst.model.model_copy(update={"provisions": [*inst.model.provisions, *built]})
    corpus = replace(corpus, instruments=(replace(inst, model=model), *corpus.instruments[1:]))
    assert provision_titles(corpus, as_of) == _plain_titles(corpus, as_of)


@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(["la/x/art-1", "la/x/art-2"]),
                st.sampled_from(["satisfies", "considered"]),
                st.none() | st.sampled_from(["sell_child", "offer_child", "deliver_child", Conduct.offer_child]),
                st.sampled_from(["s1", "s2"]),
            ),
            max_size=4,
        ),
        max_size=5,
    )
)
def test_each_provision_is_listed_once_per_role_with_every_conduct_it_is_cited_for(cited: list[Any]) -> None:
    """The plain definition: per (provision, role), in order of first citation, its first evidence's source, the
    reason recorded for it (else its first criterion's first ground), and the sorted set of conducts cited."""
    from gapcheck.findings import Evidence, provisions

    cites = [
        (
            [Evidence(provision=p, source=s, role=Role(r), offence=None, conduct=c) for p, r, c, s in facts],
            [f"ground {n}"] if n % 2 else [],
            f"test {n}",
        )
        for n, facts in enumerate(cited)
    ]
    titles = {"la/x/art-1": ("1", "One"), "la/x/art-2": (None, "Two")}
    why = {("la/x/art-1", "satisfies"): "recorded"}
    refs = provisions(cites, titles, why, {"s2": Provenance.secondary})
    plain: dict[tuple[str, str], dict[str, Any]] = {}
    for evidence, because, test in cites:
        for e in evidence:
            ref = plain.setdefault((e.provision, e.role.value), {"source": e.source, "reason": (because or [test])[0]})
            ref.setdefault("covers", set()).update([e.conduct] if e.conduct else [])
    assert [(r.id, r.role.value) for r in refs] == list(plain)
    for r in refs:
        want = plain[(r.id, r.role.value)]
        assert r.covers == sorted(want["covers"])
        assert r.source == want["source"] and r.provenance == (Provenance.secondary if r.source == "s2" else "stated")
        assert r.reason == why.get((r.id, r.role.value), want["reason"])
        assert (r.article, r.heading) == titles[r.id]


def test_what_a_finding_takes_from_its_requirement_is_built_for_the_standards_and_jurisdiction_it_is_for() -> None:
    """The standards cited, recommendations and benchmark of a finding are kept per loaded standards and
    jurisdiction: another Standards object (a requirement changed) or another jurisdiction is never served them."""
    from dataclasses import replace

    ws = Workspace.open()
    as_of = dt.date(2017, 11, 16)
    rid, req = next(
        (rid, r)
        for rid, r in ws.standards.requirements.items()
        if r.recommendations and r.benchmark and len(r.sources) > 1
    )
    changed = req.model_copy(update={"recommendations": [], "benchmark": None, "sources": req.sources[1:]})
    other = replace(ws.standards, requirements={**ws.standards.requirements, rid: changed})

    def plain(standards: Any, corpus: Any) -> tuple[Any, ...]:
        """What the finding should take: its requirement's sources and recommendations addressed to the
        jurisdiction or to none, then the jurisdiction's own recommendations, and the benchmark."""
        r = standards.requirements[rid]
        ours = {None, corpus.code}
        cited = [
            (standards.files[s.instrument].instrument.short, s.pinpoint)
            for s in r.sources
            if standards.files[s.instrument].instrument.addressed_to in ours
        ]
        own = [rec.cite for rec in corpus.index.recommendations if rid in rec.requirements]
        recs = list(dict.fromkeys([*(x for x in r.recommendations if standards.addressee(x) in ours), *own]))
        return cited, recs, r.benchmark is not None

    for standards in (ws.standards, other, ws.standards):
        for code in ("la", "my", "la"):
            corpus, _ = ws.corpus(code)
            (f,) = [f for f in evaluate(corpus, standards, as_of).findings if f.requirement == rid]
            got = ([(c.instrument, c.pinpoint) for c in f.standards], f.recommendations, f.benchmark is not None)
            assert got == plain(standards, corpus), (code, standards is other)


def test_an_instrument_s_binding_entry_is_worded_once_per_entry_and_never_for_another() -> None:
    """The binding rule hands one entry per instrument to every requirement resting on it: worded once per entry
    (the same object); another entry, even of equal content, is worded for itself."""
    from gapcheck.findings import BindingRef, _binding

    def entry(status: str) -> dict[str, Any]:
        return {
            "instrument": "opsc",
            "short": "OPSC",
            "status": status,
            "since": None,
            "why": {"msg": "binding.not-recorded"},
            "reservations": [],
            "source": "",
        }

    words = Wording()
    first = entry("not_recorded")
    ref = _binding(first, words)
    assert _binding(first, words) is ref
    why = words.fragment(first["why"])
    plain = BindingRef(instrument="OPSC", status="not_recorded", since=None, why=why, reservations=[], source="")
    assert ref == plain
    assert _binding(entry("not_a_treaty"), words).status == "not_a_treaty"
    again = _binding(entry("not_recorded"), words)
    assert again == ref and again is not ref
