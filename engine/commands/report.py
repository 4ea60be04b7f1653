"""`gapcheck report`: write the gap report (Markdown, HTML, JSON, CSV, PDF)."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    amendment_option,
    announce,
    as_of_option,
    deliverable,
    jurisdiction_option,
    out_option,
    parse_date,
    parse_formats,
    with_data,
    with_deliverable,
)
from gapcheck.output.files import write_all
from gapcheck.output.sets import REPORT_DEFAULT, REPORT_FORMATS, report_files
from gapcheck.workspace import Workspace


@click.command()
@jurisdiction_option
@as_of_option
@amendment_option
@out_option
@click.option(
    "--format",
    "fmt",
    default=",".join(REPORT_DEFAULT),
    show_default=True,
    help="Comma-separated: " + ", ".join(REPORT_FORMATS),
)
@with_deliverable
@with_data
def report(
    jurisdiction: str,
    as_of: str | None,
    amendments: tuple[Path, ...],
    out: Path | None,
    fmt: str,
    author: str | None,
    organisation: str | None,
    issued: str | None,
    templates: Path | None,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV, PDF)."""
    formats = parse_formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(statutes, standards)
    meta = deliverable(author, organisation, issued)
    files = report_files(ws.evaluate(jurisdiction, parse_date(as_of), amendments), formats, meta, templates)
    announce(write_all(out or Path("out"), files))
    return EXIT_OK
