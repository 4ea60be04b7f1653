"""Read YAML keeping line numbers, and map a data path back to a line and column.

ruamel.yaml's round-trip loader records where each key and item stood; the
loaded tree is kept beside the plain data so that pydantic's error locations
can be turned into `file:line:column`.
"""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from gapcheck.errors import InputError, Problem, display_path


class _Constructor(RoundTripConstructor):
    """Keeps timestamps as text, so that an impossible date is a located validation error."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


@dataclass(frozen=True)
class YamlDoc:
    """A parsed file: plain data for validation, the marked tree for locations."""

    path: Path
    data: Any
    tree: Any

    @property
    def name(self) -> str:
        return "<stdin>" if str(self.path) == STDIN else display_path(self.path)

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
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    name = "<stdin>" if str(path) == STDIN else display_path(path)
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as err:
        raise InputError([Problem(name, 1, 1, f"cannot read file: {err}")]) from None
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
    if tree is None:
        tree = CommentedMap()
    return YamlDoc(path, plain(tree), tree)


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
        if isinstance(node, CommentedMap) and key in node:
            line, column = node.lc.value(key) if _is_scalar(node[key]) else node.lc.key(key)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line, column = node.lc.item(key)
            node = node[key]
        else:
            break
    return line + 1, column + 1


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (CommentedMap, CommentedSeq))
