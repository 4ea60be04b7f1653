"""One evaluation: a jurisdiction (as of a date) against the standards, through the rule set."""

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache

from gapcheck import limits, rules
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.facts import flatten, version_on
from gapcheck.findings import Finding, collect
from gapcheck.host import SALTS, IdCollision, RuleEngine
from gapcheck.load import Corpus, Standards
from gapcheck.models import Version


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
    hidden: tuple[Finding, ...] = ()

    def binding_only(self) -> "Evaluation":
        """Only the findings whose standards bind on the date; the others are kept as `hidden`, to be listed."""
        kept = [f for f in self.findings if f.binds == "yes"]
        return replace(self, findings=kept, hidden=tuple(f for f in self.findings if f.binds != "yes"))

    def summary(self) -> dict[str, int]:
        counts = {"met": 0, "partial": 0, "gap": 0, "unknown": 0}
        for f in self.findings:
            counts[f.status.value] += 1
        return counts


def evaluate(corpus: Corpus, standards: Standards, as_of: dt.date, *, limited: bool = True) -> Evaluation:
    """Run the rules over the law in force on `as_of` (`limited`: within MAX_FACTS; the benchmarks go past it)."""
    with gc_paused():
        facts = flatten(corpus, standards, as_of)
        if limited:
            limits.check_facts(corpus.path, len(facts))
        try:
            session = rule_engine().evaluate(facts)
        except IdCollision as err:
            raise InputError(
                [
                    Problem(
                        display_path(corpus.path), 1, 1, f"{err}, even after {SALTS} salted retries: rename one of them"
                    )
                ]
            ) from None
        return Evaluation(corpus.code, as_of, collect(session, standards, provision_titles(corpus, as_of), corpus))


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection during one evaluation.

    An evaluation allocates hundreds of thousands of short-lived objects, freed by reference
    counting; each full collection the allocations trigger scans every live object (the corpus,
    the facts, the trees built so far), so with the collector on, a jurisdiction of 10,000
    provisions cost 3.8x one of 3,000. The collector runs again after the evaluation.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def provision_titles(corpus: Corpus, as_of: dt.date | None = None) -> dict[str, tuple[str | None, str]]:
    """Provision id -> (article, heading): statute text kept out of the facts, joined back for readers.

    On a date, the article is numbered as it was then, and a provision read in a
    version other than its first says which ("art. 7(1), now art. 9"; "text of 2023").
    """
    out: dict[str, tuple[str | None, str]] = {f"{corpus.code}/_jurisdiction": (None, "Jurisdiction declaration")}
    for inst in corpus.instruments:
        for p in inst.model.provisions:
            article, heading = p.article, p.heading
            if as_of is not None:
                article = p.article_on((as_of.year, as_of.month, as_of.day))
                if article != p.article:
                    article = f"{article}, now art. {p.article}"
                version = version_on(p, as_of)
                if version is not None and len(p.versions) > 1:
                    heading += f" ({_version_label(version)})"
            out[f"{inst.id}/{p.id}"] = (article, heading)
    return out


def _version_label(version: Version) -> str:
    if version.draft is not None:
        return f"as the draft '{version.draft}' would have it"
    span = f"in force from {version.in_force_from}" if version.in_force_from else "first text"
    return span + (f" until {version.in_force_until}" if version.in_force_until else "")
