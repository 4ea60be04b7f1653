"""CSV of the gap report and of the gap matrix, every cell safe to open in a spreadsheet.

A cell that begins with = + - @, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula; OWASP's advice is to prefix such
a cell with an apostrophe, which is what `neutralise` does to every cell.
"""

import csv
import io
from collections.abc import Iterable

from gapcheck.evaluate import Evaluation
from gapcheck.output.templates import MatrixContext

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """The cell as text that no spreadsheet reads as a formula."""
    text = str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def _writer(out: io.StringIO) -> "_SafeWriter":
    return _SafeWriter(csv.writer(out, lineterminator="\n"))


class _SafeWriter:
    """A csv writer that neutralises every cell it writes."""

    def __init__(self, writer: "csv._writer"):
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralise(c) for c in row])


def report_csv(ev: Evaluation) -> str:
    """One row per requirement: status, theme, standards, provisions, recommendations."""
    out = io.StringIO()
    writer = _writer(out)
    writer.writerow(
        ["requirement", "status", "theme", "title", "standards", "recommendations", "provisions", "explanation"]
    )
    for f in ev.findings:
        writer.writerow(
            [
                f.requirement,
                f.status.value,
                f.theme,
                f.title,
                "; ".join(f"{s.instrument} {s.pinpoint}" for s in f.standards),
                "; ".join(f.recommendations),
                "; ".join(f"{p.id}: {p.heading} ({p.role})" for p in f.provisions),
                " ".join(f.explanation),
            ]
        )
    return out.getvalue()


def matrix_csv(ctx: MatrixContext) -> str:
    """One row per requirement, one column per column-spec."""
    out = io.StringIO()
    writer = _writer(out)
    writer.writerow(["requirement", "theme", "title", *(c.label for c in ctx.columns)])
    for row in ctx.rows:
        writer.writerow(
            [row.requirement, row.theme, row.title, *(c.findings[row.requirement].status.value for c in ctx.columns)]
        )
    return out.getvalue()
