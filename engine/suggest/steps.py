"""What a suggested change does, as data: the draft's comments say it in a line, the report in its own templates.

Each edit of an offence is a `Step` of a named kind with its vocabulary term,
duration or ages; a `Note` ties the steps to the requirement they serve. `text`
is the line the draft's YAML comments carry; the report renders the same steps
as sentences in its templates (`reports/_suggestion.*`).
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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

    @property
    def text(self) -> str:
        """The step as the draft's comments say it."""
        t = ", ".join(self.terms)
        lo, hi = self.ages or (0, 0)
        d = duration(self.months or 0)
        return {
            "add_conduct": f"add the conduct '{t}'",
            "extend_object": f"extend the object to '{t}'",
            "any_purpose": "remove the purpose restriction (any purpose)",
            "add_purpose": f"add the purpose '{t}'",
            "drop_element": f"remove the narrowing element '{t}'",
            "add_element": f"add the element '{t}'",
            "own_offence": f"make it an offence of its own (not only a {t.replace('_', ' ')})",
            "add_means": f"cover commission by {t}",
            "sex_neutral": "make it sex-neutral (protect boys and girls alike)",
            "protect_band": f"protect every child {band((lo, hi))}",
            "widen_band": f"widen the victim band to every child {band((lo, hi))}",
            "raise_penalty": f"raise the maximum penalty to {d} (the benchmark)",
            "new_offence": f"a new offence beside {self.ref}",
            "penalty_benchmark": f"maximum penalty {d}, the benchmark of {self.ref}",
            "penalty_comparable": (
                f"maximum penalty {d} as in the comparable {self.ref}: "
                "a placeholder for the legislator, the standards give no benchmark"
            ),
            "no_penalty": "no penalty: the standards give no benchmark and no comparable offence states one",
        }[self.kind]


class Note(BaseModel):
    """The steps one change takes for one requirement, on one offence."""

    model_config = ConfigDict(frozen=True)
    requirement: str
    offence: str
    steps: tuple[Step, ...]

    def __str__(self) -> str:
        return f"{self.requirement} ({self.offence}): " + "; ".join(s.text for s in self.steps)


def band(ages: tuple[int, int | None]) -> str:
    """A victim band as statutes say it: "under the age of 18", "aged 14 to 17", "aged 16 or over"."""
    first, last = ages
    if last is None:
        return f"aged {first} or over"
    return f"under the age of {last + 1}" if first == 0 else f"aged {first} to {last}"


def duration(months: int) -> str:
    """Months as the statute files write them."""
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"
