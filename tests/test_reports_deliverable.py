"""What makes a report a deliverable: charts that match the data, a byline, accessible tables, own templates."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.output.charts import STATUSES
from tests.conftest import ROOT

DRAFT = Path(__file__).parent.parent / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"


def _bars(svg: str) -> dict[str, dict[str, int]]:
    """The counts a bar chart draws: {group: {status: count}}."""
    out: dict[str, dict[str, int]] = {}
    for group, body in re.findall(r'<g data-group="([^"]+)">(.*?)</g>', svg, re.S):
        counts = {s: 0 for s in STATUSES}
        for status, count in re.findall(r'data-status="(\w+)" data-count="(\d+)"', body):
            counts[status] += int(count)
        out[group] = counts
    return out


def _svg(html: str, chart_id: str) -> str:
    found = re.search(rf'<svg class="chart" id="{chart_id}".*?</svg>', html, re.S)
    assert found, f"no chart {chart_id}"
    return found.group(0)


@pytest.fixture(scope="module")
def lao(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("lao")
    assert main(["report", "--out", str(out), "--format", "html,json"]) == 0
    html = (out / "la-report.html").read_text(encoding="utf-8")
    return html, json.loads((out / "la-report.json").read_text(encoding="utf-8"))


def test_the_theme_chart_draws_the_counts_of_the_json(lao) -> None:  # type: ignore[no-untyped-def]
    html, data = lao
    expected: dict[str, dict[str, int]] = {}
    for f in data["findings"]:
        expected.setdefault(f["theme"], {s: 0 for s in STATUSES})[f["status"]] += 1
    assert _bars(_svg(html, "themes")) == expected


def test_charts_are_accessible_and_do_not_rely_on_colour(lao) -> None:  # type: ignore[no-untyped-def]
    svg = _svg(lao[0], "themes")
    assert 'role="img"' in svg and "<title " in svg and "<desc " in svg
    patterns = re.findall(r'<pattern id="themes-(\w+)".*?</pattern>', svg, re.S)
    assert patterns == list(STATUSES)
    bodies = re.findall(r'<pattern id="themes-\w+"[^>]*>(.*?)</pattern>', svg, re.S)
    assert len({re.sub(r'fill="#\w+"', "", b) for b in bodies}) == len(STATUSES), "patterns differ only in colour"
    # every drawn segment carries its count as text, and the description says it in words
    assert len(re.findall(r"<rect [^>]*data-status", svg)) == len(re.findall(r'aria-hidden="true">\d+[MPG?]<', svg))
    desc = re.search(r"<desc [^>]*>(.*?)</desc>", svg, re.S)
    assert desc
    for theme, counts in _bars(svg).items():
        assert all(f"{n} {s}" in desc.group(1) for s, n in counts.items() if n), theme
    assert "<script" not in lao[0] and 'href="http' not in svg


def test_the_matrix_heat_map_and_totals_match_the_csv(tmp_path: Path) -> None:
    assert main(["matrix", "--out", str(tmp_path), "--format", "html,csv"]) == 0
    html = (tmp_path / "matrix.html").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO((tmp_path / "matrix.csv").read_text(encoding="utf-8"))))
    heat = _svg(html, "heat")
    assert any("/" in cell for r in rows[1:] for cell in r[3:])  # la on its date: findings hang on the 2017 Code
    for n in range(len(rows[0]) - 3):
        drawn = re.findall(rf'data-status="(\w+)" data-count="1" data-column="{n}"', heat)
        # a contested cell ("gap/unknown", least favourable first) is drawn and counted as its least favourable status
        counted = [r[3 + n].split("/")[0] for r in rows[1:]]
        assert sorted(drawn) == sorted(counted)
        ranges = re.findall(rf'data-count="1" data-column="{n}" data-range="([\w/]+)"', heat)
        assert sorted(ranges) == sorted(r[3 + n] for r in rows[1:] if "/" in r[3 + n])
        totals = ", ".join(f"{counted.count(s)} {s}" for s in STATUSES)
        assert totals in html.split("<tfoot>")[1].split("</tfoot>")[0].split("<td")[n + 1]


def test_the_diff_chart_draws_before_and_after(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    main(["diff", "-a", str(DRAFT), "--format", "json", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    data = json.loads(out[out.index("{") :])
    bars = _bars(_svg((tmp_path / "diff.html").read_text(encoding="utf-8"), "diffbars"))
    assert bars == {"before": data["baseline"]["summary"], "after": data["amendment"]["summary"]}


def test_byline_only_when_given(tmp_path: Path) -> None:
    args = ["report", "--format", "html,md"]
    assert main([*args, "--out", str(tmp_path / "plain")]) == 0
    assert (
        main(
            [
                *args,
                "--out",
                str(tmp_path / "signed"),
                "--author",
                "A. Analyst",
                "--organisation",
                "ECPAT",
                "--date",
                "2026-03-01",
            ]
        )
        == 0
    )
    plain = (tmp_path / "plain" / "la-report.html").read_text(encoding="utf-8")
    assert "Prepared by" not in plain and "byline" not in plain.split("</style>")[1]
    for name in ("la-report.html", "la-report.md"):
        signed = (tmp_path / "signed" / name).read_text(encoding="utf-8")
        assert "Prepared by A. Analyst, ECPAT, 1 March 2026." in signed


def test_a_bad_date_line_is_a_usage_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", "--date", "March 2026", "--out", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists()
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["report", "matrix", "diff"])
def test_every_table_header_has_a_scope(command: str, tmp_path: Path) -> None:
    args = {
        "report": ["report", "--format", "html"],
        "matrix": ["matrix", "--format", "html"],
        "diff": ["diff", "-a", str(DRAFT)],
    }[command]
    main([*args, "--out", str(tmp_path)])
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    headers = re.findall(r"<th\b[^>]*>", html)
    assert headers and [h for h in headers if "scope=" not in h] == []


def test_own_templates_override_by_name_and_fall_back(tmp_path: Path) -> None:
    own = tmp_path / "brand"
    own.mkdir()
    (own / "_provenance.html").write_text("<footer>Published by the Example Coalition.</footer>\n", encoding="utf-8")
    assert main(["report", "--format", "html", "--templates", str(own), "--out", str(tmp_path / "out")]) == 0
    html = (tmp_path / "out" / "la-report.html").read_text(encoding="utf-8")
    assert "Published by the Example Coalition." in html
    assert "Computed by gapcheck" not in html
    assert '<section id="sources">' in html  # the built-in page around it


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("ok\n{% if %}\n", 2, "Expected an expression"),
        ("ok\n\n{{ no_such_name.x }}\n", 3, "'no_such_name' is undefined"),
        ("ok\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError('division by zero')"),
    ],
)
def test_an_error_in_own_templates_is_bad_input_located_in_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, said: str
) -> None:
    """A broken template of the user's is their input (file:line, exit 2, nothing written), not gapcheck's bug."""
    out = tmp_path / "out"
    err = _refused(tmp_path, capsys, "report.md", text, ["report", "--format", "md,json"])
    assert f"report.md:{line}:1: template error: " in err and said in err
    assert "internal error" not in err
    assert not out.exists()


def _refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | bytes, args: list[str]
) -> str:
    """What a report run with one template of the user's (`name`) says on stderr, once it has exited 2."""
    own = tmp_path / "brand"
    own.mkdir()
    if isinstance(content, bytes):
        (own / name).write_bytes(content)
    else:
        (own / name).write_text(content, encoding="utf-8")
    assert main([*args, "--templates", str(own), "--out", str(tmp_path / "out")]) == 2
    return capsys.readouterr().err


