"""Limits on input; those on a YAML file are checked on its event stream before any node is built.

A YAML file can ask for far more work than its size suggests: aliases expand
(8 levels of 9 aliases is 43 million nodes), nesting recurses, one long string
aliased many times fills memory. The parser produces events in constant
memory, so every limit here is checked on each event as the composer takes
it, before any value is constructed, and the first limit exceeded is a located
problem naming the limit (gapcheck.yamllimits, which imports ruamel: only a
command that parses a file needs it). docs/input-limits.md lists them.
"""

import re
from dataclasses import dataclass
from pathlib import Path

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
