"""Verdicts on no-exception requirements: a minimum age must hold without a lower exception.

Criteria (`all`): each threshold for the subject holds without a confirmed
exception, and no threshold of a listed lower subject goes below it. Where
the source does not say whether exceptions exist, or only an unconfirmed
source reports one, the threshold's criterion is `unknown`.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.facts import ExceptionFact, RequirementFact, ThresholdFact
from gapcheck.rules.params import NoExceptionsParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.thresholds import exception_floor, of_subject, show
from gapcheck.rules.tree import Combine, Criterion, leaf, node, say


def define() -> None:
    """Declare the no-exception verdict in the current rule set."""

    @verdict("no_exceptions")
    def no_exceptions(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, exceptions_criteria(s, req))


def _exception(f: ThresholdFact, e: ExceptionFact) -> dict[str, Any]:
    return {"provision": f.provision, "floor": exception_floor(e), "conditions": e.conditions, "source": e.source}


def exceptions_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, NoExceptionsParams)
    subject = p.subject
    found = of_subject(s, p.subject)
    if not found:
        return absent(s, req, say("minage.what", subject=subject))
    floor = min(f.lowest for f in found)
    children = []
    for f in found:
        confirmed = [_exception(f, e) for e in f.exceptions if e.counts]
        reported = [_exception(f, e) for e in f.exceptions if not e.counts]
        test = say("exceptions.holds", provision=f.provision)
        facts = [cited(f, Role.allows_exception if f.exceptions else Role.considered)]
        if confirmed:
            outcome, because = Outcome.not_, [say("exceptions.allows", subject=subject, **x) for x in confirmed]
        elif reported or not f.exceptions_known:
            outcome = Outcome.unknown
            because = [say("exceptions.not-said", shown=show(f))] if not f.exceptions_known else []
            because += [say("exceptions.reported", subject=subject, **x) for x in reported]
        else:
            outcome, because = Outcome.satisfied, [say("exceptions.none", shown=show(f))]
        missing = (
            say("exceptions.missing", subject=subject)
            if outcome is Outcome.not_
            else say("exceptions.primary-source", provision=f.provision)
        )
        children.append(leaf(f"threshold:{f.ref}", test, outcome, because, facts, missing))
    top = max(max(f.ages) for f in found)
    for f in found:  # a lower age for one sex or one population is an exception for them
        if f.lowest < top:
            children.append(
                leaf(
                    f"lower-for-some:{f.ref}",
                    say("exceptions.same-for-all", provision=f.provision),
                    Outcome.not_,
                    [say("exceptions.lower-for-some", shown=show(f), age=top, subject=subject)],
                    [cited(f, Role.allows_exception)],
                    say("exceptions.same-age", age=top),
                )
            )
    for lower_subject in p.lower_subjects:
        for f in of_subject(s, lower_subject):
            if f.lowest < floor:
                children.append(
                    leaf(
                        f"lower:{f.ref}",
                        say("exceptions.lower-subject", subject=lower_subject, age=floor),
                        Outcome.not_,
                        [say("exceptions.below-minimum", shown=show(f), age=floor)],
                        [cited(f, Role.allows_exception)],
                        say("exceptions.lower-subject-missing", subject=lower_subject, age=floor),
                    )
                )
    return node("exceptions", say("exceptions.root", subject=subject), Combine.all, children)
