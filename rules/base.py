"""What every rule module shares: reading the session, deriving facts, concluding findings.

Status decisions live in the rule modules as criteria (gapcheck.rules.tree);
this module holds the closed/open-world reading of an absence, which all of
them share, and `conclude`, which turns a requirement's criteria into its
finding by the one table of gapcheck.rules.tree.
"""

import operator
from collections.abc import Callable
from typing import Any, TypeVar

from durable.lang import c, cap, m, when_all

from gapcheck.rules.facts import (
    Cited,
    CompleteFact,
    Fact,
    Kind,
    ReqConductFact,
    RequirementFact,
    UnknownFact,
    field_set,
)
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Criterion, Evidence, Said, evidence, leaf, say, status

K = TypeVar("K", bound=Kind)
T = TypeVar("T")


class Snapshot:
    """The session's facts by kind, typed, as they stand when the verdicts start.

    The verdicts share one read per evaluation: after the trigger, verdicts only
    hand out criteria and findings, which no verdict reads. The facts are those
    the host asserted (`ctx.host.asserted(sid)`, gapcheck.host), so that none is
    decoded back from the engine's JSON. The cache is keyed by the trigger's
    unique `run` token and holds one evaluation at a time (evaluations are
    serialised by the host).

    Facts are never changed once built (engine/facts.py shares the standards'
    facts between evaluations), so a fact dict the last snapshot read is not
    typed again: the requirements and their conducts, the same in every
    evaluation, are read once per process, not once per session.
    """

    _cached: tuple[str, "Snapshot"] | None = None
    _kept: dict[int, tuple[Fact, Any]] = {}  # what a released snapshot typed of the standards (`release`)
    _raw: dict[str, list[Fact]]
    _typed: dict[type[Kind], list[Any]]
    _memo: dict[object, Any]
    _read: dict[int, tuple[Fact, Any]]  # id(dict) -> (the dict, kept alive so that its id is not reused; typed)
    _last: dict[int, tuple[Fact, Any]]  # what the previous snapshot read

    @classmethod
    def of_session(cls, ctx: Any, run: str) -> "Snapshot":
        """The snapshot of the evaluation whose trigger carries `run`."""
        if cls._cached is not None and cls._cached[0] == run:
            return cls._cached[1]
        last = cls._cached[1]._read if cls._cached is not None else cls._kept
        snapshot = cls(ctx.host.asserted(str(ctx.s.sid)), last)
        cls._cached = (run, snapshot)
        return snapshot

    @classmethod
    def release(cls) -> None:
        """Forget the last snapshot but the standards' facts it typed (requirements and their conducts, which
        the next evaluation's snapshot reads again, `_last`): its indexes, coverage, and the law's facts,
        typed, are the evaluation's alone, and while kept the collector would scan them after every one."""
        if cls._cached is None:
            return
        snapshot = cls._cached[1]
        kept: dict[int, tuple[Fact, Any]] = {}
        for kind in (RequirementFact, ReqConductFact):
            if kind in snapshot._typed:
                raw = snapshot._raw.get(kind.KIND, [])
                kept.update(zip(map(id, raw), zip(raw, snapshot._typed[kind], strict=True), strict=True))
        cls._cached = None
        cls._kept = kept

    def __init__(self, facts: list[Fact], last: dict[int, tuple[Fact, Any]] | None = None):
        """`last`: the facts the previous snapshot typed, by identity."""
        self._raw = {}
        self._typed = {}
        self._memo = {}
        self._read = {}
        self._last = last or {}
        for f in _by_ref(facts):
            self._raw.setdefault(str(f.get("kind")), []).append(f)

    @classmethod
    def read(cls, kind: type[K], fact: Fact) -> K:
        """One fact typed: as the last snapshot typed it, if it typed this very dict, else now.

        The findings of a session are collected right after its verdicts (gapcheck.findings): the
        offences and requirements they word are those the verdicts read.
        """
        last = cls._cached[1]._read if cls._cached is not None else {}
        known = last.get(id(fact))
        if known is not None and known[0] is fact and type(known[1]) is kind:
            typed: K = known[1]
            return typed
        return kind.of(fact)

    def of(self, kind: type[K]) -> list[K]:
        """Every fact of a kind, typed, in a stable order."""
        if kind not in self._typed:
            raw, last = self._raw.get(kind.KIND, []), self._last
            read: Callable[[Fact], K] = _plain_reader(kind) if _plainly_read(kind) else kind.of
            typed = [k[1] if (k := last.get(id(f))) is not None and k[0] is f else read(f) for f in raw]
            self._read.update(zip(map(id, raw), zip(raw, typed, strict=True), strict=True))
            self._typed[kind] = typed
        found: list[K] = self._typed[kind]
        return found

    def memo(self, key: object, build: Callable[[], T]) -> T:
        """A value computed once per snapshot and shared by its verdicts (an index, a requirement's coverage)."""
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    def requirement(self, ref: str) -> RequirementFact:
        """A requirement by reference, typed once per snapshot (a verdict and the binding rule both read it)."""
        by_ref = self.memo("requirement-by-ref", lambda: {r.ref: r for r in self.of(RequirementFact)})
        return by_ref[ref]


def _plainly_read(kind: type[Kind]) -> bool:
    """Whether a kind is read as Kind.of reads it (no `of` of its own)."""
    return getattr(kind.of, "__func__", None) is getattr(Kind.of, "__func__", None)


