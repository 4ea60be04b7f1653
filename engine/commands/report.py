"""`gapcheck report`: write the gap report (Markdown, HTML, JSON, CSV)."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    amendment_option,
    announce,
    as_of_option,
    jurisdiction_option,
    out_option,
    parse_date,
    parse_formats,
    with_data,
)
from gapcheck.output.files import write_all
from gapcheck.output.sets import REPORT_FORMATS, report_files
from gapcheck.workspace import Workspace


@click.command()
@jurisdiction_option
@as_of_option
@amendment_option
@out_option
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
@with_data
def report(
    jurisdiction: str,
    as_of: str | None,
    amendments: tuple[Path, ...],
    out: Path | None,
    fmt: str,
    binding_only: bool,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV)."""
    formats = parse_formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(statutes, standards)
    files = report_files(ws.evaluate(jurisdiction, parse_date(as_of), amendments), formats, binding_only)
    announce(write_all(out or Path("out"), files))
    return EXIT_OK
