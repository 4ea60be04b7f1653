"""CSV of the gap report and of the gap matrix."""

import csv
import io

from gapcheck.evaluate import Evaluation
from gapcheck.output.templates import MatrixContext


def report_csv(ev: Evaluation) -> str:
    """One row per requirement: status, theme, standards, provisions, recommendations."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["requirement", "status", "theme", "title", "standards", "recommendations", "provisions", "explanation"]
    )
    for f in ev.findings:
        writer.writerow(
            [
                f.requirement,
                f.shown,
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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["requirement", "theme", "title", *(c.label for c in ctx.columns)])
    for row in ctx.rows:
        writer.writerow(
            [row.requirement, row.theme, row.title, *(c.findings[row.requirement].shown for c in ctx.columns)]
        )
    return out.getvalue()
