"""Penalty durations: written naturally in YAML ("3 months", "15 years"), held in months."""

import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

_UNITS = {"month": 1, "months": 1, "year": 12, "years": 12}
MAX_YEARS = 100  # no term of imprisonment exceeds a life; life imprisonment itself is not a number of years
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+([a-z]+)\s*$")


def parse_months(value: Any) -> int:
    """Turn "3 months" or "15 years" into whole months; reject anything else."""
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError('a duration is written like "3 months" or "15 years"')
    return _months(str(value))


@lru_cache(maxsize=1024)
def _months(value: str) -> int:
    """parse_months of a text, remembered (a corpus writes the same few terms thousands of times;
    an error is raised again each time, never remembered)."""
    match = _PATTERN.match(value)
    if not match or match.group(2) not in _UNITS:
        raise ValueError(f'cannot read {value!r} as a duration: write e.g. "3 months" or "15 years"')
    months = float(match.group(1)) * _UNITS[match.group(2)]
    if months > MAX_YEARS * 12:
        raise ValueError(f"{value!r} is longer than a life: a penalty is at most {MAX_YEARS} years")
    if months != int(months):
        raise ValueError(f"{value!r} is not a whole number of months")
    return int(months)


def format_months(months: int) -> str:
    """Render months back the way a lawyer writes them."""
    if months % 12 == 0:
        years = months // 12
        return f"{years} year" + ("s" if years != 1 else "")
    return f"{months} month" + ("s" if months != 1 else "")


Months = Annotated[
    int,
    BeforeValidator(parse_months),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s+(months?|years?)\s*$", "examples": ["3 months", "15 years"]}
    ),
]
