"""`gapcheck suggest`: every closable gap and partial is closed by the draft, as re-running the rules shows.

Expectations come from the data: which requirements are targeted (gap, partial),
which tests name offences (closable by legislation), and the diff of the
written draft, applied as any user's draft would be.
"""

import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.amendment import load
from gapcheck.cli import main
from gapcheck.diff import Direction, compare
from gapcheck.facts import version_on
from gapcheck.models import Victim
from gapcheck.readings import contests
from gapcheck.suggest.render import version_data
from gapcheck.suggest.search import Suggestion, suggest
from gapcheck.suggest.steps import band, because
from gapcheck.vocab import Sex, Status
from gapcheck.workspace import Workspace
from tests.conftest import ROOT

# Test kinds that a draft of offences can satisfy: suggest must close these.
OFFENCE_KINDS = {"criminalization", "separate_offence", "penalty", "gender_neutral"}
BAD = {Direction.regressed, Direction.weakened, Direction.to_unknown}
SCHEMA = json.loads((ROOT / "engine" / "schemas" / "amendment.schema.json").read_text(encoding="utf-8"))


def closable_by_legislation(ws: Workspace, rid: str) -> bool:
    """An offence test whose every value the standards give (not an age of consent the legislator must choose)."""
    test = ws.standards.requirements[rid].test
    if test.kind not in OFFENCE_KINDS:
        return False
    return not (getattr(test, "victim_age_limit_required", False) and getattr(test, "victim_ages", 0) is None)


def verify(ws: Workspace, code: str, s: Suggestion, tmp: Path, drafts: tuple[Path, ...] = ()) -> None:
    """Apply the written draft through the amendment machinery; every target closable by legislation is met."""
    base = ws.evaluate(code, s.as_of, drafts)
    targets = [f for f in base.evaluation.findings if f.status in (Status.gap, Status.partial)]
    assert sorted(s.targets) == sorted(f.requirement for f in targets)
    closable = {f.requirement for f in targets if closable_by_legislation(ws, f.requirement)}
    if not s.draft:
        assert not closable and not s.text
        return
    path = tmp / f"{code}-suggestion.yaml"
    path.write_text(s.text, encoding="utf-8")
    load(path)  # valid as an amendment file
    after = ws.evaluate(code, s.as_of, (*drafts, path))
    changes = compare(base, after).changes
    assert not [c.requirement for c in changes if {c.direction, *c.by_reading} & BAD]
    met = {f.requirement for f in after.evaluation.findings if f.status is Status.met}
    assert set(s.closed) <= met
    assert closable <= met, "a requirement closable by legislation is left open"
    rising = {Direction.improved, Direction.from_unknown}  # under a reading, a contested finding may start unknown
    improved = {
        c.requirement
        for c in changes
        if c.after is Status.met
        and c.direction in (Direction.improved, Direction.mixed)
        and set(c.by_reading) <= rising
    }
    assert closable <= improved
    left = {o.requirement for o in s.open}
    assert left | set(s.closed) == set(s.targets) and not left & set(s.closed)
    assert all(o.reason for o in s.open)


@pytest.fixture(scope="module")
def lao_suggestion(workspace: Workspace) -> Suggestion:
    return suggest(workspace, "la", None, (), [])


