"""`gapcheck report`: write the gap report (Markdown, HTML, JSON, CSV)."""

from pathlib import Path

import click

from gapcheck import config
from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    amendment_option,
    as_of_option,
    emit,
    jurisdiction_option,
    jurisdiction_or_default,
    parse_date,
    parse_formats,
    reading_option,
    say,
    with_data,
)
from gapcheck.output.sets import REPORT_FORMATS, report_files
from gapcheck.workspace import Workspace


@click.command()
@jurisdiction_option
@as_of_option
@amendment_option
@click.option(
    "--format",
    "fmt",
    default=",".join(REPORT_FORMATS),
    show_default=True,
    help="Comma-separated: " + ", ".join(REPORT_FORMATS),
)
@click.option(
    "--binding-only",
    is_flag=True,
    help="Only requirements whose standards bind the jurisdiction on the date; the others are listed as not shown.",
)
@reading_option
@with_data("statutes", "standards", "templates", "out")
def report(
    jurisdiction: str | None,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    fmt: str,
    binding_only: bool,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV)."""
    formats = parse_formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(notify=say)
    run = ws.evaluate(jurisdiction_or_default(jurisdiction), parse_date(as_of), amendments, readings)
    emit(config.active().out, report_files(run, formats, binding_only))
    return EXIT_OK
