"""The gapcheck rule set: every status decision the tool makes, as durable_rules rules.

One module per kind of test. Every verdict waits for the `$evaluate` trigger,
asserted after all data, because durable_rules has no truth maintenance; the
coverage of a requirement by offences is derived inside the verdicts, once per
requirement (gapcheck.rules.coverage). The rules' patterns name the trigger and
the requirements only: the host asserts those, and gives the actions every
fact of the evaluation (gapcheck.rules.base.Snapshot), so no sink rule is needed.
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
    _, body = rules.define()
    return dict(body)
