"""The words rules/ decides in, shared with engine/: statuses, outcomes, roles, and how terms are written.

rules/ imports nothing from the rest of gapcheck; engine/ imports these, so a
status or role is one enum from the rule that decides it to the report.
"""

from enum import StrEnum


class Status(StrEnum):
    """A finding's status. `unknown` means the facts needed are not in the corpus."""

    met = "met"
    partial = "partial"
    gap = "gap"
    unknown = "unknown"


class Outcome(StrEnum):
    """How far the law satisfies one criterion of a requirement."""

    satisfied = "satisfied"
    partly = "partly"
    not_ = "not"
    unknown = "unknown"


OUTCOME_WORDS = {"satisfied": "satisfied", "partly": "partly satisfied", "not": "not satisfied", "unknown": "unknown"}


class Quality(StrEnum):
    """How completely one offence covers a requirement's conduct."""

    full = "full"
    partial = "partial"
    none = "none"


class Role(StrEnum):
    """What a provision does in a finding."""

    satisfies = "satisfies"
    partly_satisfies = "partly satisfies"
    falls_short = "falls short"
    considered = "considered"
    compared_with = "compared with"
    allows_exception = "allows an exception"
    diverts = "diverts"
    threshold = "threshold"


def words(term: str) -> str:
    """A vocabulary term as an analyst reads it: `hazardous_work` -> `hazardous work`."""
    return term.replace("_", " ")


def months(n: int) -> str:
    """A duration held in months, the way a lawyer writes it: 36 -> `3 years`, 6 -> `6 months`."""
    if n % 12 == 0:
        years = n // 12
        return f"{years} year" + ("s" if years != 1 else "")
    return f"{n} month" + ("s" if n != 1 else "")
