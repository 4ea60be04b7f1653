"""Render findings through the Jinja templates (the user's first, then reports/), one typed context per template.

HTML autoescapes everything (statute text may hold `<`, `&` and `{{`);
undefined names fail loudly. Markdown output escapes every value with the `md` filter (and `cite`, which
also links citations). A user's templates folder (`--templates DIR`) overrides any template by name.
"""

import ast
import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

import jinja2
from markupsafe import Markup

from gapcheck import config
from gapcheck.diff import Change
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.evaluate import Evaluation
from gapcheck.findings import Finding, ProvisionRef
from gapcheck.load import Corpus
from gapcheck.output import charts
from gapcheck.output.links import TREATIES, citation_url, citations, linkify, segments
from gapcheck.paths import TEMPLATES, template_loader
from gapcheck.prose import join, label, name_requirements
from gapcheck.provenance import Provenance
from gapcheck.rules.terms import OUTCOME_WORDS, Role
from gapcheck.rules.tree import COMBINE_WORDS
from gapcheck.suggest.effect import SuggestedFix, SuggestionReport
from gapcheck.vocab import THEME_TITLES, Theme

STATUSES = ("met", "partial", "gap", "unknown")
MONTHS = ("January February March April May June July August September October November December").split()


def long_date(iso: str) -> str:
    """16 November 2017 for 2017-11-16 (a year or a year-month stays as it is)."""
    parts = iso.split("-")
    if len(parts) != 3:
        return iso
    return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


@dataclass(frozen=True)
class Deliverable:
    """Who issues the report and when: printed only when given, so unset changes nothing."""

    author: str | None = None
    organisation: str | None = None
    date: str | None = None

    @property
    def line(self) -> str:
        """Prepared by the author, the organisation, on the date; empty when nothing is set."""
        who = ", ".join(x for x in (self.author, self.organisation) if x)
        text = f"Prepared by {who}" if who else ""
        if self.date:
            text = (text + ", " if text else "Issued ") + long_date(self.date)
        return text + "." if text else ""


ANONYMOUS = Deliverable()


@dataclass(frozen=True)
class LawInfo:
    """An instrument as a reader cites it."""

    title: str
    year: str | None
    url: str | None

    @property
    def name(self) -> str:
        return self.title if not self.year or self.year in self.title else f"{self.title} ({self.year})"


def laws_of(corpus: Corpus) -> dict[str, LawInfo]:
    """Each instrument of a corpus by id, for citing its provisions."""
    out = {}
    for inst in corpus.instruments:
        meta = inst.model.instrument
        out[inst.id] = LawInfo(meta.title, str(meta.adopted)[:4] if meta.adopted else None, meta.url)
    return out


COVERING = (Role.satisfies, Role.partly_satisfies)


@dataclass(frozen=True)
class ProvisionRow:
    """One provision in a finding's table, however many of its offences the rules weighed."""

    ref: str
    citation: str
    heading: str
    roles: list[str]
    sources: list[str]
    url: str | None
    covers: str = ""  # the conducts its offences cover, in words


def provision_rows(
    refs: Iterable[ProvisionRef], laws: dict[str, LawInfo], titles: Mapping[str, str] | None = None
) -> list[ProvisionRow]:
    """The provisions of a finding, one row each, in the order the rules named them.

    `titles` (requirement id -> title) names the requirements a reference law's sources cite.
    """
    grouped: dict[str, list[ProvisionRef]] = {}
    for ref in refs:
        grouped.setdefault(ref.id, []).append(ref)
    rows = []
    for pid, group in grouped.items():
        first = group[0]
        law = laws.get(pid.rsplit("/", 1)[0])
        where = f"Article {first.article}" if first.article else first.heading
        citation = f"{where}, {law.name}" if law else where
        rows.append(
            ProvisionRow(
                pid,
                citation,
                first.heading,
                list(dict.fromkeys(r.role for r in group)),
                list(dict.fromkeys(name_requirements(r.source, titles or {}) for r in group)),
                law.url if law else None,
                join([label("conduct", c) for c in sorted({c for r in group if r.role in COVERING for c in r.covers})]),
            )
        )
    return rows


_READING_SOURCE = re.compile(r"\[([^\[\]]+)\]")  # a reading's alternative ends with its source label in brackets


