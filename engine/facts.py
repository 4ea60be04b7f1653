"""Flatten loaded law and standards into durable_rules facts.

One fact per (offence, conduct), threshold, measure, requirement, (requirement,
conduct, object), unknown and completeness declaration; each with an explicit
unique id (`ref` keeps it, since the host may salt `id` on a hash collision)
and only the fields rules read. Every field a rule joins on is present on
every fact of its kind: durable_rules errors on a join with a missing field.
"""

import datetime as dt
import enum
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from gapcheck.dates import ended_by, precision_pair, started_by
from gapcheck.load import Corpus, LoadedInstrument, Standards
from gapcheck.models import (
    Meaning,
    Measure,
    Offence,
    Provision,
    Reservation,
    Source,
    Term,
    Threshold,
    Unknown,
    Version,
    Victim,
)
from gapcheck.rules.facts import (
    AnalysisFact,
    CompleteFact,
    ExceptionFact,
    Fact,
    MeasureFact,
    OffenceFact,
    ReqConductFact,
    RequirementFact,
    ThresholdFact,
    TreatyFact,
    UnknownFact,
)
from gapcheck.rules.params import params_of
from gapcheck.standard import CoverageTest, Requirement


def in_force(start: str | None, end: str | None, as_of: dt.date) -> bool:
    """Whether something dated [start, end) applies on `as_of`."""
    return started_by(start, as_of) and not ended_by(end, as_of)


def version_on(prov: Provision, as_of: dt.date) -> Version | None:
    """The text of a provision in force on `as_of`: a draft's text if one proposes it.

    Read for every provision of every evaluation: the one text's fields are read from its `__dict__` (see
    `_offence`)."""
    versions: list[Version] = prov.__dict__["versions"]
    if len(versions) == 1:  # most provisions: the one text, a draft's or in force or not
        only = versions[0]
        fields = only.__dict__
        if fields["draft"] is not None or in_force(fields["in_force_from"], fields["in_force_until"], as_of):
            return only
        return None
    drafts = [v for v in versions if v.draft is not None]
    if drafts:
        return drafts[-1]
    return next((v for v in versions if in_force(v.in_force_from, v.in_force_until, as_of)), None)


def meaning_on(term: Term, as_of: dt.date) -> Meaning | None:
    """What a defined term means on `as_of` (None: no meaning in force)."""
    return next((m for m in term.meanings if in_force(m.valid_from, m.valid_until, as_of)), None)


def date_key(date: str | dt.date) -> int:
    """A date as an integer rules can compare (a year-only date counts from its first day)."""
    y, m, d = precision_pair(date) if isinstance(date, str) else (date.year, date.month, date.day)
    return y * 10000 + m * 100 + d


# The facts of each instrument, kept for the readings of one corpus on one date (see `flatten`).
Flattened = dict[int, tuple[LoadedInstrument, list[Fact]]]


def flatten(corpus: Corpus, standards: Standards, as_of: dt.date, memo: Flattened | None = None) -> list[Fact]:
    """Every fact of one evaluation, in a deterministic order.

    `memo`: the facts of the instruments flattened before, for the readings of one corpus on one
    date (`gapcheck.readings.resolve` keeps an instrument no contested fact changes): each is
    flattened once, and the readings share its facts (nothing downstream changes a fact).
    """
    facts = [
        AnalysisFact(ref="analysis", jurisdiction=corpus.code, as_of=as_of.isoformat(), day=date_key(as_of)).to_fact()
    ]
    facts += flatten_law(corpus, as_of, memo) + standards_facts(standards) + list(_treaties(corpus))
    for n, absence in enumerate(corpus.index.absences):
        if in_force(absence.valid_from, absence.valid_until, as_of):
            facts.append(
                MeasureFact(
                    ref=f"measure:{corpus.code}/_jurisdiction:absent:{n}",
                    provision=f"{corpus.code}/_jurisdiction",
                    measure=str(absence.measure),
                    status="none",
                    bases=[],
                    has_max=False,
                    max_months=0,
                    age=None,
                    declared_absent=True,
                    **_cited(absence.source),
                ).to_fact()
            )
    for n, decl in enumerate(corpus.index.complete):
        if not in_force(decl.valid_from, decl.valid_until, as_of):
            continue
        facts.append(
            CompleteFact(
                ref=f"complete:{n}",
                themes=[str(t) for t in decl.themes],
                requirements=decl.requirements,
                source=decl.source.label(),
            ).to_fact()
        )
    for n, unknown in enumerate(corpus.index.unknowns):
        if in_force(unknown.valid_from, unknown.valid_until, as_of):
            facts.append(_unknown(f"unknown:{corpus.code}:{n}", unknown, None))
    return facts


