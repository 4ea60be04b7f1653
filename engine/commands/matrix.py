"""`gapcheck matrix`: write the gap matrix: requirements by jurisdiction, date and draft."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import amendment_option, announce, out_option, parse_date, parse_formats, with_data
from gapcheck.output.files import write_all
from gapcheck.output.sets import MATRIX_FORMATS, matrix_columns, matrix_files
from gapcheck.workspace import Workspace


@click.command()
@click.option(
    "--jurisdiction", "-j", "jurisdictions", multiple=True, help="A column per jurisdiction (default: la and model)."
)
@click.option("--as-of", "dates", multiple=True, help="A column for the first jurisdiction on this date.")
@amendment_option
@out_option
@click.option(
    "--format",
    "fmt",
    default=",".join(MATRIX_FORMATS),
    show_default=True,
    help="Comma-separated: " + ", ".join(MATRIX_FORMATS),
)
@with_data
def matrix(
    jurisdictions: tuple[str, ...],
    dates: tuple[str, ...],
    amendments: tuple[Path, ...],
    out: Path | None,
    fmt: str,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Write the gap matrix: requirements by jurisdiction, date and draft."""
    formats = parse_formats(fmt, MATRIX_FORMATS)
    ws = Workspace.open(statutes, standards)
    parsed = tuple(d for d in (parse_date(x) for x in dates) if d is not None)
    columns = matrix_columns(ws, jurisdictions or ("la", "model"), parsed, amendments)
    announce(write_all(out or Path("out"), matrix_files(ws, columns, formats)))
    return EXIT_OK
