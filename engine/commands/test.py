"""`gapcheck test`: run expectation files (*.gapcheck.yaml) and print a pytest-like summary."""

from pathlib import Path

import click

from gapcheck import expect
from gapcheck.commands.exit_codes import EXIT_FAILED, EXIT_OK
from gapcheck.commands.options import with_data
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.workspace import Workspace


@click.command(name="test")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@with_data
def test_command(paths: tuple[Path, ...], statutes: Path | None, standards: Path | None) -> int:
    """Run expectation files (*.gapcheck.yaml) and print a pytest-like summary."""
    ws = Workspace.open(statutes, standards)
    files = expect.discover(list(paths))
    if not files:
        raise InputError([Problem(display_path(p), 1, 1, "no expectation files (*.gapcheck.yaml)") for p in paths])
    outcomes = [o for path in files for o in expect.run(path, ws)]
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes:
        click.echo(f"{o.file}::{o.requirement} {'PASSED' if o.passed else 'FAILED'}")
    if failed:
        click.echo("\nFailures:")
        for o in failed:
            click.echo(o.failure())
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return EXIT_FAILED if failed else EXIT_OK
