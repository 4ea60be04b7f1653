"""The `gapcheck` command: one function per subcommand, each returning an exit code.

Exit codes: 0 success; 1 the asked-for condition failed; 2 bad input or
usage, reported as `file:line:column: message` and never as a traceback.
"""

import datetime as dt
import json
import sys
from pathlib import Path

import click
from gapcheck import __version__, expect
from gapcheck.diff import compare, diff_dict, diff_text
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.jsonout import dumps, evaluation_dict
from gapcheck.outputs import write_all
from gapcheck.publish import MATRIX_FORMATS, REPORT_FORMATS, diff_files, matrix_columns, matrix_files, report_files
from gapcheck.schema import schemas
from gapcheck.textout import findings_table
from gapcheck.validation import validate_paths
from gapcheck.workspace import Workspace

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2017-11-16") from None


jurisdiction_option = click.option(
    "--jurisdiction",
    "-j",
    default="la",
    show_default=True,
    help="A folder under statutes/ (e.g. la, model) or a path to a jurisdiction folder.",
)
as_of_option = click.option("--as-of", "as_of", help="Law in force on this date (default: the jurisdiction's as_of).")
amendment_option = click.option(
    "--amendment",
    "-a",
    "amendments",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A draft amendment file; repeat to apply several in order.",
)
reading_option = click.option(
    "--reading",
    "readings",
    multiple=True,
    help="Pin one reading of a contested fact (its name, e.g. laotian-times-2019); repeat for several. "
    "By default every reading is explored and findings that depend on one say so.",
)
data_options = [
    click.option("--statutes", type=click.Path(path_type=Path), default=None, help="Statutes root folder."),
    click.option("--standards", type=click.Path(path_type=Path), default=None, help="Standards folder."),
]


def with_data(f):  # type: ignore[no-untyped-def]
    for option in reversed(data_options):
        f = option(f)
    return f


@click.group()
@click.version_option(__version__, prog_name="gapcheck")
def cli() -> None:
    """Where a country's law falls short of the international standards on the sale and
    sexual exploitation of children."""


@cli.command()
@jurisdiction_option
@as_of_option
@amendment_option
@reading_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Text format: print the reasoning under each finding.")
@with_data
def check(
    jurisdiction: str,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    fmt: str,
    explain: bool,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Print the findings for a jurisdiction."""
    ws = Workspace.open(statutes, standards)
    run = ws.evaluate(jurisdiction, _as_of(as_of), amendments, readings)
    if fmt == "json":
        click.echo(dumps(evaluation_dict(run.evaluation, run.amendment_label)), nl=False)
    else:
        click.echo(findings_table(run.evaluation, run.amendment_label, explain), nl=False)
    return EXIT_OK


def _formats(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in chosen if v not in allowed]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(allowed)} (comma-separated), not {value!r}")
    return chosen


def _announce(paths: list[Path]) -> None:
    for path in paths:
        click.echo(f"wrote {display_path(path)}")


out_option = click.option(
    "--out", "out", type=click.Path(path_type=Path), default=None, help="Output folder (default: ./out, git-ignored)."
)


@cli.command()
@jurisdiction_option
@as_of_option
@amendment_option
@reading_option
@out_option
@click.option(
    "--format",
    "fmt",
    default=",".join(REPORT_FORMATS),
    show_default=True,
    help="Comma-separated: " + ", ".join(REPORT_FORMATS),
)
@with_data
def report(
    jurisdiction: str,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    out: Path | None,
    fmt: str,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Write the gap report (Markdown, HTML, JSON, CSV)."""
    formats = _formats(fmt, REPORT_FORMATS)
    ws = Workspace.open(statutes, standards)
    files = report_files(ws.evaluate(jurisdiction, _as_of(as_of), amendments, readings), formats)
    _announce(write_all(out or Path("out"), files))
    return EXIT_OK


@cli.command()
@click.option(
    "--jurisdiction", "-j", "jurisdictions", multiple=True, help="A column per jurisdiction (default: la and model)."
)
@click.option("--as-of", "dates", multiple=True, help="A column for the first jurisdiction on this date.")
@amendment_option
@out_option
@click.option(
    "--format",
    "fmt",
    default=",".join(MATRIX_FORMATS),
    show_default=True,
    help="Comma-separated: " + ", ".join(MATRIX_FORMATS),
)
@with_data
def matrix(
    jurisdictions: tuple[str, ...],
    dates: tuple[str, ...],
    amendments: tuple[Path, ...],
    out: Path | None,
    fmt: str,
    statutes: Path | None,
    standards: Path | None,
) -> int:
    """Write the gap matrix: requirements by jurisdiction, date and draft."""
    formats = _formats(fmt, MATRIX_FORMATS)
    ws = Workspace.open(statutes, standards)
    parsed = tuple(d for d in (_as_of(x) for x in dates) if d is not None)
    columns = matrix_columns(ws, jurisdictions or ("la", "model"), parsed, amendments)
    _announce(write_all(out or Path("out"), matrix_files(ws, columns, formats)))
    return EXIT_OK


@cli.command()
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
    date = _as_of(as_of)
    amended = ws.evaluate(jurisdiction, date, amendments, readings)
    result = compare(ws.evaluate(jurisdiction, date, (), readings), amended)
    if out is not None:
        _announce(write_all(out, diff_files(result)))
    click.echo(dumps(diff_dict(result)) if fmt == "json" else diff_text(result), nl=False)
    if fail_on == "regression" and result.count("regressed"):
        return EXIT_FAILED
    if fail_on == "any-gap" and amended.evaluation.summary()["gap"]:
        return EXIT_FAILED
    return EXIT_OK


@cli.command(name="test")
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


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--standards",
    type=click.Path(path_type=Path),
    default=None,
    help="Standards folder used to check requirement ids in statutes.",
)
def validate(paths: tuple[Path, ...], standards: Path | None) -> int:
    """Load and check data files only (default: statutes/ and standards/)."""
    for line in validate_paths(list(paths), standards):
        click.echo(line)
    return EXIT_OK


@cli.command()
@click.argument("kind", required=False, type=click.Choice(sorted(schemas())))
def schema(kind: str | None) -> int:
    """Print the JSON Schema of statute, jurisdiction, standard and amendment files."""
    data = schemas()
    click.echo(json.dumps(data[kind] if kind else data, indent=2, ensure_ascii=False))
    return EXIT_OK


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
