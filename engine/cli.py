"""The `gapcheck` command: one function per subcommand, each returning an exit code.

Exit codes: 0 success; 1 the asked-for condition failed; 2 bad input or
usage, reported as `file:line:column: message` and never as a traceback.
"""

import importlib
import shutil
import sys
from pathlib import Path

import click

from gapcheck import __version__, config
from gapcheck.commands import options
from gapcheck.commands.exit_codes import EXIT_INPUT, EXIT_OK
from gapcheck.errors import InputError, Problem

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": shutil.get_terminal_size().columns}

# Subcommands are imported only when run: each pulls in what it alone needs (openpyxl, Jinja, the rule set).
COMMANDS = {
    "check": "gapcheck.commands.check:check",
    "report": "gapcheck.commands.report:report",
    "matrix": "gapcheck.commands.matrix:matrix",
    "diff": "gapcheck.commands.diff:diff",
    "test": "gapcheck.commands.test:test_command",
    "validate": "gapcheck.commands.validate:validate",
    "schema": "gapcheck.commands.schema:schema_command",
    "init": "gapcheck.commands.init:init",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, name = target.split(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="gapcheck")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file (default: the nearest gapcheck.toml, or pyproject.toml with [tool.gapcheck]).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print results and errors only, no other messages.")
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None, quiet: bool) -> None:
    """Where a country's law falls short of the international standards on the sale and
    sexual exploitation of children.

    Your corpus (statutes, standards, drafts, expectations, templates, output folder) is
    configured in [tool.gapcheck] of pyproject.toml or in gapcheck.toml, overridden by
    GAPCHECK_<KEY> environment variables and by options. Shell completion:
    eval "$(_GAPCHECK_COMPLETE=bash_source gapcheck)" (zsh_source, fish_source).
    """
    options.set_quiet(quiet)
    settings = config.load(file=config_file)
    ctx.with_resource(config.using(settings))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; bad input is reported, never raised."""
    options.set_quiet(False)
    try:
        code = cli.main(args=argv, prog_name="gapcheck", standalone_mode=False)
    except InputError as err:
        _report(err.problems)
        return EXIT_INPUT
    except click.exceptions.Exit as exit_:
        return int(exit_.exit_code)
    except click.ClickException as err:
        err.show()
        return EXIT_INPUT
    except click.Abort:
        return EXIT_INPUT
    return int(code or EXIT_OK)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    n = len(problems)
    click.echo(f"gapcheck: {n} problem{'s' if n != 1 else ''} in input; nothing was written", err=True)


if __name__ == "__main__":
    sys.exit(main())
