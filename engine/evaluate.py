"""One evaluation: a jurisdiction (as of a date) against the standards, through the rule set.

Contested facts are explored as readings (`gapcheck.readings`): the rules run
once per reading, on a corpus that holds that reading only, and the findings
are merged (`gapcheck.merge`).
"""

import datetime as dt
import enum
import gc
import itertools
import types
import typing
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from gapcheck import limits, rules
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.facts import Flattened, flatten, version_on
from gapcheck.findings import Built, Finding, collect
from gapcheck.host import SALTS, Fact, IdCollision, RuleEngine
from gapcheck.load import Corpus, Standards
from gapcheck.merge import merge
from gapcheck.models import Source, Version
from gapcheck.prose import wording
from gapcheck.readings import plan, resolve
from gapcheck.rules.base import Snapshot
from gapcheck.vocab import Provenance


@cache
def rule_engine() -> RuleEngine:
    """The process's one registered rule set (durable_rules rule sets are global)."""
    return RuleEngine(rules.NAME, rules.definition(), results=rules.concluded)


_SESSIONS: OrderedDict[int, tuple[list[Fact], list[Fact]]] = OrderedDict()  # serial -> (facts, session)
_KEPT = 64  # sessions remembered: a report, a matrix or a test run re-evaluates the same readings
_serials = itertools.count()


def infer(facts: list[Fact]) -> list[Fact]:
    """The rules' session for these facts; identical facts (by content) reuse the last session.

    Rules are deterministic and order-independent (tests/test_properties.py), so the
    content of the facts decides the session: exploring readings stays cheap when
    the same law is evaluated again. Facts are compared as they are, by equality (their
    fields are typed, gapcheck.rules.facts): serialising them to a key cost more than the compare.
    """
    for serial, (seen, session) in _SESSIONS.items():
        if len(seen) == len(facts) and seen == facts:
            _SESSIONS.move_to_end(serial)
            return session
    session = rule_engine().evaluate(facts)
    _SESSIONS[next(_serials)] = (list(facts), session)
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

    def dependent(self) -> int:
        """How many findings depend on which source of a contested fact is right."""
        return sum(1 for f in self.findings if f.depends)


def evaluate(
    corpus: Corpus, standards: Standards, as_of: dt.date, pins: Sequence[str] = (), *, limited: bool = True
) -> Evaluation:
    """Run the rules over the law in force on `as_of`, under every reading of its contested facts.

    `limited`: within MAX_FACTS (the benchmarks go past it).
    """
    with gc_paused():
        return _evaluate(corpus, standards, as_of, pins, limited)


def _evaluate(corpus: Corpus, standards: Standards, as_of: dt.date, pins: Sequence[str], limited: bool) -> Evaluation:
    chosen = plan(corpus, as_of, pins)
    titles = provision_titles(corpus, as_of)
    provenances = source_provenances(corpus)
    results = []
    # readings with the same facts share a session (infer), hence findings; the session is kept
    # beside them so that its id cannot be reused by another within this evaluation
    collected: dict[int, tuple[list[Fact], list[Finding]]] = {}
    built = Built() if len(chosen.readings) > 1 else None  # sessions of readings share most findings
    flattened: Flattened = {}  # and the facts of every instrument no contested fact changes
    for reading in chosen.readings:
        facts = flatten(resolve(corpus, reading), standards, as_of, flattened)
        if limited:
            limits.check_facts(corpus.path, len(facts))
        try:
            session = infer(facts)
        except IdCollision as err:
            raise InputError(
                [
                    Problem(
                        display_path(corpus.path), 1, 1, f"{err}, even after {SALTS} salted retries: rename one of them"
                    )
                ]
            ) from None
        if id(session) not in collected:
            collected[id(session)] = (session, collect(session, standards, titles, corpus, provenances, built))
        results.append((reading, collected[id(session)][1]))
    Snapshot.release()  # the sessions' typed facts and indexes: collected from, not needed again
    words = wording(titles, [], {rid: r.title for rid, r in standards.requirements.items()}, corpus)
    return Evaluation(
        corpus.code,
        as_of,
        merge(chosen.explored, results, words),
        [c.label() for c in chosen.pinned],
        [c.name for c in chosen.explored],
    )


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


def source_provenances(corpus: Corpus) -> dict[str, Provenance]:
    """Source label -> provenance, for every source of the corpus (labels carry the provenance tag)."""
    found: list[Source] = []
    for inst in corpus.instruments:
        _sources(inst.model, found)
    _sources(corpus.index, found)  # unknowns, absences, treaties, terms
    stated = Provenance.stated  # a stated, confirmed source's label is its citation (Source.label)
    return {(s.cite if s.provenance is stated and s.confirmed else s.label()): s.provenance for s in found}