@dataclass(frozen=True)
class SourceEntry:
    """A document the report relies on and what it was used for."""

    document: str
    url: str | None
    uses: list[str]


def sources_of(
    findings: list[Finding], rows: dict[str, list[ProvisionRow]], stated: list["StatedUnknown"]
) -> list[SourceEntry]:
    """Every document cited, with the uses each pinpoint in it was put to, in order of first use."""
    uses: dict[str, dict[str, dict[str, None]]] = {}

    def note(doc: str, pin: str, use: str) -> None:
        uses.setdefault(doc, {}).setdefault(pin, {})[use] = None

    def cited(cite: str, use: str) -> None:
        found = citations(cite)
        if not found:  # a source the link table does not know: listed by its own words
            note(cite, "", use)
        for doc, pin in found:
            note(doc, pin, use)

    for f in findings:
        topic = f.title[0].lower() + f.title[1:]
        for s in f.standards:
            note(s.instrument, s.pinpoint, f"standard on {topic}")
        if f.benchmark:
            cited(f.benchmark, f"benchmark for {topic}")
        for r in f.recommendations:
            cited(r, f"recommendation on {topic}")
        for row in rows[f.requirement]:
            for cite in row.sources:
                cited(cite, row.citation)
        for o in f.readings if f.depends else []:  # the sources of contested facts, cited in "met if ..."
            for cite in _READING_SOURCE.findall(" ".join(o.when)):
                cited(cite, f"contested fact behind {topic}")
    for u in stated:
        cited(u.source, f"not known: {u.about}")
    return [
        SourceEntry(
            doc,
            TREATIES.get(doc) or citation_url(doc),
            [(f"{pin}: " if pin else "") + "; ".join(used) for pin, used in pins.items()],
        )
        for doc, pins in uses.items()
    ]


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
class SuggestionView:
    """The suggestion a report carries (`--suggest`): the fix of each gap and partial shown, and the laws' names."""

    report: SuggestionReport
    fixes: dict[str, SuggestedFix]
    laws: dict[str, LawInfo]


def suggestion_view(report: SuggestionReport, laws: dict[str, LawInfo]) -> SuggestionView:
    return SuggestionView(report, {f.requirement: f for f in report.fixes}, laws)


def article_name(article: str) -> str:
    """An article number as a lawyer cites it: `86 bis` -> `Article 86 bis`, `s. 14` -> `section 14`,
    `s. 375(g), s. 376` -> `sections 375(g), 376` (a section number as the statute files write it)."""
    if not article.startswith(("s. ", "ss. ")):
        return f"Article {article}"
    parts = re.split(r"\b(ss?\. )", article)[1:]  # [mark, text, mark, text, ...]
    numbers = "".join(text for text in parts[1::2])
    several = len(parts) > 2 or parts[0] == "ss. "
    return ("sections " if several else "section ") + numbers


def suggestion_cells(view: SuggestionView, requirement: str) -> list[str]:
    """The suggested change and its verified effect (or why none), as two plain-text cells of the report's CSV."""
    fix = view.fixes.get(requirement)
    if fix is None:
        return ["", ""]
    with user_errors():
        say = environment(autoescape=False).get_template("_suggestion.txt").module
        change, effect = (_macro(say, "change_cell"), _macro(say, "effect_cell"))
        return [str(change(fix, view.laws)).strip(), str(effect(fix, view.report)).strip()]


def _macro(module: jinja2.environment.TemplateModule, name: str) -> jinja2.runtime.Macro:
    """A template's macro, called from Python: one it lacks is the same error as in a template (`say.name`)."""
    found = getattr(module, name, None)
    if not isinstance(found, jinja2.runtime.Macro):
        raise jinja2.UndefinedError(f"the template {module.__name__!r} does not define {name!r}")
    return found


@dataclass(frozen=True)
class ReportContext:
    """Everything report.md and report.html may use."""

    title: str
    summary: dict[str, int]
    sections: list[ThemeSection]
    open_questions: list[Finding]
    stated_unknowns: list[StatedUnknown]
    provenance: Provenance
    rows: dict[str, list[ProvisionRow]]
    sources: list[SourceEntry]
    chart: Markup
    meta: Deliverable
    running_head: str
    hidden: tuple[Finding, ...] = ()
    suggestion: SuggestionView | None = None


