"""`gapcheck validate`: load and check data files only (default: statutes/ and standards/)."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.validation import validate_paths


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--standards",
    type=click.Path(path_type=Path),
    default=None,
    help="Standards folder used to check requirement ids in statutes.",
)
def validate(paths: tuple[Path, ...], standards: Path | None) -> int:
    """Load and check data files only (default: statutes/ and standards/)."""
    for line in validate_paths(list(paths), standards):
        click.echo(line)
    return EXIT_OK