CALLED = (  # the two macros the CSV writer calls, one raising on line 3
    "{% macro effect_cell(fix, r) %}{% endmacro %}\n{% macro change_cell(fix, laws) %}\n{{ 1 / 0 }}{% endmacro %}\n"
)

# the bundled sentences, with the macros gapcheck calls (a bundled template, the CSV writer) then set to values
SET_TO_VALUES = (ROOT / "engine" / "reports" / "_suggestion.txt").read_text(encoding="utf-8") + (
    '{% set overview = "x" %}{% set change_cell = 1 %}\n'
)

NO_ARGUMENTS = (  # macros gapcheck calls (a bundled template, the CSV writer), each defined taking no arguments
    "{% macro effect_cell() %}{% endmacro %}\n{% macro overview() %}{% endmacro %}\n"
    "{% macro change_cell() %}{% endmacro %}\n"
)


@pytest.mark.parametrize(
    ("fmt", "text", "line", "said"),
    [
        ("csv", "ok\n{% if %}\n", 2, "Expected an expression"),
        ("csv", CALLED, 3, "ZeroDivisionError('division by zero')"),  # in a macro the CSV writer calls
        ("csv", CALLED.replace("1 / 0", "no_such_macro()"), 3, "'no_such_macro' is undefined"),
        ("csv", "nothing here\n", 1, "'_suggestion.txt' does not define 'change_cell', which gapcheck calls"),
        ("html", "nothing here\n", 1, "'_suggestion.txt' does not define 'overview', which gapcheck calls"),
        ("csv", NO_ARGUMENTS, 3, "macro 'change_cell' takes not more than 0 argument(s), as gapcheck calls it"),
        ("html", NO_ARGUMENTS, 2, "macro 'overview' takes not more than 0 argument(s), as gapcheck calls it"),
        ("md", SET_TO_VALUES, 1, "does not define 'overview' as a macro, which gapcheck calls"),
        ("html", SET_TO_VALUES, 1, "does not define 'overview' as a macro, which gapcheck calls"),
        ("csv", SET_TO_VALUES, 1, "'_suggestion.txt' does not define 'change_cell', which gapcheck calls"),
    ],
)
def test_an_error_in_own_suggestion_sentences_is_bad_input_located_in_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, text: str, line: int, said: str
) -> None:
    """`_suggestion.txt` is loaded as macros (by the CSV writer from Python, by the other templates with import):
    an error in the user's own is theirs, at its file and line, in every format that says the suggestion."""
    out = tmp_path / "out"
    err = _refused(tmp_path, capsys, "_suggestion.txt", text, ["report", "--suggest", "--format", f"{fmt},json"])
    assert f"_suggestion.txt:{line}:1: template error: " in err and said in err
    assert "internal error" not in err and "Traceback" not in err
    assert not out.exists()


