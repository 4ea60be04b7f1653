"""The gap matrix as a spreadsheet, byte-identical for the same input.

Every cell is stored as text, never as a formula: openpyxl would store a
title beginning with `=` as a live formula. A cell that a spreadsheet would
read as a formula on editing also gets Excel's quote prefix (OWASP's advice).
"""

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font, PatternFill

from gapcheck.output.csv_out import FORMULA_START
from gapcheck.output.templates import MatrixContext

FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "gap": "FFC7CE", "unknown": "EDEDED"}
FIXED = dt.datetime(2000, 1, 1)
_STAMP = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def matrix_xlsx(ctx: MatrixContext) -> bytes:
    """One row per requirement, one column per column-spec, statuses as words on coloured cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Gap matrix"
    sheet.append(["requirement", "theme", "title", *(c.label for c in ctx.columns)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in ctx.rows:
        statuses = [c.findings[row.requirement].status.value for c in ctx.columns]
        sheet.append([row.requirement, row.theme, row.title, *(c.findings[row.requirement].shown for c in ctx.columns)])
        for cell, status in zip(sheet[sheet.max_row][3:], statuses, strict=True):
            cell.fill = PatternFill("solid", fgColor=FILLS[status])
    for row in ctx.hidden:  # --binding-only: listed as not shown, never dropped silently
        sheet.append([row.requirement, row.theme, row.title, *ctx.not_shown(row)])
    for cells in sheet.iter_rows():
        for cell in cells:
            _as_text(cell)
    sheet.freeze_panes = "D2"
    book.properties.created = FIXED
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_times(raw.getvalue())


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
