"""`gapcheck test`: run expectation files (*.gapcheck.yaml) and print a pytest-like summary."""

from pathlib import Path

import click

from gapcheck import config, expect
from gapcheck.commands.exit_codes import EXIT_FAILED, EXIT_OK
from gapcheck.commands.options import is_quiet, jobs_option, say, show, with_data
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.workspace import Workspace


@click.command(name="test", short_help="Run expectation files (*.gapcheck.yaml).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@jobs_option
@with_data("statutes", "standards")
def test_command(paths: tuple[Path, ...], jobs: int | None) -> int:
    """Run expectation files (*.gapcheck.yaml; default: the configured expectations folder)."""
    targets = list(paths) or [p for p in [config.active().expectations] if p is not None]
    if not targets:
        raise click.UsageError("name the expectation files or folders, or set `expectations` in the configuration")
    ws = Workspace.open(notify=say)
    files = expect.discover(targets)
    if not files:
        raise InputError([Problem(display_path(p), 1, 1, "no expectation files (*.gapcheck.yaml)") for p in targets])
    outcomes = expect.run_all(files, ws, jobs)
    failed = [o for o in outcomes if not o.passed]
    lines = [] if is_quiet() else [f"{'PASSED' if o.passed else 'FAILED'} {o.file}::{o.requirement}" for o in outcomes]
    if failed:
        lines += ["", "Failures:", *(o.failure() for o in failed)]
    lines.append(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    show("\n".join(lines) + "\n")
    return EXIT_FAILED if failed else EXIT_OK