def flatten_law(corpus: Corpus, as_of: dt.date, memo: Flattened | None = None) -> list[Fact]:
    """The facts of the law in force on `as_of`; the corpus holds one reading (`gapcheck.readings`)."""
    shared: Terms = {t.term: t for t in corpus.index.terms}
    out: list[Fact] = []
    if memo is None:
        for inst in corpus.instruments:
            out += _instrument(inst, shared, as_of)
        return out
    for inst in corpus.instruments:
        known = memo.get(id(inst))
        if known is None or known[0] is not inst:
            known = memo[id(inst)] = (inst, _instrument(inst, shared, as_of))
        out += known[1]
    return out


def _treaties(corpus: Corpus) -> Iterator[Fact]:
    for n, treaty in enumerate(corpus.index.treaties):
        yield TreatyFact(
            ref=f"treaty:{corpus.code}:{n}",
            instrument=treaty.instrument,
            events=[
                {"act": str(e.act), "day": date_key(e.date), "date": e.date, "source": e.source.label()}
                for e in treaty.events
            ],
            reservations=[_reservation(r) for r in treaty.reservations],
            declarations=[_reservation(r) for r in treaty.declarations],
            source=treaty.source.label() if treaty.source else "",
        ).to_fact()


def _reservation(r: Reservation) -> Fact:
    return {
        "text": r.text,
        "pinpoint": r.pinpoint,
        "day": date_key(r.date) if r.date else 0,
        "withdrawn": date_key(r.withdrawn) if r.withdrawn else 0,
        "source": r.source.label(),
    }


Terms = dict[str, Term]


def _instrument(inst: LoadedInstrument, shared: Terms, as_of: dt.date) -> list[Fact]:
    """The facts of one instrument in force on `as_of`, its terms read with the jurisdiction's `shared` ones.

    Lists, not generators, down to the offence: a generator per provision and per offence, each
    resumed once per fact, cost more than the facts' own fields."""
    meta = inst.model.instrument
    if meta.in_force_readings:
        raise ValueError(f"{inst.id}: a contested entry into force must be resolved to one reading first")
    out: list[Fact] = []
    if not in_force(meta.in_force_from or meta.adopted, meta.repealed, as_of):
        return out
    terms = {**shared, **{t.term: t for t in inst.model.terms}}
    for prov in inst.model.provisions:
        version = version_on(prov, as_of)
        if version is not None:
            _provision(out, f"{inst.id}/{prov.__dict__['id']}", version, terms, as_of)
    return out


def _started(item: Offence | Threshold | Measure, as_of: dt.date) -> bool:
    return started_by(item.in_force_from, as_of)  # a paragraph that enters into force later


