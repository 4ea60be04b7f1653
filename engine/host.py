"""Run the rule set in durable_rules, synchronously, one isolated session per evaluation.

durable_rules' default host runs actions on daemon threads that race the
caller, swallows exceptions raised in actions, and identifies facts by a
32-bit hash of their id. This host runs every action in the caller's thread,
records action errors and raises them, checks fact ids for uniqueness before
asserting (so that a duplicate report can only be a hash collision, which is
retried with a salted id), and deletes each session when its evaluation ends.
"""

import copy
import itertools
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from durable import engine as durable

from gapcheck.errors import InferenceError

Fact = dict[str, Any]
TRIGGER: Fact = {"id": "$evaluate", "ref": "$evaluate", "kind": "$evaluate"}
_C_ENGINE = threading.Lock()  # the C engine holds the GIL and is not re-entrant


def _noop(c: Any) -> None:
    """An action that does nothing."""


class _SyncHost(durable.Host):  # type: ignore[misc]
    """A durable_rules host without its background dispatch threads."""

    def _run(self) -> None:
        """Start no timers: actions already run inside assert_fact."""


class RuleEngine:
    """A registered rule set that evaluates batches of facts in fresh sessions."""

    def __init__(self, name: str, definition: dict[str, Any]):
        self.name = name
        self._errors: dict[str, list[str]] = {}
        self._sessions = itertools.count(1)
        rules = copy.deepcopy(definition)  # the host mutates what it is given
        for rule in rules.values():
            rule["run"] = self._guard(rule["run"])
        # durable_rules crashes (free(): invalid pointer) deleting a session in which
        # no action ever ran: this rule makes the trigger run one in every session.
        rules["$session"] = {"all": [{"m": {"kind": TRIGGER["kind"]}}], "run": _noop}
        self._host = _SyncHost({name: rules})

    def _guard(self, action: Callable[[Any], None]) -> Callable[[Any], None]:
        def run(c: Any) -> None:
            try:
                action(c)
            except Exception:  # recorded and raised by evaluate(), never swallowed
                self._errors.setdefault(str(c.s.sid), []).append(traceback.format_exc())

        return run

    def evaluate(self, facts: Iterable[Fact]) -> list[Fact]:
        """Assert the facts, then the trigger; return every fact of the session."""
        batch = list(facts)
        ids = [f["id"] for f in batch]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise InferenceError(f"duplicate fact ids: {', '.join(dupes[:5])}")
        with _C_ENGINE:
            sid = f"s{next(self._sessions)}"
            try:
                for fact in batch:
                    self._assert(sid, fact)
                self._assert(sid, dict(TRIGGER, run=f"{id(self)}:{sid}"))
                state = self._host.get_state(self.name, sid)
                if "exception" in state:
                    raise InferenceError(f"rule action failed: {state['exception']}")
                result: list[Fact] = self._host.get_facts(self.name, sid)
                return result
            finally:
                self._host.delete_state(self.name, sid)
                self._errors.pop(sid, None)

    def _assert(self, sid: str, fact: Fact) -> None:
        for salt in range(4):
            attempt = dict(fact, sid=sid, id=fact["id"] if salt == 0 else f"{fact['id']}#{salt}")
            try:
                self._host.assert_fact(self.name, attempt)
                break
            except durable.MessageObservedException:
                continue  # ids are unique (checked above): this is a 32-bit hash collision
        else:
            raise InferenceError(f"fact id {fact['id']!r} collides with another after 3 salts")
        if sid in self._errors:
            raise InferenceError("rule action failed:\n" + "\n".join(self._errors[sid]))
