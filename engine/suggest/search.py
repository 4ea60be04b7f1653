"""Find, per targeted requirement, the smallest edit that the rules confirm closes it.

Candidates in order: repair an offence the requirement's criteria already
consider (fewest edits first), then a new offence beside the closest one. A
candidate is kept only if re-evaluating the law with the whole draft shows the
requirement `met`, every requirement closed so far still `met`, and no
requirement regressed, weakened or turned unknown (`gapcheck.diff.compare`).
"""

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gapcheck.diff import Diff, Direction, compare
from gapcheck.facts import version_on
from gapcheck.findings import Finding
from gapcheck.load import Corpus
from gapcheck.models import Offence, Provision, Version
from gapcheck.standard import CoverageTest, GenderNeutralTest, Requirement
from gapcheck.suggest import render
from gapcheck.suggest.edits import Draft, provision, text, with_new, with_offence
from gapcheck.suggest.place import next_article, taken
from gapcheck.suggest.repair import new_offence, repair
from gapcheck.suggest.steps import Cause, Note, Step, because
from gapcheck.vocab import Sex, Status
from gapcheck.workspace import Run, Workspace

OFFENCE_TESTS = ("criminalization", "separate_offence", "penalty")
BAD = (Direction.regressed, Direction.weakened, Direction.to_unknown)
CLOSEST = 3  # existing offences tried per requirement before a new one


@dataclass(frozen=True)
class Open:
    """A targeted requirement the suggestion does not close, and why."""

    requirement: str
    status: Status
    missing: str  # what the requirement's criteria leave missing, in words ('' where nothing is to list)
    cause: Cause  # why no change is drafted

    @property
    def reason(self) -> str:
        """Why no change is drafted, in the catalogue's words (`missing` follows it)."""
        return because(self.cause, above=False)


@dataclass(frozen=True)
class Suggestion:
    """The verified draft: what it closes, what it cannot, and the diff that proves it."""

    jurisdiction: str
    as_of: dt.date
    targets: list[str]
    closed: list[str]
    open: list[Open]
    draft: Draft
    text: str
    diff: Diff | None


def suggest(
    ws: Workspace,
    code: str,
    as_of: dt.date | None,
    drafts: tuple[Path, ...],
    only: list[str],
    readings: tuple[str, ...] = (),
) -> Suggestion:
    """The suggestion for the chosen requirements (default: every gap and partial).

    Every reading of the contested facts is explored (or those `readings` pin): a requirement counts as closed only
    when it is met under each of them, the headline status being the least favourable.
    """
    base = ws.evaluate(code, as_of, drafts, readings)
    date = base.evaluation.as_of
    findings = {f.requirement: f for f in base.evaluation.findings}
    targets = sorted(only or [r for r, f in findings.items() if f.status in (Status.gap, Status.partial)])
    draft: Draft = {}
    closed: list[str] = []
    opened: list[Open] = []
    current = base
    with tempfile.TemporaryDirectory() as tmp:
        check = _checker(ws, base, code, date, drafts, readings, Path(tmp) / "suggestion.yaml")
        for rid in targets:
            f = findings[rid]
            if f.status is Status.met:
                opened.append(Open(rid, f.status, "", "met"))
                continue
            if _status(current, rid) is Status.met:
                closed.append(rid)
                continue
            req = ws.standards.requirements[rid]
            reqs = ws.standards.requirements
            reason, candidates = _candidates(req, f, base.corpus, draft, _neighbours(req, base), reqs, date)
            for cand in candidates:
                run = check(cand, [*closed, rid])
                if run is not None:
                    draft, current = cand, run
                    closed.append(rid)
                    break
            else:
                opened.append(Open(rid, f.status, *(reason or (_unreached(f), "unreached"))))
        late = {
            o.requirement
            for o in opened
            if o.status is not Status.met and _status(current, o.requirement) is Status.met
        }
        closed += sorted(late)
        opened = [o for o in opened if o.requirement not in late]
        text = render.draft_yaml(base.corpus.code, date, draft, findings, ws.standards.requirements) if draft else ""
        diff = None
        if draft:
            (Path(tmp) / "suggestion.yaml").write_text(text, encoding="utf-8")
            diff = compare(base, ws.evaluate(code, date, (*drafts, Path(tmp) / "suggestion.yaml"), readings))
    return Suggestion(base.corpus.code, date, targets, sorted(closed), opened, draft, text, diff)


