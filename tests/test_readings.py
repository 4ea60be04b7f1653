"""Contested facts kept as alternatives: explored as readings, merged, pinned, bounded (issue 11)."""

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from gapcheck.cli import main
from gapcheck.diff import compare
from gapcheck.evaluate import provision_titles
from gapcheck.load import Corpus, load_jurisdiction
from gapcheck.models import Offence, Source
from gapcheck.paths import STATUTES
from gapcheck.prose import wording
from gapcheck.readings import MAX_READINGS, contests
from gapcheck.rules.terms import months
from gapcheck.vocab import Provenance, Sex
from gapcheck.workspace import Workspace
from tests.conftest import ROOT

CODE_2017 = "entry into force of la/penal-code-2017"


@pytest.fixture(scope="module")
def la(workspace):  # type: ignore[no-untyped-def]
    return load_jurisdiction(STATUTES / "la", workspace.standards.requirements)


def _find(ev, rid):  # type: ignore[no-untyped-def]
    return next(f for f in ev.findings if f.requirement == rid)


def test_the_2017_code_is_adopted_promulgated_and_contested_in_force(la):  # type: ignore[no-untyped-def]
    meta = next(i for i in la.instruments if i.id == "la/penal-code-2017").model.instrument
    assert (meta.adopted, meta.promulgated, meta.in_force_from) == ("2017", "2017", None)
    readings = {r.reading: r for r in meta.in_force_readings}
    assert readings["report-2017"].date == "2017"
    assert readings["report-2017"].source.provenance.value == "inferred"  # ¶13 states promulgation only
    assert readings["laotian-times-2019"].date == "2018-11-01"
    assert readings["laotian-times-2019"].source.provenance.value == "secondary"


def test_default_check_shows_what_depends_on_the_entry_into_force_with_both_sources(lao):  # type: ignore[no-untyped-def]
    assert CODE_2017 in lao.explored
    dependent = {f.requirement: f for f in lao.findings if f.depends}
    assert {"child-marriage-offence", "no-informal-diversion"} <= set(dependent)
    marriage = dependent["child-marriage-offence"]
    by_status = {o.status.value: " ".join(o.when) for o in marriage.readings}
    assert "¶13" in by_status["partial"] and "(inferred)" in by_status["partial"]
    assert "Laotian Times" in by_status["unknown"] and "1 November 2018" in by_status["unknown"]
    assert marriage.status.value == "partial"  # least favourable of partial and unknown
    assert marriage.explanation[0].startswith("Depends on contested facts: partial if")


def test_in_2019_no_finding_depends_on_the_entry_into_force(workspace):  # type: ignore[no-untyped-def]
    ev = workspace.evaluate("la", dt.date(2019, 1, 1)).evaluation
    assert CODE_2017 not in ev.explored
    assert not [f.requirement for f in ev.findings if f.depends]
    assert _find(ev, "child-marriage-offence").status.value == "partial"


def test_pinning_a_reading_gives_its_statuses_only(workspace, lao):  # type: ignore[no-untyped-def]
    pinned = workspace.evaluate("la", readings=("laotian-times-2019",)).evaluation
    assert CODE_2017 not in pinned.explored and pinned.pinned[0].startswith(CODE_2017)
    assert _find(pinned, "child-marriage-offence").status.value == "unknown"


def test_every_pinned_reading_stays_within_the_merged_statuses(workspace, lao, la):  # type: ignore[no-untyped-def]
    names = [c.reading for contest in contests(la) for c in contest.choices]
    assert len(names) >= 6
    for name in names:
        pinned = workspace.evaluate("la", readings=(name,)).evaluation
        for f in lao.findings:
            assert set(_find(pinned, f.requirement).statuses()) <= set(f.statuses()), (name, f.requirement)


def test_the_former_secondary_flag_reads_as_secondary_provenance() -> None:
    assert Source.model_validate({"cite": "TIP 2019", "secondary": True}).label() == "TIP 2019 (secondary)"
    assert Source.model_validate({"cite": "¶30", "provenance": "inferred"}).label() == "¶30 (inferred)"


