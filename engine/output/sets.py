"""Assemble the files of a gap report or a gap matrix, rendered but not yet written."""

import datetime as dt
from pathlib import Path

from gapcheck.diff import Diff
from gapcheck.load import Corpus
from gapcheck.output.csv_out import matrix_csv, report_csv
from gapcheck.output.json_out import report_json
from gapcheck.output.templates import (
    Column,
    DiffContext,
    MatrixContext,
    MatrixRow,
    StatedUnknown,
    render,
    report_context,
)
from gapcheck.output.xlsx_out import matrix_xlsx
from gapcheck.vocab import THEME_TITLES
from gapcheck.workspace import Run, Workspace

REPORT_FORMATS = ("md", "html", "json", "csv")
MATRIX_FORMATS = ("html", "md", "csv", "xlsx")


def stated_unknowns(corpus: Corpus) -> list[StatedUnknown]:
    """Every fact the corpus says a source left unknown."""
    out = [StatedUnknown(u.about, u.source.label(), str(u.scope), None, u.requirements) for u in corpus.index.unknowns]
    for inst in corpus.instruments:
        for prov in inst.model.provisions:
            out += [
                StatedUnknown(u.about, u.source.label(), str(u.scope), f"{inst.id}/{prov.id}", u.requirements)
                for version in prov.versions
                for u in version.unknowns
            ]
    return out


def report_files(run: Run, formats: tuple[str, ...], binding_only: bool = False) -> dict[str, str | bytes]:
    """The gap report in each format, named after the jurisdiction (and drafts).

    With `binding_only`, findings whose standards do not bind are left out and listed by id.
    """
    ev, prov = (run.evaluation.binding_only() if binding_only else run.evaluation), run.provenance
    stem = f"{ev.jurisdiction}-report" + ("-amended" if run.amendments else "")
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        if fmt in ("md", "html"):
            files[f"{stem}.{fmt}"] = render(f"report.{fmt}", report_context(ev, prov, stated_unknowns(run.corpus)))
        elif fmt == "json":
            files[f"{stem}.json"] = report_json(ev, run.amendment_label)
        elif fmt == "csv":
            files[f"{stem}.csv"] = report_csv(ev)
    return files


def diff_files(diff: Diff) -> dict[str, str | bytes]:
    """The diff report in Markdown and HTML."""
    ctx = DiffContext(
        f"Draft check: {diff.amended.amendment_label}",
        diff.changes,
        diff.baseline.provenance,
        diff.amended.provenance,
        diff.counts(),
        diff.baseline.evaluation.summary(),
        diff.amended.evaluation.summary(),
    )
    return {"diff.md": render("diff.md", ctx), "diff.html": render("diff.html", ctx)}


def matrix_columns(
    ws: Workspace,
    jurisdictions: tuple[str, ...],
    dates: tuple[dt.date, ...],
    amendments: tuple[Path, ...],
    jobs: int | None = None,
) -> list[Column]:
    """Columns: each jurisdiction; the first one on each date; the first one with each draft.

    The columns are evaluated by `jobs` worker processes (default: one per core), in order.
    """
    from gapcheck.parallel import evaluate_all  # multiprocessing: only when a matrix is made

    specs: list[tuple[str, dt.date | None, tuple[Path, ...]]] = [(j, None, ()) for j in jurisdictions]
    first = jurisdictions[0]
    specs += [(first, d, ()) for d in dates]
    specs += [(first, None, (a,)) for a in amendments]
    columns = []
    for n, ((_, date, drafts), run) in enumerate(zip(specs, evaluate_all(ws, specs, jobs, light=True), strict=True)):
        # the folder's name, never the argument as typed: a path must not leak into the reports
        label = run.corpus.code + (f" @ {date.isoformat()}" if date else "")
        label += f" + {run.amendments[0]}" if drafts else ""
        columns.append(Column(f"c{n + 1}", label, run.provenance, {f.requirement: f for f in run.evaluation.findings}))
    return columns


def matrix_files(
    ws: Workspace, columns: list[Column], formats: tuple[str, ...], binding_only: bool = False
) -> dict[str, str | bytes]:
    """The gap matrix in each format; with `binding_only`, rows no column is bound by are listed, not drawn."""
    rows = [MatrixRow(rid, req.title, str(req.theme)) for rid, req in ws.standards.requirements.items()]
    hidden: tuple[MatrixRow, ...] = ()
    if binding_only:
        hidden = tuple(r for r in rows if all(c.findings[r.requirement].binds != "yes" for c in columns))
        rows = [r for r in rows if r not in hidden]
    titles = {str(t): title for t, title in THEME_TITLES.items()}
    ctx = MatrixContext("Gap matrix: " + ", ".join(c.label for c in columns), columns, rows, titles, hidden)
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        if fmt in ("md", "html"):
            files[f"matrix.{fmt}"] = render(f"matrix.{fmt}", ctx)
        elif fmt == "csv":
            files["matrix.csv"] = matrix_csv(ctx)
        elif fmt == "xlsx":
            files["matrix.xlsx"] = matrix_xlsx(ctx)
    return files
