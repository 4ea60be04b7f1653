"""The limits of gapcheck.limits checked on ruamel.yaml's parse events, as the composer takes them.

Kept apart from gapcheck.limits so that a command whose files all come from the cache of
validated models never imports ruamel.
"""

import functools
import re
from collections.abc import Iterable

from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from gapcheck.limits import (
    MAX_ALIASES,
    MAX_CHARS,
    MAX_DEPTH,
    MAX_NODES,
    MAX_STRING,
    Violation,
    describe,
    forbidden_char,
)

_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_RESOLVER = VersionedResolver()
# YAML 1.2's implicit resolvers by first character, read once: `resolve` looks the version up on every call
# (two caught AttributeErrors each), a third of the C loader's time. tests/test_yamlfast.py checks they agree.
_BY_FIRST: dict[str | None, list[tuple[str, "re.Pattern[str]"]]] = _RESOLVER.versioned_resolver
_DEFAULT = str(_RESOLVER.resolve(ScalarNode, "text", (True, False)))


@functools.lru_cache(maxsize=4096)
def plain_tag(value: str) -> str:
    """The tag YAML 1.2 gives a plain (unquoted) scalar: str, int, bool, null, timestamp, float..."""
    for tag, regexp in (*_BY_FIRST.get(value[:1], ()), *_BY_FIRST.get(None, ())):
        if regexp.match(value):
            return str(tag)
    return _DEFAULT


class _Frame:
    """A collection being read: its size so far, after expanding aliases."""

    __slots__ = ("anchor", "nodes", "chars", "is_map", "keys")

    def __init__(self, anchor: str | None, is_map: bool):
        self.anchor, self.is_map = anchor, is_map
        self.nodes, self.chars, self.keys = 1, 0, 0


def check_events(events: Iterable[Event]) -> Violation | None:
    """The first violation in a stream of parse events, or None."""
    check = EventCheck()
    for event in events:
        violation = check.feed(event)
        if violation:
            return violation
    return None


class EventCheck:
    """Checks events one at a time, as the composer consumes them, in memory bounded by the depth."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.sizes: dict[str, tuple[int, int]] = {}
        self.open_anchors: set[str] = set()
        self.aliases = self.nodes = self.chars = 0
        # values and characters so far, aliases expanded: self.nodes (chars) and every open frame's,
        # kept as a running sum (summing the open frames at every event cost a third of a load)
        self.total_nodes = self.total_chars = 0

    def feed(self, event: Event) -> Violation | None:
        """The violation this event makes, or None."""
        stack = self.stack
        mark = event.start_mark
        at = (mark.line, mark.column)
        is_key = bool(stack) and stack[-1].is_map and stack[-1].keys % 2 == 0
        if isinstance(event, (ScalarEvent, CollectionStartEvent, AliasEvent)) and stack:
            stack[-1].keys += 1
        if isinstance(event, AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                return Violation(*at, f"more than {MAX_ALIASES} aliases (limit MAX_ALIASES): write the values out")
            if event.anchor in self.open_anchors:
                return Violation(*at, f"alias *{event.anchor} refers to a value that contains it: no recursive data")
            if event.anchor not in self.sizes:
                return Violation(*at, f"alias *{event.anchor} has no anchor &{event.anchor} before it")
            if is_key:
                return Violation(*at, "a key cannot be an alias: write the key out")
            n, c = self.sizes[event.anchor]
        elif isinstance(event, ScalarEvent):
            problem = _scalar(event, is_key)
            if problem:
                return Violation(*at, problem)
            n, c = 1, len(event.value)
        elif isinstance(event, CollectionStartEvent):
            if is_key:
                return Violation(*at, "a key must be a name, not a list or mapping")
            if event.tag is not None and event.tag not in _PLAIN_TAGS:
                return Violation(*at, f"tag {_short(event.tag)} is not used in data files: remove it")
            if len(stack) >= MAX_DEPTH:
                return Violation(*at, f"nesting deeper than {MAX_DEPTH} levels (limit MAX_DEPTH)")
            stack.append(_Frame(event.anchor, isinstance(event, MappingStartEvent)))
            self.total_nodes += 1
            if event.anchor:
                self.open_anchors.add(event.anchor)
            return None
        elif isinstance(event, CollectionEndEvent):
            frame = stack.pop()
            n, c = frame.nodes, frame.chars
            if frame.anchor:
                self.open_anchors.discard(frame.anchor)
                self.sizes[frame.anchor] = (n, c)
            self.total_nodes, self.total_chars = self.total_nodes - n, self.total_chars - c  # moved to its parent
        else:
            return None
        if isinstance(event, ScalarEvent) and event.anchor:
            self.sizes[event.anchor] = (n, c)
        if stack:
            stack[-1].nodes += n
            stack[-1].chars += c
        else:
            self.nodes, self.chars = self.nodes + n, self.chars + c
        self.total_nodes, self.total_chars = self.total_nodes + n, self.total_chars + c
        if self.total_nodes > MAX_NODES:
            return Violation(*at, f"more than {MAX_NODES} values once aliases are expanded (limit MAX_NODES)")
        if self.total_chars > MAX_CHARS:
            return Violation(*at, f"more than {MAX_CHARS} characters once aliases are expanded (limit MAX_CHARS)")
        return None


def _scalar(event: ScalarEvent, is_key: bool) -> str | None:
    value = event.value
    if event.style == ">":  # ruamel marks where a folded scalar folds with BEL (U+0007)
        value = value.replace("\a", "")
    if len(value) > MAX_STRING:
        return f"a text of {len(value)} characters exceeds the limit of {MAX_STRING} (MAX_STRING)"
    bad = forbidden_char(value, allow_newlines=not is_key)
    if bad:
        return (
            f"character {describe(bad.group())} is not allowed in "
            f"{'a key' if is_key else 'text'}: remove it (text may hold tabs and line breaks only)"
        )
    if event.tag is not None and event.tag != "tag:yaml.org,2002:str":
        return f"tag {_short(event.tag)} is not used in data files: remove it (quote the value to make it text)"
    if is_key:
        if value == "<<" and event.style is None:
            return "merge keys (<<) are not supported in data files: write the keys out"
        if event.style is None:
            kind = plain_tag(value)
            if kind != "tag:yaml.org,2002:str":
                shown = value or "(empty)"
                return f"a key must be a name, not {shown!r} ({kind.rsplit(':', 1)[-1]}): quote it if it is a name"
    return None


def _short(tag: object) -> str:
    return str(tag).replace("tag:yaml.org,2002:", "!!")