def _checker(
    ws: Workspace, base: Run, code: str, date: dt.date, drafts: tuple[Path, ...], readings: tuple[str, ...], path: Path
) -> Callable[[Draft, list[str]], Run | None]:
    def check(draft: Draft, must_meet: list[str]) -> Run | None:
        # the draft names the corpus by its code, even when `code` is the path of its folder
        path.write_text(render.draft_yaml(base.corpus.code, date, draft, {}, {}), encoding="utf-8")
        run = ws.evaluate(code, date, (*drafts, path), readings)
        if any(_status(run, r) is not Status.met for r in must_meet):
            return None
        if any(way in BAD for c in compare(base, run).changes for way in (c.direction, *c.by_reading)):
            return None  # under any reading: a `mixed` change that regresses under one is refused
        return run

    return check


def _status(run: Run, rid: str) -> Status:
    return next(f.status for f in run.evaluation.findings if f.requirement == rid)


def _candidates(
    req: Requirement,
    f: Finding,
    corpus: Corpus,
    draft: Draft,
    neighbours: list[str],
    reqs: dict[str, Requirement],
    date: dt.date,
) -> tuple[tuple[str, Cause] | None, list[Draft]]:
    """Drafts to try for one requirement, smallest first; or why none can be: what is missing, and the cause."""
    test = req.test
    if isinstance(test, GenderNeutralTest):
        neutral = _sex_neutral(req, f, corpus, draft, date)
        return None, [neutral] if neutral is not draft else []
    if not isinstance(test, CoverageTest) or test.kind not in OFFENCE_TESTS:
        return _outside(req, f), []
    tried: list[tuple[int, str, str, Draft]] = []
    for pid, oid in _considered(f) + _comparable(corpus, test, date) + _suggested(draft, req, reqs):
        off = _offence(corpus, draft, pid, oid, date)
        if off is None:
            continue
        fixed, said = repair(off, test)
        if said:
            tried.append(
                (
                    len(said),
                    pid,
                    oid,
                    with_offence(
                        corpus, draft, pid, fixed, Note(requirement=req.id, offence=oid, steps=tuple(said)), date
                    ),
                )
            )
    ranked = sorted({(n, pid, oid): d for n, pid, oid, d in tried}.items())[:CLOSEST]
    out = [d for _, d in ranked]
    places = [pid for (_, pid, _), _ in ranked] + neighbours
    settled = [pid for pid in places if pid.rpartition("/")[0] not in _contested(corpus)]
    near = next(iter(settled), None) or _home(corpus, test, date) or next(iter(places), None)
    if test.victim_age_limit_required and test.victim_ages is None:
        return ("", "unset_age"), out
    if near is not None:
        out.append(_added(corpus, draft, req, test, near, reqs, date))
    return None, out


def _sex_neutral(req: Requirement, f: Finding, corpus: Corpus, draft: Draft, date: dt.date) -> Draft:
    """Every offence the criteria weigh that protects one sex only, made to protect both."""
    for pid, oid in _considered(f):
        off = _offence(corpus, draft, pid, oid, date)
        if off is not None and off.victim is not None and off.victim.sex != Sex.any:
            neutral = off.model_copy(update={"victim": off.victim.model_copy(update={"sex": Sex.any})})
            why = Note(requirement=req.id, offence=oid, steps=(Step(kind="sex_neutral"),))
            draft = with_offence(corpus, draft, pid, neutral, why, date)
    return draft


def _considered(f: Finding) -> list[tuple[str, str]]:
    """(provision, offence id) of every offence the criteria weigh, in tree order."""
    seen: dict[tuple[str, str], None] = {}
    for c in f.criteria.walk():
        for e in c.facts:
            if e.offence and "[" in e.offence:
                seen[(e.provision, e.offence.rsplit("[", 1)[1].rstrip("]"))] = None
    return list(seen)


def _comparable(corpus: Corpus, test: CoverageTest, date: dt.date) -> list[tuple[str, str]]:
    """In-force offences of a wanted object and conduct that the criteria did not weigh (e.g. other conducts only)."""
    wanted = {c for g in test.groups for c in g}
    return [
        (f"{i.id}/{p.id}", o.id)
        for i in corpus.instruments
        for p in i.model.provisions
        for v in [version_on(p, date)]
        if v is not None
        for o in v.offences
        if o.object in [*test.objects, *test.partial_objects] and set(o.conduct) & wanted
    ]


def _suggested(draft: Draft, req: Requirement, reqs: dict[str, Requirement]) -> list[tuple[str, str]]:
    """Offences this suggestion adds for requirements of the same theme: a later one may extend them."""
    return [
        (e.pid, o.id)
        for e in draft.values()
        if e.verb == "add"
        for o in e.text.offences
        if o.id in reqs and reqs[o.id].theme == req.theme
    ]


def _offence(corpus: Corpus, draft: Draft, pid: str, oid: str, date: dt.date) -> Offence | None:
    """The offence in the provision's text in force on the analysis date, as the draft so far leaves it."""
    version = text(corpus, draft, pid, date)
    return next((o for o in version.offences if o.id == oid), None) if version else None


