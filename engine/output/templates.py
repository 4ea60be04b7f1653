"""Render findings through the Jinja templates (the user's first, then reports/), one typed context per template.

HTML autoescapes everything (statute text may hold `<`, `&` and `{{`);
undefined names fail loudly. Markdown output escapes every value with the `md` filter.
"""

import re
from dataclasses import dataclass, fields

import jinja2

from gapcheck import config
from gapcheck.diff import Change
from gapcheck.evaluate import Evaluation
from gapcheck.findings import Finding
from gapcheck.paths import template_loader
from gapcheck.provenance import Provenance
from gapcheck.rules.terms import OUTCOME_WORDS, words
from gapcheck.rules.tree import COMBINE_WORDS
from gapcheck.vocab import THEME_TITLES, Theme

STATUSES = ("met", "partial", "gap", "unknown")


@dataclass(frozen=True)
class ThemeSection:
    """One theme of the report: its findings and their counts."""

    theme: str
    title: str
    counts: dict[str, int]
    findings: list[Finding]


@dataclass(frozen=True)
class StatedUnknown:
    """A fact a source says is not known."""

    about: str
    source: str
    scope: str
    provision: str | None
    requirements: list[str]


@dataclass(frozen=True)
class ReportContext:
    """Everything report.md and report.html may use."""

    title: str
    summary: dict[str, int]
    sections: list[ThemeSection]
    open_questions: list[Finding]
    stated_unknowns: list[StatedUnknown]
    provenance: Provenance
    hidden: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Column:
    """One column of the matrix: a jurisdiction, on a date, possibly amended."""

    key: str
    label: str
    provenance: Provenance
    findings: dict[str, Finding]


@dataclass(frozen=True)
class MatrixRow:
    """One requirement across the columns."""

    requirement: str
    title: str
    theme: str


@dataclass(frozen=True)
class MatrixContext:
    """Everything matrix.md and matrix.html may use."""

    title: str
    columns: list[Column]
    rows: list[MatrixRow]
    theme_titles: dict[str, str]
    hidden: tuple[MatrixRow, ...] = ()

    def not_shown(self, row: MatrixRow) -> list[str]:
        """The cells of a row left out by --binding-only: said, not dropped, in tabular formats."""
        return [f"not shown (binds: {c.findings[row.requirement].binds})" for c in self.columns]


@dataclass(frozen=True)
class DiffContext:
    """Everything diff.md and diff.html may use."""

    title: str
    changes: list[Change]
    baseline: Provenance
    amended: Provenance
    counts: dict[str, int]
    before: dict[str, int]
    after: dict[str, int]


def environment(autoescape: bool) -> jinja2.Environment:
    """The template environment: StrictUndefined, escaping HTML when asked."""
    env = jinja2.Environment(
        loader=template_loader(config.active().templates),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_cell
    env.globals["STATUSES"] = STATUSES
    env.globals["OUTCOME_WORDS"] = OUTCOME_WORDS
    env.globals["COMBINE_WORDS"] = COMBINE_WORDS
    env.filters["words"] = words
    return env


_LINE_BREAKS = re.compile("\r\n?|[\n\v\f\x85\u2028\u2029]")
_INLINE = re.compile(r"([\\`*_\[\]()!<>|~&])")  # every CommonMark/GFM inline metacharacter
_BLOCK_START = re.compile(r"^([-+=#>])|^(\d+)([.)])")  # a list, heading, quote or setext line


def md_cell(value: object) -> str:
    """Text safe anywhere in one Markdown line or table cell: no markup, links, images, HTML or line breaks."""
    text = _LINE_BREAKS.sub(" ", str(value)).strip()
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(0) if m.group(1) else m.group(2) + "\\" + m.group(3), text)


def render(template: str, context: object) -> str:
    """Render a template with a context dataclass's fields as its names."""
    env = environment(autoescape=template.endswith(".html"))
    names = {f.name: getattr(context, f.name) for f in fields(context)}  # type: ignore[arg-type]
    return env.get_template(template).render(**names)


def report_context(ev: Evaluation, provenance: Provenance, stated: list[StatedUnknown]) -> ReportContext:
    """The gap report's context, themes in the catalogue's order."""
    sections = []
    for theme in Theme:
        found = [f for f in ev.findings if f.theme == theme.value]
        if found:
            counts = {s: sum(1 for f in found if f.status.value == s) for s in STATUSES}
            sections.append(ThemeSection(theme.value, THEME_TITLES[theme], counts, found))
    title = f"Gap report: {provenance.jurisdiction_name}"
    return ReportContext(
        title,
        ev.summary(),
        sections,
        [f for f in ev.findings if f.status.value == "unknown"],
        stated,
        provenance,
        ev.hidden,
    )
