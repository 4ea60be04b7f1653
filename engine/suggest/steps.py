"""What a suggested change does, and why none is drafted, as data; their sentences are in the catalogue (`suggest.*`).

Each edit of an offence is a `Step` of a named kind with its vocabulary term,
duration or ages; a `Note` ties the steps to the requirement they serve. A step
is said once, from gapcheck.catalogue: the draft's YAML comments and the
report's templates (`reports/_suggestion.*`) both word it with `Step.said`, and
a `Cause` with `because`.
"""

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from gapcheck.glossary import phrase
from gapcheck.prose import Wording
from gapcheck.rules.terms import words

StepKind = Literal[
    "add_conduct",
    "extend_object",
    "any_purpose",
    "add_purpose",
    "drop_element",
    "add_element",
    "own_offence",
    "add_means",
    "sex_neutral",
    "protect_band",
    "widen_band",
    "raise_penalty",
    "new_offence",
    "penalty_benchmark",
    "penalty_comparable",
    "no_penalty",
]

Cause = Literal[
    "met", "unreached", "unset_age", "unknown_penalties", "measure", "age_threshold", "non_punishment", "diversion"
]  # why no change is drafted for a requirement


class Step(BaseModel):
    """One edit of an offence (or the making of a new one), with the value it puts in."""

    model_config = ConfigDict(frozen=True)
    kind: StepKind
    terms: tuple[str, ...] = Field(default=(), description="vocabulary terms the edit adds or removes")
    months: int | None = Field(default=None, description="a maximum penalty, in months")
    ages: tuple[int, int] | None = Field(default=None, description="the victims' ages, first and last included")
    ref: str | None = Field(
        default=None, description="a provision id (beside it; the comparable one) or the benchmark's requirement id"
    )

    def message(self, esc: Callable[[str], str] = str) -> dict[str, Any]:
        """The step as a message of the catalogue: its terms in words, each escaped by `esc` for the format."""
        msg: dict[str, Any] = {"msg": SAID[self.kind]}
        if self.kind in TERMS:
            name, say = TERMS[self.kind]
            msg[name] = [esc(say(t)) for t in self.terms]
        if self.ages is not None:
            msg["band"] = esc(band(self.ages))
        return {**msg, "months": self.months, "beside": self.ref}

    def said(self, esc: Callable[[str], str] = str) -> str:
        """The step in words, as the report and the draft's comments say it."""
        return Wording().fragment(self.message(esc))


class Note(BaseModel):
    """The steps one change takes for one requirement, on one offence."""

    model_config = ConfigDict(frozen=True)
    requirement: str
    offence: str
    steps: tuple[Step, ...]

    def __str__(self) -> str:
        return f"{self.requirement} ({self.offence}): " + "; ".join(s.said() for s in self.steps)


# Each kind of step's sentence in gapcheck.catalogue.
SAID: dict[StepKind, str] = {
    "add_conduct": "suggest.add-conduct",
    "extend_object": "suggest.extend-object",
    "any_purpose": "suggest.any-purpose",
    "add_purpose": "suggest.add-purpose",
    "drop_element": "suggest.drop-element",
    "add_element": "suggest.add-element",
    "own_offence": "suggest.own-offence",
    "add_means": "suggest.add-means",
    "sex_neutral": "suggest.sex-neutral",
    "protect_band": "suggest.protect-band",
    "widen_band": "suggest.widen-band",
    "raise_penalty": "suggest.raise-penalty",
    "new_offence": "suggest.new-offence",
    "penalty_benchmark": "suggest.penalty-benchmark",
    "penalty_comparable": "suggest.penalty-comparable",
    "no_penalty": "suggest.no-penalty",
}

# Why no change is drafted, by cause: its sentence in gapcheck.catalogue.
CAUSES: dict[Cause, str] = {
    "met": "suggest.cause.met",
    "measure": "suggest.cause.measure",
    "age_threshold": "suggest.cause.age-threshold",
    "non_punishment": "suggest.cause.non-punishment",
    "diversion": "suggest.cause.diversion",
    "unknown_penalties": "suggest.cause.unknown-penalties",
    "unset_age": "suggest.cause.unset-age",
    "unreached": "suggest.cause.unreached",
}


def because(cause: Cause, above: bool) -> str:
    """Why no change is drafted, as the report and the draft both say it; what is missing is set out `above`
    the sentence (the report, under the finding's reasoning) or listed below it (the draft)."""
    where = {"msg": "suggest.missing-above" if above else "suggest.missing-below"}
    return Wording().fragment({"msg": CAUSES[cause], "where": where})


MEANS = {"ict": "information and communication technology"}  # how a means is said in prose


def means_word(term: str) -> str:
    """How an offence may be committed, in words (the vocabulary's `ict` is not a word)."""
    return MEANS.get(term, words(term))


# The steps that name vocabulary terms: the placeholder they fill, and how a term is worded
# (the conducts and elements by their meaning in the glossary).
TERMS: dict[StepKind, tuple[str, Callable[[str], str]]] = {
    "add_conduct": ("conducts", lambda t: phrase(t, "Conduct")),
    "extend_object": ("objects", words),
    "add_purpose": ("purposes", words),
    "drop_element": ("elements", lambda t: phrase(t, "Element")),
    "add_element": ("elements", lambda t: phrase(t, "Element")),
    "own_offence": ("framings", words),
    "add_means": ("means", means_word),
}


def band(ages: tuple[int, int | None]) -> str:
    """A victim band as statutes say it: "under the age of 18", "aged 14 to 17", "aged 16 or over"."""
    first, last = ages
    if last is None:
        return f"aged {first} or over"
    return f"under the age of {last + 1}" if first == 0 else f"aged {first} to {last}"


def duration(months: int) -> str:
    """Months as the statute files write them."""
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"