def _provision(out: list[Fact], pid: str, version: Version, terms: Terms, as_of: dt.date) -> None:
    """Append the facts of one provision's version in force to `out`.

    Most provisions hold one kind of fact, and most offences enter into force with their provision: a list
    is enumerated only where it holds something, a date compared only where there is one; the version's and
    offences' fields are read from their `__dict__` (see `_offence`)."""
    fields = version.__dict__
    for off in fields["offences"]:
        if off.__dict__["in_force_from"] is None or _started(off, as_of):
            _offence(out, pid, off, terms, as_of)
    thresholds, measures, unknowns = fields["thresholds"], fields["measures"], fields["unknowns"]
    for n, thr in enumerate(thresholds) if thresholds else ():
        if not _started(thr, as_of):
            continue
        out.append(
            ThresholdFact(
                ref=f"threshold:{pid}:{n}",
                provision=pid,
                subject=str(thr.subject),
                ages=[thr.age, *thr.by_sex.values()],
                by_sex={str(k): v for k, v in sorted(thr.by_sex.items())},
                population=thr.population or "",
                exceptions_known=thr.exceptions_known,
                exceptions=[
                    ExceptionFact(
                        floor=e.floor,
                        conditions=e.conditions,
                        source=e.source.label(),
                        secondary=e.source.secondary,
                        confirmed=e.source.confirmed,
                        no_floor=e.no_floor,
                        sex=str(e.sex),
                        granted_by=str(e.granted_by) if e.granted_by else "",
                        age_gap=e.age_gap,
                    )
                    for e in thr.exceptions
                ],
                **_cited(thr.source),
            ).to_fact()
        )
    for n, mea in enumerate(measures) if measures else ():
        if not _started(mea, as_of):
            continue
        out.append(
            MeasureFact.fact(
                ref=f"measure:{pid}:{n}",
                provision=pid,
                source=mea.source.label(),
                secondary=mea.source.secondary,
                measure=str(mea.kind),
                status=str(mea.status),
                bases=list(map(str, mea.bases)),
                has_max=mea.max_penalty is not None,
                max_months=mea.max_penalty or 0,
                age=mea.age,
                elements=list(map(str, mea.elements)),
                declared_absent=False,
            )
        )
    for n, unknown in enumerate(unknowns) if unknowns else ():
        if in_force(unknown.valid_from, unknown.valid_until, as_of):
            out.append(_unknown(f"unknown:{pid}:{n}", unknown, pid))


def _band(victim: Victim | None, terms: Terms, as_of: dt.date) -> tuple[bool, int, int | None, str]:
    """(stated?, from, below, how): an offence's victim band, a defined term resolved for `as_of` (the victim's
    fields read from its `__dict__`, see `_offence`)."""
    if victim is None:
        return False, 0, None, ""
    fields = victim.__dict__
    term: str | None = fields["term"]
    if term is None:
        return True, fields["age_from"], fields["age_below"], ""
    meaning = meaning_on(terms[term], as_of)
    if meaning is None:
        return False, 0, None, f"'{term}' has no meaning in force on {as_of.isoformat()}"
    return True, meaning.age_from, meaning.age_below, f"'{term}' as defined [{meaning.source.label()}]"


