"""The statute side of the data: jurisdictions, instruments, provisions and the norms they hold.

Every model forbids unknown keys so that a typo fails loudly, and every fact
cites its source. What a source says is missing is stated as an `Unknown`.
"""

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from gapcheck.dates import LegalDate, precision_pair
from gapcheck.duration import Months, format_months
from gapcheck.formats import upgrade_statute
from gapcheck.values import Age, empty_list, no_repeats
from gapcheck.vocab import (
    Aggravation,
    Authority,
    Basis,
    Combination,
    Conduct,
    Element,
    InstrumentKind,
    Label,
    Means,
    MeasureKind,
    MeasureStatus,
    Object,
    Population,
    ProcedureElement,
    Provenance,
    Purpose,
    Scope,
    Sex,
    Subject,
    Theme,
    TraffickingAct,
    TreatyAct,
)

# Members read once: on Python 3.11 each read of an enum's member from its class is a call (EnumType's hook), and
# flattening reads a source's provenance and a penalty's combination for every offence.
_STATED, _SECONDARY = Provenance.stated, Provenance.secondary
_JOINERS = {Combination.or_: " or ", Combination.and_or: " and/or "}

FORMAT = 2  # the current data format; files without `format` are format 1 (see gapcheck.formats)


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors, instances are immutable.

    Validators are built on first validation, not at import: a run served from the cache of
    validated models never builds them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _former_secondary(schema: dict[str, Any]) -> None:
    """Editors accept what the loader accepts: `secondary: true`, the former spelling of `provenance: secondary`."""
    schema["properties"]["secondary"] = {
        "type": "boolean",
        "deprecated": True,
        "description": "former spelling: true reads as provenance: secondary; write provenance instead",
    }


