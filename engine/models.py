"""The statute side of the data: jurisdictions, instruments, provisions and the norms they hold.

Every model forbids unknown keys so that a typo fails loudly, and every fact
cites its source. What a source says is missing is stated as an `Unknown`.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from gapcheck.dates import LegalDate, precision_pair
from gapcheck.duration import Months
from gapcheck.values import Age, no_repeats
from gapcheck.vocab import (
    Basis,
    Conduct,
    Element,
    InstrumentKind,
    Label,
    Means,
    MeasureKind,
    MeasureStatus,
    Object,
    ProcedureElement,
    Provenance,
    Purpose,
    Scope,
    Sex,
    Subject,
    Theme,
)


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact comes from. A bare string in YAML is read as `cite`."""

    cite: str = Field(min_length=3, description="e.g. 'A/HRC/40/51/Add.1 ¶29'")
    provenance: Provenance = Field(
        Provenance.stated,
        description="stated by the cited source, reported by a secondary source, or inferred from the source",
    )
    confirmed: bool = Field(True, description="false when the source itself is unverified")
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"cite": value}
        if isinstance(value, dict) and "secondary" in value:  # the spelling before provenance existed
            value = dict(value)
            if value.pop("secondary") is True:
                value.setdefault("provenance", Provenance.secondary.value)
        return value

    @property
    def secondary(self) -> bool:
        """Reported by a source other than the primary one."""
        return self.provenance is Provenance.secondary

    def label(self) -> str:
        """The citation as printed in findings, tagged when not stated by it."""
        tags = [] if self.provenance is Provenance.stated else [self.provenance.value]
        if not self.confirmed:
            tags.append("unconfirmed")
        return self.cite + (f" ({', '.join(tags)})" if tags else "")


READING_ID = r"^[a-z0-9][a-z0-9-]*$"


class DateReading(Strict):
    """One source's date for a contested fact (an entry into force): each is evaluated."""

    reading: str = Field(pattern=READING_ID, description="a short name for this reading, e.g. 'laotian-times-2019'")
    date: LegalDate
    source: Source
    note: str | None = None


class Alternative(Strict):
    """Marks an offence as one source's version of a contested fact; its own source says whose.

    Offences of one instrument that name the same fact are its alternatives, across
    provisions: a reading keeps the offences with its name and drops the others.
    """

    fact: str = Field(pattern=READING_ID, description="the contested fact, shared by its alternatives")
    reading: str = Field(pattern=READING_ID, description="a short name for this reading, e.g. 'tip-2019'")


class Victim(Strict):
    """Who an offence protects: an age band [age_from, age_below) and a sex."""

    age_from: int = Field(0, ge=0, le=25)
    age_below: int | None = Field(None, ge=1, le=25, description="none: no upper age limit")
    sex: Sex = Sex.any

    @field_validator("age_below")
    @classmethod
    def _band_not_empty(cls, below: int | None, info: ValidationInfo) -> int | None:
        start = info.data.get("age_from")
        if below is not None and start is not None and below <= start:
            raise ValueError(f"age band {start}-{below} is empty: age_below must exceed age_from")
        return below