@dataclass(frozen=True)
class Column:
    """One column of the matrix: a jurisdiction, on a date, possibly amended."""

    key: str
    label: str
    provenance: Provenance
    findings: dict[str, Finding]
    name: str = ""
    date: str = ""
    draft: str | None = None

    @property
    def heading(self) -> str:
        """The column as a reader names it: the country, the date, the draft's title."""
        parts = [self.name or self.label, long_date(self.date) if self.date else ""]
        return ", ".join(p for p in parts if p) + (f", with {self.draft}" if self.draft else "")


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
    totals: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    chart: Markup = Markup("")
    meta: Deliverable = ANONYMOUS

    hidden: tuple[MatrixRow, ...] = ()

    def not_shown(self, row: MatrixRow) -> list[str]:
        """The cells of a row left out by --binding-only: said, not dropped, in tabular formats."""
        return [f"not shown (binds: {c.findings[row.requirement].binds})" for c in self.columns]


def matrix_totals(columns: list[Column], rows: list[MatrixRow]) -> dict[str, dict[str, dict[str, int]]]:
    """Status counts per theme (and "all") per column key."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for theme in [*dict.fromkeys(r.theme for r in rows), "all"]:
        picked = [r for r in rows if theme in ("all", r.theme)]
        out[theme] = {
            c.key: {s: sum(1 for r in picked if c.findings[r.requirement].status.value == s) for s in STATUSES}
            for c in columns
        }
    return out


def matrix_chart(columns: list[Column], rows: list[MatrixRow]) -> Markup:
    """The matrix as a heat map: a cell per requirement and column."""
    heat = [
        charts.HeatRow(
            r.requirement,
            r.title,
            [c.findings[r.requirement].status.value for c in columns],
            [c.findings[r.requirement].shown for c in columns],
        )
        for r in rows
    ]
    return charts.heat_map(
        "heat", "Status of each requirement in each column", [c.name or c.label for c in columns], heat
    )


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
    chart: Markup = Markup("")
    meta: Deliverable = ANONYMOUS


def diff_chart(before: dict[str, int], after: dict[str, int]) -> Markup:
    """Status counts without and with the draft, as two bars."""
    bars = [charts.Bar("before", "Without the draft", before), charts.Bar("after", "With the draft", after)]
    return charts.status_bars("diffbars", "Requirements by status, without and with the draft", bars)


_LACKS = re.compile(  # Jinja's message for `{% from "x" import y %}`, and _Undefined's for `say.y`
    r"the template ('[^']*'|\"[^\"]*\") (?:\(imported on .*\) )?does not (?:define|export the requested name) "
)


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose message names the template a missing macro was asked of (`say.overview`).

    Jinja's own names only the type (`TemplateModule object`); the name tells whose template lacks it."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if isinstance(self._undefined_obj, jinja2.environment.TemplateModule) and not self._undefined_hint:
            return f"the template {self._undefined_obj.__name__!r} does not define {self._undefined_name!r}"
        return super()._undefined_message


def _lacking(err: Exception) -> str | None:
    """The template an error says lacks a name (`say.overview`, `{% from "x" import y %}`), if it says so."""
    found = _LACKS.match(err.message or "") if isinstance(err, jinja2.UndefinedError) else None
    return str(ast.literal_eval(found.group(1))) if found else None


def environment(autoescape: bool) -> jinja2.Environment:
    """The template environment: StrictUndefined, escaping HTML when asked."""
    env = _Environment(
        loader=template_loader(config.active().templates),
        autoescape=autoescape,
        undefined=_Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one render per environment: an include need not test its file (a matrix has 11,000)
    )
    env.filters["md"] = md_cell
    env.filters["cite"] = linkify if autoescape else md_cite
    env.filters["long_date"] = long_date
    env.globals["STATUSES"] = STATUSES
    env.globals["OUTCOME_WORDS"] = OUTCOME_WORDS
    env.globals["COMBINE_WORDS"] = COMBINE_WORDS
    env.filters["article"] = article_name
    env.globals["plain"] = str  # a value for HTML: autoescape escapes it
    env.globals["md_text"] = md_cell
    env.globals["cite_text"] = env.filters["cite"]  # citations as links, escaped for the format
    return env


_LINE_BREAKS = re.compile("\r\n?|[\n\v\f\x85\u2028\u2029]")
_INLINE = re.compile(r"([\\`*_\[\]()!<>|~&])")  # every CommonMark/GFM inline metacharacter
_BLOCK_START = re.compile(r"^([-+=#>])|^(\d+)([.)])")  # a list, heading, quote or setext line


def md_cell(value: object) -> str:
    """Text safe anywhere in one Markdown line or table cell: no markup, links, images, HTML or line breaks."""
    text = _LINE_BREAKS.sub(" ", str(value)).strip()
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(0) if m.group(1) else m.group(2) + "\\" + m.group(3), text)


def md_cite(value: object, url: str | None = None) -> str:
    """Like `md`, with each citation in the text a Markdown link."""
    text = _LINE_BREAKS.sub(" ", str(value)).strip()
    out = "".join(f"[{_md_inline(part)}]({href})" if href else _md_inline(part) for part, href in segments(text, url))
    return _BLOCK_START.sub(lambda m: "\\" + m.group(0) if m.group(1) else m.group(2) + "\\" + m.group(3), out)


def _md_inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def render(template: str, context: object) -> str:
    """Render a template with a context dataclass's fields as its names."""
    env = environment(autoescape=template.endswith(".html"))
    names = {f.name: getattr(context, f.name) for f in fields(context)}  # type: ignore[arg-type]
    with user_errors():
        return env.get_template(template).render(**names)