class Source(Strict):
    """Where a fact comes from. A bare string in YAML is read as `cite`."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, json_schema_extra=_former_secondary)
    cite: str = Field(min_length=3, description="e.g. 'A/HRC/40/51/Add.1 ¶29'")
    provenance: Provenance = Field(
        Provenance.stated,
        description="stated by the cited source, reported by a secondary source, or inferred from the source",
    )
    confirmed: bool = Field(True, description="false when the source itself is unverified")
    url: str | None = Field(None, pattern=r"^https?://", description="where a reader can read the source")
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
        return self.provenance is _SECONDARY

    def label(self) -> str:
        """The citation as printed in findings, tagged when not stated by it."""
        tags = [] if self.provenance is _STATED else [self.provenance._value_]
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
    """Who an offence protects: an age band [age_from, age_below) and a sex.

    `term` names a defined term ("minor") whose dated meaning gives the band on
    the analysis date instead of `age_from`/`age_below`.
    """

    age_from: int = Field(0, ge=0, le=25)
    age_below: int | None = Field(None, ge=1, le=25, description="none: no upper age limit")
    term: str | None = Field(None, description="a defined term of the jurisdiction, e.g. 'minor'")
    sex: Sex = Sex.any

    @model_validator(mode="after")
    def _term_or_band(self) -> "Victim":
        if self.term is not None and (self.age_from != 0 or self.age_below is not None):
            raise ValueError("give either a defined `term` or an age band (age_from/age_below), not both")
        return self

    @field_validator("age_below")
    @classmethod
    def _band_not_empty(cls, below: int | None, info: ValidationInfo) -> int | None:
        start = info.data.get("age_from")
        if below is not None and start is not None and below <= start:
            raise ValueError(f"age band {start}-{below} is empty: age_below must exceed age_from")
        return below


class Fine(Strict):
    """A fine as the law states it: amounts in a currency, or only that a fine applies."""

    min: Decimal | None = Field(None, ge=0)
    max: Decimal | None = Field(None, ge=0)
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. MYR, LAK")
    unit: str | None = Field(None, description="where the law counts in units, e.g. 'times the minimum wage'")

    def describe(self) -> str:
        unit = self.currency or self.unit or ""
        if self.min is not None and self.max is not None:
            return f"a fine of {self.min} to {self.max} {unit}"
        if self.max is not None:
            return f"a fine of up to {self.max} {unit}"
        if self.min is not None:
            return f"a fine of at least {self.min} {unit}"
        return "a fine"

    @model_validator(mode="after")
    def _amounts(self) -> "Fine":
        if (self.min is not None or self.max is not None) and self.currency is None and self.unit is None:
            raise ValueError("a fine amount needs its `currency` (ISO 4217, e.g. MYR) or its `unit`")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"minimum fine ({self.min}) exceeds maximum ({self.max})")
        return self


class Aggravated(Strict):
    """An aggravated form of an offence and the penalty it carries."""

    circumstance: Aggravation
    victim_below: int | None = Field(None, ge=1, le=25, description="for victim_under_age: the age")
    penalty: "Penalty"
    source: Source | None = Field(None, description="absent: the offence's own source")

    @model_validator(mode="after")
    def _age_when_needed(self) -> "Aggravated":
        if (self.circumstance == Aggravation.victim_under_age) != (self.victim_below is not None):
            raise ValueError("`victim_below` is given exactly when the circumstance is victim_under_age")
        return self


class Penalty(Strict):
    """A penalty as written: imprisonment (months internally), a fine, how they combine, aggravated forms.

    A fine alone is a stated penalty (fine-only): no imprisonment range, `fine` given.
    `fine: true` says a fine applies without stating its amount.
    """

    min: Months | None = None
    max: Months | None = None
    fine: Fine | None = Field(None, description="`true`: a fine, amount not stated; or its amounts")
    combination: Combination | None = Field(
        None, description="with imprisonment and a fine: 'and', 'or', or 'and_or' (either or both)"
    )
    aggravated: list[Aggravated] = Field(default_factory=empty_list)

    @field_validator("max")
    @classmethod
    def _ordered(cls, high: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("min")
        if high is not None and low is not None and low > high:
            raise ValueError(f"minimum penalty ({low} months) exceeds maximum ({high} months)")
        return high

    @field_validator("fine", mode="before")
    @classmethod
    def _fine_flag(cls, value: Any) -> Any:
        """`fine: true` (format 1) is a fine whose amount is not stated; `false` is none."""
        if value is True:
            return {}
        return None if value is False else value

    @model_validator(mode="after")
    def _combination_needs_both(self) -> "Penalty":
        if self.combination is not None and not (self.imprisonment and self.fine is not None):
            raise ValueError("`combination` joins imprisonment and a fine: state both, or drop it")
        return self

    def describe(self) -> str:
        """The penalty in words: '1 to 5 years' imprisonment or a fine of up to 10000 MYR'."""
        parts = []
        if self.imprisonment:
            low = format_months(self.min) if self.min is not None else None
            high = format_months(self.max) if self.max is not None else "an unstated term"
            parts.append(f"{low + ' to ' if low else 'up to '}{high} of imprisonment")
        if self.fine is not None:
            parts.append(self.fine.describe())
        joiner = _JOINERS.get(self.combination, " and ")  # type: ignore[arg-type]
        return joiner.join(parts) or "no penalty stated"

    @property
    def imprisonment(self) -> bool:
        return self.min is not None or self.max is not None

    @property
    def fine_only(self) -> bool:
        """A fine is the only penalty the law states."""
        return self.fine is not None and not self.imprisonment


