"""The standards side of the data: international instruments and the requirements they ground.

Test parameters and benchmarks are data here, so that an analyst can read and
change them; rules/ reads them from the facts, never from code.
"""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from gapcheck.dates import LegalDate
from gapcheck.duration import Months
from gapcheck.models import Strict
from gapcheck.values import Age, empty_list
from gapcheck.vocab import (
    Basis,
    Conduct,
    Element,
    InstrumentType,
    Label,
    Means,
    MeasureKind,
    MeasureStatus,
    Object,
    ProcedureElement,
    Purpose,
    Subject,
    Theme,
    TraffickingAct,
)


class Citation(Strict):
    """A pinpoint in an instrument, with how well it was checked: T read, S secondary, M not re-read."""

    instrument: str
    pinpoint: str
    tag: Literal["T", "S", "M"] = "T"


class Benchmark(Strict):
    """A number a test compares against, with its source."""

    value: str
    source: str
    tag: Literal["T", "S", "M"] = "M"
    note: str | None = None


class CoverageTest(Strict):
    """Offence coverage: each group of conducts must be covered by an in-force offence."""

    kind: Literal["criminalization", "separate_offence", "penalty", "diversion"]
    groups: list[list[Conduct]] = Field(min_length=1, description="all groups needed; any conduct within a group")
    objects: list[Object] = Field(default_factory=lambda: [Object.child])
    partial_objects: list[Object] = Field(default_factory=empty_list)
    purposes: list[Purpose] | None = Field(None, description="the offence's purpose must include one")
    purpose_unrestricted: bool = Field(False, description="an offence restricted to some purposes is partial")
    victim_ages: tuple[Age, Age] | None = Field(
        None, description="[from, below): the union of covering offences must span it"
    )
    victim_age_limit_required: bool = Field(False, description="the offence must define a victim age limit")
    victim_band_from: Subject | None = Field(
        None, description="the band is [0, the jurisdiction's age for this subject), e.g. sexual_consent"
    )
    victim_band_side: Literal["below", "above"] = Field(
        "below", description="with victim_band_from: below that age, or from it to the end of victim_ages"
    )
    acts: list[TraffickingAct] = Field(
        default_factory=empty_list,
        description="trafficking: every act an offence must cover (one stating none covers all)",
    )
    sex_neutral: bool = Field(False, description="an offence limited by victim sex is partial")
    partial_elements: list[Element] = Field(default_factory=empty_list)
    excluded_elements: list[Element] = Field(default_factory=empty_list)
    required_elements: list[Element] = Field(default_factory=empty_list)
    partial_labels: list[Label] = Field(default_factory=empty_list)
    means: list[Means] = Field(default_factory=empty_list)
    max_at_least: Months | None = Field(None, description="penalty: the maximum must reach this")
    mediation_measure: MeasureKind | None = Field(None, description="diversion: the threshold measure")


class MinAgeTest(Strict):
    """A threshold at or above a minimum, for both sexes; a declaration may lower it."""

    kind: Literal["min_age"]
    subject: Subject
    minimum: int = Field(ge=0, le=25)
    declared_minimum: Age | None = Field(
        None, description="benchmark when a minimum_age_declaration of `declaration_age` is in force"
    )
    declaration_age: Age | None = None
    or_measure: MeasureKind | None = Field(None, description="an explicit measure of this kind also satisfies")
    counts_exceptions: bool = Field(False, description="a confirmed exception's floor is the effective minimum")


class NoExceptionsTest(Strict):
    """A threshold holds without exceptions; lower thresholds of other subjects count as exceptions."""

    kind: Literal["no_exceptions"]
    subject: Subject
    lower_subjects: list[Subject] = Field(default_factory=empty_list)


class AgeOrderTest(Strict):
    """One threshold reaches at least another (schooling until the employment age)."""

    kind: Literal["age_order"]
    subject: Subject
    at_least: Subject


class MeasureTest(Strict):
    """A legal measure is present, explicitly."""

    kind: Literal["measure"]
    measure: MeasureKind
    full: list[MeasureStatus] = Field(default_factory=lambda: [MeasureStatus.explicit])
    partial: list[MeasureStatus] = Field(default_factory=lambda: [MeasureStatus.de_facto, MeasureStatus.partial])
    partial_kinds: list[MeasureKind] = Field(default_factory=empty_list, description="their presence alone is partial")
    bases: list[Basis] = Field(default_factory=empty_list, description="bases the measure must include")
    elements: list[ProcedureElement] = Field(
        default_factory=empty_list, description="elements the measure must provide; some of them is partial"
    )


class NonPunishmentTest(Strict):
    """Child victims are not punished for what was done to them: no offence reaches them without an exemption."""

    kind: Literal["non_punishment"]
    conducts: list[Conduct] = Field(min_length=1, description="offences of these conducts punish the victim's own acts")
    measure: MeasureKind = Field(description="the explicit exemption of child victims")


class GenderNeutralTest(Strict):
    """No offence that covers the listed requirements is limited by victim sex."""

    kind: Literal["gender_neutral"]
    requirements: list[str] = Field(min_length=1)


Test = Annotated[
    CoverageTest | MinAgeTest | NoExceptionsTest | AgeOrderTest | MeasureTest | GenderNeutralTest | NonPunishmentTest,
    Field(discriminator="kind"),
]


class Requirement(Strict):
    """One requirement of the catalogue, under its canonical id."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    theme: Theme
    title: str
    demands: str
    sources: list[Citation] = Field(min_length=1)
    recommendations: list[str] = Field(default_factory=empty_list)
    report_paragraphs: list[str] = Field(default_factory=empty_list)
    test: Test
    benchmark: Benchmark | None = None

    @model_validator(mode="after")
    def _benchmark_when_compared(self) -> "Requirement":
        compares = getattr(self.test, "max_at_least", None) is not None or isinstance(self.test, MinAgeTest)
        if compares and self.benchmark is None:
            raise ValueError(f"requirement {self.id} compares a number: give its benchmark with a source")
        return self


class Article(Strict):
    """A provision of an international instrument, paraphrased."""

    pinpoint: str
    paraphrase: str


class InternationalInstrument(Strict):
    """A treaty, recommendation or report. Its id is its file name."""

    title: str
    short: str
    type: InstrumentType = Field(InstrumentType.treaty, description="whether it can bind a state: treaty or not")
    addressed_to: str | None = Field(
        None, description="a jurisdiction code: the state a country report's recommendations are made to"
    )
    adopted: LegalDate | None = None
    in_force_from: LegalDate | None = None
    url: str | None = None
    note: str | None = None


class StandardFile(Strict):
    """One file under `standards/`."""

    instrument: InternationalInstrument
    articles: list[Article] = Field(default_factory=empty_list)
    requirements: list[Requirement] = Field(default_factory=empty_list)