def _plain_reader(kind: type[K]) -> Callable[[Fact], K]:
    """`kind.of` for a kind that keeps Kind.of: a fact holding every field becomes the typed fact's own dict
    (`trusted`) without two calls per fact; the law's offences are the most numerous facts a session reads."""
    every, new, own, read = field_set(kind), object.__new__, object.__setattr__, kind.of

    def of(fact: Fact) -> K:
        if every <= fact.keys():
            typed: K = new(kind)
            own(typed, "__dict__", fact)
            return typed
        return read(fact)

    return of


def _by_ref(facts: list[Fact]) -> list[Fact]:
    """The facts in the order of their `ref` (a string: `Kind.ref`), else of its text."""
    try:
        return sorted(facts, key=_REF)
    except (KeyError, TypeError):  # a fact without a ref, or refs of other types: ordered by their text
        return sorted(facts, key=lambda f: str(f.get("ref")))


_REF = operator.itemgetter("ref")

BATCH = 4096  # matches one action takes (more would run as further actions, each deciding its own)


def batched(*patterns: Any) -> Callable[[Callable[[Any, "Snapshot", list[RequirementFact]], None]], None]:
    """Declare a rule over the trigger and requirements whose action takes all its matches at once.

    Its patterns are `c.t << trigger, c.req << requirement`. durable_rules runs an
    action per match, and each costs a JSON round trip of the session's state and
    the match; `cap` hands the action every match pending (up to BATCH) in one
    call, so a rule costs one action per evaluation, not one per requirement.
    The requirements come in reference order, whatever order the engine matched them.
    """

    def declare(act: Callable[[Any, Snapshot, list[RequirementFact]], None]) -> None:
        def run(ctx: Any) -> None:
            frames = [f._d for f in ctx.m]  # the plain dicts: durable's attribute access is slow per frame
            s = Snapshot.of_session(ctx, str(frames[0]["t"]["run"]))
            act(ctx, s, [s.requirement(ref) for ref in sorted(str(f["req"]["ref"]) for f in frames)])

        when_all(cap(BATCH), *patterns)(run)

    return declare


Verdict = Callable[[Any, Snapshot, RequirementFact], None]


def verdict(*tests: str) -> Callable[[Verdict], Verdict]:
    """Declare a verdict rule: once per requirement of these test kinds, after the `$evaluate` trigger.

    durable_rules has no truth maintenance, so a rule that concludes from what is
    absent must wait until every fact is in; this decorator makes that structural.
    """
    of_kind = m.test == tests[0]
    for test in tests[1:]:
        of_kind = of_kind | (m.test == test)

    def declare(decide: Verdict) -> Verdict:
        @batched(c.t << (m.kind == "$evaluate"), c.req << ((m.kind == "requirement") & of_kind))
        def each(ctx: Any, s: Snapshot, reqs: list[RequirementFact]) -> None:
            for req in reqs:
                decide(ctx, s, req)

        return decide

    return declare


_concluded: dict[str, list[Fact]] = {}


def conclude(ctx: Any, s: Snapshot, req: RequirementFact, root: Criterion) -> None:
    """Record a requirement's criteria and its finding: the status is the root's outcome by the table.

    Findings are the session's output, read by no rule: they are handed to the host
    (`concluded`) rather than asserted, which spares the engine their JSON both ways,
    their criteria as the rules built them (gapcheck.findings words them).
    """
    notes = [
        say("base.not-known", scope=u.scope, about=u.about, source=u.source)
        for u in s.of(UnknownFact)
        if u.bears_on(req)
    ]
    hand_out(
        ctx,
        {
            "ref": f"finding:{req.req}",
            "kind": "finding",
            "req": req.req,
            "status": status(root)._value_,
            "criteria": root,
            "notes": notes,
        },
    )


def hand_out(ctx: Any, result: Fact) -> None:
    """Give the host a fact that no rule reads (a finding, a binding status) without asserting it.

    The session id is read from the state's plain dict (durable's attribute access is a call per read, see
    `batched`), and a session's list made once, not per fact (setdefault's default)."""
    sid = str(ctx.s._d["sid"])
    found = _concluded.get(sid)
    if found is None:
        _concluded[sid] = [result]
    else:
        found.append(result)


def concluded(sid: str) -> list[Fact]:
    """The findings concluded in a session, taken once (the host calls it when the session ends)."""
    return _concluded.pop(sid, [])


def absent(s: Snapshot, req: RequirementFact, what: Said, id: str = "in-law") -> Criterion:
    """The criterion 'some {what} is in the law' when none is: not in a closed world, else unknown.

    `what` is a message naming the thing looked for ("an offence covering selling a child").
    """
    test = say("base.has-any", what=what)
    unknowns = [u for u in s.of(UnknownFact) if u.scope == "law" and u.bears_on(req)]
    if unknowns:
        said = unknowns[0]
        why = say("base.absent-said-unknown", what=what, about=said.about, source=said.source)
        return leaf(id, test, Outcome.unknown, [why], missing=say("base.facts-on", what=what))
    closing = [d for d in s.of(CompleteFact) if req.req in d.requirements or req.theme in d.themes]
    if closing:
        scope = "requirement" if req.req in closing[0].requirements else "theme"
        why = say("base.absent-closed", what=what, scope=scope, source=closing[0].source)
        return leaf(id, test, Outcome.not_, [why], missing=what)
    why = say("base.absent-open", what=what, theme=req.theme)
    return leaf(id, test, Outcome.unknown, [why], missing=say("base.or-source-says-none", what=what))


def cited(f: Cited, role: Role, offence: str | None = None) -> Evidence:
    """Evidence from a fact with a provision and a source."""
    return evidence(f.provision, f.source, role, offence)