class Offence(Strict):
    """One offence in a provision: what it punishes, against whom, how severely."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    conduct: list[Conduct] = Field(min_length=1)
    object: Object = Object.child
    purpose: list[Purpose] = Field(default_factory=lambda: [Purpose.any])
    victim: Victim | None = Field(None, description="absent: the offence has no victim age or sex limit")
    child_specific: bool = Field(False, description="the offence is framed for children")
    elements: list[Element] = Field(default_factory=empty_list)
    means: list[Means] = Field(default_factory=empty_list)
    acts: list[TraffickingAct] = Field(
        default_factory=empty_list,
        description="trafficking: the acts of the chain this offence covers (empty: not stated)",
    )
    label: Label = Label.offence
    penalty: Penalty | None = Field(None, description="absent: the source does not state it")
    alternative: Alternative | None = Field(
        None, description="one source's version of a contested offence; exactly one alternative holds per reading"
    )
    paragraph: str | None = Field(None, description="the paragraph of the article that holds it, e.g. '2'")
    in_force_from: LegalDate | None = Field(None, description="where this paragraph enters into force later")
    source: Source
    note: str | None = None

    @field_validator("conduct", "purpose", "elements", "means")
    @classmethod
    def _each_once(cls, items: list[Any]) -> list[Any]:
        return list(no_repeats(items))


class Exception_(Strict):
    """A lower age allowed in some cases; `floor: null` with `no_floor: true` says the law sets none."""

    floor: int | None = Field(None, ge=0, le=25, description="the lowest age the exception allows")
    no_floor: bool = Field(False, description="true: the law sets no lowest age for the exception")
    sex: Sex = Field(Sex.any, description="the sex the exception applies to")
    granted_by: Authority | None = Field(None, description="who may allow the lower age")
    age_gap: int | None = Field(
        None, ge=1, le=10, description="close-in-age: allowed where the partners' ages differ by at most this"
    )
    conditions: str
    source: Source

    @model_validator(mode="after")
    def _floor_or_none(self) -> "Exception_":
        if self.no_floor and self.floor is not None:
            raise ValueError("an exception has a `floor` or `no_floor: true`, not both")
        return self


class Threshold(Strict):
    """A minimum age, per sex where the law differs, with its exceptions."""

    subject: Subject
    age: int = Field(ge=0, le=25)
    by_sex: dict[Sex, Age] = Field(default_factory=dict)
    exceptions: list[Exception_] = Field(default_factory=empty_list)
    exceptions_known: bool = Field(True, description="false: the source does not say whether there are exceptions")
    population: str | None = Field(
        None, description="a population (personal-law system or region) of the jurisdiction it applies to"
    )
    paragraph: str | None = None
    in_force_from: LegalDate | None = Field(None, description="where this paragraph enters into force later")
    source: Source
    note: str | None = None


class Measure(Strict):
    """Any other legal measure: a ban, a duty, a jurisdiction basis, a mediation threshold."""

    kind: MeasureKind
    status: MeasureStatus = MeasureStatus.explicit
    bases: list[Basis] = Field(default_factory=empty_list)
    elements: list[ProcedureElement] = Field(
        default_factory=empty_list, description="the elements the measure provides"
    )
    max_penalty: Months | None = Field(None, description="for mediation_threshold: cases punishable up to this")
    age: int | None = Field(None, ge=0, le=25, description="for minimum_age_declaration")
    paragraph: str | None = None
    in_force_from: LegalDate | None = Field(None, description="where this paragraph enters into force later")
    source: Source
    note: str | None = None


class Unknown(Strict):
    """Something a source says is not known, e.g. no information on a provision's application."""

    about: str
    requirements: list[str] = Field(default_factory=empty_list)
    themes: list[Theme] = Field(default_factory=empty_list)
    scope: Scope = Scope.law
    valid_from: LegalDate | None = Field(None, description="the statement holds from this date")
    valid_until: LegalDate | None = Field(None, description="the statement holds until this date (exclusive)")
    source: Source


class Version(Strict):
    """One text of a provision, with the dates it was in force: [in_force_from, in_force_until)."""

    in_force_from: LegalDate | None = None
    in_force_until: LegalDate | None = Field(None, description="repealed or replaced on this date")
    amended_by: str | None = Field(None, description="the instrument that made this text, e.g. 'Act A1234 s 5'")
    source: Source | None = Field(None, description="absent: the provision's source")
    offences: list[Offence] = Field(default_factory=empty_list)
    thresholds: list[Threshold] = Field(default_factory=empty_list)
    measures: list[Measure] = Field(default_factory=empty_list)
    unknowns: list[Unknown] = Field(default_factory=empty_list)
    draft: str | None = Field(None, description="set by gapcheck: the draft that proposes this text")
    note: str | None = None

    @field_validator("in_force_until")
    @classmethod
    def _end_after_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        _dates_in_order(info.data.get("in_force_from"), end)
        return end

    @model_validator(mode="after")
    def _unique_offences(self) -> "Version":
        ids = [o.id for o in self.offences]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate offence id(s): {', '.join(dupes)}")
        return self


class Former(Strict):
    """An earlier number of a renumbered provision."""

    article: str
    until: LegalDate | None = Field(None, description="the date the new number took effect")
    source: Source | None = None


