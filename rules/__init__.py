"""The gapcheck rule set: every status decision the tool makes, as durable_rules rules.

One module per kind of test. Every verdict waits for the `$evaluate` trigger,
asserted after all data, because durable_rules has no truth maintenance; the
coverage of a requirement by offences is derived inside the verdicts, once per
requirement (gapcheck.rules.coverage).
"""

from typing import Any

NAME = "gapcheck"


def concluded(sid: str) -> list[dict[str, Any]]:
    """The results a session's actions handed out (gapcheck.rules.base.concluded)."""
    from gapcheck.rules import base

    return base.concluded(sid)


def definition() -> dict[str, Any]:
    """The rule set as durable_rules' definition dict (actions as Python callables).

    The rule modules and durable_rules are imported here, not with the package: importing
    gapcheck.rules.terms (the vocabulary every model uses) must not load the rule set.
    """
    from durable.lang import ruleset

    from gapcheck.rules import (
        age_order,
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

    modules = (
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
    rules = ruleset(NAME)
    with rules:
        for module in modules:
            module.define()
        _sink()
    _, body = rules.define()
    return dict(body)


def _sink() -> None:
    from durable.lang import c, m, when_all

    # durable_rules refuses a fact that no pattern accepts; this rule accepts every
    # fact and never fires, because no `$never` fact is ever asserted. The join on `id`
    # spreads the facts it holds over durable_rules' hash buckets: joined on nothing, they
    # all waited in one list, and asserting grew with the facts already in (75 µs a fact
    # at 18,000 facts against 25 µs).
    @when_all(c.never << (m.kind == "$never"), c.any << ((+m.kind) & (m.id == c.never.id)))
    def sink(ctx: Any) -> None:  # pragma: no cover - never fires, by construction
        raise AssertionError("the sink rule fired")
