"""`gapcheck check`: print the findings for a jurisdiction."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    amendment_option,
    as_of_option,
    jurisdiction_option,
    jurisdiction_or_default,
    parse_date,
    reading_option,
    say,
    show,
    with_data,
)
from gapcheck.output.text_out import findings_table
from gapcheck.workspace import Workspace


@click.command()
@jurisdiction_option
@as_of_option
@amendment_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Text format: print the reasoning under each finding.")
@reading_option
@with_data("statutes", "standards")
def check(
    jurisdiction: str | None,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    fmt: str,
    explain: bool,
) -> int:
    """Print the findings for a jurisdiction."""
    ws = Workspace.open(notify=say)
    run = ws.evaluate(jurisdiction_or_default(jurisdiction), parse_date(as_of), amendments, readings)
    if fmt == "json":
        from gapcheck.output.json_out import dumps, evaluation_dict  # only for --format json

        click.echo(dumps(evaluation_dict(run.evaluation, run.amendment_label)), nl=False)
    else:
        show(findings_table(run.evaluation, run.corpus, run.amendment_label, explain))
    return EXIT_OK