def test_cli_check_prints_each_status_with_its_reading(capsys):  # type: ignore[no-untyped-def]
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "DEPENDS  child-marriage-offence" in out
    assert "unknown if the Penal Code (2017) is in force from 1 November 2018 [Laotian Times" in out
    assert "depend on contested facts" in out
    assert main(["check", "--as-of", "2019-01-01"]) == 0
    assert "DEPENDS" not in capsys.readouterr().out


def test_json_carries_readings_and_grounds(capsys):  # type: ignore[no-untyped-def]
    assert main(["check", "--format", "json"]) == 0
    findings = {f["requirement"]: f for f in json.loads(capsys.readouterr().out)["findings"]}
    assert [o["status"] for o in findings["no-informal-diversion"]["readings"]] == ["gap", "unknown"]
    assert ["report-2017", "tip-2019", "report-28"] in findings["no-informal-diversion"]["readings"][0]["readings"]
    assert findings["csam-possession"]["readings"] == [] and findings["csam-possession"]["grounds"] == []


def test_unknown_reading_is_bad_input_with_a_suggestion(capsys):  # type: ignore[no-untyped-def]
    assert main(["check", "--reading", "laotian-times"]) == 2
    err = capsys.readouterr().err
    assert "no reading 'laotian-times'" in err and "laotian-times-2019" in err


def test_more_readings_than_the_cap_is_bad_input(jurisdiction, capsys):  # type: ignore[no-untyped-def]
    contested = 5  # 2^5 readings, over the cap of 16
    assert 2**contested > MAX_READINGS
    files = {
        f"law-{n}.yaml": f"""\
            instrument:
              title: Law {n}
              kind: law
              in_force_readings:
                - {{reading: early-{n}, date: 2000, source: source A}}
                - {{reading: late-{n}, date: 2030, source: source B}}
              source: test fixture
            provisions:
              - id: art-1
                heading: Rape
                source: test fixture
                offences:
                  - {{id: rape, conduct: [rape], source: test fixture}}
            """
        for n in range(contested)
    }
    root = jurisdiction(files).parent
    assert main(["check", "--statutes", str(root), "-j", "tl"]) == 2
    assert f"more than the {MAX_READINGS} evaluated at once: pin some with --reading" in capsys.readouterr().err
    pins = [f"--reading=early-{n}" for n in range(contested - 4)]
    assert main(["check", "--statutes", str(root), "-j", "tl", *pins]) == 0


def test_diff_compares_reading_by_reading(workspace, tmp_path):  # type: ignore[no-untyped-def]
    draft = tmp_path / "repeal-269.yaml"
    draft.write_text(
        "amendment: {jurisdiction: la, title: Repeal art. 269, date: 2026-01-01}\n"
        "changes:\n  - repeal: la/penal-code-2017/art-269\n",
        encoding="utf-8",
    )
    result = compare(workspace.evaluate("la"), workspace.evaluate("la", amendments=(draft,)))
    change = next(c for c in result.changes if c.requirement == "child-marriage-offence")
    # partial -> unknown under the report's reading; unknown stays unknown under the Laotian Times'
    assert (change.before, change.after, change.direction) == ("partial", "unknown", "to-unknown")


def test_diff_is_mixed_when_readings_move_apart(workspace):  # type: ignore[no-untyped-def]
    base = workspace.evaluate("la")
    old = next(f for f in base.evaluation.findings if f.requirement == "child-marriage-offence")
    swapped = [
        o.model_copy(update={"readings": other.readings})
        for o, other in zip(old.readings, old.readings[::-1], strict=True)
    ]
    moved = dataclasses.replace(
        base,
        evaluation=dataclasses.replace(
            base.evaluation,
            findings=[f.model_copy(update={"readings": swapped}) if f is old else f for f in base.evaluation.findings],
        ),
    )
    change = next(c for c in compare(base, moved).changes if c.requirement == "child-marriage-offence")
    assert change.direction == "mixed" and set(change.by_reading) == {"from-unknown", "to-unknown"}


