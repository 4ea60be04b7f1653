"""`gapcheck report --suggest`: each gap and partial carries the change `suggest` finds for it, verified, in prose.

Expectations come from running `suggest` itself and from re-evaluating the law
with the draft it writes, never from a list of requirement ids.
"""

import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from gapcheck.cli import main
from gapcheck.commands.suggest import summary
from gapcheck.suggest.effect import report_output_schema
from gapcheck.suggest.search import Suggestion, suggest
from gapcheck.suggest.steps import because
from gapcheck.vocab import Status
from gapcheck.workspace import Workspace
from tests.conftest import ROOT
from tests.test_suggest import closable_by_legislation

PUBLISHED = ROOT / "docs" / "report-output.schema.json"
FORMATS = "md,html,json,csv"
OPEN = (Status.gap, Status.partial)


def report(out: Path, *args: str) -> dict[str, str]:
    assert main(["report", "--suggest", "--format", FORMATS, "--out", str(out), *args]) == 0
    return {p.suffix[1:]: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def lao_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return report(tmp_path_factory.mktemp("la"), "-j", "la")


@pytest.fixture(scope="module")
def lao_suggestion(workspace: Workspace) -> Suggestion:
    return suggest(workspace, "la", None, (), [])


def sections(page: str) -> dict[str, str]:
    """Each finding's suggestion section of the HTML report, by requirement id."""
    out = {}
    for rid, body in re.findall(r'<article class="finding[^"]*" id="req-([^"]+)">(.*?)</article>', page, re.S):
        found = re.search(r'<section class="suggestion">(.*?)</section>', body, re.S)
        if found:
            out[rid] = found.group(1)
    return out


def visible(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_every_closable_gap_shows_the_suggested_change_verified_met(lao_files, lao_suggestion, workspace) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(lao_files["json"])
    fixes = {f["requirement"]: f for f in data["suggestion"]["fixes"]}
    targets = {f["requirement"] for f in data["findings"] if f["status"] in OPEN}
    assert set(fixes) == targets == set(lao_suggestion.targets)
    assert lao_suggestion.closed, "the Lao analysis has gaps closable by legislation"
    shown = sections(lao_files["html"])
    assert set(shown) == targets
    for rid in targets:
        if closable_by_legislation(workspace, rid):
            assert rid in lao_suggestion.closed
    for rid in lao_suggestion.closed:
        assert fixes[rid]["closed"] and fixes[rid]["after"] == "met" and fixes[rid]["changes"]
        assert "Model wording, to be adapted and reviewed by a lawyer" in shown[rid]
        assert "this requirement is then met" in visible(shown[rid])
        assert "No requirement regresses, weakens or becomes unknown." in visible(shown[rid])
    for o in lao_suggestion.open:
        assert fixes[o.requirement]["cause"] == o.cause and not fixes[o.requirement]["changes"]
        assert "No change is suggested" in visible(shown[o.requirement])
    assert data["suggestion"]["safe"] is True


def test_the_verified_status_is_the_rules_status_with_the_draft(lao_files, lao_suggestion, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "suggestion.yaml"
    draft.write_text(lao_suggestion.text, encoding="utf-8")
    after = {f.requirement: f.status.value for f in workspace.evaluate("la", None, (draft,)).evaluation.findings}
    for fix in json.loads(lao_files["json"])["suggestion"]["fixes"]:
        assert fix["after"] == after[fix["requirement"]]


def test_a_suggested_change_names_the_provision_it_amends_as_a_lawyer_cites_it(lao_files, lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    shown = sections(lao_files["html"])
    data = json.loads(lao_files["json"])
    fixes = {f["requirement"]: f for f in data["suggestion"]["fixes"]}
    for rid in lao_suggestion.closed:
        for change in fixes[rid]["changes"]:
            article = change["provision"]["article"]
            if article and change["action"] == "amend":
                assert f"Amend Article {article} of the " in visible(shown[rid])
            elif article and change["action"] == "add":
                assert f"Add Article {article}, " in visible(shown[rid])


def test_suggestion_text_reads_as_prose(lao_files, workspace) -> None:  # type: ignore[no-untyped-def]
    """No provision or requirement id, no vocabulary key, no underscore in what a reader sees."""
    ids = [r for r in workspace.standards.requirements if "-" in r]
    texts = [visible(s) for s in sections(lao_files["html"]).values()]
    texts.append(visible(re.search(r'<p class="suggestion-summary">(.*?)</p>', lao_files["html"], re.S).group(1)))  # type: ignore[union-attr]
    rows = csv.DictReader(io.StringIO(lao_files["csv"]))
    texts += [r[col] for r in rows for col in ("suggested change", "verified effect")]
    for text in texts:
        assert "_" not in text
        assert not re.search(r"\b[a-z]{2}/[a-z0-9-]+/", text), text  # a provision id
        assert not [r for r in ids if re.search(rf"(?<![\w-]){re.escape(r)}(?![\w-])", text)], text


def test_markdown_and_csv_carry_the_same_suggestions(lao_files, lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    rows = {r["requirement"]: r for r in csv.DictReader(io.StringIO(lao_files["csv"]))}
    for rid in lao_suggestion.closed:
        assert rows[rid]["suggested change"] and "then met" in rows[rid]["verified effect"]
    for o in lao_suggestion.open:
        assert rows[o.requirement]["verified effect"].startswith("No change is suggested")
    assert all(not r["suggested change"] for rid, r in rows.items() if rid not in lao_suggestion.targets)
    md = lao_files["md"]
    assert md.count("**Suggested change**") == len(lao_suggestion.targets)
    assert md.count("Verified by re-running the rules") == len(lao_suggestion.closed)


def test_report_json_validates_against_the_published_report_schema(lao_files, update_golden) -> None:  # type: ignore[no-untyped-def]
    generated = json.dumps(report_output_schema(), indent=2, ensure_ascii=False) + "\n"
    if update_golden:
        PUBLISHED.write_text(generated, encoding="utf-8")
    assert PUBLISHED.read_text(encoding="utf-8") == generated, "re-record with pytest --update-golden"
    schema = json.loads(generated)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(lao_files["json"]), schema, cls=jsonschema.Draft202012Validator)


def test_output_is_byte_identical_twice(lao_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert report(tmp_path, "-j", "la") == lao_files


def test_without_suggest_nothing_is_added(lao_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", "-j", "la", "--format", FORMATS, "--out", str(tmp_path)]) == 0
    plain = {p.suffix[1:]: p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir())}
    assert "suggestion" not in json.loads(plain["json"])
    assert 'class="suggestion' not in plain["html"] and "Suggested change" not in plain["md"]
    assert plain["csv"].splitlines()[0] + ",suggested change,verified effect" == lao_files["csv"].splitlines()[0]


def test_html_has_no_script_and_a_hostile_title_is_escaped(jurisdiction, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A provision heading and a law title written to inject markup reach the suggestion as text."""
    hostile = '<script>alert("x")</script> {{ 7*7 }} & co'
    folder = jurisdiction(
        {
            "act.yaml": f"""\
        instrument: {{title: '{hostile}', kind: law, source: test ¶1}}
        provisions:
          - id: art-1
            article: "1"
            heading: '{hostile}'
            source: test ¶1
            offences:
              - id: o
                conduct: [possess]
                object: child_sexual_abuse_material
                elements: [intent_to_distribute]
                source: test ¶1
        """
        }
    )
    files = report(tmp_path / "out", "--jurisdiction", str(folder))
    page = files["html"]
    assert "<script" not in page.lower()
    shown = sections(page)
    amended = [s for s in shown.values() if "Amend Article 1 of the " in visible(s)]
    assert amended, "the suggestion amends the hostile provision"
    assert all("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ 7*7 }} &amp; co" in s for s in amended)
    assert "\\<script\\>alert\\(" in files["md"] and "<script>" not in files["md"]


def test_drafts_binding_only_and_date_are_respected(workspace, lao_suggestion, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """With the suggestion applied as a draft, only what it left open is targeted, and nothing more closes."""
    draft = tmp_path / "suggestion.yaml"
    draft.write_text(lao_suggestion.text, encoding="utf-8")
    data = json.loads(report(tmp_path / "a", "-j", "la", "-a", str(draft))["json"])
    left = {f["requirement"] for f in data["findings"] if f["status"] in OPEN}
    assert {f["requirement"] for f in data["suggestion"]["fixes"]} == left
    assert not left & set(lao_suggestion.closed)
    shown = json.loads(report(tmp_path / "b", "-j", "la", "--binding-only")["json"])
    bound = {f["requirement"] for f in shown["findings"] if f["status"] in OPEN}
    assert {f["requirement"] for f in shown["suggestion"]["fixes"]} == bound
    on = dt.date(2014, 1, 1)
    dated = json.loads(report(tmp_path / "c", "-j", "la", "--as-of", on.isoformat())["json"])
    then = workspace.evaluate("la", on).evaluation.findings
    assert {f["requirement"] for f in dated["suggestion"]["fixes"]} == {f.requirement for f in then if f.status in OPEN}


def test_malaysia_report_with_suggestions(tmp_path, workspace) -> None:  # type: ignore[no-untyped-def]
    """Format-2 corpus (per-sex and per-population ages, religious exceptions): every gap and partial is answered."""
    files = report(tmp_path, "-j", "my")
    data = json.loads(files["json"])
    fixes = {f["requirement"]: f for f in data["suggestion"]["fixes"]}
    assert set(fixes) == {f["requirement"] for f in data["findings"] if f["status"] in OPEN}
    for rid, fix in fixes.items():
        assert fix["changes"] or fix["cause"]
        if closable_by_legislation(workspace, rid):
            assert fix["closed"] and fix["after"] == "met", rid
    assert data["suggestion"]["safe"] is True
    assert set(sections(files["html"])) == set(fixes)


def test_a_closed_requirement_is_met_under_every_reading(lao_files, lao_suggestion, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Where sources disagree (e.g. on when a code entered into force), a fix counts only if met under each reading."""
    draft = tmp_path / "suggestion.yaml"
    draft.write_text(lao_suggestion.text, encoding="utf-8")
    after = workspace.evaluate("la", None, (draft,)).evaluation
    for f in after.findings:
        if f.requirement in lao_suggestion.closed:
            assert set(f.statuses()) == {Status.met}, (f.requirement, f.shown)
    data = json.loads(lao_files["json"])
    assert data["suggestion"]["contested"] == after.explored
    if after.explored:
        closed = [s for rid, s in sections(lao_files["html"]).items() if rid in lao_suggestion.closed]
        assert all("then met under every reading of the contested facts" in visible(s) for s in closed)


def test_a_pinned_reading_is_the_one_the_suggestion_is_verified_under(workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dependent = [f for f in workspace.evaluate("la").evaluation.findings if f.depends]
    if not dependent:
        pytest.skip("no Lao finding depends on a contested fact")
    pin = dependent[0].readings[-1].readings[0][0]  # a reading under which its status differs from the headline
    data = json.loads(report(tmp_path, "-j", "la", "--reading", pin)["json"])
    pinned = workspace.evaluate("la", None, (), (pin,)).evaluation
    assert data["pinned"] == pinned.pinned
    assert {f["requirement"] for f in data["suggestion"]["fixes"]} == {
        f.requirement for f in pinned.findings if f.status in OPEN
    }
    assert data["suggestion"]["safe"] is True


def test_the_draft_and_the_report_say_each_step_in_the_catalogue_s_one_sentence(lao_files, lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    """A step is worded once (gapcheck.catalogue `suggest.*`): the draft's comments and the report say the same."""
    rows = {r["requirement"]: r["suggested change"] for r in csv.DictReader(io.StringIO(lao_files["csv"]))}
    notes = [n for e in lao_suggestion.draft.values() for n in e.reasons]
    assert notes
    for note in notes:
        assert f"#   {note}" in lao_suggestion.text  # the draft's comment line
        for step in note.steps:
            said = step.said()
            assert "_" not in said  # terms in words, not vocabulary keys
            if step.kind != "new_offence":  # the report names the new provision in its own sentence
                assert said in rows[note.requirement], (note.requirement, said)


def test_the_draft_and_the_report_say_why_nothing_is_drafted_in_one_sentence(lao_files, lao_suggestion) -> None:  # type: ignore[no-untyped-def]
    """A cause is worded once (gapcheck.catalogue `suggest.cause.*`): the report points above, the draft below."""
    rows = {r["requirement"]: r["verified effect"] for r in csv.DictReader(io.StringIO(lao_files["csv"]))}
    assert lao_suggestion.open
    for o in lao_suggestion.open:
        report, draft = because(o.cause, above=True), because(o.cause, above=False)
        assert rows[o.requirement] == f"No change is suggested: {report}"
        assert f"  {o.requirement} ({o.status}): {draft}" in summary(lao_suggestion)
        if "what is missing" in report:
            assert report.replace("set out above", "listed below") == draft
            assert f"{draft}\n    missing: {o.missing}\n" in summary(lao_suggestion)
