"""Where a report's findings come from: content hashes of the data, the engine version, the date.

Hashes, not timestamps, so that the same input gives byte-identical reports.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gapcheck import __version__
from gapcheck.yamlsrc import STDIN, read_text


@dataclass(frozen=True)
class Provenance:
    """What a report was computed from."""

    jurisdiction: str
    jurisdiction_name: str
    reference: bool
    as_of: str
    amendment: str | None
    corpus: str
    standards: str
    engine: str = __version__


def digest(paths: Iterable[Path]) -> str:
    """A short content hash of files by name and content, independent of order and location."""
    h = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        content = read_text(path).encode("utf-8") if str(path) == STDIN else path.read_bytes()
        h.update(path.name.encode() + b"\0" + content + b"\0")
    return h.hexdigest()[:12]


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a data folder."""
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())
