"""`gapcheck report`: write the gap report (Markdown, HTML, JSON, CSV, PDF)."""

from pathlib import Path

import click

from gapcheck import config
from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    amendment_option,
    as_of_option,
    binding_only_option,
    date_option,
    deliverable,
    emit,
    jurisdiction_option,
    jurisdiction_or_default,
    parse_date,
    parse_formats,
    reading_option,
    say,
    with_data,
)
from gapcheck.output.sets import REPORT_DEFAULT, REPORT_FORMATS, report_files
from gapcheck.suggest.effect import SuggestionReport, report_of
from gapcheck.suggest.search import suggest
from gapcheck.vocab import Status
from gapcheck.workspace import Run, Workspace


@click.command()
@jurisdiction_option
@as_of_option
@amendment_option
@click.option(
    "--format",
    "fmt",
    default=",".join(REPORT_DEFAULT),
    show_default=True,
    help="Comma-separated: " + ", ".join(REPORT_FORMATS),
)
@binding_only_option
@click.option(
    "--suggest",
    "with_suggestion",
    is_flag=True,
    help="Add to each gap and partial the change that would close it (gapcheck suggest), verified by the rules.",
)
@date_option
@reading_option
@with_data("statutes", "standards", "templates", "out", "author", "organisation")
def report(
    jurisdiction: str | None,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    fmt: str,
    binding_only: bool,
    with_suggestion: bool,
    issued: str | None,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV, PDF)."""
    formats = parse_formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(notify=say)
    code = jurisdiction_or_default(jurisdiction)
    run = ws.evaluate(code, parse_date(as_of), amendments, readings)
    found = suggested(ws, code, run, amendments, readings, binding_only) if with_suggestion else None
    emit(config.active().out, report_files(run, formats, deliverable(issued), binding_only, found))
    return EXIT_OK


def suggested(
    ws: Workspace, code: str, run: Run, amendments: tuple[Path, ...], readings: tuple[str, ...], binding_only: bool
) -> SuggestionReport:
    """One suggestion run for every gap and partial the report shows (with `--binding-only`, those that bind),
    verified under the same readings of contested facts (every one explored, unless pinned)."""
    ev = run.evaluation.binding_only() if binding_only else run.evaluation
    targets = [f.requirement for f in ev.findings if f.status in (Status.gap, Status.partial)]
    s = suggest(ws, code, ev.as_of, amendments, targets, readings) if targets else None
    return report_of(s, run.evaluation.findings, ws.standards)
