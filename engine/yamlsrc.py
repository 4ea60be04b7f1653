"""Read YAML keeping line numbers, and map a data path back to a line and column.

The first parse builds the plain data alone, from the C parser's events (gapcheck.yamlfast), or
where a file holds more than that builder reads, with ruamel's C loader (libyaml, through
ruamel.yaml.clib). Positions cost a second, round-trip parse that records where each key and
item stood, done only when a problem is to be located (`YamlDoc.tree`) or when the fast parse
fails, so that a syntax error or an exceeded limit is reported from the round-trip parser with
its line. The limits of gapcheck.limits are checked on the C parser's events before anything
is built, as on the round-trip parser's.
"""

import os
import stat
import sys
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gapcheck import limits

from gapcheck.errors import InputError, Problem, display_path

UNPARSED: Any = object()


class _LimitExceeded(Exception):
    def __init__(self, violation: "limits.Violation"):
        self.violation = violation


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
        return shown(self.path)

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
        _stdin = (sys.stdin, sys.stdin.read(_max_file_bytes() + 1))
    return _stdin[1]


def read(path: Path) -> YamlDoc:
    """Parse one YAML file (`-`: standard input) within the limits of gapcheck.limits.

    Every failure is a located problem.
    """
    return parse(path, read_limited(path))


def read_limited(path: Path) -> str:
    """A file's text (`-`: standard input): a regular file, within the size limit, in UTF-8."""
    return _stdin_text(path, shown(path)) if str(path) == STDIN else _text(path)


def shown(path: Path) -> str:
    """A file's name in messages (`<stdin>` for standard input): worked out only for a message, since
    resolving a path tests every folder on the way (a cold run reads dozens of files with no problem)."""
    return "<stdin>" if str(path) == STDIN else display_path(path)


def parse(path: Path, text: str, name: str | None = None) -> YamlDoc:
    """The document in `text` (named `name` in messages), within the limits: the C loader's plain data when
    the C parser's events keep the limits and it loads; otherwise the round-trip parser, which locates the problem."""
    from ruamel.yaml.error import ReusedAnchorWarning

    from gapcheck import limits

    violation = limits.check_raw(text)
    if violation:
        raise InputError([Problem(name or shown(path), violation.line + 1, violation.column + 1, violation.message)])
    from gapcheck import yamlfast

    try:
        try:
            data = yamlfast.load(text)  # one pass of the C parser: limits and plain data (copied no further)
        except yamlfast.Unsure:  # anchors, tags, floats...: ruamel's loader
            _check_events(text)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ReusedAnchorWarning)
                data = plain(_fast_loader().load(text))
    except Exception:  # a limit, a syntax error, a duplicate key: reported by the round-trip parser, located
        tree = _round_trip(name or shown(path), text)
        return YamlDoc(path, plain(tree), tree, text)
    return YamlDoc(path, {} if data is None else data, None, text)


def _check_events(text: str) -> None:
    """Feed the C parser's events to the limits (the same events the round-trip parser gives)."""
    from ruamel.yaml.clib._ruamel_yaml import CParser

    from gapcheck import yamllimits

    parser = CParser(text)
    check = yamllimits.EventCheck()
    try:
        while parser.check_event():
            violation = check.feed(parser.get_event())
            if violation:
                raise _LimitExceeded(violation)
    finally:
        parser.dispose()


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
    """The round-trip tree of `text` within the limits, positions kept; every failure a located problem."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
    from ruamel.yaml.parser import RoundTripParser

    from gapcheck import yamllimits

    class Constructor(RoundTripConstructor):
        """Keeps timestamps as text, so that an impossible date is a located validation error."""

    class LimitedParser(RoundTripParser):
        """The round-trip parser, checking each event against gapcheck.limits as the composer takes it."""

        def __init__(self, loader: Any) -> None:
            super().__init__(loader)
            self._check = yamllimits.EventCheck()

        def get_event(self) -> Any:
            event = super().get_event()
            violation = self._check.feed(event)
            if violation:
                raise _LimitExceeded(violation)
            return event

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
    yaml = YAML(typ="rt")
    yaml.Parser = LimitedParser
    yaml.Constructor = Constructor
    yaml.allow_duplicate_keys = False
    try:
        with warnings.catch_warnings():
            # a reused anchor is valid YAML (an alias takes the latest); ruamel warns on stderr
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            tree = yaml.load(text)
    except _LimitExceeded as exceeded:
        v = exceeded.violation
        raise InputError([Problem(name, v.line + 1, v.column + 1, v.message)]) from None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(p) for p in (err.context, err.problem) if p)
        if "duplicate key" in problem:
            problem = "duplicate key " + problem.split("duplicate key", 1)[1].strip().split("\n")[0]
            problem += ": each key may appear once in a mapping"
        raise InputError([Problem(name, line, column, f"YAML: {_one_line(problem)}")]) from None
    except YAMLError as err:
        raise InputError([Problem(name, 1, 1, f"YAML: {_one_line(str(err))}")]) from None
    return CommentedMap() if tree is None else tree


def _stdin_text(path: Path, name: str) -> str:
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as err:
        raise InputError([Problem(name, 1, 1, f"cannot read file: {err}")]) from None
    if len(text) > _max_file_bytes():
        raise InputError([Problem(name, 1, 1, _too_big(len(text)))])
    return text


def _text(path: Path) -> str:
    """The file's text: a regular file, within the size limit, in UTF-8."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused as not a file.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        raise InputError([Problem(shown(path), 1, 1, f"cannot read file: {err.strerror or err}")]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                [Problem(shown(path), 1, 1, "not a regular file (a folder, FIFO or device): data files are files")]
            )
        if info.st_size > _max_file_bytes():
            raise InputError([Problem(shown(path), 1, 1, _too_big(info.st_size))])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(_max_file_bytes() + 1)
    except OSError as err:
        raise InputError([Problem(shown(path), 1, 1, f"cannot read file: {err.strerror or err}")]) from None
    finally:
        os.close(fd)
    if len(raw) > _max_file_bytes():
        raise InputError([Problem(shown(path), 1, 1, _too_big(len(raw)))])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start)
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1)
        message = "not UTF-8 text: save the file as UTF-8"
        raise InputError([Problem(shown(path), line + 1, column + 1, message)]) from None


def _max_file_bytes() -> int:
    from gapcheck import limits

    return limits.MAX_FILE_BYTES


def _too_big(size: int) -> str:
    return f"file of {size} bytes exceeds the limit of {_max_file_bytes()} bytes (MAX_FILE_BYTES): split it"


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
        try:
            if isinstance(node, dict) and hasattr(node, "lc") and key in node:
                line, column = node.lc.value(key) if _is_scalar(node[key]) else node.lc.key(key)
                node = node[key]
            elif isinstance(node, list) and hasattr(node, "lc") and isinstance(key, int) and 0 <= key < len(node):
                line, column = node.lc.item(key)
                node = node[key]
            else:
                break
        except (KeyError, TypeError, IndexError):  # a node without its own mark: keep its parent's
            break
    return line + 1, column + 1


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))
