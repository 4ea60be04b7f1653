"""`gapcheck matrix`: write the gap matrix: requirements by jurisdiction, date and draft."""

from pathlib import Path

import click

from gapcheck import config
from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    DEFAULT_JURISDICTION,
    amendment_option,
    binding_only_option,
    date_option,
    deliverable,
    emit,
    jobs_option,
    parse_date,
    parse_formats,
    say,
    with_data,
)
from gapcheck.output.sets import MATRIX_DEFAULT, MATRIX_FORMATS, matrix_columns, matrix_files
from gapcheck.workspace import Workspace

REFERENCE = "model"


@click.command()
@click.option(
    "--jurisdiction",
    "-j",
    "jurisdictions",
    multiple=True,
    help="A column per jurisdiction (default: the configured jurisdiction, else la, beside the reference law model).",
)
@click.option(
    "--as-of", "dates", multiple=True, metavar="YYYY-MM-DD", help="A column for the first jurisdiction on this date."
)
@amendment_option
@click.option(
    "--format",
    "fmt",
    default=",".join(MATRIX_DEFAULT),
    show_default=True,
    help="Comma-separated: " + ", ".join(MATRIX_FORMATS),
)
@jobs_option
@binding_only_option
@date_option
@with_data("statutes", "standards", "templates", "out", "author", "organisation")
def matrix(
    jurisdictions: tuple[str, ...],
    dates: tuple[str, ...],
    amendments: tuple[Path, ...],
    fmt: str,
    jobs: int | None,
    binding_only: bool,
    issued: str | None,
) -> int:
    """Write the gap matrix: requirements by jurisdiction, date and draft."""
    formats = parse_formats(fmt, MATRIX_FORMATS)
    ws = Workspace.open(notify=say)
    parsed = tuple(d for d in (parse_date(x) for x in dates) if d is not None)
    default = config.active().jurisdiction or DEFAULT_JURISDICTION
    chosen = jurisdictions or tuple(dict.fromkeys((default, REFERENCE)))
    columns = matrix_columns(ws, chosen, parsed, amendments, jobs, formats)
    emit(config.active().out, matrix_files(ws, columns, formats, deliverable(issued), binding_only, jobs))
    return EXIT_OK
