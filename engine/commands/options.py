"""Options and argument parsing shared by the subcommands."""

import datetime as dt
from pathlib import Path

import click

from gapcheck.errors import display_path


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
