"""One evaluation: a jurisdiction (as of a date) against the standards, through the rule set.

Contested facts are explored as readings (`gapcheck.readings`): the rules run
once per reading, on a corpus that holds that reading only, and the findings
are merged (`gapcheck.merge`).
"""

import datetime as dt
import hashlib
import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from gapcheck import rules
from gapcheck.facts import Fact, flatten
from gapcheck.findings import Finding, collect
from gapcheck.host import RuleEngine
from gapcheck.load import Corpus, Standards
from gapcheck.merge import merge
from gapcheck.readings import plan, resolve


@cache
def rule_engine() -> RuleEngine:
    """The process's one registered rule set (durable_rules rule sets are global)."""
    return RuleEngine(rules.NAME, rules.definition())


_SESSIONS: OrderedDict[str, list[Fact]] = OrderedDict()
_KEPT = 64  # sessions remembered: a report, a matrix or a test run re-evaluates the same readings


def infer(facts: list[Fact]) -> list[Fact]:
    """The rules' session for these facts; identical facts (by content) reuse the last session.

    Rules are deterministic and order-independent (tests/test_properties.py), so the
    content of the facts decides the session: exploring readings stays cheap when
    the same law is evaluated again.
    """
    key = hashlib.sha256(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()
    if key in _SESSIONS:
        _SESSIONS.move_to_end(key)
        return _SESSIONS[key]
    session = rule_engine().evaluate(facts)
    _SESSIONS[key] = session
    if len(_SESSIONS) > _KEPT:
        _SESSIONS.popitem(last=False)
    return session


def forget() -> None:
    """Drop the remembered sessions (benchmarks time inference, not the memo)."""
    _SESSIONS.clear()


@dataclass(frozen=True)
class Evaluation:
    """Findings for one jurisdiction on one date, with the readings of contested facts behind them."""

    jurisdiction: str
    as_of: dt.date
    findings: list[Finding]
    pinned: list[str] = field(default_factory=list)
    explored: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {"met": 0, "partial": 0, "gap": 0, "unknown": 0}
        for f in self.findings:
            counts[f.status.value] += 1
        return counts

    def dependent(self) -> int:
        """How many findings depend on which source of a contested fact is right."""
        return sum(1 for f in self.findings if f.depends)


def evaluate(corpus: Corpus, standards: Standards, as_of: dt.date, pins: Sequence[str] = ()) -> Evaluation:
    """Run the rules over the law in force on `as_of`, under every reading of its contested facts."""
    chosen = plan(corpus, as_of, pins)
    titles = provision_titles(corpus)
    results = []
    for reading in chosen.readings:
        session = infer(flatten(resolve(corpus, reading), standards, as_of))
        results.append((reading, collect(session, standards, titles)))
    return Evaluation(
        corpus.code,
        as_of,
        merge(chosen.explored, results),
        [c.label() for c in chosen.pinned],
        [c.name for c in chosen.explored],
    )


def provision_titles(corpus: Corpus) -> dict[str, tuple[str | None, str]]:
    """Provision id -> (article, heading): statute text kept out of the facts, joined back for readers."""
    return {f"{i.id}/{p.id}": (p.article, p.heading) for i in corpus.instruments for p in i.model.provisions}