def test_a_weakening_under_one_reading_is_mixed_and_fails_on_weakening(workspace, capsys):  # type: ignore[no-untyped-def]
    fixture = ROOT / "tests" / "fixtures" / "art-89-into-mediation.yaml"
    result = compare(workspace.evaluate("la"), workspace.evaluate("la", amendments=(fixture,)))
    (change,) = [c for c in result.changes if c.requirement == "no-informal-diversion"]
    # art. 89 now within the threshold: a gap under every reading; before, unknown without the 2017 code
    assert (change.before, change.after, change.direction) == ("gap", "gap", "mixed")
    assert set(change.by_reading) == {"from-unknown", "weakened"}
    assert main(["diff", "-a", str(fixture), "--fail-on", "weakening"]) == 1
    assert "MIXED" in capsys.readouterr().out


def test_rules_stay_unaware_of_readings() -> None:
    for module in (ROOT / "rules").glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "gapcheck.readings" not in text and "alternative" not in text and "in_force_readings" not in text
        assert "gapcheck.merge" not in text, module.name


def test_report_and_matrix_show_grounds_and_ranges(tmp_path: Path) -> None:
    assert main(["report", "--out", str(tmp_path), "--format", "md,html"]) == 0
    md = (tmp_path / "la-report.md").read_text(encoding="utf-8")
    assert "PARTIAL/UNKNOWN" in md and "- Rests on: inferred facts" in md
    assert "Depends on contested facts" in (tmp_path / "la-report.html").read_text(encoding="utf-8")
    assert main(["matrix", "-j", "la", "--out", str(tmp_path), "--format", "md,csv"]) == 0
    assert "GAP/UNKNOWN" in (tmp_path / "matrix.md").read_text(encoding="utf-8")


def test_an_expectation_naming_no_reading_is_bad_input(tmp_path, capsys):  # type: ignore[no-untyped-def]
    spec = tmp_path / "typo.gapcheck.yaml"
    spec.write_text("name: typo\nexpect:\n  grooming: {status: gap, reading: laotian-times}\n", encoding="utf-8")
    assert main(["test", str(spec)]) == 2
    assert "no reading 'laotian-times' (did you mean 'laotian-times-2019'?)" in capsys.readouterr().err


def test_an_expectation_under_every_reading_fails_on_a_dependent_finding(tmp_path, capsys):  # type: ignore[no-untyped-def]
    spec = tmp_path / "every.gapcheck.yaml"
    spec.write_text("name: every\nexpect:\n  child-marriage-offence: partial\n", encoding="utf-8")
    assert main(["test", str(spec)]) == 1
    out = capsys.readouterr().out
    assert "child-marriage-offence: expected partial under every reading, got partial or unknown" in out


def _sources(node):  # type: ignore[no-untyped-def]
    """Every source map (a mapping with `cite`) in a YAML tree."""
    if isinstance(node, dict):
        if "cite" in node:
            yield node
        for child in node.values():
            yield from _sources(child)
    elif isinstance(node, list):
        for child in node:
            yield from _sources(child)


def test_every_shipped_fact_states_its_provenance_in_the_current_spelling() -> None:
    kinds = {p.value for p in Provenance}
    assert kinds == {"stated", "secondary", "inferred"}
    files = sorted(
        p for d in ("statutes", "standards", "tests/fixtures", "tests/expectations") for p in (ROOT / d).rglob("*.yaml")
    )
    seen: set[str] = set()
    for path in files:
        for source in _sources(YAML(typ="safe").load(path.read_text(encoding="utf-8"))):
            assert "secondary" not in source, f"{path}: write provenance: secondary, not the former secondary: true"
            seen.add(source.get("provenance", "stated"))
    assert seen == kinds  # the shipped data uses each provenance, and no other


