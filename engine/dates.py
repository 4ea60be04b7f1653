"""Legal dates that may be known only to the year, and the in-force test on them.

Sources often give only a year ("the Penal Code (2017)"). Such a date is kept
as the year and compared at year precision: an instrument of 2017 is taken as
in force on any date in 2017 or later, which is how the report itself reads
the framework at its visit. Full dates compare exactly.
"""

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import CoreSchema, core_schema

_YEAR = re.compile(r"^\d{4}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _normalise(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError("a date is a year (2017) or a day (2017-11-16)")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1800 <= value <= 2200:
        return str(value)
    if isinstance(value, str) and (_YEAR.match(value) or _DAY.match(value)):
        if _DAY.match(value):
            try:
                dt.date.fromisoformat(value)
            except ValueError as err:
                raise ValueError(f"{value!r} is not a date ({err}): write YYYY-MM-DD, e.g. 2017-11-16") from None
        return value
    raise ValueError(f"{value!r} is not a date: write a year (2017) or a day (2017-11-16)")


class _Normalised:
    """What `BeforeValidator(_normalise), PlainSerializer(str)` give, as pydantic builds it from them, but built
    without inspecting `_normalise` and `str` again at each of the thirty-odd fields that hold a date (a sixth
    of building the validators of a cold run). tests/test_law_model.py checks the two give the same schemas."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_before_validator_function(
            _normalise,
            handler(source),
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, info_arg=False, return_schema=core_schema.str_schema()
            ),
        )


LegalDate = Annotated[
    str,
    _Normalised(),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1800, "maximum": 2200, "description": "a year: 2017"},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}-\d{2})?$", "description": "2017 or 2017-11-16"},
            ]
        }
    ),
]


def parse_day(value: object) -> dt.date:
    """A day written YYYY-MM-DD, and nothing else (not 2016, not 20161231, not 2016-W01-1)."""
    if not isinstance(value, str) or not _DAY.match(value):
        raise ValueError(f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2017-11-16")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise ValueError(f"{value!r} is not a date ({err}): write YYYY-MM-DD, e.g. 2017-11-16") from None


Day = Annotated[
    str,
    BeforeValidator(lambda v: parse_day(v).isoformat()),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "YYYY-MM-DD"}),
]


def precision_pair(date: str) -> tuple[int, int, int]:
    """A sortable key: a year-only date sorts at the start of its year."""
    if _YEAR.match(date):
        return (int(date), 1, 1)
    day = dt.date.fromisoformat(date)
    return (day.year, day.month, day.day)


def started_by(date: str | None, as_of: dt.date) -> bool:
    """True when something dated `date` had begun on `as_of` (year precision for years)."""
    if date is None:
        return True
    if _YEAR.match(date):
        return int(date) <= as_of.year
    return dt.date.fromisoformat(date) <= as_of


def ended_by(date: str | None, as_of: dt.date) -> bool:
    """True when something ending on `date` had ended by `as_of` (a year ends after it)."""
    if date is None:
        return False
    if _YEAR.match(date):
        return int(date) < as_of.year
    return dt.date.fromisoformat(date) <= as_of


def within(start: str | None, end: str | None, day: dt.date) -> bool:
    """True when `day` falls in [start, end], both inclusive (a year-only end runs to 31 December)."""
    if start is not None and day < dt.date(*precision_pair(start)):
        return False
    if end is None:
        return True
    last = dt.date(int(end), 12, 31) if _YEAR.match(end) else dt.date.fromisoformat(end)
    return day <= last