def _sources(model: BaseModel, found: list[Source]) -> None:
    """Append every Source inside a model to `found`, depth first, in field order.

    A field's value is looked into if it is a model, or a list (of models and sources); only the
    fields that may hold a Source are read (`_nested`). Recursive: models nest a few levels deep.
    Values are told apart by their class, looked up once (`_role`): isinstance on a pydantic model
    class goes through its metaclass's ABC check, which cost most of the walk.
    """
    fields = _NESTED.get(type(model))
    if fields is None:
        fields = _NESTED[type(model)] = _nested(type(model))
    roles, values = _ROLES, model.__dict__  # a model's fields, read as its dict's (an attribute read is hooked)
    for name in fields:
        value = values[name]
        role = roles.get(type(value)) or _role(type(value))
        if role is _LIST:
            for item in value:
                role = roles.get(type(item)) or _role(type(item))
                if role is _SOURCE:
                    found.append(item)
                elif role is _MODEL:
                    _sources(item, found)
        elif role is _SOURCE:
            found.append(value)
        elif role is _MODEL:
            _sources(value, found)


_NESTED: dict[type[BaseModel], tuple[str, ...]] = {}  # `_nested`, by class: a plain dict is read faster
_SOURCE, _MODEL, _LIST, _OTHER = "source", "model", "list", "other"
_ROLES: dict[type, str] = {}


def _role(cls: type) -> str:
    """What a value of this class is to `_sources`: a Source, another model, a list, or none of these."""
    if cls not in _ROLES:
        if issubclass(cls, Source):
            _ROLES[cls] = _SOURCE
        elif issubclass(cls, BaseModel):
            _ROLES[cls] = _MODEL
        else:
            _ROLES[cls] = _LIST if issubclass(cls, list) else _OTHER
    return _ROLES[cls]


_PLAIN = (str, int, float, Decimal, bool, type(None), dt.date, enum.Enum)


@cache
def _nested(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that may hold a Source, directly or in a model inside: those `_sources` looks into.

    A field whose annotation is made of plain values only (strings, numbers, dates, enums, and
    lists, tuples, dicts or unions of them) holds none; nor does one whose models hold no Source at
    any depth (a victim, a penalty: a third of the models of a statute); any other may.
    """
    return tuple(
        name
        for name, info in model.model_fields.items()
        if not _plain(info.annotation) and _may_reach_source(info.annotation)
    )


def _may_reach_source(annotation: Any) -> bool:
    """Whether a value of this annotation may be, or hold at some depth, a Source: false only where every
    model class it names holds none in any field, at any depth (other annotations: it may)."""
    found = _models_in(annotation)
    if found is None:
        return True
    return any(_reaches_source(model) for model in found)


@cache
def _reaches_source(model: type[BaseModel]) -> bool:
    """Whether a model class is Source or may hold one, at any depth of its fields' annotations."""
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if issubclass(current, Source):
            return True
        if current in seen:
            continue
        seen.add(current)
        for info in current.model_fields.values():
            inner = _models_in(info.annotation)
            if inner is None:
                return True
            todo += inner
    return False


def _models_in(annotation: Any) -> list[type[BaseModel]] | None:
    """The model classes an annotation names, in lists, tuples, dicts, unions or Annotated; None where it
    names something else that may hold a model (Any, a bare object, a class neither plain nor a model)."""
    if annotation in (None, type(None)):
        return []
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and not args:
        if issubclass(annotation, BaseModel):
            return [annotation]
        return [] if issubclass(annotation, _PLAIN) else None
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return []
    if origin is typing.Annotated:
        return _models_in(args[0])
    if origin in (list, tuple, dict, set, frozenset, typing.Union, types.UnionType):
        found: list[type[BaseModel]] = []
        for arg in args:
            if arg is Ellipsis:
                continue
            inner = _models_in(arg)
            if inner is None:
                return None
            found += inner
        return found
    return None


def _plain(annotation: Any) -> bool:
    if annotation in (None, type(None)):
        return True
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return issubclass(annotation, _PLAIN)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return True
    if origin in (list, tuple, dict, set, frozenset, typing.Union, types.UnionType):
        return all(arg is Ellipsis or _plain(arg) for arg in typing.get_args(annotation))
    if origin is typing.Annotated:
        return _plain(typing.get_args(annotation)[0])
    return False


def provision_titles(corpus: Corpus, as_of: dt.date | None = None) -> dict[str, tuple[str | None, str]]:
    """Provision id -> (article, heading): statute text kept out of the facts, joined back for readers.

    On a date, the article is numbered as it was then, and a provision read in a
    version other than its first says which ("art. 7(1), now art. 9"; "text of 2023").
    """
    out: dict[str, tuple[str | None, str]] = {f"{corpus.code}/_jurisdiction": (None, "Jurisdiction declaration")}
    for inst in corpus.instruments:
        for p in inst.model.provisions:
            article, heading = p.article, p.heading
            if as_of is not None:  # most provisions were never renumbered and have one text: neither is read
                if p.formerly:
                    article = p.article_on((as_of.year, as_of.month, as_of.day))
                    if article != p.article:
                        article = f"{article}, now art. {p.article}"
                if len(p.versions) > 1:
                    version = version_on(p, as_of)
                    if version is not None:
                        heading += f" ({_version_label(version)})"
            out[f"{inst.id}/{p.id}"] = (article, heading)
    return out


def _version_label(version: Version) -> str:
    if version.draft is not None:
        return f"as the draft '{version.draft}' would have it"
    span = f"in force from {version.in_force_from}" if version.in_force_from else "first text"
    return span + (f" until {version.in_force_until}" if version.in_force_until else "")
