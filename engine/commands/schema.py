"""`gapcheck schema`: print the JSON Schema of statute, jurisdiction, standard and amendment files."""

import json

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.schema import schemas


@click.command()
@click.argument("kind", required=False, type=click.Choice(sorted(schemas())))
def schema(kind: str | None) -> int:
    """Print the JSON Schema of statute, jurisdiction, standard and amendment files."""
    data = schemas()
    click.echo(json.dumps(data[kind] if kind else data, indent=2, ensure_ascii=False))
    return EXIT_OK
