"""Test parameters as the rules read them: one dataclass per test kind.

The same fields as the pydantic tests of gapcheck.standard, which validate
the YAML (tests/rules/test_params.py keeps the two in step); vocabulary
terms arrive as plain strings.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CoverageParams:
    """Offence coverage: every group of conducts covered by an in-force offence (and penalty, diversion)."""

    groups: list[list[str]]
    objects: list[str]
    partial_objects: list[str]
    purposes: list[str] | None
    purpose_unrestricted: bool
    victim_ages: tuple[int, int] | None
    victim_age_limit_required: bool
    sex_neutral: bool
    partial_elements: list[str]
    excluded_elements: list[str]
    required_elements: list[str]
    partial_labels: list[str]
    means: list[str]
    max_at_least: int | None
    mediation_measure: str | None
    victim_band_from: str | None = None
    victim_band_side: str = "below"
    acts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MinAgeParams:
    """A threshold at or above a minimum; a declaration may lower it; a measure may stand in."""

    subject: str
    minimum: int
    declared_minimum: int | None
    declaration_age: int | None
    or_measure: str | None
    counts_exceptions: bool


@dataclass(frozen=True)
class NoExceptionsParams:
    """A threshold holds without exceptions; lower thresholds of other subjects count as exceptions."""

    subject: str
    lower_subjects: list[str]


@dataclass(frozen=True)
class AgeOrderParams:
    """The lowest threshold of one subject reaches the lowest of another."""

    subject: str
    at_least: str


@dataclass(frozen=True)
class MeasureParams:
    """A legal measure present explicitly, with the bases it must include."""

    measure: str
    full: list[str]
    partial: list[str]
    partial_kinds: list[str]
    bases: list[str]
    elements: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NonPunishmentParams:
    """Offences of these conducts punish the victim's own acts unless the exemption measure takes children out."""

    conducts: list[str]
    measure: str


@dataclass(frozen=True)
class GenderNeutralParams:
    """No offence relied on for the listed requirements is limited by victim sex."""

    requirements: list[str]


Params = (
    CoverageParams
    | MinAgeParams
    | NoExceptionsParams
    | AgeOrderParams
    | MeasureParams
    | GenderNeutralParams
    | NonPunishmentParams
)

PARAMS: dict[str, type[Params]] = {
    "criminalization": CoverageParams,
    "separate_offence": CoverageParams,
    "penalty": CoverageParams,
    "diversion": CoverageParams,
    "min_age": MinAgeParams,
    "no_exceptions": NoExceptionsParams,
    "age_order": AgeOrderParams,
    "measure": MeasureParams,
    "gender_neutral": GenderNeutralParams,
    "non_punishment": NonPunishmentParams,
}


def params_of(test: str, data: dict[str, Any]) -> Params:
    """The typed parameters of a test kind from their JSON form."""
    if test in ("criminalization", "separate_offence", "penalty", "diversion") and data.get("victim_ages") is not None:
        data = {**data, "victim_ages": tuple(data["victim_ages"])}
    return PARAMS[test](**data)