def _offence(out: list[Fact], pid: str, off: Offence, terms: Terms, as_of: dt.date) -> None:
    """Append one fact per conduct of the offence: the first built as an OffenceFact, the others from it.

    The conducts' facts differ only in `ref` (hence `id`) and `conduct`: building each field
    again per conduct cost a tenth of a synthetic evaluation. They share their lists, which
    nothing downstream changes (see `flatten`). The fact is written as a dict display, in the
    class's order, as `OffenceFact.fact` would write it: a call of 24 keyword arguments, once per
    offence, cost a sixth of flattening (tests/test_findings_build.py checks every field and its order).
    The offence's fields are read from its `__dict__`, where pydantic keeps them: each attribute read of a
    model goes through BaseModel's `__getattr__` hook, three times the cost of a plain read.
    """
    fields = off.__dict__
    victim = fields["victim"]
    penalty = fields["penalty"]
    stated, age_from, age_below, term = _band(victim, terms, as_of)
    conducts = fields["conduct"]  # at least one (models.Offence)
    first = conducts[0]
    source = fields["source"]
    if penalty is None:
        fine_only, penalty_stated, max_months, min_months, text, aggravated = False, False, 0, 0, "", []
    else:
        fine_only = penalty.fine_only
        high, low = penalty.max, penalty.min
        penalty_stated = high is not None or fine_only
        max_months = high if high is not None else 0
        min_months = low if low is not None else 0
        text = penalty.describe()
        aggravated = [
            {
                "circumstance": str(a.circumstance),
                "victim_below": a.victim_below,
                "max_months": a.penalty.max or 0,
                "text": a.penalty.describe(),
            }
            for a in penalty.aggravated
        ]
    ref = f"offence:{pid}#{fields['id']}:{first}"
    fact: Fact = {
        "ref": ref,
        "provision": pid,
        "source": source.label(),
        "secondary": source.secondary,
        "offence": f"{pid} [{fields['id']}]",
        "conduct": str(first),
        "object": str(fields["object"]),
        "purposes": _terms(fields["purpose"]),
        "elements": _terms(fields["elements"]),
        "means": _terms(fields["means"]),
        "framing": str(fields["label"]),
        "child_specific": fields["child_specific"],
        "age_stated": stated,
        "age_from": age_from,
        "age_below": age_below,
        "sex": str(victim.__dict__["sex"]) if victim else "any",
        "penalty_stated": penalty_stated,
        "max_months": max_months,
        "min_months": min_months,
        "acts": _terms(fields["acts"]),
        "term": term,
        "fine_only": fine_only,
        "penalty_text": text,
        "aggravated": aggravated,
        "id": ref,
        "kind": OffenceFact.KIND,
    }
    out.append(fact)
    for conduct in conducts[1:]:
        ref = f"offence:{pid}#{fields['id']}:{conduct}"
        out.append({**fact, "ref": ref, "id": ref, "conduct": str(conduct)})


def _terms(terms: list[Any]) -> list[str]:
    """Vocabulary terms as sorted plain strings; most of an offence's lists are empty or of one term, which
    need no sort (`sorted(map(str, []))` cost seven times the test)."""
    if not terms:
        return []
    if len(terms) == 1:
        return [str(terms[0])]
    return sorted(map(str, terms))


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


_standards_facts: list[tuple[Standards, list[Fact]]] = []


def standards_facts(standards: Standards) -> list[Fact]:
    """The standards' facts, built once per loaded standards (they do not depend on the law or the date).

    Kept for the last standards object only (identity, not equality: a loaded Standards is never
    changed). The facts are shared between evaluations: nothing downstream changes a fact.
    """
    if not _standards_facts or _standards_facts[0][0] is not standards:
        _standards_facts[:] = [(standards, list(_standards(standards)))]
    return list(_standards_facts[0][1])


def _standards(standards: Standards) -> Iterator[Fact]:
    for rid, req in standards.requirements.items():
        params = params_of(req.test.kind, plain_test(req.test))
        instruments = []
        for cited in dict.fromkeys(c.instrument for c in req.sources):
            meta = standards.files[cited].instrument
            instruments.append(
                {"id": cited, "short": meta.short, "type": str(meta.type), "addressed_to": meta.addressed_to or ""}
            )
        yield RequirementFact(
            ref=f"requirement:{rid}",
            req=rid,
            test=req.test.kind,
            theme=str(req.theme),
            params=params,
            instruments=instruments,
        ).to_fact()
        if isinstance(req.test, CoverageTest):
            yield from _conduct_pairs(req, req.test)


def plain_test(test: BaseModel) -> dict[str, Any]:
    """A requirement's test as JSON data, without `kind`: what `model_dump(mode="json", exclude={"kind"})` gives.

    The tests hold only strings, numbers, booleans, enums and lists or tuples of them; dumping them
    through pydantic first built each test model's serializer, a third of the first evaluation in a
    process (tests/test_findings_build.py compares the two on every shipped requirement).
    """
    return {name: _json(getattr(test, name)) for name in type(test).model_fields if name != "kind"}


def _json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


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