class Provision(Strict):
    """An article (or part of one) of an instrument."""

    id: str = Field(
        pattern=r"^(art-[0-9a-z.-]+|unnumbered-[a-z0-9-]+)$",
        description="art-89, or unnumbered-<slug> where the source names no article",
    )
    article: str | None = Field(None, description="absent: the source names no article")
    formerly: list[Former] = Field(default_factory=empty_list, description="earlier numbers, oldest first")
    heading: str
    source: Source
    versions: list[Version] = Field(min_length=1, description="its texts over time, oldest first")

    @model_validator(mode="after")
    def _versions_in_order(self) -> "Provision":
        for n, (old, new) in enumerate(zip(self.versions, self.versions[1:], strict=False)):
            if old.in_force_until is None and new.draft is None:
                raise ValueError(
                    f"versions[{n}] has no in_force_until, but versions[{n + 1}] follows it: "
                    f"give versions[{n}] the date versions[{n + 1}] replaced it"
                )
            if old.in_force_until is not None and new.in_force_from is not None:
                if precision_pair(new.in_force_from) < precision_pair(old.in_force_until):
                    raise ValueError(
                        f"versions[{n + 1}] starts ({new.in_force_from}) before versions[{n}] ends "
                        f"({old.in_force_until}): versions of a provision do not overlap"
                    )
        return self

    @property
    def repealed(self) -> str | None:
        """The date the last text ended, if it did."""
        return self.versions[-1].in_force_until

    def source_of(self, version: Version) -> Source:
        return version.source or self.source

    def article_on(self, on: tuple[int, int, int]) -> str | None:
        """The article's number on a date (a renumbered provision had its former number before)."""
        for former in self.formerly:
            if former.until is None or on < precision_pair(former.until):
                return former.article
        return self.article


class ProvisionFormat1(Strict):
    """A provision as format 1 writes it (one text, norms on the provision): described for editors' schemas.

    The loader reads it through gapcheck.formats as a Provision with one version.
    """

    id: str = Field(pattern=r"^(art-[0-9a-z.-]+|unnumbered-[a-z0-9-]+)$")
    article: str | None = None
    formerly: list[Former] = Field(default_factory=empty_list)
    heading: str
    in_force_from: LegalDate | None = None
    repealed: LegalDate | None = None
    offences: list[Offence] = Field(default_factory=empty_list)
    thresholds: list[Threshold] = Field(default_factory=empty_list)
    measures: list[Measure] = Field(default_factory=empty_list)
    unknowns: list[Unknown] = Field(default_factory=empty_list)
    source: Source


class Instrument(Strict):
    """A law, code or decree. Its id is its file name."""

    title: str
    short: str | None = None
    kind: InstrumentKind
    adopted: LegalDate | None = None
    promulgated: LegalDate | None = None
    in_force_from: LegalDate | None = None
    in_force_readings: list[DateReading] = Field(
        default_factory=empty_list,
        description="sources that disagree on the entry into force: each date is evaluated as a reading",
    )
    repealed: LegalDate | None = None
    source: Source
    url: str | None = Field(None, pattern=r"^https?://", description="the official or best public text of the law")
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


class Term(Strict):
    """A defined term ("minor", "child") and its meanings over time."""

    term: str = Field(pattern=r"^[a-z][a-z0-9 _-]*$")
    meanings: list["Meaning"] = Field(min_length=1, description="oldest first; ranges do not overlap")
    source: Source | None = Field(None, description="the defining provision, where all meanings share it")


class Meaning(Strict):
    """What a defined term means between two dates: an age band."""

    age_from: int = Field(0, ge=0, le=25)
    age_below: int | None = Field(None, ge=1, le=25)
    valid_from: LegalDate | None = None
    valid_until: LegalDate | None = None
    source: Source

    @field_validator("valid_until")
    @classmethod
    def _end_after_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        _dates_in_order(info.data.get("valid_from"), end)
        return end


class StatuteFile(Strict):
    """One instrument file: `statutes/<jurisdiction>/<instrument>.yaml`.

    Format 1 (the default) is read as format 2: see gapcheck.formats.
    """

    instrument: Instrument
    terms: list[Term] = Field(default_factory=empty_list, description="terms this instrument defines")
    provisions: list[Provision] = Field(default_factory=empty_list)
    format: Literal[1, 2] = Field(1, description="the data format (gapcheck migrate rewrites 1 as 2)")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        return upgrade_statute(data)[0]

    @model_validator(mode="after")
    def _alternatives_contest(self) -> "StatuteFile":
        readings: dict[str, set[str]] = {}
        for prov in self.provisions:
            for off in (o for version in prov.versions for o in version.offences):
                if off.alternative is not None:
                    readings.setdefault(off.alternative.fact, set()).add(off.alternative.reading)
        lonely = sorted(fact for fact, names in readings.items() if len(names) < 2)
        if lonely:
            raise ValueError(f"contested fact(s) {', '.join(lonely)}: give offences for at least two readings")
        return self


