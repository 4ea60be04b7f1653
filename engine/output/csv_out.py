"""CSV of the gap report and of the gap matrix, every cell safe to open in a spreadsheet.

A cell that begins with = + - @, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula; OWASP's advice is to prefix such
a cell with an apostrophe, which is what `neutralise` does to every cell.
"""

import csv
import io
from collections.abc import Iterable

from gapcheck.evaluate import Evaluation
from gapcheck.output.templates import MatrixContext, SuggestionView, suggestion_cells

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """The cell as text that no spreadsheet reads as a formula."""
    text = str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return out.getvalue()


def report_csv(ev: Evaluation, suggestion: SuggestionView | None = None) -> str:
    """One row per requirement: status, theme, standards, provisions, recommendations; with `--suggest`, the
    suggested change and its verified effect."""
    header = ["requirement", "status", "theme", "title", "standards", "recommendations", "provisions", "explanation"]
    extra = ["suggested change", "verified effect"] if suggestion else []
    rows = [
        [
            f.requirement,
            f.shown,
            f.theme,
            f.title,
            "; ".join(f"{s.instrument} {s.pinpoint}" for s in f.standards),
            "; ".join(f.recommendations),
            "; ".join(f"{p.id}: {p.heading} ({p.role})" for p in f.provisions),
            " ".join(f.explanation),
            *(suggestion_cells(suggestion, f.requirement) if suggestion else []),
        ]
        for f in ev.findings
    ]
    return _csv([[*header, *extra], *rows])


def matrix_csv(ctx: MatrixContext) -> str:
    """One row per requirement, one column per column-spec."""
    header = ["requirement", "theme", "title", *(c.heading for c in ctx.columns)]
    rows = [
        [row.requirement, row.theme, row.title, *(c.findings[row.requirement].shown for c in ctx.columns)]
        for row in ctx.rows
    ]
    rows += [[row.requirement, row.theme, row.title, *ctx.not_shown(row)] for row in ctx.hidden]
    return _csv([header, *rows])
