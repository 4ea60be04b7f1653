"""Plain data built straight from the C parser's events, in the same pass that checks the limits.

ruamel's safe loader parses a second time and builds every value through its Python
composer and constructor, which cost most of a cold load. The data files are mappings,
lists, text, whole numbers, booleans and nulls; this builds exactly those from the events
and gives up (`Unsure`) on anything else (anchors and aliases, tags, floats, numbers
written other than in plain decimal, duplicate keys, directives, several documents), for
ruamel's loader to decide as before. tests/test_yamlfast.py checks that the two agree.
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
from gapcheck.limits import Violation

STR = "tag:yaml.org,2002:str"
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_NO_KEY: Any = object()


class Unsure(Exception):
    """The file holds something this builder leaves to ruamel's loader."""


class LimitExceeded(Exception):
    """A limit of gapcheck.limits, met on an event."""

    def __init__(self, violation: Violation):
        super().__init__(violation.message)
        self.violation = violation


def load(text: str) -> Any:
    """The document's plain data (None when empty), the limits checked on every event."""
    from ruamel.yaml.clib._ruamel_yaml import CParser  # importable once ruamel.yaml is

    parser = CParser(text)
    check = yamllimits.EventCheck()
    root: Any = None
    stack: list[tuple[Any, Any]] = []  # (container, key awaiting its value: mappings only)
    documents = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            violation = check.feed(event)
            if violation:
                raise LimitExceeded(violation)
            kind = type(event)
            if kind is ScalarEvent:
                value = _scalar(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    raise Unsure
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
