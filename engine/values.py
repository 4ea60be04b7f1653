"""Values a data file may hold beyond their type: identifiers, ages, lists without repeats.

Identifiers (jurisdiction codes, instrument names, provision and offence ids,
and the addresses made of them) are normalised to Unicode NFC and restricted
to lowercase ASCII letters, digits, '.', '_' and '-', so that two spellings of
one name (composed or decomposed accents, a zero-width space) cannot name two
things or fail to match. docs/input-limits.md documents these rules.
"""

import re
import unicodedata
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator

MAX_AGE = 30
IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
T = TypeVar("T")


def identifier_problem(value: str) -> str | None:
    """Why `value` is not an identifier, or None when it is one."""
    if IDENTIFIER.match(value):
        return None
    return (
        f"{value!r} is not an identifier: use lowercase letters a-z, digits, '.', '_' and '-' "
        f"(starting with a letter or digit, at most 100 characters)"
    )


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _identifier(value: str) -> str:
    problem = identifier_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _address(value: str) -> str:
    for part in value.split("/"):
        if identifier_problem(part):
            raise ValueError(
                f"{value!r} is not an address: identifiers joined by '/' "
                f"(e.g. la/law-on-children-2007/art-89), each of lowercase letters a-z, digits, '.', '_' and '-'"
            )
    return value


def _age(value: int) -> int:
    if not 0 <= value <= MAX_AGE:
        raise ValueError(f"{value} is not an age: ages are whole years from 0 to {MAX_AGE}")
    return value


Identifier = Annotated[str, BeforeValidator(_nfc), AfterValidator(_identifier)]
Address = Annotated[str, BeforeValidator(_nfc), AfterValidator(_address)]
Age = Annotated[int, AfterValidator(_age)]


def no_repeats(items: Sequence[T]) -> Sequence[T]:
    """A list in which each value appears once (a repeat would be counted twice by the rules)."""
    seen: list[T] = []
    for item in items:
        if item in seen:
            raise ValueError(f"'{item}' is listed twice: list each value once")
        seen.append(item)
    return items


def empty_list() -> list[Any]:
    """A new empty list, the default of the models' list fields in place of `list`: pydantic reads each default
    factory's signature as it builds a validator, and a builtin's is parsed from its text by the tokenizer
    (its patterns compiled on first use), a tenth of a cold `check` for the ~50 list fields it validates."""
    return []