def test_the_report_tells_secondary_and_inferred_grounds_apart(tmp_path: Path) -> None:
    assert main(["report", "--out", str(tmp_path), "--format", "md"]) == 0
    md = (tmp_path / "la-report.md").read_text(encoding="utf-8")
    lao = {f.requirement: f for f in Workspace.open().evaluate("la").evaluation.findings}
    both = [f for f in lao.values() if [g.value for g in f.grounds] == ["secondary", "inferred"]]
    assert both, "some Lao finding rests on both a secondary and an inferred fact"
    for f in lao.values():
        section = md.split(f"- Requirement: `{f.requirement}`", 1)[1].split("\n### ", 1)[0]
        words = " and ".join(g.value for g in f.grounds)
        assert (f"- Rests on: {words} facts" in section) == bool(f.grounds), f.requirement
        for g in f.grounds:  # each ground's sources are tagged with their own provenance
            assert f"\\({g.value}" in section, (f.requirement, g.value)  # "(secondary)", "(secondary, unconfirmed)"


def test_binding_only_report_shows_or_lists_each_dependent_finding(tmp_path: Path) -> None:
    assert main(["report", "--binding-only", "--out", str(tmp_path), "--format", "md"]) == 0
    md = (tmp_path / "la-report.md").read_text(encoding="utf-8")
    dependent = [f for f in Workspace.open().evaluate("la").evaluation.findings if f.depends]
    assert dependent
    for f in dependent:
        shown = f"### {f.title}: {f.shown.upper()}" in md
        listed = f"`{f.requirement}` (binds: {f.binds})" in md
        assert (shown, listed) == (f.binds == "yes", f.binds != "yes"), f.requirement


DATES = [dt.date(2012, 6, 1), dt.date(2017, 11, 16), dt.date(2018, 12, 1), dt.date(2024, 1, 1)]


@pytest.mark.parametrize("code", ["la", "my"])
def test_a_contest_is_explored_when_the_whole_law_differs_between_its_alternatives(code: str) -> None:
    """The plain definition of a live contest compares the facts of every instrument; `plan` those of its own."""
    from gapcheck.facts import flatten_law
    from gapcheck.readings import _changes_facts, resolve

    corpus, _ = Workspace.open().corpus(code)
    found = contests(corpus)
    base = {c.name: c.choices[0] for c in found}
    for as_of in DATES:
        for contest in found:
            plain = {
                repr(flatten_law(resolve(corpus, tuple({**base, contest.name: choice}.values())), as_of))
                for choice in contest.choices
            }
            assert _changes_facts(corpus, contest, base, as_of) == (len(plain) > 1), (contest.name, as_of)


@pytest.mark.parametrize("code", ["la", "my"])
def test_the_readings_share_the_facts_of_the_instruments_they_leave_alone(code: str) -> None:
    from gapcheck.facts import Flattened, flatten
    from gapcheck.readings import plan, resolve

    ws = Workspace.open()
    corpus, _ = ws.corpus(code)
    for as_of in DATES:
        memo: Flattened = {}
        for reading in plan(corpus, as_of).readings:
            resolved = resolve(corpus, reading)
            assert flatten(resolved, ws.standards, as_of, memo) == flatten(resolved, ws.standards, as_of)
            contested = {c.instrument for c in contests(corpus)}
            for before, after in zip(corpus.instruments, resolved.instruments, strict=True):
                assert after is before or before.id in contested


def _worded(corpus: Corpus, sources: bool = True) -> dict[str, list[str]]:
    """Each contested offence's readings as reports word them (gapcheck.prose), by contest name; or without sources."""
    words = wording(provision_titles(corpus), [], {}, corpus)
    return {
        c.name: [words.fragment(ch.message() if sources else {**ch.message(), "source": ""}) for ch in c.choices]
        for c in contests(corpus)
        if c.message()["msg"] == "reading.offence"
    }


@pytest.mark.parametrize("code", sorted(p.name for p in STATUTES.iterdir() if p.is_dir()))
def test_the_readings_of_a_shipped_contested_offence_read_apart(code: str) -> None:
    """Two readings of one offence never read alike, their sources aside: each says what tells it from the others."""
    corpus, _ = Workspace.open().corpus(code)
    for name, said in _worded(corpus, sources=False).items():
        assert len(set(said)) == len(said), (name, said)


