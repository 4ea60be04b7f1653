"""Read YAML keeping line numbers, and map a data path back to a line and column.

The first parse uses ruamel's C loader (libyaml, through ruamel.yaml.clib) for the plain data
alone; positions cost a second, round-trip parse that records where each key and item stood,
done only when a problem is to be located (`YamlDoc.tree`) or when the fast parse fails, so
that a syntax error is reported from the round-trip parser with its line. ruamel is imported
on first parse: a command served from the cache of validated models never imports it.
"""

import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from gapcheck.errors import InputError, Problem, display_path

UNPARSED: Any = object()


@dataclass(frozen=True)
class YamlDoc:
    """A file: plain data for validation, the marked tree for locations, each parsed when first asked for.

    A file whose model came from the cache is never parsed unless a problem in it is to be located.
    """

    path: Path
    given_data: Any = UNPARSED
    given_tree: Any = None
    text: str | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return "<stdin>" if str(self.path) == STDIN else display_path(self.path)

    @property
    def data(self) -> Any:
        """The plain data (dicts, lists, scalars; dates as text)."""
        if self.given_data is UNPARSED:
            parsed = parse(self.path, self.text or "")
            object.__setattr__(self, "given_data", parsed.given_data)
            object.__setattr__(self, "given_tree", parsed.given_tree)
        return self.given_data

    @property
    def tree(self) -> Any:
        """The round-trip tree with positions: parsed from the text the first time it is asked for."""
        if self.given_tree is None and self.text is not None:
            object.__setattr__(self, "given_tree", _round_trip(self.name, self.text))
        return self.given_tree

    def at(self, loc: tuple[int | str, ...], message: str) -> Problem:
        """A problem located at the deepest node of `loc` that exists in the file."""
        line, column = locate(self.tree, loc)
        return Problem(self.name, line, column, message)


STDIN = "-"
_stdin: tuple[object, str] | None = None


def read_text(path: Path) -> str:
    """A file's text; `-` is standard input, read once and kept (a draft may be applied twice)."""
    global _stdin
    if str(path) != STDIN:
        return path.read_text(encoding="utf-8")
    if _stdin is None or _stdin[0] is not sys.stdin:
        _stdin = (sys.stdin, sys.stdin.read())
    return _stdin[1]


def read(path: Path) -> YamlDoc:
    """Parse one YAML file (`-`: standard input); syntax errors and duplicate keys become located problems."""
    name = "<stdin>" if str(path) == STDIN else display_path(path)
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as err:
        raise InputError([Problem(name, 1, 1, f"cannot read file: {err}")]) from None
    return parse(path, text)


def parse(path: Path, text: str) -> YamlDoc:
    """The document in `text`: the C loader's plain data; on any failure, the round-trip parser's error."""
    try:
        data = _fast_loader().load(text)
    except Exception:  # every failure is reported by the round-trip parser, which locates it
        tree = _round_trip("<stdin>" if str(path) == STDIN else display_path(path), text)
        return YamlDoc(path, plain(tree), tree, text)
    return YamlDoc(path, {} if data is None else plain(data), None, text)


@cache
def _fast_loader() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    class Constructor(SafeConstructor):
        """Keeps timestamps as text, as the round-trip constructor below does."""

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    yaml = YAML(typ="safe", pure=False)  # libyaml when ruamel.yaml.clib is installed
    yaml.Constructor = Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def _round_trip(name: str, text: str) -> Any:
    """The round-trip tree of `text`, positions kept; syntax errors and duplicate keys as located problems."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    class Constructor(RoundTripConstructor):
        """Keeps timestamps as text, so that an impossible date is a located validation error."""

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
    yaml = YAML(typ="rt")
    yaml.Constructor = Constructor
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(p) for p in (err.context, err.problem) if p)
        if "duplicate key" in problem:
            problem = "duplicate key " + problem.split("duplicate key", 1)[1].strip().split("\n")[0]
            problem += ": each key may appear once in a mapping"
        raise InputError([Problem(name, line, column, f"YAML: {problem}")]) from None
    except YAMLError as err:
        raise InputError([Problem(name, 1, 1, f"YAML: {err}")]) from None
    return CommentedMap() if tree is None else tree


def plain(node: Any) -> Any:
    """The tree as plain dicts, lists and scalars (dates kept as dates)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def locate(tree: Any, loc: tuple[int | str, ...]) -> tuple[int, int]:
    """Line and column (1-based) of the deepest node along `loc`."""
    marks = getattr(tree, "lc", None)
    line, column = (getattr(marks, "line", None) or 0, getattr(marks, "col", None) or 0)
    node = tree
    for key in loc:
        if isinstance(node, dict) and hasattr(node, "lc") and key in node:
            line, column = node.lc.value(key) if _is_scalar(node[key]) else node.lc.key(key)
            node = node[key]
        elif isinstance(node, list) and hasattr(node, "lc") and isinstance(key, int) and 0 <= key < len(node):
            line, column = node.lc.item(key)
            node = node[key]
        else:
            break
    return line + 1, column + 1


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))
