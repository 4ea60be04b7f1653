"""`gapcheck validate`: load and check data files, and resolve drafts and expectations against the law."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import is_quiet, with_data
from gapcheck.validation import validate_paths


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@with_data("statutes", "standards")
def validate(paths: tuple[Path, ...]) -> int:
    """Load and check data files ('-': a draft on standard input).

    Default: the configured statutes, standards, drafts and expectations, else the bundled
    data. A draft is applied to the law it amends; an expectation file's jurisdiction and
    drafts must resolve.
    """
    lines = validate_paths(list(paths))
    if not is_quiet():
        for line in lines:
            click.echo(line)
    return EXIT_OK
