"""Run the rule set in durable_rules, synchronously, one isolated session per evaluation.

durable_rules' default host runs actions on daemon threads that race the
caller, swallows exceptions raised in actions, and identifies facts by a
32-bit hash of their id. This host runs every action in the caller's thread,
records action errors and raises them, checks fact ids for uniqueness before
asserting, computes durable_rules' hash (32-bit FNV-1a of the id) itself so
that a colliding id is salted before it is asserted, and deletes each session
when its evaluation ends, but only once an action has run in it: deleting a
session in which no action ran aborts the process (free(): invalid pointer).

Only facts of a kind that some rule's pattern names enter the engine, and of
those only the fields some pattern tests (with `id` and `ref`), unless the
session's facts are read back from the engine (get_facts): its actions read an
evaluation's facts from the host (`asserted`), so a fact no pattern can match
would only be stored, and a field no pattern tests only encoded and decoded,
at the cost of JSON both ways. Where a pattern matches facts of any kind (a
sink rule), every fact is asserted whole.
"""

import copy
import functools
import hashlib
import itertools
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from durable import engine as durable

from gapcheck.errors import InferenceError

Fact = dict[str, Any]
TRIGGER: Fact = {"id": "$evaluate", "ref": "$evaluate", "kind": "$evaluate"}
CLOSE: Fact = {"id": "$close", "ref": "$close", "kind": "$close"}
SALTS = 3
_C_ENGINE = threading.Lock()  # the C engine holds the GIL and is not re-entrant


class IdCollision(InferenceError):
    """Fact ids whose 32-bit hashes still collide after every salt: the data must rename one."""

    def __init__(self, ids: list[str]):
        self.ids = ids
        super().__init__(f"fact ids {' and '.join(repr(i) for i in ids)} collide in the rule engine's 32-bit hash")


@functools.lru_cache(maxsize=1 << 16)
def id_hash(fact_id: str) -> int:
    """durable_rules' hash of a fact id: FNV-1a over the UTF-8 bytes, read as signed chars (state.c)."""
    h = 2166136261
    for byte in fact_id.encode("utf-8"):
        h = ((h ^ (byte if byte < 128 else byte | 0xFFFFFF00)) * 16777619) & 0xFFFFFFFF
    return h


def salted(fact_id: str, salt: int) -> str:
    """A per-id salt: a common suffix would keep FNV-colliding ids colliding."""
    return fact_id if salt == 0 else f"{fact_id}#{hashlib.sha256(f'{salt}:{fact_id}'.encode()).hexdigest()[:8]}"


class _SyncHost(durable.Host):  # type: ignore[misc]
    """A durable_rules host without its background dispatch threads, that remembers what each session was given."""

    def __init__(self, rulesets: dict[str, Any]) -> None:
        self._asserted: dict[str, list[Fact]] = {}
        super().__init__(rulesets)

    def _run(self) -> None:
        """Start no timers: actions already run inside assert_fact."""

    def asserted(self, sid: str) -> list[Fact]:
        """The facts the evaluation of session `sid` asserted (without sid and salted ids).

        An action reads them here (`ctx.host`) instead of decoding them back from the
        engine's JSON with get_facts: the batch is all a session holds before its trigger.
        """
        return self._asserted.get(sid, [])


