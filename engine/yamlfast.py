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

import functools
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
    StreamEndEvent,
)

from gapcheck import yamllimits
from gapcheck.limits import MAX_CHARS, MAX_DEPTH, MAX_NODES, MAX_STRING, forbidden_char

STR = "tag:yaml.org,2002:str"
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_NO_KEY: Any = object()
# Keys checked for forbidden characters and line breaks: files repeat the same few keys thousands of times.
_GOOD_KEYS: set[str] = set()
_MAX_GOOD_KEYS = 4096


class Unsure(Exception):
    """The file holds something this builder leaves to ruamel's loader (and the limits to their full check)."""


def load(text: str) -> Any:
    """The document's plain data (None when empty), the limits checked on every event."""
    from ruamel.yaml.clib._ruamel_yaml import CParser  # importable once ruamel.yaml is

    # Without a forbidden character in the text, only an escape in a double-quoted scalar can make one:
    # the other scalars are not searched again (a key is, for line breaks).
    clean = forbidden_char(text) is None
    parser = CParser(text)
    get_event = parser.get_event
    root: Any = None
    stack: list[tuple[Any, Any]] = []  # the enclosing containers, each with the key awaiting its value
    container: Any = None  # the innermost container: a dict or a list
    key: Any = _NO_KEY  # in a mapping, the key awaiting its value
    documents = nodes = chars = 0
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                text_ = event.value
                value = _scalar(event)
                nodes += 1
                chars += len(text_)
                if len(text_) > MAX_STRING:
                    raise Unsure
                if type(container) is dict and key is _NO_KEY:
                    if text_ not in _GOOD_KEYS:
                        if forbidden_char(text_, allow_newlines=False):
                            raise Unsure
                        if len(_GOOD_KEYS) < _MAX_GOOD_KEYS:
                            _GOOD_KEYS.add(text_)
                elif (not clean or event.style == '"') and forbidden_char(text_):
                    raise Unsure
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    raise Unsure
                nodes += 1
                value = {} if kind is MappingStartEvent else []
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                container, key = stack.pop()
                continue
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1 or event.version is not None or event.tags:
                    raise Unsure
                continue
            elif kind is AliasEvent:
                raise Unsure
            elif kind is StreamEndEvent:
                break
            else:  # stream start, document end
                continue
            if nodes > MAX_NODES or chars > MAX_CHARS:
                raise Unsure
            if container is None:
                root = value
            elif type(container) is list:
                container.append(value)
            elif key is _NO_KEY:
                if type(value) is not str or value in container:
                    raise Unsure  # a key that is not text, or a duplicate: ruamel reports it
                key = value
                continue
            else:
                container[key] = value
                key = _NO_KEY
            if kind is not ScalarEvent:
                stack.append((container, key))
                container, key = value, _NO_KEY
    finally:
        parser.dispose()
    return root


def _scalar(event: Any) -> Any:
    """A scalar's value as ruamel's safe loader (timestamps kept as text) would construct it, or Unsure."""
    if event.anchor is not None:
        raise Unsure
    value: str = event.value
    if event.ctag is not None:  # the tag as given (`tag` is a property that copies it)
        if str(event.ctag) != STR:
            raise Unsure
        return value
    if event.style:  # quoted, literal or folded: text (a plain scalar's style is None, or '' from the C parser)
        return value
    built = _plain(value)
    if built is _NO_KEY:
        raise Unsure
    return built


@functools.lru_cache(maxsize=4096)
def _plain(value: str) -> Any:
    """A plain scalar's value, or _NO_KEY when this builder leaves it to ruamel (remembered: values repeat)."""
    tag = yamllimits.plain_tag(value)
    if tag == STR or tag == "tag:yaml.org,2002:timestamp":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int" and _DECIMAL.match(value):
        return int(value)
    return _NO_KEY
