"""Verdicts on legal-measure requirements: the measure is in the law, explicitly.

Criteria: each measure of the kind asked for (the best one decides: `any`);
where the standard lists elements the measure must provide (OPSC art. 8(1) for
child-friendly procedure), an explicit measure is judged element by element
(`parts`: all of them satisfied, some of them partly).
A measure the source says is absent (`none`) is `not` even in an open world:
the source has looked. Without one, a related but weaker measure (a blocking
power without a reporting duty) is `partly`.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import MeasureFact, RequirementFact
from gapcheck.rules.params import MeasureParams
from gapcheck.rules.terms import Outcome, Role, words
from gapcheck.rules.tree import Combine, Criterion, leaf, node

ROLE = {Outcome.satisfied: Role.satisfies, Outcome.partly: Role.partly_satisfies, Outcome.not_: Role.considered}


def grade(p: MeasureParams, f: MeasureFact) -> Criterion:
    """The criterion a single measure decides."""
    where = f"{f.provision}: {words(f.measure)}, {words(f.status)} [{f.source}]"
    missing = sorted(set(p.bases) - set(f.bases))
    if f.status == "none":
        outcome, line = Outcome.not_, f"{where}: the source says the measure is absent."
    elif missing:
        outcome, line = Outcome.partly, f"{where}, but without the {', '.join(words(b) for b in missing)} basis."
    elif f.status in p.full and p.elements:
        return _elements(p, f, where)
    elif f.status in p.full:
        outcome, line = Outcome.satisfied, where + "."
    elif f.status in p.partial:
        outcome, line = Outcome.partly, f"{where}: not an explicit, complete measure."
    else:
        outcome, line = Outcome.not_, where + "."
    need = f"an explicit {words(p.measure)}" + (
        f" with the {', '.join(words(b) for b in missing)} basis" if missing else ""
    )
    return leaf(
        f"measure:{f.ref}",
        f"{f.provision} has an explicit {words(p.measure)}",
        outcome,
        [line],
        [cited(f, ROLE[outcome])],
        need,
    )


def _elements(p: MeasureParams, f: MeasureFact, where: str) -> Criterion:
    """An explicit measure judged by the elements the standard requires of it."""
    kind = words(p.measure)
    provided = [words(e) for e in p.elements if e in f.elements]
    lacking = [words(e) for e in p.elements if e not in f.elements]
    line = f"{where}: it provides {', '.join(provided) or 'none of the required elements'}" + (
        f"; not {', '.join(lacking)}." if lacking else "."
    )
    leaves = [
        leaf(
            f"element:{f.ref}:{e}",
            f"{f.provision}'s {kind} provides {words(e)}",
            Outcome.satisfied if e in f.elements else Outcome.not_,
            [line],
            [cited(f, Role.satisfies if e in f.elements else Role.considered)],
            f"a {kind} that provides {words(e)}",
        )
        for e in p.elements
    ]
    return node(f"measure:{f.ref}", f"{f.provision} has a {kind} with every element", Combine.parts, leaves, [line])


def define() -> None:
    """Declare the measure verdict in the current rule set."""

    @verdict("measure")
    def measure(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, measure_criteria(s, req))


def measure_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, MeasureParams)
    kind = words(p.measure)
    measures = s.of(MeasureFact)
    own = [f for f in measures if f.measure == p.measure]
    if own:
        graded = [grade(p, f) for f in own]
        root = node("measure", f"the law has an explicit {kind}", Combine.any, graded)
        if root.outcome is Outcome.not_:  # a closed world says so too: cite it beside the measure's own source
            closed = absent(s, req, kind)
            root.because.extend(closed.because if closed.outcome is Outcome.not_ else [])
        return root
    weaker = [f for f in measures if f.measure in p.partial_kinds]
    if weaker:
        leaves = [
            leaf(
                f"weaker:{f.ref}",
                f"{f.provision} has an explicit {kind}",
                Outcome.partly,
                [f"{f.provision}: only a {words(f.measure)} [{f.source}], no {kind}."],
                [cited(f, Role.partly_satisfies)],
                f"a {kind}",
            )
            for f in weaker
        ]
        return node("measure", f"the law has an explicit {kind}", Combine.any, leaves)
    return absent(s, req, kind)
