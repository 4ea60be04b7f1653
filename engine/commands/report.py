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
    reading_option,
    with_data,
)
from gapcheck.output.files import write_all
from gapcheck.output.sets import REPORT_FORMATS, report_files
from gapcheck.workspace import Workspace


@click.command()
@jurisdiction_option
@as_of_option
@amendment_option
@reading_option
@out_option
@click.option(
    "--format",
    "fmt",
    default=",".join(REPORT_FORMATS),
    show_default=True,
    help="Comma-separated: " + ", ".join(REPORT_FORMATS),
)
@with_data
def report(
    jurisdiction: str,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    out: Path | None,
    fmt: str,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV)."""
    formats = parse_formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(statutes, standards)
    files = report_files(ws.evaluate(jurisdiction, parse_date(as_of), amendments, readings), formats)
    announce(write_all(out or Path("out"), files))
    return EXIT_OK
