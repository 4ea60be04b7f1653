"""One evaluation: a jurisdiction (as of a date) against the standards, through the rule set."""

import datetime as dt
from dataclasses import dataclass
from functools import cache

from gapcheck import limits, rules
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.facts import flatten
from gapcheck.findings import Finding, collect
from gapcheck.host import SALTS, IdCollision, RuleEngine
from gapcheck.load import Corpus, Standards


@cache
def rule_engine() -> RuleEngine:
    """The process's one registered rule set (durable_rules rule sets are global)."""
    return RuleEngine(rules.NAME, rules.definition(), results=rules.concluded)


@dataclass(frozen=True)
class Evaluation:
    """Findings for one jurisdiction on one date."""

    jurisdiction: str
    as_of: dt.date
    findings: list[Finding]

    def summary(self) -> dict[str, int]:
        counts = {"met": 0, "partial": 0, "gap": 0, "unknown": 0}
        for f in self.findings:
            counts[f.status.value] += 1
        return counts


def evaluate(corpus: Corpus, standards: Standards, as_of: dt.date, *, limited: bool = True) -> Evaluation:
    """Run the rules over the law in force on `as_of` (`limited`: within MAX_FACTS; the benchmarks go past it)."""
    facts = flatten(corpus, standards, as_of)
    if limited:
        limits.check_facts(corpus.path, len(facts))
    try:
        session = rule_engine().evaluate(facts)
    except IdCollision as err:
        raise InputError(
            [Problem(display_path(corpus.path), 1, 1, f"{err}, even after {SALTS} salted retries: rename one of them")]
        ) from None
    return Evaluation(corpus.code, as_of, collect(session, standards, provision_titles(corpus)))


def provision_titles(corpus: Corpus) -> dict[str, tuple[str | None, str]]:
    """Provision id -> (article, heading): statute text kept out of the facts, joined back for readers."""
    return {f"{i.id}/{p.id}": (p.article, p.heading) for i in corpus.instruments for p in i.model.provisions}
