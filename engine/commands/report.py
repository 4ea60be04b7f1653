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
from gapcheck.workspace import Workspace


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
    issued: str | None,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV, PDF)."""
    formats = parse_formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(notify=say)
    run = ws.evaluate(jurisdiction_or_default(jurisdiction), parse_date(as_of), amendments, readings)
    emit(config.active().out, report_files(run, formats, deliverable(issued), binding_only))
    return EXIT_OK
