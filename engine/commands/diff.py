"""`gapcheck diff`: compare the law with and without a draft amendment."""

from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_FAILED, EXIT_OK
from gapcheck.commands.options import (
    as_of_option,
    date_option,
    deliverable,
    emit,
    jurisdiction_option,
    jurisdiction_or_default,
    parse_date,
    parse_formats,
    reading_option,
    say,
    show,
    with_data,
)
from gapcheck.diff import compare
from gapcheck.output.json_out import diff_dict, dumps
from gapcheck.output.sets import DIFF_DEFAULT, DIFF_FORMATS, diff_files
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
    type=click.Path(path_type=Path, allow_dash=True),
    help="The draft amendment ('-': standard input); repeat to apply several in order.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(["regression", "weakening", "any-gap", "never"]),
    default="regression",
    show_default=True,
    help="Exit 1 when the draft regresses a requirement, regresses or weakens one, leaves any gap, or never.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the diff report (diff.md, diff.html) to this folder.",
)
@click.option(
    "--report-format",
    "report_fmt",
    default=",".join(DIFF_DEFAULT),
    show_default=True,
    help="With --out, comma-separated: " + ", ".join(DIFF_FORMATS),
)
@date_option
@reading_option
@with_data("statutes", "standards", "templates", "author", "organisation")
def diff(
    jurisdiction: str | None,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    fmt: str,
    fail_on: str,
    out: Path | None,
    report_fmt: str,
    issued: str | None,
) -> int:
    """Compare the law with and without a draft amendment."""
    formats = parse_formats(report_fmt, DIFF_FORMATS)
    meta = deliverable(issued)
    if out is not None and str(out) == "-":
        raise click.BadParameter(
            "a folder: the diff report is several files (for stdout: --format json)", param_hint="--out"
        )
    ws = Workspace.open(notify=say)
    code = jurisdiction_or_default(jurisdiction)
    date = parse_date(as_of)
    amended = ws.evaluate(code, date, amendments, readings)
    result = compare(ws.evaluate(code, date, (), readings), amended)
    if out is not None:
        emit(out, diff_files(result, formats, meta))
    if fmt == "json":
        click.echo(dumps(diff_dict(result)), nl=False)
    else:
        show(diff_text(result))
    if fail_on == "regression" and result.regressions():
        return EXIT_FAILED
    if fail_on == "weakening" and (result.regressions() or result.weakenings()):
        return EXIT_FAILED
    if fail_on == "any-gap" and amended.evaluation.summary()["gap"]:
        return EXIT_FAILED
    return EXIT_OK
