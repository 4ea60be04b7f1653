"""Verdicts on minimum-age requirements: every threshold for the subject reaches the benchmark.

Criteria: an explicit prohibition where the standard accepts one (one recorded
as partial partly satisfies it), or (`any`)
every threshold for the subject at or above the benchmark and no confirmed
exception below it (`all`). A benchmark may be lowered by a declaration in
force (C138 art. 2(4)); the criterion then says which declaration and source
it rests on.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import MeasureFact, RequirementFact
from gapcheck.rules.params import MinAgeParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.thresholds import exception_floor, of_subject, show
from gapcheck.rules.tree import Combine, Criterion, leaf, node, say


def define() -> None:
    """Declare the minimum-age verdict in the current rule set."""

    @verdict("min_age")
    def minimum_age(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, minimum_age_criteria(s, req))


def minimum_age_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, MinAgeParams)
    subject = p.subject
    ages = _thresholds(s, req, p)
    if not p.or_measure:
        return ages
    return node(
        "minimum-age",
        say("minage.root", subject=subject),
        Combine.any,
        [_prohibition(s, subject, p.or_measure), ages],
    )


def _prohibition(s: Snapshot, subject: str, measure: str) -> Criterion:
    """The prohibition measure: an explicit one satisfies it, one recorded as partial partly, anything else not."""
    own = [f for f in s.of(MeasureFact) if f.measure == measure]
    explicit = [f for f in own if f.status == "explicit"]
    partial = [f for f in own if f.status == "partial"]
    if explicit:
        outcome = Outcome.satisfied
        because = [say("minage.ban", provision=f.provision, subject=subject, source=f.source) for f in explicit]
        facts = [cited(f, Role.satisfies) for f in explicit]
    elif partial:
        outcome = Outcome.partly
        because = [
            say("measure.not-complete", provision=f.provision, measure=measure, status=f.status, source=f.source)
            for f in partial
        ]
        facts = [cited(f, Role.partly_satisfies) for f in partial]
    else:
        outcome, because, facts = Outcome.not_, [say("minage.no-ban", measure=measure)], []
    return leaf(
        "prohibition",
        say("minage.ban-test", subject=subject),
        outcome,
        because,
        facts,
        say("measure.need", measure=measure),
    )


def _thresholds(s: Snapshot, req: RequirementFact, p: MinAgeParams) -> Criterion:
    subject = p.subject
    found = of_subject(s, p.subject)
    if not found:
        return absent(s, req, say("minage.what", subject=subject), id="thresholds")
    benchmark, basis = p.minimum, say("minage.benchmark", age=p.minimum)
    declarations = [
        f for f in s.of(MeasureFact) if f.measure == "minimum_age_declaration" and f.age == p.declaration_age
    ]
    if p.declared_minimum is not None and declarations:
        d = declarations[0]
        benchmark = p.declared_minimum
        basis = say("minage.declared", age=benchmark, declared=d.age, provision=d.provision, source=d.source)
    test = say("minage.test", subject=subject, age=benchmark)
    children = []
    for f in found:
        reaches = f.lowest >= benchmark
        children.append(
            leaf(
                f"threshold:{f.ref}",
                say("minage.sets-at-least", provision=f.provision, age=benchmark),
                Outcome.satisfied if reaches else Outcome.not_,
                [say("minage.shown", shown=show(f))],
                [cited(f, Role.satisfies if reaches else Role.falls_short)],
                say("minage.needs", age=benchmark, subject=subject),
            )
        )
    notes = [basis]
    if p.counts_exceptions:
        for f in found:
            for e in f.exceptions:
                text = {
                    "provision": f.provision,
                    "floor": exception_floor(e),
                    "conditions": e.conditions,
                    "source": e.source,
                }
                below = e.lowers_below
                if e.counts and below is not None and below < benchmark:
                    children.append(
                        leaf(
                            f"exception:{f.ref}:{below}",
                            say("minage.no-exception", provision=f.provision),
                            Outcome.not_,
                            [say("minage.exception-lowers", **text)],
                            [cited(f, Role.falls_short)],
                            say("minage.no-exception-below", age=benchmark),
                        )
                    )
                elif not e.counts:
                    notes.append(say("minage.exception-reported", **text))
    return node("thresholds", test, Combine.all, children, notes)
