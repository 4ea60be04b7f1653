"""`gapcheck schema`: print (or write) the JSON Schema of each kind of data file."""

import json
from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import say
from gapcheck.errors import display_path
from gapcheck.output.files import write_all
from gapcheck.schema import MODELS, file_name, schema, schemas


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@click.command(name="schema")
@click.argument("kind", required=False, type=click.Choice(sorted(MODELS)))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write <kind>.schema.json for every kind into this folder instead of printing.",
)
def schema_command(kind: str | None, out: Path | None) -> int:
    """Print the JSON Schema of a kind of data file (all kinds, by name, without KIND).

    \b
    Point an editor at it with a first line such as
    # yaml-language-server: $schema=schemas/statute.schema.json
    """
    if out is not None:
        for path in write_all(out, {file_name(k): dumps(s) for k, s in schemas().items()}):
            say(f"wrote {display_path(path)}")
        return EXIT_OK
    click.echo(dumps(schema(kind) if kind else schemas()), nl=False)
    return EXIT_OK