@contextmanager
def user_errors() -> Iterator[None]:
    """Around loading or running templates: an error in the user's own template is their input (InputError at its
    file and line, so nothing is written); any other propagates as it is (one in a bundled template is a bug)."""
    try:
        yield
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - one in the user's own template is their input; any other, a bug
        # An OSError is the system's; but jinja2.TemplateNotFound is one too: a name no folder has (`{% include %}`)
        system = isinstance(err, OSError) and not isinstance(err, jinja2.TemplateNotFound)
        problem = None if system else _in_user_template(err)
        if problem is None:
            raise
        raise InputError([problem]) from None


def _in_user_template(err: Exception) -> Problem | None:
    """Where in the user's templates (`--templates`) an error lies, if it lies there: bad input, not a bug.

    A Jinja error (syntax, an undefined name), or any other a template's own expression raises (`{{ 1/0 }}`), in
    the line of the user's template that raised it; else a macro a user's template lacks and a bundled one calls,
    at its first line; else one of the user's macros that gapcheck calls with arguments it does not take, at its
    definition."""
    user = config.active().templates
    if user is None:
        return None
    folder = os.path.join(os.path.abspath(user), "")
    located = [(err.filename, err.lineno)] if isinstance(err, jinja2.TemplateSyntaxError) else []
    tb = err.__traceback__
    while tb is not None:
        located.append(_template_line(tb))
        tb = tb.tb_next
    for filename, line in reversed(located):
        if filename and os.path.abspath(filename).startswith(folder):
            what = (getattr(err, "message", None) or str(err)) if isinstance(err, jinja2.TemplateError) else repr(err)
            if isinstance(err, jinja2.TemplateNotFound):
                what = f"no template {what!r}, in your templates or gapcheck's"
            message = f"template error: {what}: correct your template (or remove it to use the bundled one)"
            return Problem(display_path(Path(filename)), line or 1, 1, message)
    lacking = _lacking(err)
    if lacking is not None and (Path(user) / lacking).is_file():
        what = f"{err}, which gapcheck calls"
        message = f"template error: {what}: define it (or remove your template to use the bundled one)"
        return Problem(display_path(Path(user) / lacking), 1, 1, message)
    called = _defined_at(getattr(err, _REFUSED, None) or _refusing(err))
    if called is not None and os.path.abspath(called[0]).startswith(folder):
        what = f"{err}, as gapcheck calls it"
        message = f"template error: {what}: take the bundled one's arguments (or remove your template to use it)"
        return Problem(display_path(Path(called[0])), called[1], 1, message)
    return None


def _refusing(err: BaseException | None) -> jinja2.runtime.Macro | None:
    """The macro that refused its call's arguments: Jinja raises a TypeError in the macro's `__call__` (the
    innermost frame), before the macro's body runs, so that no frame is the template's."""
    tb = err.__traceback__ if isinstance(err, TypeError) else None
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    macro = tb.tb_frame.f_locals.get("self") if tb is not None else None
    return macro if isinstance(macro, jinja2.runtime.Macro) else None


