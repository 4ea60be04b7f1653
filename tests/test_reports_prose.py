"""The report reads as a legal analyst writes: no identifiers, vocabulary keys or underscores in its prose.

Identifiers are allowed only where a reader expects a reference: in code
elements, in the discreet reference cells (class `ref`) and in attributes
(anchors, links). The forbidden tokens come from the data: every instrument
and provision id of every corpus, every requirement id, every vocabulary key
that is not a plain word. And a provision appears once in a finding's table, whatever it covers.
"""

import re
from enum import StrEnum
from html.parser import HTMLParser

import pytest

from gapcheck import vocab
from gapcheck.cli import main
from gapcheck.readings import contests
from gapcheck.workspace import Workspace

SKIPPED = {"code", "style", "script"}
VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "source"}


class Visible(HTMLParser):
    """The text a reader sees, outside code, reference cells and attributes; and each finding's table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.stack: list[bool] = []  # per open element: does it hide its content?
        self.findings: dict[str, list[str]] = {}  # finding id -> reference of each row in its table
        self.finding: str | None = None
        self.in_ref_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "article" and (a.get("id") or "").startswith("req-"):
            self.finding = str(a["id"])
            self.findings[self.finding] = []
        if tag == "td" and "ref" in classes and self.finding is not None:
            self.in_ref_cell = True
            self.findings[self.finding].append("")
        if tag not in VOID:
            self.stack.append(tag in SKIPPED or "ref" in classes)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()
        if tag == "td":
            self.in_ref_cell = False

    def handle_data(self, data: str) -> None:
        if self.in_ref_cell and self.finding is not None:
            self.findings[self.finding][-1] += data.strip()
        if not any(self.stack):
            self.text.append(data)


def forbidden(workspace: Workspace) -> set[str]:
    """Identifiers that must not reach the prose, from the data."""
    tokens = {str(rid) for rid in workspace.standards.requirements if not str(rid).isalpha()}
    for enum in vars(vocab).values():
        if isinstance(enum, type) and issubclass(enum, StrEnum):
            tokens |= {str(term.value) for term in enum if "_" in term.value}
    for code in ("la", "my", "model"):
        corpus = workspace.corpus(code, ())[0]
        tokens |= {f"{inst.id}/{p.id}" for inst in corpus.instruments for p in inst.model.provisions}
        tokens |= {inst.id for inst in corpus.instruments}
    return tokens


def leaks(text: str, tokens: set[str]) -> list[str]:
    """The forbidden tokens and underscore-joined words in a text, each with its context."""
    found = []
    for token in sorted(tokens):
        for m in re.finditer(rf"(?<![\w/-]){re.escape(token)}(?![\w/-])", text):
            found.append(text[max(0, m.start() - 60) : m.end() + 60])
    for m in re.finditer(r"\b[A-Za-z]+_\w+", text):
        found.append(text[max(0, m.start() - 60) : m.end() + 60])
    return found


def markdown_prose(md: str) -> str:
    """A Markdown report's visible text: code spans and link targets left out."""
    md = re.sub(r"`[^`]*`", " ", md)
    return re.sub(r"\]\([^)]*\)", "]", md)


def markdown_tables(md: str) -> dict[str, list[str]]:
    """Each finding's table rows, by the finding's heading: the reference (last) cell of each."""
    out: dict[str, list[str]] = {}
    for section in re.split(r"\n(?=### )", md)[1:]:
        heading = section.splitlines()[0]
        cells = [line.rstrip("|").rsplit("|", 1)[-1].strip() for line in section.splitlines() if line.startswith("| `")]
        out[heading] = cells
    return out


@pytest.fixture(scope="module", params=["la", "my", "model"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp(request.param)
    assert main(["report", "-j", request.param, "--out", str(out), "--format", "html,md"]) == 0
    html = (out / f"{request.param}-report.html").read_text(encoding="utf-8")
    return html, (out / f"{request.param}-report.md").read_text(encoding="utf-8")


def test_html_prose_has_no_identifiers(rendered: tuple[str, str], workspace: Workspace) -> None:
    page = Visible()
    page.feed(rendered[0])
    text = re.sub(r"\s+", " ", "".join(page.text))
    assert "article" in text.lower() or "section" in text.lower()  # the findings are there to read
    assert leaks(text, forbidden(workspace)) == []


def test_markdown_prose_has_no_identifiers(rendered: tuple[str, str], workspace: Workspace) -> None:
    assert leaks(re.sub(r"\s+", " ", markdown_prose(rendered[1])), forbidden(workspace)) == []


def test_a_provision_is_listed_once_in_a_findings_table(rendered: tuple[str, str]) -> None:
    page = Visible()
    page.feed(rendered[0])
    assert any(page.findings.values())
    for tables in (page.findings, markdown_tables(rendered[1])):
        twice = {f: sorted({r for r in rows if rows.count(r) > 1}) for f, rows in tables.items()}
        assert {f: r for f, r in twice.items() if r} == {}


def test_the_check_finds_what_it_looks_for(workspace: Workspace) -> None:
    """The detectors themselves: a provision id, a vocabulary key and a repeated row are caught."""
    tokens = forbidden(workspace)
    assert "la/law-on-children-2007/art-86" in tokens and "isp_blocking_power" in tokens
    assert leaks("covers it: la/law-on-children-2007/art-86 (disseminate)", tokens)
    assert leaks("the law has an isp_blocking_power", tokens)
    assert not leaks("article 86 of the Law on the Protection of the Rights and Interests of Children", tokens)
    page = Visible()
    page.feed(
        '<article id="req-x"><p>visible</p><code>la/a/b</code><table><tr><td class="ref"><code>p</code></td></tr>'
        '<tr><td class="ref"><code>p</code></td></tr></table></article>'
    )
    assert page.findings == {"req-x": ["p", "p"]} and "".join(page.text) == "visible"


def test_visible_text_leaves_out_attributes_and_reference_cells() -> None:
    page = Visible()
    page.feed('<p title="sell_child">a<span class="rid ref">sale-any-purpose</span><a href="#req-x">b</a></p>')
    assert "".join(page.text) == "ab"


@pytest.mark.parametrize("pins", [(), ("report-2017",)])
def test_check_header_words_contested_facts_with_the_reading_names_as_hints(
    pins: tuple[str, ...], workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` names each contested fact and reading in words; an id only where `--reading` takes it."""
    assert main(["check", *(a for p in pins for a in ("--reading", p))]) == 0
    header = capsys.readouterr().out.split("\n\n", 1)[0]
    corpus = workspace.corpus("la", ())[0]
    explored = workspace.evaluate("la", None, (), pins).evaluation.explored
    live = [c for c in contests(corpus) if c.name in explored]
    names = {ch.reading for c in contests(corpus) for ch in c.choices}
    assert live and all(f"--reading {ch.reading}: " in header for c in live for ch in c.choices)
    assert all(f"(--reading {p}): " in header for p in pins)
    facts = {c.name.rpartition(" ")[2] for c in contests(corpus)}  # the contested facts' own ids
    prose = re.sub(r"--reading [\w-]+", " ", header)
    assert leaks(prose, forbidden(workspace) | names | facts) == []
