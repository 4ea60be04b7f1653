"""The gapcheck rule set: every status decision the tool makes, as durable_rules rules.

One module per kind of test. Every verdict waits for the `$evaluate` trigger,
asserted after all data, because durable_rules has no truth maintenance; the
coverage of a requirement by offences is derived inside the verdicts, once per
requirement (gapcheck.rules.coverage).
"""

from typing import Any

from durable.lang import c, m, ruleset, when_all

from gapcheck.rules import (
    age_order,
    base,
    binding,
    criminalization,
    diversion,
    exceptions,
    gender,
    measure,
    minimum_age,
    non_punishment,
    penalty,
)

NAME = "gapcheck"
concluded = base.concluded
MODULES = (
    binding,
    criminalization,
    penalty,
    diversion,
    minimum_age,
    exceptions,
    age_order,
    measure,
    gender,
    non_punishment,
)


def definition() -> dict[str, Any]:
    """The rule set as durable_rules' definition dict (actions as Python callables)."""
    rules = ruleset(NAME)
    with rules:
        for module in MODULES:
            module.define()
        _sink()
    _, body = rules.define()
    return dict(body)


def _sink() -> None:
    # durable_rules refuses a fact that no pattern accepts; this rule accepts every
    # fact and never fires, because no `$never` fact is ever asserted.
    @when_all(c.never << (m.kind == "$never"), c.any << (+m.kind))
    def sink(ctx: Any) -> None:  # pragma: no cover - never fires, by construction
        raise AssertionError("the sink rule fired")
