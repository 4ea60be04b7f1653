"""Plain data built straight from the C parser's events, in the same pass that checks the limits.

ruamel's safe loader parses a second time and builds every value through its Python
composer and constructor, which cost most of a cold load. The data files are mappings,
lists, text, whole numbers, booleans and nulls; this builds exactly those from the events
and gives up (`Unsure`) on anything else (anchors and aliases, tags, floats, numbers
written other than in plain decimal, duplicate keys, directives, several documents), for
ruamel's loader to decide as before. tests/test_yamlfast.py checks that the two agree.

The limits (gapcheck.yamllimits) are checked in the same loop, in the few forms they take
without anchors, aliases or tags: depth, values, characters, a text's length and characters.
Anything that might break one is left to the full check (`Unsure`), which locates it; a
check per event through yamllimits' general EventCheck cost as much as the build itself.
"""

import re
from typing import Any

from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from gapcheck import yamllimits
from gapcheck.limits import MAX_CHARS, MAX_DEPTH, MAX_NODES, MAX_STRING, forbidden_char

STR = "tag:yaml.org,2002:str"
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_NO_KEY: Any = object()


class Unsure(Exception):
    """The file holds something this builder leaves to ruamel's loader (and the limits to their full check)."""


def load(text: str) -> Any:
    """The document's plain data (None when empty), the limits checked on every event."""
    from ruamel.yaml.clib._ruamel_yaml import CParser  # importable once ruamel.yaml is

    parser = CParser(text)
    root: Any = None
    stack: list[tuple[Any, Any]] = []  # (container, key awaiting its value: mappings only)
    documents = nodes = chars = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                value = _scalar(event)
                nodes += 1
                chars += len(event.value)
                is_key = bool(stack) and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is dict
                if len(event.value) > MAX_STRING or forbidden_char(event.value, allow_newlines=not is_key):
                    raise Unsure
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    raise Unsure
                nodes += 1
                value = {} if kind is MappingStartEvent else []
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1 or event.version is not None or event.tags:
                    raise Unsure
                continue
            elif kind is AliasEvent:
                raise Unsure
            else:  # stream start and end, document end
                continue
            if nodes > MAX_NODES or chars > MAX_CHARS:
                raise Unsure
            if not stack:
                root = value
            else:
                container, key = stack[-1]
                if isinstance(container, list):
                    container.append(value)
                elif key is _NO_KEY:
                    if not isinstance(value, str) or value in container:
                        raise Unsure  # a key that is not text, or a duplicate: ruamel reports it
                    stack[-1] = (container, value)
                    continue
                else:
                    container[key] = value
                    stack[-1] = (container, _NO_KEY)
            if kind is not ScalarEvent:
                stack.append((value, _NO_KEY))
    finally:
        parser.dispose()
    return root


def _scalar(event: Any) -> Any:
    """A scalar's value as ruamel's safe loader (timestamps kept as text) would construct it, or Unsure."""
    if event.anchor is not None:
        raise Unsure
    value: str = event.value
    if event.tag is not None:
        if event.tag != STR:
            raise Unsure
        return value
    if event.style:  # quoted, literal or folded: text (a plain scalar's style is None, or '' from the C parser)
        return value
    tag = yamllimits.plain_tag(value)
    if tag == STR or tag == "tag:yaml.org,2002:timestamp":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int" and _DECIMAL.match(value):
        return int(value)
    raise Unsure
