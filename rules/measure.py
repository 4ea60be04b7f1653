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
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, Criterion, leaf, node, say

ROLE = {Outcome.satisfied: Role.satisfies, Outcome.partly: Role.partly_satisfies, Outcome.not_: Role.considered}


def grade(p: MeasureParams, f: MeasureFact) -> Criterion:
    """The criterion a single measure decides."""
    where = {"provision": f.provision, "measure": f.measure, "status": f.status, "source": f.source}
    missing = sorted(set(p.bases) - set(f.bases))
    if f.status == "none":
        outcome, line = Outcome.not_, say("measure.absent", **where)
    elif missing:
        outcome, line = Outcome.partly, say("measure.without-basis", **where, bases=missing)
    elif f.status in p.full and p.elements:
        return _elements(p, f, where)
    elif f.status in p.full:
        outcome, line = Outcome.satisfied, say("measure.is", **where)
    elif f.status in p.partial:
        outcome, line = Outcome.partly, say("measure.not-complete", **where)
    else:
        outcome, line = Outcome.not_, say("measure.is", **where)
    need = say("measure.needs", measure=p.measure, bases=missing) if missing else say("measure.need", measure=p.measure)
    return leaf(
        f"measure:{f.ref}",
        say("measure.provision-has", provision=f.provision, measure=p.measure),
        outcome,
        [line],
        [cited(f, ROLE[outcome])],
        need,
    )


def _elements(p: MeasureParams, f: MeasureFact, where: dict[str, Any]) -> Criterion:
    """An explicit measure judged by the elements the standard requires of it."""
    provided = [e for e in p.elements if e in f.elements]
    lacking = [e for e in p.elements if e not in f.elements]
    line = say(
        "measure.elements" if provided else "measure.no-elements",
        **where,
        provided=provided,
        lacking=say("measure.elements-lacking", lacking=lacking) if lacking else None,
    )
    leaves = [
        leaf(
            f"element:{f.ref}:{e}",
            say("measure.element", provision=f.provision, measure=p.measure, element=e),
            Outcome.satisfied if e in f.elements else Outcome.not_,
            [line],
            [cited(f, Role.satisfies if e in f.elements else Role.considered)],
            say("measure.element-missing", measure=p.measure, element=e),
        )
        for e in p.elements
    ]
    test = say("measure.every-element", provision=f.provision, measure=p.measure)
    return node(f"measure:{f.ref}", test, Combine.parts, leaves, [line])


def define() -> None:
    """Declare the measure verdict in the current rule set."""

    @verdict("measure")
    def measure(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, measure_criteria(s, req))


def measure_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, MeasureParams)
    kind = p.measure
    measures = s.of(MeasureFact)
    own = [f for f in measures if f.measure == p.measure]
    if own:
        graded = [grade(p, f) for f in own]
        root = node("measure", say("measure.law-has", measure=kind), Combine.any, graded)
        if root.outcome is Outcome.not_:  # a closed world says so too: cite it beside the measure's own source
            closed = absent(s, req, say("measure.what", measure=kind))
            root.because.extend(closed.because if closed.outcome is Outcome.not_ else [])
        return root
    weaker = [f for f in measures if f.measure in p.partial_kinds]
    if weaker:
        leaves = [
            leaf(
                f"weaker:{f.ref}",
                say("measure.provision-has", provision=f.provision, measure=kind),
                Outcome.partly,
                [say("measure.weaker", provision=f.provision, weaker=f.measure, measure=kind, source=f.source)],
                [cited(f, Role.partly_satisfies)],
                say("measure.need", measure=kind),
            )
            for f in weaker
        ]
        return node("measure", say("measure.law-has", measure=kind), Combine.any, leaves)
    return absent(s, req, say("measure.what", measure=kind))
