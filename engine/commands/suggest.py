"""`gapcheck suggest`: a draft amendment that closes the chosen gaps and partials, verified by re-running the rules."""

import difflib
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
from gapcheck.output.text_out import diff_text
from gapcheck.suggest.render import trailer
from gapcheck.suggest.search import Suggestion, suggest
from gapcheck.workspace import Workspace


@click.command("suggest")
@click.argument("requirements", nargs=-1)
@jurisdiction_option
@as_of_option
@amendment_option
@reading_option
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the draft to this file (default: standard output); the diff is then printed.",
)
@with_data("statutes", "standards")
def suggest_command(
    requirements: tuple[str, ...],
    jurisdiction: str | None,
    as_of: str | None,
    amendments: tuple[Path, ...],
    readings: tuple[str, ...],
    out: Path | None,
) -> int:
    """Draft the smallest amendment that closes REQUIREMENTS (default: every gap and partial), proven by the rules.

    The draft is an amendment file for `gapcheck diff -a`: for a lawyer to review, not legal text.
    """
    ws = Workspace.open(notify=say)
    known = sorted(ws.standards.requirements)
    for rid in requirements:
        if rid not in ws.standards.requirements:
            near = difflib.get_close_matches(rid, known, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else "; `gapcheck check` lists them"
            raise click.BadParameter(f"no requirement {rid!r}{hint}", param_hint="REQUIREMENTS")
    code = jurisdiction_or_default(jurisdiction)
    found = suggest(ws, code, parse_date(as_of), amendments, list(requirements), readings)
    report = summary(found)
    text = (found.text if found.draft else "") + trailer(report.splitlines())
    if out is None:
        click.echo(text, nl=False)
    elif found.draft:
        out.write_text(text, encoding="utf-8")
        say(f"wrote {out}")
        show(report)
    else:
        show(report)
    return EXIT_OK


def summary(s: Suggestion) -> str:
    """The verified effect (the diff), then what the draft closes and what it leaves open, with why."""
    lines = [f"gapcheck suggest: {s.jurisdiction} as of {s.as_of.isoformat()}, {len(s.targets)} targeted", ""]
    if s.diff is not None:
        lines += ["Verified by re-running the rules with the draft:", *diff_text(s.diff).splitlines(), ""]
    else:
        lines += ["No change to suggest.", ""]
    lines.append(f"Closed ({len(s.closed)}): {', '.join(s.closed) or 'none'}")
    lines.append(f"Not closed ({len(s.open)}):")
    for o in s.open:
        lines += [f"  {o.requirement} ({o.status}): {o.reason}", *([f"    missing: {o.missing}"] if o.missing else [])]
    if not s.open:
        lines.append("  none")
    return "\n".join(lines) + "\n"
