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
from gapcheck.rules.terms import Outcome, Role, words
from gapcheck.rules.thresholds import exception_floor, of_subject, show
from gapcheck.rules.tree import Combine, Criterion, leaf, node


def define() -> None:
    """Declare the minimum-age verdict in the current rule set."""

    @verdict("min_age")
    def minimum_age(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, minimum_age_criteria(s, req))


def minimum_age_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, MinAgeParams)
    subject = words(p.subject)
    ages = _thresholds(s, req, p)
    if not p.or_measure:
        return ages
    return node(
        "minimum-age",
        f"children are kept out of {subject}",
        Combine.any,
        [_prohibition(s, subject, p.or_measure), ages],
    )


def _prohibition(s: Snapshot, subject: str, measure: str) -> Criterion:
    """The prohibition measure: an explicit one satisfies it, one recorded as partial partly, anything else not."""
    kind = words(measure)
    own = [f for f in s.of(MeasureFact) if f.measure == measure]
    explicit = [f for f in own if f.status == "explicit"]
    partial = [f for f in own if f.status == "partial"]
    if explicit:
        outcome = Outcome.satisfied
        because = [f"{f.provision} prohibits {subject} for children explicitly [{f.source}]." for f in explicit]
        facts = [cited(f, Role.satisfies) for f in explicit]
    elif partial:
        outcome = Outcome.partly
        because = [f"{f.provision}: {kind}, partial [{f.source}]: not an explicit, complete measure." for f in partial]
        facts = [cited(f, Role.partly_satisfies) for f in partial]
    else:
        outcome, because, facts = Outcome.not_, [f"No explicit {kind} is in force."], []
    return leaf(
        "prohibition",
        f"the law prohibits {subject} for children explicitly",
        outcome,
        because,
        facts,
        f"an explicit {kind}",
    )


def _thresholds(s: Snapshot, req: RequirementFact, p: MinAgeParams) -> Criterion:
    subject = words(p.subject)
    found = of_subject(s, p.subject)
    if not found:
        return absent(s, req, f"minimum age for {subject}", id="thresholds")
    benchmark, basis = p.minimum, f"The benchmark is {p.minimum}."
    declarations = [
        f for f in s.of(MeasureFact) if f.measure == "minimum_age_declaration" and f.age == p.declaration_age
    ]
    if p.declared_minimum is not None and declarations:
        d = declarations[0]
        benchmark = p.declared_minimum
        basis = (
            f"The benchmark is {benchmark}, because a minimum age of {d.age} was declared ({d.provision}) [{d.source}]."
        )
    test = f"every minimum age for {subject} is at least {benchmark}"
    children = []
    for f in found:
        reaches = f.lowest >= benchmark
        children.append(
            leaf(
                f"threshold:{f.ref}",
                f"{f.provision} sets at least {benchmark}",
                Outcome.satisfied if reaches else Outcome.not_,
                [show(f) + "."],
                [cited(f, Role.satisfies if reaches else Role.falls_short)],
                f"a minimum age of {benchmark} for {subject}",
            )
        )
    notes = [basis]
    if p.counts_exceptions:
        for f in found:
            for e in f.exceptions:
                text = f"{f.provision} allows it {exception_floor(e)} {e.conditions} [{e.source}]"
                below = e.lowers_below
                if e.counts and below is not None and below < benchmark:
                    children.append(
                        leaf(
                            f"exception:{f.ref}:{below}",
                            f"no exception of {f.provision} lowers it",
                            Outcome.not_,
                            [f"{text}: the minimum holds with or without consent, so this lowers it."],
                            [cited(f, Role.falls_short)],
                            f"no exception below {benchmark}",
                        )
                    )
                elif not e.counts:
                    notes.append(f"Reported by a secondary or unconfirmed source, not counted: {text}.")
    return node("thresholds", test, Combine.all, children, notes)
