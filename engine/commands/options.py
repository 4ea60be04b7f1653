"""Options shared by the subcommands, and the conventions of talking to a terminal.

Results go to standard output, alone; every message (what was written, which folder a
jurisdiction came from) goes to standard error and `--quiet` silences it. Colour only on
a terminal and never with NO_COLOR (https://no-color.org); text wraps to the terminal.
"""

import datetime as dt
import functools
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import click

from gapcheck import config
from gapcheck.dates import parse_day
from gapcheck.errors import display_path
from gapcheck.output.files import write_set
from gapcheck.output.templates import Deliverable

DEFAULT_JURISDICTION = "la"
STDIO = "-"

_quiet: ContextVar[bool] = ContextVar("gapcheck_quiet", default=False)


def set_quiet(value: bool) -> None:
    _quiet.set(value)


def is_quiet() -> bool:
    return _quiet.get()


def say(message: str) -> None:
    """A message for the person at the terminal: standard error, unless --quiet."""
    if not _quiet.get():
        click.echo(f"gapcheck: {message}", err=True, color=colour())


def colour() -> bool | None:
    """False with NO_COLOR set (any value but empty); otherwise None: click colours only a terminal."""
    return False if os.environ.get("NO_COLOR") else None


def terminal_width() -> int | None:
    """The width to wrap text at, or None when standard output is not a terminal."""
    if sys.stdout is None or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


_MARKS = {
    "MET": "green",
    "IMPROVED": "green",
    "PASSED": "green",
    "PARTIAL": "yellow",
    "CHANGED": "yellow",
    "GAP": "red",
    "REGRESSED": "red",
    "WEAKENED": "red",
    "STRENGTHENED": "green",
    "FAILED": "red",
    "UNKNOWN": "blue",
}
_MARK = re.compile(r"^(\s*)(" + "|".join(_MARKS) + r")\b", re.MULTILINE)


def show(text: str) -> None:
    """Print a command's text result: wrapped to the terminal, status words coloured on a terminal."""
    width = terminal_width()
    if width:
        text = "\n".join(_wrap(line, width) for line in text.split("\n"))
        if colour() is None:
            text = _MARK.sub(lambda m: m.group(1) + click.style(m.group(2), fg=_MARKS[m.group(2)], bold=True), text)
    click.echo(text, nl=False, color=colour())


def _wrap(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    lead = len(line) - len(line.lstrip())
    hang = lead + (2 if line.lstrip().startswith("- ") else 4)
    indent = " " * min(hang, width // 2)  # a long provision id is not cut
    return textwrap.fill(line, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False)


def parse_date(value: str | None) -> dt.date | None:
    """A date given as an option: YYYY-MM-DD and nothing else."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def jurisdiction_or_default(value: str | None) -> str:
    """-j as given, else the configured jurisdiction, else la."""
    return value or config.active().jurisdiction or DEFAULT_JURISDICTION


jurisdiction_option = click.option(
    "--jurisdiction",
    "-j",
    default=None,
    help="A code under your statutes or the bundled ones (la, model), or a path to a jurisdiction folder "
    "(./xx). Default: `jurisdiction` in the configuration, else la.",
)


as_of_option = click.option(
    "--as-of", "as_of", metavar="YYYY-MM-DD", help="Law in force on this date (default: the jurisdiction's as_of)."
)


amendment_option = click.option(
    "--amendment",
    "-a",
    "amendments",
    multiple=True,
    type=click.Path(path_type=Path, allow_dash=True),
    help="A draft amendment file ('-': standard input); repeat to apply several in order.",
)


reading_option = click.option(
    "--reading",
    "readings",
    multiple=True,
    help="Pin one reading of a contested fact (its name, e.g. laotian-times-2019); repeat for several. "
    "By default every reading is explored and findings that depend on one say so.",
)


jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Evaluations run in this many worker processes (default: one per core; 1: in this process). "
    "Output is the same whatever the number.",
)


_DATA_OPTIONS = {
    "statutes": click.option(
        "--statutes", type=click.Path(path_type=Path), help="Your statutes root, searched before the bundled one."
    ),
    "standards": click.option(
        "--standards", type=click.Path(path_type=Path), help="Standards folder (default: the bundled standards)."
    ),
    "templates": click.option(
        "--templates", type=click.Path(path_type=Path), help="Your templates, used before the bundled ones."
    ),
    "author": click.option(
        "--author", help="Who prepared the report, printed on it (default: `author` in the configuration)."
    ),
    "organisation": click.option(
        "--organisation", help="The organisation issuing the report (default: `organisation` in the configuration)."
    ),
    "out": click.option(
        "--out",
        type=click.Path(path_type=Path, allow_dash=True),
        help="Output folder (default: `out` in the configuration, else ./out); '-': standard output, one format.",
    ),
}


def with_data(*keys: str) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """Add the corpus options named; the command runs with them over the configured settings."""

    def decorate(command: Callable[..., int]) -> Callable[..., int]:
        @functools.wraps(command)
        def run(**kwargs: Any) -> int:
            given = {key: kwargs.pop(key) for key in keys}
            with config.using(config.active().with_options(**given)):
                return command(**kwargs)

        for key in reversed(keys):
            run = _DATA_OPTIONS[key](run)
        return run

    return decorate


binding_only_option = click.option(
    "--binding-only",
    is_flag=True,
    help="Only requirements whose standards bind the jurisdiction on the date; the others are listed as not shown.",
)

date_option = click.option(
    "--date", "issued", metavar="YYYY-MM-DD", help="The report's date line (default: none, so output stays the same)."
)


def deliverable(issued: str | None) -> Deliverable:
    """The author, organisation (as configured or given) and date line, the date checked."""
    date = parse_date(issued)
    settings = config.active()
    return Deliverable(settings.author, settings.organisation, date.isoformat() if date else None)


def parse_formats(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in chosen if v not in allowed]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(allowed)} (comma-separated), not {value!r}")
    return chosen


def emit(out: Path, files: dict[str, str | bytes]) -> None:
    """Write rendered files to the output folder, or the one file to standard output with `--out -`."""
    if str(out) == STDIO:
        if len(files) != 1:
            raise click.UsageError(f"--out - writes one file; this writes {len(files)}: choose one with --format")
        if sys.stdout is None:
            raise click.UsageError("--out -: standard output is closed")
        content = next(iter(files.values()))
        data = content.encode("utf-8") if isinstance(content, str) else content
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    for path in write_set(out, files):
        say(f"wrote {display_path(path)}")