def test_a_reading_of_article_215_says_its_own_penalty(la: Corpus) -> None:
    """The sources disagree on the penalty of art. 215: each reading says the one its source gives."""
    contest = next(c for c in contests(la) if c.name.endswith("art-215-penalty"))
    said = dict(zip((ch.reading for ch in contest.choices), _worded(la)[contest.name], strict=True))
    art = next(p for i in la.instruments for p in i.model.provisions if p.id == "art-215")
    offences = [o for v in art.versions for o in v.offences if o.alternative is not None]
    assert {o.alternative.reading for o in offences if o.alternative} == set(said)
    for off in offences:
        assert off.alternative is not None and off.penalty is not None and off.penalty.max is not None
        low = months(off.penalty.min) + " to " if off.penalty.min is not None else "up to "
        assert f"carrying {low}{months(off.penalty.max)} [" in said[off.alternative.reading]


CONTESTED = """\
instrument:
  title: Code
  kind: law
  source: test fixture
provisions:
  - id: art-1
    article: "1"
    heading: Trafficking
    source: test fixture
    offences:
      - id: short
        alternative: {fact: penalty, reading: short}
        conduct: [traffic_child]
        penalty: {max: 5 years}
        source: source A
      - id: long
        alternative: {fact: penalty, reading: long}
        conduct: [traffic_child]
        penalty: {min: 10 years, max: 20 years}
        source: source B
  - id: art-2
    article: "2"
    heading: Sexual intercourse
    source: test fixture
    offences:
      - id: any-child
        alternative: {fact: conditions, reading: plain}
        conduct: [sexual_intercourse]
        victim: {age_from: 0, age_below: 18}
        penalty: {max: 5 years}
        source: source A
      - id: paid
        alternative: {fact: conditions, reading: paid}
        conduct: [sexual_intercourse]
        victim: {age_from: 12, age_below: 18}
        elements: [remuneration]
        penalty: {max: 5 years}
        source: source B
"""


def test_a_reading_says_what_its_alternatives_differ_in_and_nothing_they_share(jurisdiction) -> None:  # type: ignore[no-untyped-def]
    corpus = load_jurisdiction(jurisdiction({"code.yaml": CONTESTED}))
    worded = _worded(corpus)
    said = {ch.reading: text for c in contests(corpus) for ch, text in zip(c.choices, worded[c.name], strict=True)}
    # only the penalty differs: the penalty alone, as before victims and elements were said
    assert said["short"] == "article 1 of the Code carrying up to 5 years [source A]"
    assert said["long"] == "article 1 of the Code carrying 10 years to 20 years [source B]"
    # victims and elements differ, the penalty does not
    assert said["plain"] == (
        "article 2 of the Code protecting any child under the age of 18, with no narrowing element [source A]"
    )
    assert said["paid"] == "article 2 of the Code protecting a child aged 12 to 17, requiring remuneration [source B]"


def _offence_fields() -> st.SearchStrategy[dict[str, Any]]:
    """What an alternative of a contested offence may say: every trait a reading compares."""
    bands = st.tuples(st.integers(0, 20), st.one_of(st.none(), st.integers(1, 25))).filter(
        lambda b: (b[1] is None and b[0] > 0) or (b[1] is not None and b[1] > b[0])
    )
    victim = st.one_of(
        st.none(),
        st.builds(lambda b, sex: {"age_from": b[0], "age_below": b[1], "sex": sex}, bands, st.sampled_from(list(Sex))),
    )
    months_ = st.integers(1, 300)
    penalty = st.one_of(
        st.none(),
        st.builds(
            lambda a, b, fine: (
                {"min": f"{min(a, b)} months", "max": f"{max(a, b)} months"} | ({"fine": True} if fine else {})
            ),
            months_,
            months_,
            st.booleans(),
        ),
        st.builds(lambda b: {"max": f"{b} months"}, months_),
    )
    return st.fixed_dictionaries(
        {
            "conduct": st.lists(
                st.sampled_from(["sexual_intercourse", "traffic_child", "sell_child"]),
                min_size=1,
                max_size=2,
                unique=True,
            ),
            "object": st.sampled_from(["child", "pornography"]),
            "purpose": st.lists(
                st.sampled_from(["any", "sexual_exploitation", "forced_labour"]), min_size=1, max_size=2, unique=True
            ),
            "victim": victim,
            "child_specific": st.booleans(),
            "elements": st.lists(
                st.sampled_from(["remuneration", "force_or_coercion"]), min_size=0, max_size=2, unique=True
            ),
            "means": st.lists(st.just("ict"), min_size=0, max_size=1),
            "penalty": penalty,
        }
    )


