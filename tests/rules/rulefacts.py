"""Build the few facts a rule needs and run the real rule set on them: no corpus, no standards files.

Every builder fills the fields a test does not care about with a neutral
value, so that a test states only what decides its case.
"""

from dataclasses import dataclass, replace
from typing import Any

from gapcheck.evaluate import rule_engine
from gapcheck.findings import Criterion, worded
from gapcheck.prose import Wording
from gapcheck.rules.coverage import expand
from gapcheck.rules.facts import (
    CompleteFact,
    ExceptionFact,
    Fact,
    MeasureFact,
    OffenceFact,
    ReqConductFact,
    RequirementFact,
    ThresholdFact,
    UnknownFact,
)
from gapcheck.rules.params import (
    AgeOrderParams,
    CoverageParams,
    GenderNeutralParams,
    MeasureParams,
    MinAgeParams,
    NoExceptionsParams,
)
from gapcheck.rules.terms import Status

COVERAGE = CoverageParams(
    groups=[["possess"]],
    objects=["child_sexual_abuse_material"],
    partial_objects=[],
    purposes=None,
    purpose_unrestricted=False,
    victim_ages=None,
    victim_age_limit_required=False,
    sex_neutral=False,
    partial_elements=[],
    excluded_elements=[],
    required_elements=[],
    partial_labels=[],
    means=[],
    max_at_least=None,
    mediation_measure=None,
)


def offence(name: str, conduct: str = "possess", obj: str = "child_sexual_abuse_material", **kw: Any) -> Fact:
    """An in-force offence of one conduct, in provision `tl/act/<name>`."""
    base = OffenceFact(
        ref=f"offence:tl/act/{name}#{conduct}",
        provision=f"tl/act/{name}",
        source=f"Act {name}",
        secondary=False,
        offence=f"tl/act/{name} [o]",
        conduct=conduct,
        object=obj,
        purposes=["any"],
        elements=[],
        means=[],
        framing="offence",
        child_specific=True,
        age_stated=False,
        age_from=0,
        age_below=None,
        sex="any",
        penalty_stated=False,
        max_months=0,
        min_months=0,
    )
    return replace(base, **kw).to_fact()


def coverage_requirement(
    req: str = "r", test: str = "criminalization", theme: str = "csam", **params: Any
) -> list[Fact]:
    """A coverage requirement and its (conduct, object) facts, paired as engine/facts.py pairs them."""
    p = replace(COVERAGE, **params)
    out = [RequirementFact(f"requirement:{req}", req, test, theme, p).to_fact()]
    seen: set[tuple[str, str]] = set()
    for g, group in enumerate(p.groups):
        for conduct in group:
            for obj in sorted({*p.objects, *p.partial_objects}):
                if (conduct, obj) not in seen:
                    seen.add((conduct, obj))
                    out.append(
                        ReqConductFact(f"req_conduct:{req}:{conduct}:{obj}", req, test, g, conduct, obj).to_fact()
                    )
    return out


def requirement(req: str, test: str, params: Any, theme: str = "labour") -> Fact:
    return RequirementFact(f"requirement:{req}", req, test, theme, params).to_fact()


def min_age(req: str = "r", **kw: Any) -> Fact:
    p = MinAgeParams(
        subject="employment",
        minimum=15,
        declared_minimum=None,
        declaration_age=None,
        or_measure=None,
        counts_exceptions=False,
    )
    return requirement(req, "min_age", replace(p, **kw))


def no_exceptions(req: str = "r", **kw: Any) -> Fact:
    return requirement(req, "no_exceptions", replace(NoExceptionsParams(subject="employment", lower_subjects=[]), **kw))


def age_order(req: str = "r", subject: str = "compulsory_education_end", at_least: str = "employment") -> Fact:
    return requirement(req, "age_order", AgeOrderParams(subject, at_least))


def measure_req(req: str = "r", measure: str = "isp_reporting_duty", **kw: Any) -> Fact:
    p = MeasureParams(measure=measure, full=["explicit"], partial=["de_facto", "partial"], partial_kinds=[], bases=[])
    return requirement(req, "measure", replace(p, **kw), theme="procedure")


def gender_req(req: str = "g", requirements: list[str] | None = None) -> Fact:
    return requirement(req, "gender_neutral", GenderNeutralParams(requirements or ["r"]), theme="csam")


def threshold(name: str, subject: str = "employment", ages: list[int] | None = None, **kw: Any) -> Fact:
    base = ThresholdFact(
        ref=f"threshold:tl/act/{name}:0",
        provision=f"tl/act/{name}",
        source=f"Act {name}",
        secondary=False,
        subject=subject,
        ages=ages or [15],
        exceptions_known=True,
        exceptions=[],
    )
    return replace(base, **kw).to_fact()


def exception(floor: int | None, confirmed: bool = True, secondary: bool = False) -> ExceptionFact:
    return ExceptionFact(
        floor=floor, conditions="with consent", source="Act x", secondary=secondary, confirmed=confirmed
    )


def measure(name: str, kind: str = "isp_reporting_duty", status: str = "explicit", **kw: Any) -> Fact:
    base = MeasureFact(
        ref=f"measure:tl/act/{name}:{kind}",
        provision=f"tl/act/{name}",
        source=f"Act {name}",
        secondary=False,
        measure=kind,
        status=status,
        bases=[],
        has_max=False,
        max_months=0,
        age=None,
    )
    return replace(base, **kw).to_fact()


def complete(requirements: list[str] | None = None, themes: list[str] | None = None) -> Fact:
    return CompleteFact("complete:0", themes or [], requirements or [], "a review").to_fact()


def unknown(
    about: str = "the law", scope: str = "law", requirements: list[str] | None = None, themes: list[str] | None = None
) -> Fact:
    return UnknownFact("unknown:0", about, requirements or [], themes or [], scope, "a report", None).to_fact()


@dataclass(frozen=True)
class Decided:
    """A finding as the rules concluded it: its status and its criteria."""

    status: Status
    criteria: Criterion
    notes: list[str]

    def find(self, id_prefix: str) -> list[Criterion]:
        """Every criterion whose id starts with the prefix."""
        return [c for c in self.criteria.walk() if c.id.startswith(id_prefix)]

    def text(self) -> str:
        return " ".join(line for c in self.criteria.walk() for line in c.because)


def decide(facts: list[Fact]) -> dict[str, Decided]:
    """Run the real rule set on these facts only; the findings by requirement id."""
    session = rule_engine().evaluate(facts)
    by_ref = {str(f["ref"]): f for f in session if "ref" in f}
    words = Wording()  # no corpus: provisions are named by their ids
    return {
        f["req"]: Decided(
            Status(f["status"]),
            Criterion.model_validate(worded(expand(f["criteria"], by_ref), words)),
            [words.say(n) for n in f["notes"]],
        )
        for f in session
        if f.get("kind") == "finding"
    }


def non_punishment(req: str = "np") -> Fact:
    from gapcheck.rules.params import NonPunishmentParams

    params = NonPunishmentParams(conducts=["engage_in_prostitution"], measure="non_punishment_child_prostitution")
    return requirement(req, "non_punishment", params, theme="victims")
