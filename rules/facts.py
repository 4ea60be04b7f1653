"""The facts rules/ reads, one frozen dataclass per kind: the contract between engine/facts.py and the rules.

durable_rules stores facts as JSON dicts; `to_fact` writes one (with its
explicit id and kind) and `of` reads it back, so a renamed field fails type
checking instead of a report run. Vocabulary fields hold the terms of
gapcheck.vocab as plain strings: rules compare them, they never parse them.
"""

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Self, TypeVar

from gapcheck.rules.params import Params, params_of

Fact = dict[str, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class Kind:
    """What every fact has: a unique reference (kept apart from `id`, which a hash collision may salt)."""

    KIND: ClassVar[str]
    ref: str

    def to_fact(self) -> Fact:
        return {**shallow(self), "id": self.ref, "kind": self.KIND}

    @classmethod
    def fact(cls, **values: Any) -> Fact:
        """`cls(**values).to_fact()`, every field given, without building the dataclass (engine/facts.py
        writes every fact of every evaluation: a frozen dataclass's __init__ sets each field through
        object.__setattr__). Only for kinds written by `Kind.to_fact`."""
        order = names(cls)
        if len(values) != len(order) or cls.to_fact is not Kind.to_fact:
            raise TypeError(
                f"{cls.__name__}: fields {sorted(values.keys() ^ set(order))} given or missing, or own to_fact"
            )
        fact = values if tuple(values) == order else {name: values[name] for name in order}  # the caller's own
        fact["id"], fact["kind"] = values["ref"], cls.KIND
        return fact

    @classmethod
    def of(cls, fact: Fact) -> Self:
        """The fact typed. It holds every field (`to_fact`, `fact`): the typed fact shares its dict, as facts
        are never changed once written (every fact of every evaluation is read: a copy of each cost a tenth
        of the rules' time); `id` and `kind` ride along as attributes no field names. A fact class therefore
        keeps no state of its own in its instances (no functools.cached_property: it would write to the fact)."""
        if field_set(cls) <= fact.keys():
            return trusted(cls, fact)
        return trusted(cls, {name: fact[name] for name in names(cls)})  # raises KeyError for the missing field


def trusted(cls: type[T], values: dict[str, Any]) -> T:
    """A frozen dataclass from a value for each of its fields, without its __init__.

    A frozen dataclass's __init__ sets each field through object.__setattr__;
    every fact of every evaluation is read, so that took a third of the time of
    reading a session. The facts come from `to_fact`, which writes every field. `values` becomes the
    object's: a dict no one changes (a fact's own, `Kind.of`, or one built for it).
    """
    obj: T = object.__new__(cls)
    object.__setattr__(obj, "__dict__", values)  # the values become its fields: the caller's own, not copied
    return obj


_NAMES: dict[type, tuple[str, ...]] = {}


def names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names (dataclasses.fields is slow on the hot path)."""
    if cls not in _NAMES:
        _NAMES[cls] = tuple(f.name for f in fields(cls))
    return _NAMES[cls]


_FIELD_SETS: dict[type, frozenset[str]] = {}


def field_set(cls: type) -> frozenset[str]:
    if cls not in _FIELD_SETS:
        _FIELD_SETS[cls] = frozenset(names(cls))
    return _FIELD_SETS[cls]


def shallow(obj: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, without the deep copy of dataclasses.asdict (facts become JSON anyway)."""
    return {name: getattr(obj, name) for name in names(type(obj))}


@dataclass(frozen=True)
class Cited(Kind):
    """A fact of the law, with the provision it is in and its source."""

    provision: str
    source: str
    secondary: bool


@dataclass(frozen=True)
class OffenceFact(Cited):
    """One conduct of an in-force offence (an offence of three conducts is three facts)."""

    KIND = "offence"
    offence: str
    conduct: str
    object: str
    purposes: list[str]
    elements: list[str]
    means: list[str]
    framing: str
    child_specific: bool
    age_stated: bool
    age_from: int
    age_below: int | None
    sex: str
    penalty_stated: bool
    max_months: int
    min_months: int
    acts: list[str] = field(default_factory=list)  # trafficking: the acts of the chain it names
    term: str = ""  # the defined term its victim band was read from, if any
    fine_only: bool = False
    penalty_text: str = ""
    aggravated: list[Fact] = field(default_factory=list)  # {circumstance, victim_below, max_months, text}


@dataclass(frozen=True)
class ExceptionFact:
    """A lower age a threshold allows under conditions, and how well its source confirms it."""

    floor: int | None
    conditions: str
    source: str
    secondary: bool
    confirmed: bool
    no_floor: bool = False
    sex: str = "any"
    granted_by: str = ""
    age_gap: int | None = None

    @property
    def lowers_below(self) -> int | None:
        """The age it allows (0 where the law sets no floor), or None where it does not say."""
        return 0 if self.no_floor else self.floor

    @property
    def counts(self) -> bool:
        """Confirmed by a primary source: only such an exception decides a status."""
        return self.confirmed and not self.secondary


@dataclass(frozen=True)
class ThresholdFact(Cited):
    """An in-force age threshold; `ages` holds the general age and any per-sex ages."""

    KIND = "threshold"
    subject: str
    ages: list[int]
    exceptions_known: bool
    exceptions: list[ExceptionFact]
    by_sex: dict[str, int] = field(default_factory=dict)
    population: str = ""

    def to_fact(self) -> Fact:
        return {**super().to_fact(), "exceptions": [shallow(e) for e in self.exceptions]}

    @classmethod
    def of(cls, fact: Fact) -> Self:
        fields_ = {name: fact[name] for name in names(cls)}
        return trusted(cls, {**fields_, "exceptions": [ExceptionFact(**e) for e in fact["exceptions"]]})

    @property
    def lowest(self) -> int:
        return min(self.ages)


@dataclass(frozen=True)
class MeasureFact(Cited):
    """An in-force legal measure other than an offence or a threshold."""

    KIND = "measure"
    measure: str
    status: str
    bases: list[str]
    has_max: bool
    max_months: int
    age: int | None
    elements: list[str] = field(default_factory=list)
    declared_absent: bool = False  # a jurisdiction's statement that the measure does not exist


@dataclass(frozen=True)
class UnknownFact(Kind):
    """A source's statement that something is not known."""

    KIND = "unknown"
    about: str
    requirements: list[str]
    themes: list[str]
    scope: str
    source: str
    provision: str | None

    def bears_on(self, req: "RequirementFact") -> bool:
        return req.req in self.requirements or req.theme in self.themes


@dataclass(frozen=True)
class CompleteFact(Kind):
    """A declaration that the corpus holds all the law on some requirements or themes."""

    KIND = "complete"
    themes: list[str]
    requirements: list[str]
    source: str


@dataclass(frozen=True)
class RequirementFact(Kind):
    """A requirement of the standards, with its typed test parameters."""

    KIND = "requirement"
    req: str
    test: str
    theme: str
    params: Params
    instruments: list[Fact] = field(default_factory=list)  # {id, short, type, addressed_to} of each standard cited

    def to_fact(self) -> Fact:
        return {**super().to_fact(), "params": shallow(self.params)}

    @classmethod
    def of(cls, fact: Fact) -> Self:
        params = params_of(fact["test"], fact["params"])
        return cls(fact["ref"], fact["req"], fact["test"], fact["theme"], params, fact.get("instruments", []))


@dataclass(frozen=True)
class ReqConductFact(Kind):
    """One (conduct, object) a coverage requirement accepts, in its group of conducts."""

    KIND = "req_conduct"
    req: str
    test: str
    group: int
    conduct: str
    object: str


@dataclass(frozen=True)
class AnalysisFact(Kind):
    """The evaluation itself: whose law, on which day (yyyymmdd, to compare with treaty dates)."""

    KIND = "analysis"
    jurisdiction: str
    as_of: str
    day: int


@dataclass(frozen=True)
class TreatyFact(Kind):
    """A jurisdiction's recorded steps under one instrument of the standards, with dates as yyyymmdd."""

    KIND = "treaty"
    instrument: str
    events: list[Fact]  # {act, day, date, source}
    reservations: list[Fact]  # {text, pinpoint, day, withdrawn, source}
    declarations: list[Fact]
    source: str
