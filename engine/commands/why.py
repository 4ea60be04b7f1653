"""`gapcheck why`: the justification tree of one requirement, and why it is not met."""

import difflib
from dataclasses import dataclass
from pathlib import Path

import click

from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import (
    amendment_option,
    as_of_option,
    jurisdiction_option,
    jurisdiction_or_default,
    parse_date,
    say,
    show,
    with_data,
)
from gapcheck.findings import Criterion, Finding
from gapcheck.output.templates import render
from gapcheck.workspace import Workspace


@dataclass(frozen=True)
class WhyContext:
    """Everything why.txt may use."""

    f: Finding
    jurisdiction: str
    as_of: str
    amendment: str | None
    unmet: list[Criterion]
    notes: list[str]


@click.command()
@click.argument("requirement")
@jurisdiction_option
@as_of_option
@amendment_option
@with_data("statutes", "standards", "templates")
def why(requirement: str, jurisdiction: str | None, as_of: str | None, amendments: tuple[Path, ...]) -> int:
    """Print the criteria that decide REQUIREMENT's status, and what the law would need to meet it."""
    ws = Workspace.open(notify=say)
    run = ws.evaluate(jurisdiction_or_default(jurisdiction), parse_date(as_of), amendments)
    found = {f.requirement: f for f in run.evaluation.findings}
    if requirement not in found:
        near = difflib.get_close_matches(requirement, sorted(found), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else "; `gapcheck check` lists them"
        raise click.BadParameter(f"no requirement {requirement!r}{hint}", param_hint="REQUIREMENT")
    f = found[requirement]
    ev = run.evaluation
    context = WhyContext(f, ev.jurisdiction, ev.as_of.isoformat(), run.amendment_label, f.criteria.unmet(), f.notes)
    show(render("why.txt", context))
    return EXIT_OK