def _neighbours(req: Requirement, run: Run) -> list[str]:
    """Provisions holding the offences that findings of the same theme rely on, most relied on first."""
    count: dict[str, int] = {}
    for f in run.evaluation.findings:
        if f.theme == str(req.theme):
            for pid in dict.fromkeys(e.provision for c in f.criteria.walk() for e in c.facts if e.offence):
                count[pid] = count.get(pid, 0) + 1
    return sorted(count, key=lambda pid: (-count[pid], pid))


def _contested(corpus: Corpus) -> set[str]:
    """Instruments whose entry into force the sources dispute: a new offence there may not be in force."""
    return {i.id for i in corpus.instruments if i.model.instrument.in_force_readings}


def _home(corpus: Corpus, test: CoverageTest, date: dt.date) -> str | None:
    """Where a new offence goes when no comparable one in a settled instrument is weighed: beside the last offence of
    the wanted object, else after the last provision of the instrument holding the most child-specific offences;
    never in an instrument whose entry into force is contested."""

    def held(want: Callable[[Offence], bool]) -> list[tuple[str, str]]:
        return [
            (i.id, f"{i.id}/{p.id}")
            for i in corpus.instruments
            if i.id not in _contested(corpus)
            for p in i.model.provisions
            for v in [version_on(p, date)]
            if v is not None and any(want(o) for o in v.offences)
        ]

    same = held(lambda o: o.object in test.objects and o.child_specific)
    if same:
        return same[-1][1]
    child = held(lambda o: o.child_specific)
    if not child:
        return None
    count = {inst: sum(1 for i, _ in child if i == inst) for inst, _ in child}
    best = max(sorted(count), key=lambda inst: count[inst])
    return [pid for inst, pid in child if inst == best][-1]


def _added(
    corpus: Corpus,
    draft: Draft,
    req: Requirement,
    test: CoverageTest,
    near: str,
    reqs: dict[str, Requirement],
    date: dt.date,
) -> Draft:
    inst = near.rpartition("/")[0]
    base = provision(corpus, draft, near)
    article, pid = next_article(base.article if base else None, taken(corpus, inst, set(draft)), req.id)
    where = f"draft art. {article}" if article else f"draft provision ({req.id})"
    months, whence = _penalty(test, reqs, near, text(corpus, draft, near, date))
    off = new_offence(test, req.id, where, months)
    said = (Step(kind="new_offence", ref=near), whence)
    prov = Provision.model_validate(
        {"id": pid, "article": article, "heading": req.title, "source": where, "versions": [{"offences": [off]}]}
    )
    return with_new(draft, inst, prov, Note(requirement=req.id, offence=off.id, steps=said))


def _penalty(
    test: CoverageTest, reqs: dict[str, Requirement], near: str, near_text: Version | None
) -> tuple[int | None, Step]:
    """The maximum penalty of a new offence: the standards' benchmark for its conducts, else the comparable offence's.

    A new offence with no stated penalty would turn the penalty and diversion findings unknown.
    """
    conducts = {c for g in test.groups for c in g}
    marks = [
        (r.test.max_at_least, r.id)
        for r in reqs.values()
        if isinstance(r.test, CoverageTest) and r.test.max_at_least is not None
        if conducts & {c for g in r.test.groups for c in g}
    ]
    if marks:
        months, rid = max(marks)
        return months, Step(kind="penalty_benchmark", months=months, ref=rid)
    stated = [
        o.penalty.max for o in (near_text.offences if near_text else []) if o.penalty and o.penalty.max is not None
    ]
    if stated:
        return max(stated), Step(kind="penalty_comparable", months=max(stated), ref=near)
    return None, Step(kind="no_penalty")


def _outside(req: Requirement, f: Finding) -> tuple[str, Cause]:
    """Why a requirement of this kind is not drafted (it is not an offence, and suggest drafts offences): what is
    missing, and the cause."""
    kind = req.test.kind
    missing = "; ".join(dict.fromkeys(c.missing for c in f.criteria.unmet() if c.missing)) or f.title
    if kind == "diversion" and any(c.outcome.value == "unknown" for c in f.criteria.unmet()):
        return missing, "unknown_penalties"
    causes: dict[str, Cause] = {
        "measure": "measure",
        "min_age": "age_threshold",
        "no_exceptions": "age_threshold",
        "age_order": "age_threshold",
        "non_punishment": "non_punishment",
        "diversion": "diversion",
    }
    return missing, causes.get(kind, "unreached")


def _unreached(f: Finding) -> str:
    missing = "; ".join(dict.fromkeys(c.missing for c in f.criteria.unmet() if c.missing))
    return missing or f"see gapcheck why {f.requirement}"