def _said(fields: dict[str, Any]) -> Any:
    """What alternatives may differ in, read as the rules do (a child-specific offence with no victim: children)."""
    victim = fields["victim"] or ({"children": True} if fields["child_specific"] else None)
    return repr(sorted({**fields, "child_specific": None, "victim": victim}.items()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=_offence_fields(), b=_offence_fields())
def test_two_alternatives_that_differ_read_apart(jurisdiction, a: dict[str, Any], b: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """Whatever two sources say differently of one offence, its two readings do not read alike (sources aside)."""
    assume(_said(a) != _said(b))
    corpus = load_jurisdiction(jurisdiction({"code.yaml": CONTESTED}))
    inst = corpus.instruments[0]
    offences = [
        Offence.model_validate(
            {"id": name, "alternative": {"fact": "f", "reading": name}, "source": "source A", **fields}
        )
        for name, fields in (("a", a), ("b", b))
    ]
    prov = inst.model.provisions[0]
    prov = prov.model_copy(update={"versions": [prov.versions[0].model_copy(update={"offences": offences})]})
    model = inst.model.model_copy(update={"provisions": [prov]})
    corpus = dataclasses.replace(corpus, instruments=(dataclasses.replace(inst, model=model),))
    (said,) = _worded(corpus, sources=False).values()
    assert said[0] != said[1], (a, b)


def _plain_resolve(corpus: Corpus, picked: dict[str, str]) -> list[Any]:
    """The plain definition: every version's offences filtered by the picked readings, each level copied if changed."""
    out = []
    for inst in corpus.instruments:
        model, meta = inst.model, inst.model.instrument
        if meta.in_force_readings:
            chosen = next(r for r in meta.in_force_readings if r.reading == picked[f"entry into force of {inst.id}"])
            meta = meta.model_copy(update={"in_force_from": chosen.date, "in_force_readings": []})
        provisions = []
        for prov in model.provisions:
            versions = []
            for version in prov.versions:
                kept = [
                    o
                    for o in version.offences
                    if o.alternative is None or picked[f"{inst.id} {o.alternative.fact}"] == o.alternative.reading
                ]
                versions.append(
                    version if len(kept) == len(version.offences) else version.model_copy(update={"offences": kept})
                )
            same = all(new is old for new, old in zip(versions, prov.versions, strict=True))
            provisions.append(prov if same else prov.model_copy(update={"versions": versions}))
        unchanged = meta is model.instrument and all(a is b for a, b in zip(provisions, model.provisions, strict=True))
        out.append(
            inst
            if unchanged
            else dataclasses.replace(
                inst, model=model.model_copy(update={"instrument": meta, "provisions": provisions})
            )
        )
    return out


def test_a_reading_copies_what_its_contests_change_and_keeps_the_rest_as_the_plain_resolution_does(la) -> None:  # type: ignore[no-untyped-def]
    import itertools

    from gapcheck.readings import resolve

    found = contests(la)
    assert found
    for reading in itertools.product(*(c.choices for c in found)):
        resolved = resolve(la, reading).instruments
        plain = _plain_resolve(la, {c.contest: c.reading for c in reading})
        assert [i is o for i, o in zip(resolved, la.instruments, strict=True)] == [
            p is o for p, o in zip(plain, la.instruments, strict=True)
        ]
        assert list(resolved) == plain
        for new, old in zip(resolved, la.instruments, strict=True):  # a provision no contest changes: the same
            kept = [a is b for a, b in zip(new.model.provisions, old.model.provisions, strict=True)]
            assert kept == [
                a is b
                for a, b in zip(plain[la.instruments.index(old)].model.provisions, old.model.provisions, strict=True)
            ]
