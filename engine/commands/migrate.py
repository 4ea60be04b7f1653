"""`gapcheck migrate`: rewrite data files in format 1 as format 2 (versions) and former spellings, losslessly."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.migrate import migrate_file
from gapcheck.output.files import write_all


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Say which files would change; write nothing.")
def migrate(paths: tuple[Path, ...], dry_run: bool) -> int:
    """Rewrite statute, jurisdiction and draft files from format 1 to format 2, `secondary: true` as provenance.

    Every file is migrated and checked (same meaning read back) before any is written.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.yaml") if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise InputError([Problem(display_path(path), 1, 1, "no such file or folder")])
    new: dict[Path, str] = {}
    problems: list[Problem] = []
    for file in files:
        try:
            text = migrate_file(file)
        except InputError as err:
            problems += err.problems
            continue
        if text is not None:
            new[file] = text
    if problems:
        raise InputError(problems)
    for file in sorted(new):
        if not dry_run:
            write_all(file.parent, {file.name: new[file]})
        click.echo(f"{'would migrate' if dry_run else 'migrated'} {display_path(file)}")
    click.echo(f"{len(new)} file{'s' if len(new) != 1 else ''} {'to migrate' if dry_run else 'migrated'} to format 2")
    return EXIT_OK
