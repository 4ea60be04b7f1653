"""Flatten loaded law and standards into durable_rules facts.

One fact per (offence, conduct), threshold, measure, requirement, (requirement,
conduct, object), unknown and completeness declaration; each with an explicit
unique id (`ref` keeps it, since the host may salt `id` on a hash collision)
and only the fields rules read. Every field a rule joins on is present on
every fact of its kind: durable_rules errors on a join with a missing field.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from gapcheck.dates import ended_by, started_by
from gapcheck.load import Corpus, Standards
from gapcheck.models import Offence, Provision, Source, Unknown
from gapcheck.rules.facts import (
    CompleteFact,
    ExceptionFact,
    Fact,
    MeasureFact,
    OffenceFact,
    ReqConductFact,
    RequirementFact,
    ThresholdFact,
    UnknownFact,
)
from gapcheck.rules.params import params_of
from gapcheck.standard import CoverageTest, Requirement


def in_force(start: str | None, end: str | None, as_of: dt.date) -> bool:
    """Whether something dated [start, end) applies on `as_of`."""
    return started_by(start, as_of) and not ended_by(end, as_of)


def flatten(corpus: Corpus, standards: Standards, as_of: dt.date) -> list[Fact]:
    """Every fact of one evaluation, in a deterministic order."""
    facts = flatten_law(corpus, as_of) + list(_standards(standards))
    for n, decl in enumerate(corpus.index.complete):
        facts.append(
            CompleteFact(
                ref=f"complete:{n}",
                themes=[str(t) for t in decl.themes],
                requirements=decl.requirements,
                source=decl.source.label(),
            ).to_fact()
        )
    for n, unknown in enumerate(corpus.index.unknowns):
        facts.append(_unknown(f"unknown:{corpus.code}:{n}", unknown, None))
    return facts


def flatten_law(corpus: Corpus, as_of: dt.date) -> list[Fact]:
    """The facts of the law in force on `as_of`; the corpus holds one reading (`gapcheck.readings`)."""
    return list(_law(corpus, as_of))


def _law(corpus: Corpus, as_of: dt.date) -> Iterator[Fact]:
    for inst in corpus.instruments:
        meta = inst.model.instrument
        if meta.in_force_readings:
            raise ValueError(f"{inst.id}: a contested entry into force must be resolved to one reading first")
        if not in_force(meta.in_force_from or meta.adopted, meta.repealed, as_of):
            continue
        for prov in inst.model.provisions:
            if not in_force(prov.in_force_from, prov.repealed, as_of):
                continue
            pid = f"{inst.id}/{prov.id}"
            yield from _provision(pid, prov)


def _provision(pid: str, prov: Provision) -> Iterator[Fact]:
    for off in prov.offences:
        yield from _offence(pid, off)
    for n, thr in enumerate(prov.thresholds):
        yield ThresholdFact(
            ref=f"threshold:{pid}:{n}",
            provision=pid,
            subject=str(thr.subject),
            ages=[thr.age, *thr.by_sex.values()],
            exceptions_known=thr.exceptions_known,
            exceptions=[
                ExceptionFact(
                    floor=e.floor,
                    conditions=e.conditions,
                    source=e.source.label(),
                    secondary=e.source.secondary,
                    confirmed=e.source.confirmed,
                )
                for e in thr.exceptions
            ],
            **_cited(thr.source),
        ).to_fact()
    for n, mea in enumerate(prov.measures):
        yield MeasureFact(
            ref=f"measure:{pid}:{n}",
            provision=pid,
            measure=str(mea.kind),
            status=str(mea.status),
            bases=[str(b) for b in mea.bases],
            elements=[str(e) for e in mea.elements],
            has_max=mea.max_penalty is not None,
            max_months=mea.max_penalty or 0,
            age=mea.age,
            **_cited(mea.source),
        ).to_fact()
    for n, unknown in enumerate(prov.unknowns):
        yield _unknown(f"unknown:{pid}:{n}", unknown, pid)


def _offence(pid: str, off: Offence) -> Iterator[Fact]:
    victim = off.victim
    penalty = off.penalty
    for conduct in off.conduct:
        yield OffenceFact(
            ref=f"offence:{pid}#{off.id}:{conduct}",
            offence=f"{pid} [{off.id}]",
            provision=pid,
            conduct=str(conduct),
            object=str(off.object),
            purposes=sorted(str(p) for p in off.purpose),
            elements=sorted(str(e) for e in off.elements),
            means=sorted(str(x) for x in off.means),
            framing=str(off.label),
            child_specific=off.child_specific,
            age_stated=victim is not None,
            age_from=victim.age_from if victim else 0,
            age_below=victim.age_below if victim else None,
            sex=str(victim.sex) if victim else "any",
            penalty_stated=penalty is not None and penalty.max is not None,
            max_months=(penalty.max if penalty and penalty.max is not None else 0),
            min_months=(penalty.min if penalty and penalty.min is not None else 0),
            **_cited(off.source),
        ).to_fact()


def _cited(source: Source) -> dict[str, Any]:
    return {"source": source.label(), "secondary": source.secondary}


def _unknown(ref: str, unknown: Unknown, pid: str | None) -> Fact:
    return UnknownFact(
        ref=ref,
        about=unknown.about,
        requirements=unknown.requirements,
        themes=[str(t) for t in unknown.themes],
        scope=str(unknown.scope),
        source=unknown.source.label(),
        provision=pid,
    ).to_fact()


def _standards(standards: Standards) -> Iterator[Fact]:
    for rid, req in standards.requirements.items():
        params = params_of(req.test.kind, req.test.model_dump(mode="json", exclude={"kind"}))
        yield RequirementFact(
            ref=f"requirement:{rid}", req=rid, test=req.test.kind, theme=str(req.theme), params=params
        ).to_fact()
        if isinstance(req.test, CoverageTest):
            yield from _conduct_pairs(req, req.test)


def _conduct_pairs(req: Requirement, test: CoverageTest) -> Iterator[Fact]:
    objects = sorted({str(o) for o in [*test.objects, *test.partial_objects]})
    seen: set[tuple[str, str]] = set()
    for group, conducts in enumerate(test.groups):
        for conduct in conducts:
            for obj in objects:
                if (conduct, obj) in seen:
                    continue
                seen.add((conduct, obj))
                yield ReqConductFact(
                    ref=f"req_conduct:{req.id}:{conduct}:{obj}",
                    test=test.kind,
                    req=req.id,
                    group=group,
                    conduct=str(conduct),
                    object=obj,
                ).to_fact()