def test_a_macro_own_templates_do_not_export_is_bad_input_located_in_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`{% from "_criteria.md" import criteria %}` in a bundled template, with the user's `_criteria.md` lacking it."""
    out = tmp_path / "out"
    err = _refused(
        tmp_path,
        capsys,
        "_criteria.md",
        "{% macro something_else() %}{% endmacro %}\n",
        ["report", "--format", "md,json"],
    )
    assert "_criteria.md:1:1: template error: " in err
    assert "does not export the requested name 'criteria', which gapcheck calls" in err
    assert "internal error" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("raw", "where", "said"),
    [
        (
            b"ok\n{% include 'no-such.md' %}\n",
            "report.md:2:1",
            "no template 'no-such.md', in your templates",
        ),  # TemplateNotFound is an OSError
        (b"ok\n{% extends 'no-such.md' %}\n", "report.md:2:1", "no template 'no-such.md', in your templates"),
        (b"ok\nbad \xff byte\n", "report.md:2:5", "not UTF-8 text"),  # located as in a data file
    ],
)
def test_a_template_own_templates_cannot_load_is_bad_input_located_in_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, where: str, said: str
) -> None:
    """A user's template that names a template no folder has, or is not UTF-8 text, is their input, not a bug."""
    out = tmp_path / "out"
    err = _refused(tmp_path, capsys, "report.md", raw, ["report", "--format", "md,json"])
    assert f"{where}: " in err and said in err
    assert "internal error" not in err
    assert not out.exists()


def test_an_own_template_over_the_size_limit_is_bad_input_not_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's template is read as a data file is: one over the size limit is refused at its first line."""
    from gapcheck import limits

    out = tmp_path / "out"
    err = _refused(tmp_path, capsys, "report.md", "x" * (limits.MAX_FILE_BYTES + 1), ["report", "--format", "md"])
    assert "report.md:1:1: " in err and "exceeds the limit" in err and "internal error" not in err
    assert not out.exists()
