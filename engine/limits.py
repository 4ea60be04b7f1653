"""Limits on input, checked on ruamel.yaml's event stream before any node is built.

A YAML file can ask for far more work than its size suggests: aliases expand
(8 levels of 9 aliases is 43 million nodes), nesting recurses, one long string
aliased many times fills memory. The parser produces events in constant
memory, so every limit here is checked on each event as the composer takes
it, before any value is constructed, and the first limit exceeded is a located
problem naming the limit. docs/input-limits.md lists them.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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

from gapcheck.errors import InputError, Problem, display_path

# Parsing costs about 15 ms of CPU per KB and evaluation grows faster than the facts,
# so these bound the work of one command to seconds. The largest bundled file is 13 KB,
# the Lao PDR makes 216 facts.
MAX_FILE_BYTES = 200_000
MAX_FOLDER_BYTES = 1_000_000  # all *.yaml files of one jurisdiction or standards folder
MAX_DEPTH = 40
MAX_ALIASES = 200
MAX_NODES = 50_000  # after expanding aliases
MAX_CHARS = 2_000_000  # characters of all scalars, after expanding aliases
MAX_STRING = 20_000  # characters in one scalar
MAX_FACTS = 3_000  # facts one evaluation gives the rule engine

# Text may hold tabs and line breaks; no other C0 or C1 control, no DEL, no lone surrogate.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_RESOLVER = VersionedResolver()


@dataclass(frozen=True)
class Violation:
    """The first limit or rule a file breaks: where (0-based, as ruamel marks), and what."""

    line: int
    column: int
    message: str


def check_folder(folder: Path, files: list[Path]) -> None:
    """Refuse a folder whose data files together exceed MAX_FOLDER_BYTES, before reading any."""
    total = sum(p.stat().st_size for p in files if p.is_file())
    if total > MAX_FOLDER_BYTES:
        raise InputError(
            [
                Problem(
                    display_path(folder),
                    1,
                    1,
                    f"the folder's data files hold {total} bytes, over the limit of {MAX_FOLDER_BYTES} "
                    f"(MAX_FOLDER_BYTES)",
                )
            ]
        )


def check_facts(folder: Path, count: int) -> None:
    """Refuse an evaluation of more than MAX_FACTS facts (aliases can multiply facts without bytes)."""
    if count > MAX_FACTS:
        raise InputError(
            [
                Problem(
                    display_path(folder),
                    1,
                    1,
                    f"the law as loaded makes {count} facts for the rule engine, over the limit of {MAX_FACTS} "
                    f"(MAX_FACTS): split the corpus",
                )
            ]
        )


def forbidden_char(text: str, allow_newlines: bool = True) -> re.Match[str] | None:
    """The first character that text in a data file may not hold, if any."""
    match = _FORBIDDEN.search(text)
    if match is None and not allow_newlines:
        match = re.search("[\n\r\u2028\u2029]", text)
    return match


def describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_raw(text: str) -> Violation | None:
    """Characters YAML's reader would reject (or that no data file needs), located before parsing."""
    match = re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start())
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
    return Violation(
        line, column, f"control character {describe(match.group())} in the file: remove it (or save the file as text)"
    )


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
            if event.anchor:
                self.open_anchors.add(event.anchor)
            return None
        elif isinstance(event, CollectionEndEvent):
            frame = stack.pop()
            n, c = frame.nodes, frame.chars
            if frame.anchor:
                self.open_anchors.discard(frame.anchor)
                self.sizes[frame.anchor] = (n, c)
        else:
            return None
        if isinstance(event, ScalarEvent) and event.anchor:
            self.sizes[event.anchor] = (n, c)
        if stack:
            stack[-1].nodes += n
            stack[-1].chars += c
        else:
            self.nodes, self.chars = self.nodes + n, self.chars + c
        if self.nodes + sum(f.nodes for f in stack) > MAX_NODES:
            return Violation(*at, f"more than {MAX_NODES} values once aliases are expanded (limit MAX_NODES)")
        if self.chars + sum(f.chars for f in stack) > MAX_CHARS:
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
            kind = str(_RESOLVER.resolve(ScalarNode, value, (True, False)))
            if kind != "tag:yaml.org,2002:str":
                shown = value or "(empty)"
                return f"a key must be a name, not {shown!r} ({kind.rsplit(':', 1)[-1]}): quote it if it is a name"
    return None


def _short(tag: object) -> str:
    return str(tag).replace("tag:yaml.org,2002:", "!!")
