"""Options and argument parsing shared by the subcommands."""

import datetime as dt
from pathlib import Path

import click

from gapcheck.errors import display_path
from gapcheck.output.templates import Deliverable


def parse_date(value: str | None) -> dt.date | None:
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


data_options = [
    click.option("--statutes", type=click.Path(path_type=Path), default=None, help="Statutes root folder."),
    click.option("--standards", type=click.Path(path_type=Path), default=None, help="Standards folder."),
]


def with_data(f):  # type: ignore[no-untyped-def]
    for option in reversed(data_options):
        f = option(f)
    return f


def parse_formats(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in chosen if v not in allowed]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(allowed)} (comma-separated), not {value!r}")
    return chosen


def announce(paths: list[Path]) -> None:
    for path in paths:
        click.echo(f"wrote {display_path(path)}")


out_option = click.option(
    "--out", "out", type=click.Path(path_type=Path), default=None, help="Output folder (default: ./out, git-ignored)."
)


deliverable_options = [
    click.option("--author", default=None, help="Printed on the report as who prepared it (default: nothing)."),
    click.option("--organisation", default=None, help="Printed on the report beside the author (default: nothing)."),
    click.option("--date", "issued", default=None, help="The report's date line, YYYY-MM-DD (default: none)."),
    click.option(
        "--templates",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="A folder of templates overriding the built-in ones by name (e.g. base.html, _styles.css).",
    ),
]


def with_deliverable(f):  # type: ignore[no-untyped-def]
    for option in reversed(deliverable_options):
        f = option(f)
    return f


def deliverable(author: str | None, organisation: str | None, issued: str | None) -> Deliverable:
    """The author, organisation and date line, the date checked."""
    date = parse_date(issued)
    return Deliverable(author, organisation, date.isoformat() if date else None)