def test_lao_gaps_closable_by_legislation_are_met_with_no_regression(workspace, lao_suggestion, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert lao_suggestion.closed, "the Lao analysis has closable gaps: the suggestion must close some"
    verify(workspace, "la", lao_suggestion, tmp_path)


def test_what_the_suggestion_closes_is_met_under_every_reading_explored(workspace, lao_suggestion, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A closed requirement is met under the least favourable reading, hence under each one pinned alone."""
    base = workspace.evaluate("la", lao_suggestion.as_of)
    names = [c.reading for k in contests(base.corpus) if k.name in base.evaluation.explored for c in k.choices]
    assert names, "la on its date explores contested facts (the 2017 Code's entry into force)"
    path = tmp_path / "la-suggestion.yaml"
    path.write_text(lao_suggestion.text, encoding="utf-8")
    for name in names:
        pinned = workspace.evaluate("la", lao_suggestion.as_of, (path,), (name,)).evaluation
        status = {f.requirement: f.status for f in pinned.findings}
        assert [r for r in lao_suggestion.closed if status[r] is not Status.met] == [], name


def test_the_rest_is_listed_with_a_reason_naming_why(workspace, lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    for o in lao_suggestion.open:
        assert not closable_by_legislation(workspace, o.requirement)
        assert o.reason == because(o.cause, above=False) and o.cause != "met"
        assert o.missing or o.cause == "unset_age"  # what the criteria leave missing is named


def test_the_girls_only_procurement_offence_is_made_sex_neutral_not_duplicated(workspace, lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    corpus = workspace.evaluate("la").corpus
    one_sex = {
        (f"{i.id}/{p.id}", o.id)
        for i in corpus.instruments
        for p in i.model.provisions
        for v in [version_on(p, lao_suggestion.as_of)]
        if v is not None
        for o in v.offences
        if o.victim is not None and o.victim.sex is not Sex.any and "procure_for_prostitution" in o.conduct
    }
    assert one_sex, "the Lao corpus holds a one-sex procurement offence"
    edits = lao_suggestion.draft
    for pid, oid in one_sex:
        assert edits[pid].verb == "replace"
        amended = next(o for o in edits[pid].text.offences if o.id == oid)
        assert amended.victim is not None and amended.victim.sex is Sex.any
    added = [e for e in edits.values() if e.verb == "add"]
    assert not [e for e in added if any(r.requirement == "prostitution-offences" for r in e.reasons)]


def test_each_suggested_offence_carries_a_model_wording_marked_for_review(lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    for edit in lao_suggestion.draft.values():
        block = lao_suggestion.text.split(f"# {edit.verb} {edit.pid}:", 1)[1].split("\n  - ", 1)[0]
        assert "SUGGESTION, to be reviewed by a lawyer" in block
        assert "Follows: " in block  # the standard it follows


@pytest.mark.parametrize(
    ("ages", "said"),
    [((0, 17), "under the age of 18"), ((14, 17), "aged 14 to 17"), ((16, None), "aged 16 or over")],
)
def test_a_victim_band_is_said_as_statutes_say_it(ages: tuple[int, int | None], said: str) -> None:
    assert band(ages) == said


def test_model_wording_names_victims_under_an_age_not_from_age_zero(lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    wordings = [line for line in lao_suggestion.text.splitlines() if '"Whoever' in line]
    assert wordings
    assert not [w for w in wordings if "aged 0 " in w]


def test_output_is_schema_valid_and_deterministic(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["suggest", "-j", "la", "prostitution-offences", "csam-possession", "prostitution-penalty"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    from ruamel.yaml import YAML

    jsonschema.validate(json.loads(json.dumps(YAML(typ="safe").load(first), default=str)), SCHEMA)
    out = tmp_path / "draft.yaml"
    assert main([*args, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == first
    assert main(["diff", "-j", "la", "-a", str(out), "--fail-on", "weakening"]) == 0


def test_unknown_requirement_is_bad_input(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["suggest", "-j", "la", "prostitution-ofences"]) == 2
    assert "did you mean 'prostitution-offences'" in capsys.readouterr().err


def damage(ws: Workspace, repeal: list[str], one_sex: list[str], folder: Path) -> Path:
    """A draft that takes the reference law apart: provisions repealed, offences narrowed to girls."""
    run = ws.evaluate("model")
    texts = {
        f"{i.id}/{p.id}": version_on(p, run.evaluation.as_of)
        for i in run.corpus.instruments
        for p in i.model.provisions
    }
    changes: list[dict[str, object]] = [{"repeal": pid} for pid in repeal]
    for pid in one_sex:
        text = texts[pid]
        assert text is not None
        offences = [
            o.model_copy(
                update={"victim": (o.victim or Victim.model_validate({})).model_copy(update={"sex": Sex.female})}
            )
            for o in text.offences
        ]
        changes.append({"replace": pid, "version": version_data(text.model_copy(update={"offences": offences}))})
    doc = {
        "format": 2,
        "amendment": {"jurisdiction": "model", "title": "damage", "date": "2026-01-01"},
        "changes": changes,
    }
    path = folder / "damage.yaml"
    path.write_text(json.dumps(doc), encoding="utf-8")  # JSON is YAML
    return path


def offence_provisions(ws: Workspace) -> list[str]:
    run = ws.evaluate("model")
    return sorted(
        f"{i.id}/{p.id}"
        for i in run.corpus.instruments
        for p in i.model.provisions
        for v in [version_on(p, run.evaluation.as_of)]
        if v is not None and v.offences
    )


def test_reference_law_with_offences_removed_is_rebuilt(workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ids = offence_provisions(workspace)
    drafts = (damage(workspace, ids[::2], ids[1::4], tmp_path),)
    s = suggest(workspace, "model", None, drafts, [])
    assert s.targets, "removing the reference law's offences leaves gaps"
    verify(workspace, "model", s, tmp_path, drafts)


WORKSPACE = Workspace.open()
MODEL_OFFENCES = offence_provisions(WORKSPACE)


@settings(max_examples=3, deadline=None)
@given(
    repeal=st.lists(st.sampled_from(MODEL_OFFENCES), unique=True, min_size=1, max_size=5),
    narrowed=st.lists(st.sampled_from(MODEL_OFFENCES), unique=True, max_size=3),
)
def test_any_damaged_reference_law_is_repaired(repeal, narrowed) -> None:  # type: ignore[no-untyped-def]
    one_sex = [i for i in narrowed if i not in repeal]
    workspace = WORKSPACE
    with tempfile.TemporaryDirectory() as tmp:
        drafts = (damage(workspace, repeal, one_sex, Path(tmp)),)
        s = suggest(workspace, "model", None, drafts, [])
        verify(workspace, "model", s, Path(tmp), drafts)


FIXTURES = Path(__file__).parent / "fixtures" / "statutes"


@pytest.mark.parametrize("on", ["2018-01-01", "2024-06-01"])
def test_a_replacement_amends_the_text_in_force_on_the_analysis_date(tmp_path, on) -> None:  # type: ignore[no-untyped-def]
    """A provision with three texts: the draft's new version starts from the one in force, and loads as a version."""
    import datetime as dt

    ws = Workspace.open(FIXTURES)
    date = dt.date.fromisoformat(on)
    s = suggest(ws, "xv", date, (), [])
    verify(ws, "xv", s, tmp_path)
    prov = next(p for i in ws.corpus("xv")[0].instruments for p in i.model.provisions if p.id == "art-9")
    in_force = version_on(prov, date)
    assert in_force is not None
    for edit in s.draft.values():
        if edit.pid == "xv/penal-code/art-9":
            assert edit.verb == "replace" and "\n    version:\n" in s.text
            assert [o.id for o in edit.text.offences] == [o.id for o in in_force.offences]
            assert edit.text.in_force_until is None and edit.text.draft is None


def test_malaysia_suggestion_changes_only_the_offences_it_names(workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Format 2 (ages per sex and per population, religious exceptions): a replacement keeps the rest of the text.

    The thresholds (with their per-sex and per-population ages and exceptions), measures and unknowns of a
    replaced provision, and its offences the suggestion did not name, are those in force; what the suggestion
    cannot draft (an age threshold, a measure) is listed with its cause, not guessed.
    """
    s = suggest(workspace, "my", None, (), [])
    verify(workspace, "my", s, tmp_path)
    corpus = workspace.evaluate("my").corpus
    provisions = {f"{i.id}/{p.id}": p for i in corpus.instruments for p in i.model.provisions}
    for edit in s.draft.values():
        if edit.verb != "replace":
            continue
        before = version_on(provisions[edit.pid], s.as_of)
        assert before is not None
        assert (edit.text.thresholds, edit.text.measures, edit.text.unknowns) == (
            before.thresholds,
            before.measures,
            before.unknowns,
        )
        kept = {o.id: o for o in before.offences if o.id not in edit.changed}
        assert {o.id: o for o in edit.text.offences if o.id not in edit.changed} == kept
        neutral = {n.offence for n in edit.reasons if any(st.kind == "sex_neutral" for st in n.steps)}
        for o in edit.text.offences:
            if o.id in neutral:
                assert o.victim is None or o.victim.sex is Sex.any
    for o in s.open:
        kind = workspace.standards.requirements[o.requirement].test.kind
        assert kind not in OFFENCE_KINDS and o.cause != "unreached", (o.requirement, o.reason)


@pytest.mark.parametrize(
    ("base", "used", "expected"),
    [
        ("86", set(), ("86 bis", "art-86-bis")),
        ("86 bis", {"art-86-bis"}, ("86 ter", "art-86-ter")),
        ("s. 14", set(), ("s. 14A", "art-14a")),
        ("s. 375(g), s. 376", {"art-376a"}, ("s. 376B", "art-376b")),
        (None, set(), (None, "unnumbered-suggested-r")),
    ],
)
def test_a_new_provision_takes_the_next_free_number_in_the_statute_s_own_style(base, used, expected) -> None:  # type: ignore[no-untyped-def]
    from gapcheck.suggest.place import next_article

    assert next_article(base, used, "r") == expected
