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
from gapcheck.rules.terms import Outcome, Role, words
from gapcheck.rules.thresholds import exception_floor, of_subject, show
from gapcheck.rules.tree import Combine, Criterion, leaf, node


def define() -> None:
    """Declare the no-exception verdict in the current rule set."""

    @verdict("no_exceptions")
    def no_exceptions(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, exceptions_criteria(s, req))


def _exception_text(subject: str, f: ThresholdFact, e: ExceptionFact) -> str:
    return f"{f.provision} allows {subject} {exception_floor(e)} {e.conditions} [{e.source}]"


def exceptions_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    p = req.params
    assert isinstance(p, NoExceptionsParams)
    subject = words(p.subject)
    found = of_subject(s, p.subject)
    if not found:
        return absent(s, req, f"minimum age for {subject}")
    floor = min(f.lowest for f in found)
    children = []
    for f in found:
        confirmed = [_exception_text(subject, f, e) for e in f.exceptions if e.counts]
        reported = [_exception_text(subject, f, e) for e in f.exceptions if not e.counts]
        test = f"{f.provision} holds without exception"
        facts = [cited(f, Role.allows_exception if f.exceptions else Role.considered)]
        if confirmed:
            outcome, because = Outcome.not_, [t + "." for t in confirmed]
        elif reported or not f.exceptions_known:
            outcome = Outcome.unknown
            because = (
                [f"{show(f)}; the source does not say whether exceptions exist."] if not f.exceptions_known else []
            )
            because += [f"Reported by a secondary or unconfirmed source: {t}." for t in reported]
        else:
            outcome, because = Outcome.satisfied, [f"{show(f)}, with no exception stated."]
        missing = (
            f"the minimum age of {subject} without exceptions"
            if outcome is Outcome.not_
            else f"a primary source on whether {f.provision} allows exceptions"
        )
        children.append(leaf(f"threshold:{f.ref}", test, outcome, because, facts, missing))
    top = max(max(f.ages) for f in found)
    for f in found:  # a lower age for one sex or one population is an exception for them
        if f.lowest < top:
            children.append(
                leaf(
                    f"lower-for-some:{f.ref}",
                    f"{f.provision} sets no lower age for one sex or population",
                    Outcome.not_,
                    [f"{show(f)}, below the {top} the law sets elsewhere for {subject}."],
                    [cited(f, Role.allows_exception)],
                    f"the same minimum age of {top} for everyone",
                )
            )
    for lower_subject in p.lower_subjects:
        for f in of_subject(s, lower_subject):
            if f.lowest < floor:
                children.append(
                    leaf(
                        f"lower:{f.ref}",
                        f"no {words(lower_subject)} age below {floor}",
                        Outcome.not_,
                        [f"{show(f)}, below the minimum age of {floor}."],
                        [cited(f, Role.allows_exception)],
                        f"no {words(lower_subject)} below the age of {floor}",
                    )
                )
    return node("exceptions", f"the minimum age for {subject} holds without exception", Combine.all, children)
