"""Derived procedural risk: child sexual offences that village mediation may divert.

A chain of two rules. First, a child sexual offence whose maximum penalty is
within the mediation threshold (a procedure measure) is `divertible`. Then,
once all facts are in, the criteria: a mediation threshold is known, and each
covering offence is out of its reach (`all`): any divertible offence is a gap.
"""

from dataclasses import dataclass
from typing import Any

from durable.lang import c, m, when_all

from gapcheck.rules.base import Snapshot, absent, cited, conclude, derive, fact, verdict
from gapcheck.rules.coverage import CoverageFact
from gapcheck.rules.facts import Cited, MeasureFact, RequirementFact
from gapcheck.rules.params import CoverageParams
from gapcheck.rules.terms import Outcome, Quality, Role, months, words
from gapcheck.rules.tree import Combine, Criterion, Evidence, leaf, node


@dataclass(frozen=True)
class DivertibleFact(Cited):
    """A covering offence whose maximum penalty is within a mediation threshold."""

    KIND = "divertible"
    req: str
    offence: str
    max_months: int
    threshold: int
    measure_provision: str
    measure_source: str


def define() -> None:
    """Declare the diversion chain in the current rule set."""

    @when_all(
        # durable_rules compares with ==, so `== True` is needed here
        c.cov
        << ((m.kind == "coverage") & (m.test == "diversion") & (m.quality != "none") & (m.penalty_stated == True)),  # noqa: E712
        c.med
        << (
            (m.kind == "measure")
            & (m.measure == c.cov.mediation_measure)
            & (m.has_max == True)  # noqa: E712
            & (m.max_months >= c.cov.max_months)
        ),
    )
    def divertible(ctx: Any) -> None:
        cov, med = CoverageFact.of(fact(ctx.cov)), MeasureFact.of(fact(ctx.med))
        derive(
            ctx,
            DivertibleFact(
                ref=f"divertible:{cov.req}:{cov.offence}:{med.ref}",
                provision=cov.provision,
                source=cov.source,
                secondary=cov.secondary,
                req=cov.req,
                offence=cov.offence,
                max_months=cov.max_months,
                threshold=med.max_months,
                measure_provision=med.provision,
                measure_source=med.source,
            ).to_fact(),
        )

    @verdict("diversion")
    def diversion(ctx: Any, s: Snapshot, req: RequirementFact) -> None:
        conclude(ctx, s, req, diversion_criteria(s, req))


def diversion_criteria(s: Snapshot, req: RequirementFact) -> Criterion:
    """A mediation threshold is in the law, and no covering offence falls within it."""
    assert isinstance(req.params, CoverageParams) and req.params.mediation_measure is not None
    kind = req.params.mediation_measure
    mediation = [f for f in s.of(MeasureFact) if f.measure == kind and f.has_max]
    if not mediation:
        return absent(s, req, f"{words(kind)} measure")
    med_lines = [
        f"{f.provision} sends cases punishable by up to {months(f.max_months)} to mediation [{f.source}]."
        for f in mediation
    ]
    covs = {f.offence: f for f in s.of(CoverageFact) if f.req == req.req and f.quality is not Quality.none}
    if not covs:
        return node(
            "diversion",
            "no child sexual offence can be diverted to mediation",
            Combine.all,
            [absent(s, req, "child sexual offence")],
            med_lines,
        )
    divertible: dict[str, list[DivertibleFact]] = {}
    for d in s.of(DivertibleFact):
        if d.req == req.req:
            divertible.setdefault(d.offence, []).append(d)
    leaves = []
    for name, cov in sorted(covs.items()):
        test = f"{name} is out of reach of mediation"
        if name in divertible:
            ds = divertible[name]
            because = [
                f"{name} carries at most {months(d.max_months)}, within the mediation threshold of "
                f"{months(d.threshold)} set by {d.measure_provision} [{d.source}; {d.measure_source}]: "
                f"such cases may be settled by mediation instead of the formal justice system."
                for d in ds
            ]
            facts = [cited(cov, Role.diverts, name)]
            facts += [Evidence(d.measure_provision, d.measure_source, Role.threshold) for d in ds]
            leaves.append(
                leaf(
                    f"offence:{name}",
                    test,
                    Outcome.not_,
                    because,
                    facts,
                    f"a maximum penalty for {name} above {months(max(d.threshold for d in ds))}, "
                    "or its exclusion from mediation",
                )
            )
        elif not cov.penalty_stated:
            leaves.append(
                leaf(
                    f"offence:{name}",
                    test,
                    Outcome.unknown,
                    [
                        f"The penalty of {name} is not stated, so whether mediation could handle it "
                        f"cannot be told [{cov.source}]."
                    ],
                    [cited(cov, Role.considered, name)],
                    f"the penalty of {name}",
                )
            )
        else:
            leaves.append(
                leaf(
                    f"offence:{name}",
                    test,
                    Outcome.satisfied,
                    [f"{name} carries {months(cov.max_months)}, more than the mediation threshold."],
                    [cited(cov, Role.satisfies, name)],
                )
            )
    return node("diversion", "no child sexual offence can be diverted to mediation", Combine.all, leaves, med_lines)
