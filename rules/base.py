"""What every rule module shares: reading the session, deriving facts, concluding findings.

Status decisions live in the rule modules; this module only holds the
closed/open-world reading of an absence, which all of them share.
"""

from collections.abc import Callable
from typing import Any

from durable.engine import MessageObservedException
from durable.lang import c, m, when_all

Fact = dict[str, Any]


def fact(content: Any) -> Fact:
    """The plain dict behind a durable_rules pattern variable."""
    return dict(content._d)


class Snapshot:
    """The session's facts by kind, as they stand when the verdicts start.

    get_facts decodes every fact's JSON, so verdicts share one read per
    evaluation: after the trigger, verdicts only add findings, which no verdict
    reads. The cache is keyed by the trigger's unique `run` token and holds one
    evaluation at a time (evaluations are serialised by the host).
    """

    _cached: tuple[str, "Snapshot"] | None = None

    def __new__(cls, ctx: Any) -> "Snapshot":
        run = str(ctx.t.run)
        if cls._cached is not None and cls._cached[0] == run:
            return cls._cached[1]
        snapshot = super().__new__(cls)
        snapshot._kinds = {}
        for f in sorted(ctx.get_facts(), key=lambda f: str(f.get("ref"))):
            snapshot._kinds.setdefault(str(f.get("kind")), []).append(f)
        cls._cached = (run, snapshot)
        return snapshot

    _kinds: dict[str, list[Fact]]

    def of(self, kind: str) -> list[Fact]:
        """Every fact of a kind, in a stable order."""
        return self._kinds.get(kind, [])


Verdict = Callable[[Any, "Snapshot", Fact], None]


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
            lambda ctx: decide(ctx, Snapshot(ctx), fact(ctx.req))
        )
        return decide

    return declare


def derive(ctx: Any, new: Fact) -> None:
    """Assert a derived fact; a 32-bit id-hash collision is retried with a salted id."""
    for salt in range(4):
        try:
            ctx.assert_fact(dict(new, id=new["ref"] if salt == 0 else f"{new['ref']}#{salt}"))
            return
        except MessageObservedException:
            continue
    raise RuntimeError(f"derived fact {new['ref']!r} collides after 3 salts")


def conclude(ctx: Any, s: Snapshot, req: Fact, status: str, explanation: list[str], provisions: list[Fact]) -> None:
    """Record the finding for one requirement, with notes the source gives on it."""
    notes = [
        f"Not known ({u['scope']}): {u['about']} [{u['source']}]"
        for u in s.of("unknown")
        if req["req"] in u["requirements"] or req["theme"] in u["themes"]
    ]
    derive(
        ctx,
        {
            "ref": f"finding:{req['req']}",
            "kind": "finding",
            "req": req["req"],
            "status": status,
            "explanation": explanation + notes,
            "provisions": _unique(provisions),
        },
    )


def absent(s: Snapshot, req: Fact, what: str) -> tuple[str, list[str]]:
    """Status and reason when no evidence exists: gap in a closed world, else unknown."""
    theme, rid = req["theme"], req["req"]
    unknowns = [
        u for u in s.of("unknown") if u["scope"] == "law" and (rid in u["requirements"] or theme in u["themes"])
    ]
    if unknowns:
        return "unknown", [
            f"No {what} is in the corpus, and the source says it is not known: "
            f"{unknowns[0]['about']} [{unknowns[0]['source']}]."
        ]
    closing = [d for d in s.of("complete") if rid in d["requirements"] or theme in d["themes"]]
    if closing:
        return "gap", [
            f"No {what} is in the law: the corpus is declared complete for this "
            f"{'requirement' if rid in closing[0]['requirements'] else 'theme'} "
            f"[{closing[0]['source']}]."
        ]
    return "unknown", [
        f"No {what} is in the corpus, and the corpus is not declared complete "
        f"for theme '{theme}': the law may say more than the sources modelled."
    ]


def provision_ref(f: Fact, role: str, reason: str) -> Fact:
    """An entry of a finding's provisions list."""
    return {
        "id": f["provision"],
        "role": role,
        "reason": reason,
        "source": f["source"],
        "provenance": f.get("provenance", "stated"),
    }


def _unique(items: list[Fact]) -> list[Fact]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for item in items:
        key = (item["id"], item["role"], item["reason"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