def _defined_at(macro: jinja2.runtime.Macro | None) -> tuple[str, int] | None:
    """The file and line where a macro is defined, if it is defined in a template file."""
    if macro is None:
        return None
    template = macro._func.__globals__.get("__jinja_template__")
    if not isinstance(template, jinja2.Template) or not template.filename:
        return None
    return template.filename, template.get_corresponding_lineno(macro._func.__code__.co_firstlineno)


_REFUSED = "gapcheck_refused_by"  # the attribute of an error that keeps the macro refusing its call (`_Environment`)


class _Environment(jinja2.Environment):
    """Jinja's environment, keeping on a TypeError the macro that refused its call's arguments (`_refusing`), which
    a bundled template's call of a user's macro gives: Jinja's rewrite of the traceback for a render drops the
    macro's `__call__` frame (it is Jinja's internal code)."""

    def handle_exception(self, source: str | None = None) -> NoReturn:
        err = sys.exc_info()[1]
        macro = _refusing(err)
        if macro is not None:
            setattr(err, _REFUSED, macro)
        super().handle_exception(source)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """A template's attribute; one of the macros the bundled template of that name defines, which a user's
        template of that name sets to a value instead (`{% set overview = "x" %}`), is undefined, as a macro it
        lacks is: calling it is the user's error, located in their template, not a value that is not callable."""
        found = super().getattr(obj, attribute)
        if (
            isinstance(obj, jinja2.environment.TemplateModule)
            and not isinstance(found, (jinja2.runtime.Macro, jinja2.Undefined))
            and attribute in _bundled_macros(obj.__name__)
        ):
            hint = f"the template {obj.__name__!r} does not define {attribute!r} as a macro"
            return self.undefined(obj=obj, name=attribute, hint=hint)
        return found


@functools.cache
def _bundled_macros(name: str | None) -> frozenset[str]:
    """The names of the macros the bundled template `name` defines (none if there is no such template)."""
    path = TEMPLATES / name if name else None
    if path is None or not path.is_file():
        return frozenset()
    tree = jinja2.Environment().parse(path.read_text(encoding="utf-8"))
    return frozenset(macro.name for macro in tree.find_all(jinja2.nodes.Macro))


def _template_line(tb: TracebackType) -> tuple[str, int]:
    """The file and line a traceback entry is at: in a template's compiled code, the template's own line.

    Jinja rewrites a render's frames to the template's lines itself, but not those of a macro Python calls
    (`suggestion_cells`): these still run the compiled code, which knows its template."""
    template = tb.tb_frame.f_globals.get("__jinja_template__")
    if isinstance(template, jinja2.Template) and template.filename:
        return template.filename, template.get_corresponding_lineno(tb.tb_lineno)
    return tb.tb_frame.f_code.co_filename, tb.tb_lineno


def report_context(
    ev: Evaluation,
    provenance: Provenance,
    stated: list[StatedUnknown],
    laws: dict[str, LawInfo],
    meta: Deliverable = ANONYMOUS,
    suggestion: SuggestionView | None = None,
) -> ReportContext:
    """The gap report's context, themes in the catalogue's order; with the suggested changes when given."""
    sections = []
    for theme in Theme:
        found = [f for f in ev.findings if f.theme == theme.value]
        if found:
            counts = {s: sum(1 for f in found if f.status.value == s) for s in STATUSES}
            sections.append(ThemeSection(theme.value, THEME_TITLES[theme], counts, found))
    title = f"Gap report: {provenance.jurisdiction_name}"
    titles = {f.requirement: f.title for f in ev.findings}
    rows = {f.requirement: provision_rows(f.provisions, laws, titles) for f in ev.findings}
    bars = [charts.Bar(s.theme, s.title, s.counts) for s in sections]
    chart = charts.status_bars("themes", "Requirements by status in each theme", bars)
    head = f"{provenance.jurisdiction_name}, law in force on {long_date(provenance.as_of)}"
    return ReportContext(
        title,
        ev.summary(),
        sections,
        [f for f in ev.findings if f.status.value == "unknown"],
        stated,
        provenance,
        rows,
        sources_of(ev.findings, rows, stated),
        chart,
        meta,
        head,
        ev.hidden,
        suggestion,
    )
