"""Assemble the files of a gap report or a gap matrix, rendered but not yet written."""

import datetime as dt
from pathlib import Path

from gapcheck.diff import Diff
from gapcheck.load import Corpus
from gapcheck.output.csv_out import matrix_csv, report_csv
from gapcheck.output.json_out import report_json
from gapcheck.output.pdf_out import html_to_pdf
from gapcheck.output.templates import (
    ANONYMOUS,
    Column,
    Deliverable,
    DiffContext,
    MatrixContext,
    MatrixRow,
    StatedUnknown,
    diff_chart,
    laws_of,
    matrix_chart,
    matrix_totals,
    render,
    report_context,
    suggestion_view,
)
from gapcheck.suggest.effect import SuggestionReport
from gapcheck.vocab import THEME_TITLES
from gapcheck.workspace import Run, Workspace

REPORT_FORMATS = ("md", "html", "json", "csv", "pdf")
REPORT_DEFAULT = ("md", "html", "json", "csv")
MATRIX_FORMATS = ("html", "md", "csv", "xlsx", "pdf")
MATRIX_DEFAULT = ("html", "md", "csv", "xlsx")
DIFF_FORMATS = ("md", "html", "pdf")
DIFF_DEFAULT = ("md", "html")


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


def report_files(
    run: Run,
    formats: tuple[str, ...],
    meta: Deliverable = ANONYMOUS,
    binding_only: bool = False,
    suggestion: SuggestionReport | None = None,
) -> dict[str, str | bytes]:
    """The gap report in each format, named after the jurisdiction (and drafts).

    With `binding_only`, findings whose standards do not bind are left out and listed by id; with `suggestion`,
    each gap and partial carries its suggested change and verified effect.
    """
    ev, prov = (run.evaluation.binding_only() if binding_only else run.evaluation), run.provenance
    stem = f"{ev.jurisdiction}-report" + ("-amended" if run.amendments else "")
    laws = laws_of(run.corpus)
    view = suggestion_view(suggestion, laws) if suggestion else None
    ctx = report_context(ev, prov, stated_unknowns(run.corpus), laws, meta, view)
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        if fmt in ("md", "html"):
            files[f"{stem}.{fmt}"] = render(f"report.{fmt}", ctx)
        elif fmt == "pdf":
            files[f"{stem}.pdf"] = html_to_pdf(render("report.html", ctx))
        elif fmt == "json":
            files[f"{stem}.json"] = report_json(ev, run.amendment_label, suggestion)
        elif fmt == "csv":
            files[f"{stem}.csv"] = report_csv(ev, view)
    return files


def diff_files(
    diff: Diff,
    formats: tuple[str, ...] = DIFF_DEFAULT,
    meta: Deliverable = ANONYMOUS,
) -> dict[str, str | bytes]:
    """The diff report in Markdown, HTML and PDF."""
    before, after = diff.baseline.evaluation.summary(), diff.amended.evaluation.summary()
    ctx = DiffContext(
        f"Draft check: {diff.amended.amendment_label}",
        diff.changes,
        diff.baseline.provenance,
        diff.amended.provenance,
        diff.counts(),
        before,
        after,
        diff_chart(before, after),
        meta,
    )
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        page = render("diff.html" if fmt == "pdf" else f"diff.{fmt}", ctx)
        files[f"diff.{fmt}"] = html_to_pdf(page) if fmt == "pdf" else page
    return files


def matrix_columns(
    ws: Workspace,
    jurisdictions: tuple[str, ...],
    dates: tuple[dt.date, ...],
    amendments: tuple[Path, ...],
    jobs: int | None = None,
    formats: tuple[str, ...] = (),
) -> list[Column]:
    """Columns: each jurisdiction; the first one on each date; the first one with each draft.

    The columns are evaluated by `jobs` worker processes (default: one per core), in order; the
    writers of `formats` are imported while they work.
    """
    from gapcheck.parallel import evaluate_all  # multiprocessing: only when a matrix is made

    specs: list[tuple[str, dt.date | None, tuple[Path, ...]]] = [(j, None, ()) for j in jurisdictions]
    first = jurisdictions[0]
    specs += [(first, d, ()) for d in dates]
    specs += [(first, None, (a,)) for a in amendments]
    columns = []
    runs = evaluate_all(ws, specs, jobs, light=True, meanwhile=lambda: writers(formats))
    for n, ((_, date, drafts), run) in enumerate(zip(specs, runs, strict=True)):
        prov = run.provenance
        # the folder's name, never the argument as typed: a path must not leak into the reports
        label = run.corpus.code + (f" @ {date.isoformat()}" if date else "")
        label += f" + {run.amendments[0]}" if drafts else ""
        findings = {f.requirement: f for f in run.evaluation.findings}
        draft = run.amendments[0] if drafts else None
        columns.append(Column(f"c{n + 1}", label, prov, findings, prov.jurisdiction_name, prov.as_of, draft))
    return columns


