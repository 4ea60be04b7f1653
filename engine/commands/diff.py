"""`gapcheck diff`: compare the law with and without a draft amendment."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_FAILED, EXIT_OK
from gapcheck.commands.options import announce, as_of_option, jurisdiction_option, parse_date, reading_option, with_data
from gapcheck.diff import compare
from gapcheck.output.files import write_all
from gapcheck.output.json_out import diff_dict, dumps
from gapcheck.output.sets import diff_files
from gapcheck.output.text_out import diff_text
from gapcheck.workspace import Workspace


@click.command()
@jurisdiction_option
@as_of_option
@click.option(
    "--amendment",
    "-a",
    "amendments",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path),
    help="The draft amendment; repeat to apply several in order.",
)
@reading_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(["regression", "any-gap", "never"]),
    default="regression",
    show_default=True,
    help="Exit 1 when the draft regresses a requirement, leaves any gap, or never.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the diff report (diff.md, diff.html) to this folder.",
)
@with_data
def diff(
    jurisdiction: str,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    fmt: str,
    fail_on: str,
    out: Path | None,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Compare the law with and without a draft amendment."""
    ws = Workspace.open(statutes, standards)
    date = parse_date(as_of)
    amended = ws.evaluate(jurisdiction, date, amendments, readings)
    result = compare(ws.evaluate(jurisdiction, date, (), readings), amended)
    if out is not None:
        announce(write_all(out, diff_files(result)))
    click.echo(dumps(diff_dict(result)) if fmt == "json" else diff_text(result), nl=False)
    if fail_on == "regression" and result.count("regressed"):
        return EXIT_FAILED
    if fail_on == "any-gap" and amended.evaluation.summary()["gap"]:
        return EXIT_FAILED
    return EXIT_OK