class Penalty(Strict):
    """Imprisonment range (in months internally) and whether fines apply."""

    min: Months | None = None
    max: Months | None = None
    fine: bool = False

    @field_validator("max")
    @classmethod
    def _ordered(cls, high: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("min")
        if high is not None and low is not None and low > high:
            raise ValueError(f"minimum penalty ({low} months) exceeds maximum ({high} months)")
        return high


class Offence(Strict):
    """One offence in a provision: what it punishes, against whom, how severely."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    conduct: list[Conduct] = Field(min_length=1)
    object: Object = Object.child
    purpose: list[Purpose] = Field(default_factory=lambda: [Purpose.any])
    victim: Victim | None = Field(None, description="absent: the offence has no victim age or sex limit")
    child_specific: bool = Field(False, description="the offence is framed for children")
    elements: list[Element] = Field(default_factory=list)
    means: list[Means] = Field(default_factory=list)
    label: Label = Label.offence
    penalty: Penalty | None = Field(None, description="absent: the source does not state it")
    alternative: Alternative | None = Field(
        None, description="one source's version of a contested offence; exactly one alternative holds per reading"
    )
    source: Source
    note: str | None = None

    @field_validator("conduct", "purpose", "elements", "means")
    @classmethod
    def _each_once(cls, items: list[Any]) -> list[Any]:
        return list(no_repeats(items))


class Exception_(Strict):
    """A lower age allowed in some cases."""

    floor: int | None = Field(None, ge=0, le=25, description="the lowest age the exception allows")
    conditions: str
    source: Source


class Threshold(Strict):
    """A minimum age, per sex where the law differs, with its exceptions."""

    subject: Subject
    age: int = Field(ge=0, le=25)
    by_sex: dict[Sex, Age] = Field(default_factory=dict)
    exceptions: list[Exception_] = Field(default_factory=list)
    exceptions_known: bool = Field(True, description="false: the source does not say whether there are exceptions")
    source: Source
    note: str | None = None


class Measure(Strict):
    """Any other legal measure: a ban, a duty, a jurisdiction basis, a mediation threshold."""

    kind: MeasureKind
    status: MeasureStatus = MeasureStatus.explicit
    bases: list[Basis] = Field(default_factory=list)
    elements: list[ProcedureElement] = Field(default_factory=list, description="the elements the measure provides")
    max_penalty: Months | None = Field(None, description="for mediation_threshold: cases punishable up to this")
    age: int | None = Field(None, ge=0, le=25, description="for minimum_age_declaration")
    source: Source
    note: str | None = None


class Unknown(Strict):
    """Something a source says is not known, e.g. no information on a provision's application."""

    about: str
    requirements: list[str] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    scope: Scope = Scope.law
    source: Source


class Provision(Strict):
    """An article (or part of one) of an instrument."""

    id: str = Field(
        pattern=r"^(art-[0-9a-z.-]+|unnumbered-[a-z0-9-]+)$",
        description="art-89, or unnumbered-<slug> where the source names no article",
    )
    article: str | None = Field(None, description="absent: the source names no article")
    heading: str
    in_force_from: LegalDate | None = None
    repealed: LegalDate | None = None
    offences: list[Offence] = Field(default_factory=list)
    thresholds: list[Threshold] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    unknowns: list[Unknown] = Field(default_factory=list)
    source: Source

    @field_validator("repealed")
    @classmethod
    def _repeal_after_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        _dates_in_order(info.data.get("in_force_from"), end)
        return end

    @model_validator(mode="after")
    def _checks(self) -> "Provision":
        ids = [o.id for o in self.offences]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate offence id(s) in {self.id}: {', '.join(dupes)}")
        return self


class Instrument(Strict):
    """A law, code or decree. Its id is its file name."""

    title: str
    short: str | None = None
    kind: InstrumentKind
    adopted: LegalDate | None = None
    promulgated: LegalDate | None = None
    in_force_from: LegalDate | None = None
    in_force_readings: list[DateReading] = Field(
        default_factory=list,
        description="sources that disagree on the entry into force: each date is evaluated as a reading",
    )
    repealed: LegalDate | None = None
    source: Source
    note: str | None = None

    @field_validator("in_force_from")
    @classmethod
    def _start_after_adoption(cls, start: str | None, info: ValidationInfo) -> str | None:
        _dates_in_order(info.data.get("adopted"), start)
        return start

    @model_validator(mode="after")
    def _one_entry_into_force(self) -> "Instrument":
        if self.in_force_readings and self.in_force_from is not None:
            raise ValueError("give in_force_from or in_force_readings (sources that disagree), not both")
        names = [r.reading for r in self.in_force_readings]
        if self.in_force_readings and (len(names) < 2 or len(set(names)) != len(names)):
            raise ValueError("in_force_readings needs at least two readings with distinct names")
        for r in self.in_force_readings:
            _dates_in_order(self.adopted, r.date)
        return self

    @field_validator("repealed")
    @classmethod
    def _repeal_after_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        _dates_in_order(info.data.get("in_force_from") or info.data.get("adopted"), end)
        return end


class StatuteFile(Strict):
    """One instrument file: `statutes/<jurisdiction>/<instrument>.yaml`."""

    instrument: Instrument
    provisions: list[Provision] = Field(default_factory=list)

    @model_validator(mode="after")
    def _alternatives_contest(self) -> "StatuteFile":
        readings: dict[str, set[str]] = {}
        for prov in self.provisions:
            for off in prov.offences:
                if off.alternative is not None:
                    readings.setdefault(off.alternative.fact, set()).add(off.alternative.reading)
        lonely = sorted(fact for fact, names in readings.items() if len(names) < 2)
        if lonely:
            raise ValueError(f"contested fact(s) {', '.join(lonely)}: give offences for at least two readings")
        return self


class Completeness(Strict):
    """The corpus is complete (closed world) for these themes or requirements."""

    themes: list[Theme] = Field(default_factory=list)
    requirements: list[str] = Field(default_factory=list)
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _names_something(self) -> "Completeness":
        if not self.themes and not self.requirements:
            raise ValueError("a completeness declaration names at least one theme or requirement")
        return self


class Jurisdiction(Strict):
    """The folder's own metadata, from `_jurisdiction.yaml`."""

    name: str
    reference: bool = Field(False, description="true for a reference (model) law, not a country")
    as_of: LegalDate = Field(description="default analysis date")
    as_of_note: str | None = None
    source: Source
    note: str | None = None


class JurisdictionFile(Strict):
    """`statutes/<jurisdiction>/_jurisdiction.yaml`."""

    jurisdiction: Jurisdiction
    complete: list[Completeness] = Field(default_factory=list)
    unknowns: list[Unknown] = Field(default_factory=list)


def _dates_in_order(first: str | None, later: str | None) -> None:
    if first is not None and later is not None and precision_pair(later) < precision_pair(first):
        raise ValueError(f"dates out of order: {later} comes before {first}")
