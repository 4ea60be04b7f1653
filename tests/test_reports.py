"""The gap report and matrix: golden files, escaping, template contexts, atomic writes."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jinja2
import openpyxl
import pytest
from ruamel import yaml

from gapcheck.cli import main
from gapcheck.output import sets as publish
from gapcheck.output.templates import DiffContext, MatrixContext, ReportContext, environment, long_date
from gapcheck.paths import TEMPLATES
from gapcheck.workspace import Workspace

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ("md", "html", "json", "csv")


def _report(out: Path, *args: str) -> None:
    assert main(["report", "--out", str(out), *args]) == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_lao_report_matches_golden(tmp_path, update_golden, fmt) -> None:  # type: ignore[no-untyped-def]
    """Re-record with `pytest tests/test_reports.py --update-golden` and review the diff."""
    _report(tmp_path, "--format", fmt)
    produced = (tmp_path / f"la-report.{fmt}").read_text(encoding="utf-8")
    golden = GOLDEN / f"la-report.{fmt}"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8"), f"{golden} differs: re-record with --update-golden"


def test_report_default_writes_every_format_and_says_where(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 0
    out = capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"la-report.{f}" for f in sorted(FORMATS)]
    assert "wrote out/la-report.html" in out


def _heading(code: str, as_of: str | None = None) -> str:
    """A column's heading as the data gives it: the jurisdiction's name and its date."""
    run = Workspace.open().evaluate(code, dt.date.fromisoformat(as_of) if as_of else None)
    return f"{run.provenance.jurisdiction_name}, {long_date(run.provenance.as_of)}"


def test_matrix_default_shows_lao_beside_the_model_law(tmp_path, workspace) -> None:  # type: ignore[no-untyped-def]
    assert main(["matrix", "--out", str(tmp_path)]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "matrix.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["requirement", "theme", "title", _heading("la"), _heading("model")]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["csam-possession"][3:] == ["gap", "met"]
    assert set(by_id) == set(workspace.standards.requirements)
    sheet = openpyxl.load_workbook(tmp_path / "matrix.xlsx")["Gap matrix"]
    assert [c.value for c in sheet[1]][3:] == rows[0][3:]
    assert sheet.auto_filter.ref and sheet.freeze_panes == "D2"
    html = (tmp_path / "matrix.html").read_text(encoding="utf-8")
    assert 'href="#c1-csam-possession"' in html and 'id="c1-csam-possession"' in html


def test_matrix_columns_for_dates_and_drafts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = Path(__file__).parent.parent / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"
    args = ["matrix", "-j", "la", "--as-of", "2016-06-01", "--amendment", str(draft), "--format", "csv"]
    assert main([*args, "--out", str(tmp_path)]) == 0
    header = next(csv.reader(io.StringIO((tmp_path / "matrix.csv").read_text(encoding="utf-8"))))
    assert header[3:5] == [_heading("la"), _heading("la", "2016-06-01")]
    title = yaml.YAML(typ="safe").load(draft.read_text(encoding="utf-8"))["amendment"]["title"]
    assert header[5] == f"{_heading('la')}, with {title}"


def test_outputs_are_byte_identical_across_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for n in (1, 2):
        assert main(["matrix", "--out", str(tmp_path / str(n))]) == 0
        _report(tmp_path / str(n))
    for path in sorted((tmp_path / "1").iterdir()):
        assert path.read_bytes() == (tmp_path / "2" / path.name).read_bytes(), path.name


HOSTILE = '<script>alert("x")</script> {{ 7*7 }} & co'


def test_hostile_heading_renders_literally_in_every_format(jurisdiction, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction(
        {
            "act.yaml": f"""\
        instrument: {{title: Act, kind: law, source: test ¶1}}
        provisions:
          - id: art-1
            heading: '{HOSTILE}'
            source: test ¶1
            offences:
              - id: o
                conduct: [solicit_child]
                source: test ¶1
        """
        }
    )
    out = tmp_path / "out"
    assert main(["report", "--jurisdiction", str(folder), "--out", str(out)]) == 0
    html = (out / "tl-report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ 7*7 }} &amp; co" in html
    md = (out / "tl-report.md").read_text(encoding="utf-8")
    assert '\\<script\\>alert\\("x"\\)\\</script\\> {{ 7\\*7 }} \\& co' in md
    data = json.loads((out / "tl-report.json").read_text(encoding="utf-8"))
    grooming = next(f for f in data["findings"] if f["requirement"] == "grooming")
    assert grooming["provisions"][0]["heading"] == HOSTILE
    rows = list(csv.DictReader(io.StringIO((out / "tl-report.csv").read_text(encoding="utf-8"))))
    assert HOSTILE in next(r for r in rows if r["requirement"] == "grooming")["provisions"]


# Partials are rendered inside their pages and see the names the pages give them.
PARTIAL_NAMES = {
    "_finding.html": {"f", "rows", "suggestion"},
    "_suggestion.html": {"f", "suggestion"},
    "_suggestion.md": set(),  # a macro: the fix is an argument
    "_provisions.html": {"f", "rows"},
    "_status.html": {"status"},
    "_provenance.html": {"provenance"},
    "_criteria.html": set(),  # a macro: its tree is an argument
    "_criteria.md": set(),
}
PAGES = {
    "report.html": ReportContext,
    "report.md": ReportContext,
    "matrix.html": MatrixContext,
    "matrix.md": MatrixContext,
    "diff.html": DiffContext,
    "diff.md": DiffContext,
}


def _undeclared(env: jinja2.Environment, name: str) -> set[str]:
    from jinja2 import meta

    source = Path(TEMPLATES / name).read_text(encoding="utf-8")
    return set(meta.find_undeclared_variables(env.parse(source)))


def _needs(env: jinja2.Environment, page: str) -> set[str]:
    """The names a page uses, itself or through the partials it includes."""
    text = Path(TEMPLATES / page).read_text(encoding="utf-8")
    partials = set().union(*(PARTIAL_NAMES[p] for p in PARTIAL_NAMES if p in text))
    return (_undeclared(env, page) | partials) - set(env.globals)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_pages_use_only_keys_their_context_defines(page) -> None:  # type: ignore[no-untyped-def]
    env = environment(autoescape=page.endswith(".html"))
    names = {f for f in PAGES[page].__dataclass_fields__}
    assert _undeclared(env, page) - set(env.globals) - names == set(), f"{page} uses keys its context does not define"


@pytest.mark.parametrize("context", sorted(set(PAGES.values()), key=lambda c: c.__name__))
def test_every_context_key_is_used_by_one_of_its_pages(context) -> None:  # type: ignore[no-untyped-def]
    used = set().union(
        *(_needs(environment(autoescape=p.endswith(".html")), p) for p, c in PAGES.items() if c is context)
    )
    assert set(context.__dataclass_fields__) - used == set(), f"{context.__name__} has keys no template uses"


@pytest.mark.parametrize("partial", sorted(PARTIAL_NAMES))
def test_partials_use_only_the_names_pages_give_them(partial) -> None:  # type: ignore[no-untyped-def]
    env = environment(autoescape=True)
    assert _undeclared(env, partial) - set(env.globals) <= PARTIAL_NAMES[partial]


def test_every_template_is_checked() -> None:
    on_disk = {p.name for p in TEMPLATES.iterdir() if p.suffix in (".html", ".md")} - {"base.html"}
    assert on_disk == set(PAGES) | set(PARTIAL_NAMES)


def test_bad_input_writes_nothing(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "bad.yaml"
    draft.write_text(
        "amendment: {jurisdiction: la, title: t, date: 2026-01-01}\nchanges:\n  - repeal: la/nope/art-1\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["report", "--amendment", str(draft), "--out", str(out)]) == 2
    assert not out.exists()
    assert "bad.yaml:3:" in capsys.readouterr().err


def test_failed_rendering_leaves_the_existing_report_untouched(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _report(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setattr(publish, "report_csv", lambda ev: (_ for _ in ()).throw(RuntimeError("boom")))
    assert main(["report", "--out", str(tmp_path)]) == 70  # an internal error, in one line
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