class RuleEngine:
    """A registered rule set that evaluates batches of facts in fresh sessions."""

    def __init__(
        self, name: str, definition: dict[str, Any], results: Callable[[str], list[Fact]] | None = None
    ) -> None:
        """`results(sid)`: what a session's actions handed out; with it, an evaluation returns the facts
        asserted and those results, and never decodes the session's facts (get_facts)."""
        self.name = name
        self._results = results
        self.salts = SALTS
        self._errors: dict[str, list[str]] = {}
        self._acted: set[str] = set()  # sessions in which an action has run
        self._sessions = itertools.count(1)
        rules = copy.deepcopy(definition)  # the host mutates what it is given
        for rule in rules.values():
            rule["run"] = self._guard(rule["run"])
        # an action in every session, so that it can be deleted (see the module docstring)
        rules["$session"] = {"all": [{"m": {"kind": TRIGGER["kind"]}}], "run": self._guard(_noop)}
        rules["$close"] = {"all": [{"m": {"kind": CLOSE["kind"]}}], "run": self._guard(_noop)}
        self.kinds = matched_kinds(rules)
        # what of a fact enters the engine: its id, ref and the fields the patterns test (actions read the
        # rest from the host); whole where a pattern takes any kind, or where the session is read back (get_facts)
        tested = None if self.kinds is None or results is None else tested_fields(rules)
        self.fields = None if tested is None else frozenset({"id", "ref", *tested})
        self._host = _SyncHost({name: rules})

    def _guard(self, action: Callable[[Any], None]) -> Callable[[Any], None]:
        def run(c: Any) -> None:
            sid = str(c.s.sid)
            self._acted.add(sid)
            try:
                action(c)
            except Exception:  # recorded and raised by evaluate(), never swallowed
                self._errors.setdefault(sid, []).append(traceback.format_exc())

        return run

    def evaluate(self, facts: Iterable[Fact]) -> list[Fact]:
        """Assert the facts, then the trigger; return them and the results handed out, else the session's facts."""
        batch = list(facts)
        ids = [f["id"] for f in batch]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise InferenceError(f"duplicate fact ids: {', '.join(dupes[:5])}")
        with _C_ENGINE:
            sid = f"s{next(self._sessions)}"
            used: dict[int, str] = {}
            self._host._asserted[sid] = batch
            try:
                for fact in batch:
                    if self.kinds is None or fact["kind"] in self.kinds:
                        self._assert(
                            sid, fact if self.fields is None else {k: fact[k] for k in self.fields if k in fact}, used
                        )
                self._assert(sid, dict(TRIGGER, run=f"{id(self)}:{sid}"), used)
                state = self._host.get_state(self.name, sid)
                if "exception" in state:
                    raise InferenceError(f"rule action failed: {state['exception']}")
                if self._results is not None:
                    return [*batch, *self._results(sid)]
                result: list[Fact] = self._host.get_facts(self.name, sid)
                return result
            finally:
                self._host._asserted.pop(sid, None)
                self._close(sid, used)
                if self._results is not None:
                    self._results(sid)  # what a failed evaluation left behind

    def _close(self, sid: str, used: dict[int, str]) -> None:
        """Delete the session, first running an action in it if none ran; never delete one where none could."""
        if sid not in self._acted:
            try:
                self._assert(sid, CLOSE, used)
            except (InferenceError, durable.MessageObservedException, durable.MessageNotHandledException):
                pass
        if sid in self._acted:
            self._host.delete_state(self.name, sid)
        self._acted.discard(sid)
        self._errors.pop(sid, None)

    def _assert(self, sid: str, fact: Fact, used: dict[int, str]) -> None:
        for salt in range(self.salts + 1):
            candidate = salted(fact["id"], salt)
            if id_hash(candidate) in used:
                continue
            try:
                self._host.assert_fact(self.name, dict(fact, sid=sid, id=candidate))
            except durable.MessageObservedException:
                continue  # ids are unique (checked above): a collision the hash above did not foresee
            used[id_hash(candidate)] = fact["id"]
            break
        else:
            raise IdCollision([used.get(id_hash(fact["id"]), "?"), fact["id"]])
        if sid in self._errors:
            raise InferenceError("rule action failed:\n" + "\n".join(self._errors[sid]))


def matched_kinds(rules: dict[str, Any]) -> frozenset[str] | None:
    """The fact kinds the rules' patterns can match, from their definitions; None if one matches any kind."""
    kinds: set[str] = set()
    for rule in rules.values():
        for pattern in rule.get("all", rule.get("any", [])):
            for expression in pattern.values():
                found = _kinds(expression)
                if found is None:
                    return None
                kinds |= found
    return frozenset(kinds)


def tested_fields(rules: dict[str, Any]) -> set[str]:
    """The fields the rules' patterns test (`kind`, `test`, ...), from their definitions."""
    found: set[str] = set()
    for rule in rules.values():
        for pattern in rule.get("all", rule.get("any", [])):
            for expression in pattern.values():
                _fields(expression, found)
    return found


def _fields(expression: Any, found: set[str]) -> None:
    """Add the fields one expression tests: its keys, under the operators (`$and`, `$or`, `$lt`, `$ex`...)."""
    for item in expression if isinstance(expression, list) else [expression]:
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            if key.startswith("$"):
                _fields(value, found)
            else:
                found.add(key)


def _kinds(expression: Any) -> set[str] | None:
    """The kinds one pattern's expression admits (`kind == X`, under $and and $or); None: any kind."""
    if not isinstance(expression, dict):
        return None
    if isinstance(expression.get("kind"), str):
        return {expression["kind"]}
    if "$and" in expression:
        narrowed = [k for k in (_kinds(e) for e in expression["$and"]) if k is not None]
        return set.intersection(*narrowed) if narrowed else None
    if "$or" in expression:
        each = [_kinds(e) for e in expression["$or"]]
        return None if any(k is None for k in each) else set().union(*each)  # type: ignore[arg-type]
    return None


def _noop(c: Any) -> None:
    """An action that does nothing."""
