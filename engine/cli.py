"""The `gapcheck` command: one function per subcommand, each returning an exit code.

Exit codes: 0 success; 1 the asked-for condition failed; 2 bad input or
usage, reported as `file:line:column: message` and never as a traceback.
"""

import sys

import click

from gapcheck import __version__
from gapcheck.commands import check, diff, matrix, report, schema, test, validate, why
from gapcheck.commands.exit_codes import EXIT_INPUT, EXIT_OK
from gapcheck.errors import InputError, Problem


@click.group()
@click.version_option(__version__, prog_name="gapcheck")
def cli() -> None:
    """Where a country's law falls short of the international standards on the sale and
    sexual exploitation of children."""


for _command in (
    check.check,
    report.report,
    matrix.matrix,
    diff.diff,
    test.test_command,
    validate.validate,
    schema.schema,
    why.why,
):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; bad input is reported, never raised."""
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