class Completeness(Strict):
    """The corpus is complete (closed world) for these themes or requirements."""

    themes: list[Theme] = Field(default_factory=empty_list)
    requirements: list[str] = Field(default_factory=empty_list)
    valid_from: LegalDate | None = Field(None, description="the corpus is complete from this date")
    valid_until: LegalDate | None = Field(None, description="... until this date (exclusive)")
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _names_something(self) -> "Completeness":
        if not self.themes and not self.requirements:
            raise ValueError("a completeness declaration names at least one theme or requirement")
        return self


class Coverage(Strict):
    """The period the corpus describes: an analysis date outside it is refused."""

    from_: LegalDate = Field(alias="from")
    until: LegalDate | None = Field(None, description="inclusive; absent: up to today")
    source: Source | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("until")
    @classmethod
    def _ordered(cls, end: str | None, info: ValidationInfo) -> str | None:
        _dates_in_order(info.data.get("from_"), end)
        return end


class Jurisdiction(Strict):
    """The folder's own metadata, from `_jurisdiction.yaml`."""

    name: str
    reference: bool = Field(False, description="true for a reference (model) law, not a country")
    as_of: LegalDate = Field(description="default analysis date")
    as_of_note: str | None = None
    coverage: Coverage | None = Field(None, description="the period the corpus describes")
    populations: list["PopulationDef"] = Field(
        default_factory=empty_list, description="personal-law systems or regions whose law differs"
    )
    source: Source
    note: str | None = None


class PopulationDef(Strict):
    """A population a part of the law applies to: a personal-law system or a sub-national unit."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    kind: Population
    name: str
    source: Source


class TreatyEvent(Strict):
    """A step in a state's relation to a treaty: signature, ratification, accession..."""

    act: TreatyAct
    date: LegalDate
    source: Source


class Reservation(Strict):
    """A reservation or declaration made to a treaty."""

    text: str
    pinpoint: str | None = Field(None, description="the article it concerns, e.g. 'art. 2'")
    date: LegalDate | None = None
    withdrawn: LegalDate | None = None
    source: Source


class Treaty(Strict):
    """A jurisdiction's status under one instrument of `standards/`."""

    instrument: str = Field(description="a file name under standards/, e.g. opsc")
    events: list[TreatyEvent] = Field(default_factory=empty_list, description="empty with a source: not a party")
    reservations: list[Reservation] = Field(default_factory=empty_list)
    declarations: list[Reservation] = Field(default_factory=empty_list)
    source: Source | None = Field(None, description="for a stated non-party: where that is said")
    note: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> "Treaty":
        if not self.events and self.source is None:
            raise ValueError("a treaty entry without events states non-party status: give its `source`")
        return self


class Recommendation(Strict):
    """A recommendation made to this state, answering the requirements it names."""

    cite: str = Field(min_length=3, description="e.g. 'A/HRC/40/51/Add.1 ¶66(b)'")
    requirements: list[str] = Field(min_length=1)
    text: str | None = None


class Absence(Strict):
    """A source states that a measure does not exist in the jurisdiction (e.g. no informal diversion)."""

    measure: MeasureKind
    valid_from: LegalDate | None = None
    valid_until: LegalDate | None = None
    source: Source
    note: str | None = None


class JurisdictionFile(Strict):
    """`statutes/<jurisdiction>/_jurisdiction.yaml`."""

    jurisdiction: Jurisdiction
    terms: list[Term] = Field(default_factory=empty_list, description="terms defined for the whole jurisdiction")
    treaties: list[Treaty] = Field(default_factory=empty_list)
    recommendations: list[Recommendation] = Field(default_factory=empty_list)
    absences: list[Absence] = Field(default_factory=empty_list)
    complete: list[Completeness] = Field(default_factory=empty_list)
    unknowns: list[Unknown] = Field(default_factory=empty_list)
    format: Literal[1, 2] = Field(1, description="the data format (gapcheck migrate rewrites 1 as 2)")


def _dates_in_order(first: str | None, later: str | None) -> None:
    if first is not None and later is not None and precision_pair(later) < precision_pair(first):
        raise ValueError(f"dates out of order: {later} comes before {first}")
