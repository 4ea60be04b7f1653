"""What every rule module shares: reading the session, deriving facts, concluding findings.

Status decisions live in the rule modules as criteria (gapcheck.rules.tree);
this module holds the closed/open-world reading of an absence, which all of
them share, and `conclude`, which turns a requirement's criteria into its
finding by the one table of gapcheck.rules.tree.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from durable.lang import c, m, when_all

from gapcheck.rules.facts import Cited, CompleteFact, Fact, Kind, RequirementFact, UnknownFact
from gapcheck.rules.terms import Outcome, Role
from gapcheck.rules.tree import Criterion, Evidence, Said, leaf, say, status

K = TypeVar("K", bound=Kind)
T = TypeVar("T")


def fact(content: Any) -> Fact:
    """The plain dict behind a durable_rules pattern variable."""
    return dict(content._d)


class Snapshot:
    """The session's facts by kind, typed, as they stand when the verdicts start.

    get_facts decodes every fact's JSON, so verdicts share one read per
    evaluation: after the trigger, verdicts only add criteria and findings,
    which no verdict reads. The cache is keyed by the trigger's unique `run`
    token and holds one evaluation at a time (evaluations are serialised by the host).
    """

    _cached: tuple[str, "Snapshot"] | None = None
    _raw: dict[str, list[Fact]]
    _typed: dict[type[Kind], list[Any]]
    _memo: dict[object, Any]

    @classmethod
    def of_session(cls, ctx: Any) -> "Snapshot":
        run = str(ctx.t.run)
        if cls._cached is not None and cls._cached[0] == run:
            return cls._cached[1]
        snapshot = cls(ctx.get_facts())
        cls._cached = (run, snapshot)
        return snapshot

    def __init__(self, facts: list[Fact]):
        self._raw = {}
        self._typed = {}
        self._memo = {}
        for f in sorted(facts, key=lambda f: str(f.get("ref"))):
            self._raw.setdefault(str(f.get("kind")), []).append(f)

    def of(self, kind: type[K]) -> list[K]:
        """Every fact of a kind, typed, in a stable order."""
        if kind not in self._typed:
            self._typed[kind] = [kind.of(f) for f in self._raw.get(kind.KIND, [])]
        found: list[K] = self._typed[kind]
        return found

    def memo(self, key: object, build: Callable[[], T]) -> T:
        """A value computed once per snapshot and shared by its verdicts (an index, a requirement's coverage)."""
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value


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
        when_all(c.t << (m.kind == "$evaluate"), c.req << ((m.kind == "requirement") & of_kind))(
            lambda ctx: decide(ctx, Snapshot.of_session(ctx), RequirementFact.of(fact(ctx.req)))
        )
        return decide

    return declare


_concluded: dict[str, list[Fact]] = {}


def conclude(ctx: Any, s: Snapshot, req: RequirementFact, root: Criterion) -> None:
    """Record a requirement's criteria and its finding: the status is the root's outcome by the table.

    Findings are the session's output, read by no rule: they are handed to the host
    (`concluded`) rather than asserted, which spares the engine their JSON both ways.
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
            "status": status(root).value,
            "criteria": root.to_data(),
            "notes": notes,
        },
    )


def hand_out(ctx: Any, result: Fact) -> None:
    """Give the host a fact that no rule reads (a finding, a binding status) without asserting it."""
    _concluded.setdefault(str(ctx.s.sid), []).append(result)


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
    return Evidence(f.provision, f.source, role, offence)
