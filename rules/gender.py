"""Verdicts on gender neutrality: no offence relied on for the listed requirements is limited by victim sex.

Criteria (`all`): each offence that covers one of the listed requirements
protects victims of any sex; one limited to one sex makes it `partly`.
"""

from typing import Any

from gapcheck.rules.base import Snapshot, absent, cited, conclude, verdict
from gapcheck.rules.coverage import at_least_partly, coverage_of
from gapcheck.rules.facts import ReqConductFact, RequirementFact
from gapcheck.rules.params import GenderNeutralParams
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Combine, Criterion, leaf, node, say


def define() -> None:
    """Declare the gender-neutrality verdict in the current rule set."""

    @verdict("gender_neutral")
    def gender_neutral(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, gender_criteria(s, req))


def gender_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    assert isinstance(req.params, GenderNeutralParams)
    wanted = set(req.params.requirements)
    relied = sorted((f for r in wanted if r in _coverage_tested(s) for f in coverage_of(s, r)), key=lambda f: f.ref)
    covs = {f.offence: f for f in at_least_partly(relied)}
    if not covs:
        return absent(s, req, say("gender.what"))
    leaves = []
    for name, f in sorted(covs.items()):
        limited = f.sex != "any"
        leaves.append(
            leaf(
                f"offence:{name}",
                say("gender.test", offence=name),
                Outcome.partly if limited else Outcome.satisfied,
                [say("gender.limited" if limited else "gender.any", offence=name, sex=f.sex, source=f.source)],
                [cited(f, Role.falls_short if limited else Role.satisfies, name)],
                say("cov.victim-sex.missing"),
            )
        )
    return node("gender", say("gender.root", requirements=sorted(wanted)), Combine.all, leaves)


def _coverage_tested(s: Snapshot) -> set[str]:
    """The requirements tested against offences (the only ones with coverage)."""
    return s.memo("coverage tested", lambda: {rc.req for rc in s.of(ReqConductFact)})
