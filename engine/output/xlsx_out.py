"""The gap matrix as a spreadsheet, byte-identical for the same input.

Every cell is stored as text, never as a formula: openpyxl would store a
title beginning with `=` as a live formula. A cell that a spreadsheet would
read as a formula on editing also gets Excel's quote prefix (OWASP's advice).
"""

import datetime as dt
import io
import re
import zipfile
from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gapcheck.output.csv_out import FORMULA_START
from gapcheck.output.templates import STATUSES, MatrixContext

FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "gap": "FFC7CE", "unknown": "EDEDED"}
FIXED = dt.datetime(2000, 1, 1)
_STAMP = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


LEGEND = {
    "met": "in-force provisions satisfy the requirement",
    "partial": "they satisfy part of it",
    "gap": "the law does not satisfy it, and the sources say so",
    "unknown": "the facts needed are not in the corpus",
}


def matrix_xlsx(ctx: MatrixContext) -> bytes:
    """A sheet of statuses (themes in order, filterable, headers frozen), a sheet of totals, a legend."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Gap matrix"
    sheet.append(["Requirement", "Theme", "Title", *(c.heading for c in ctx.columns)])
    styled: dict[str, Cell] = {}  # the first cell of each status: the others copy its style
    for row in ctx.rows:
        statuses = [c.findings[row.requirement].status.value for c in ctx.columns]
        shown = [c.findings[row.requirement].shown for c in ctx.columns]  # a contested cell shows its range
        sheet.append([row.requirement, ctx.theme_titles[row.theme], row.title, *shown])
        for cell, status in zip(sheet[sheet.max_row][3:], statuses, strict=True):
            _status_style(cell, status, styled)
    for row in ctx.hidden:  # --binding-only: listed as not shown, never dropped silently
        sheet.append([row.requirement, row.theme, row.title, *ctx.not_shown(row)])
    _header(sheet, [28, 34, 60, *(24 for _ in ctx.columns)])
    sheet.auto_filter.ref = f"A1:{get_column_letter(3 + len(ctx.columns))}{sheet.max_row}"
    sheet.freeze_panes = "D2"

    totals = book.create_sheet("Totals")
    totals.append(["Theme", "Status", *(c.heading for c in ctx.columns)])
    for theme, title in [*ctx.theme_titles.items(), ("all", "All requirements")]:
        for status in STATUSES:
            totals.append([title, status, *(ctx.totals[theme][c.key][status] for c in ctx.columns)])
    _header(totals, [40, 12, *(24 for _ in ctx.columns)])
    totals.freeze_panes = "C2"

    legend = book.create_sheet("Legend")
    legend.append(["Status", "Meaning"])
    for status, meaning in LEGEND.items():
        legend.append([status, meaning])
        legend.cell(legend.max_row, 1).fill = PatternFill("solid", fgColor=FILLS[status])
    _header(legend, [12, 60])

    for ws in (sheet, totals, legend):
        for cells in ws.iter_rows():
            for cell in cells:
                if not isinstance(cell.value, int):  # counts stay numbers; everything else is text
                    _as_text(cell)
    book.properties.created = FIXED
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_times(raw.getvalue())


def _header(sheet: Worksheet, widths: list[int]) -> None:
    """Bold, wrapped header cells and fixed column widths."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width


def _status_style(cell: Cell, status: str, styled: dict[str, Cell]) -> None:
    """A status cell's fill and alignment. openpyxl hashes and compares a style's every attribute each
    time one is set (most of the time a matrix of 100 columns took); a copy of the indices it gave the
    first cell of the status is the same style."""
    first = styled.get(status)
    if first is None:
        cell.fill = PatternFill("solid", fgColor=FILLS[status])
        cell.alignment = Alignment(horizontal="center")
        styled[status] = cell
    else:
        cell._style = copy(first._style)


def _as_text(cell: Cell) -> None:
    text = ILLEGAL_CHARACTERS_RE.sub("", str(cell.value))
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True


def _fixed_times(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry times (openpyxl stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` at save time
                content = _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            dst.writestr(fixed, content)
    return out.getvalue()