def writers(formats: tuple[str, ...]) -> None:
    """Import the writers of these matrix formats that are imported on first use (openpyxl: a tenth of a second)."""
    if "xlsx" in formats:
        import gapcheck.output.xlsx_out  # noqa: F401


def matrix_files(
    ws: Workspace,
    columns: list[Column],
    formats: tuple[str, ...],
    meta: Deliverable = ANONYMOUS,
    binding_only: bool = False,
    jobs: int | None = None,
) -> dict[str, str | bytes]:
    """The gap matrix in each format; with `binding_only`, rows no column is bound by are listed, not drawn.

    With more than one core (`jobs`, default: the cores), the HTML page is rendered here while a
    forked process renders the other formats: each format is the same function of the same context.
    """
    rows = [MatrixRow(rid, req.title, str(req.theme)) for rid, req in ws.standards.requirements.items()]
    order = {str(t): n for n, t in enumerate(THEME_TITLES)}
    rows.sort(key=lambda r: order[r.theme])  # themes in the catalogue's order, requirements as listed
    hidden: tuple[MatrixRow, ...] = ()
    if binding_only:
        hidden = tuple(r for r in rows if all(c.findings[r.requirement].binds != "yes" for c in columns))
        rows = [r for r in rows if r not in hidden]
    titles = {str(t): title for t, title in THEME_TITLES.items() if any(r.theme == str(t) for r in rows)}
    ctx = MatrixContext(
        "Gap matrix: " + "; ".join(c.heading for c in columns),
        columns,
        rows,
        titles,
        matrix_totals(columns, rows),
        matrix_chart(columns, rows),
        meta,
        hidden,
    )
    return _render_all(ctx, formats, jobs)


_context: MatrixContext | None = None  # the forking process's, inherited by the process rendering the other formats


def _render_all(ctx: MatrixContext, formats: tuple[str, ...], jobs: int | None) -> dict[str, str | bytes]:
    import multiprocessing

    from gapcheck.parallel import cores

    rest = tuple(f for f in formats if f != "html")
    forks = "fork" in multiprocessing.get_all_start_methods()
    if "html" not in formats or not rest or (jobs or cores()) <= 1 or not forks:
        return _render(ctx, formats)
    import gc
    from concurrent.futures import ProcessPoolExecutor

    global _context
    _context = ctx
    gc.collect()
    gc.freeze()  # the pages the renderer inherits are not copied by its collector
    done: dict[str, str | bytes] | None = None
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = pool.submit(_render_inherited, rest)
            try:
                done = {**_render(ctx, ("html",)), **others.result()}
            except Exception:  # noqa: BLE001 - raised again below, as a run in one process raises it
                pass
    finally:
        gc.unfreeze()
        _context = None
    if done is None:  # a failure on either side (or of the fork): the serial rendering fails, or succeeds, as it would
        return _render(ctx, formats)
    return {f"matrix.{fmt}": done[f"matrix.{fmt}"] for fmt in formats}


def _render_inherited(formats: tuple[str, ...]) -> dict[str, str | bytes]:
    assert _context is not None, "forked by _render_all"
    return _render(_context, formats)


def _render(ctx: MatrixContext, formats: tuple[str, ...]) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        if fmt in ("md", "html"):
            files[f"matrix.{fmt}"] = render(f"matrix.{fmt}", ctx)
        elif fmt == "pdf":
            files["matrix.pdf"] = html_to_pdf(render("matrix.html", ctx))
        elif fmt == "csv":
            files["matrix.csv"] = matrix_csv(ctx)
        elif fmt == "xlsx":
            from gapcheck.output.xlsx_out import matrix_xlsx  # openpyxl: imported while the columns were evaluated

            files["matrix.xlsx"] = matrix_xlsx(ctx)
    return files
