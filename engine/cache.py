"""A cache of validated models, so that an unchanged YAML file is neither parsed nor validated again.

An entry is the model validated from one file, keyed by the SHA-256 of the file's content and the
model's name, in a folder named by a fingerprint of gapcheck's version and code, Python's version
and the installed versions of its dependencies (pydantic's among them): a model is never read back by
another version of gapcheck or of its models. The cache of command results (gapcheck.replay) keeps
its entries in the same folder, under results/.
Entries are written atomically and are only ever a copy of what validation gave, so the folder is
safe to delete at any time; an entry that cannot be read is ignored and rewritten.

Where: $GAPCHECK_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME/gapcheck, ~/.cache/gapcheck;
~/Library/Caches/gapcheck on macOS; %LOCALAPPDATA%\\gapcheck\\Cache on Windows). GAPCHECK_NO_CACHE=1
turns it off. Within a process, each file's model is also kept in memory.
"""

import hashlib
import os
import re
import shutil
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gapcheck import __version__

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

ENV_DIR = "GAPCHECK_CACHE_DIR"
ENV_OFF = "GAPCHECK_NO_CACHE"
T = TypeVar("T")
# The distributions installed beside these are part of the fingerprint (pip install or upgrade: a new one).
DEPENDENCIES = ("click", "pydantic", "pydantic_core", "durable", "jinja2", "ruamel", "openpyxl")

_memory: dict[str, Any] = {}


def folder() -> Path | None:
    """The cache folder in use, or None when caching is off."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "gapcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "gapcheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gapcheck"


@cache
def fingerprint() -> str:
    """gapcheck's version and code, Python's version, the distributions installed beside gapcheck's
    dependencies and pydantic's version, all found without importing them (the result cache's fast path
    imports none of them)."""
    from importlib.util import find_spec

    h = hashlib.sha256(f"{__version__}\0{sys.version}\0{sys.implementation.cache_tag}\0".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    seen: set[str] = set()
    for top, dirs, files in os.walk(package, followlinks=True):  # the subpackages: rules is a link
        seen.add(os.path.realpath(top))
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and os.path.realpath(os.path.join(top, d)) not in seen)
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(top, name)
                with open(path, "rb") as handle:
                    h.update(os.path.relpath(path, package).encode() + b"\0" + handle.read() + b"\0")
    for site in sorted({s for s in (_site(find_spec(name)) for name in DEPENDENCIES) if s}):
        names = sorted(n for n in os.listdir(site) if n.endswith((".dist-info", ".egg-info")))
        h.update(site.encode() + b"\0" + "\0".join(names).encode() + b"\0")
    pydantic = find_spec("pydantic")
    if pydantic is not None and pydantic.submodule_search_locations:
        with open(os.path.join(next(iter(pydantic.submodule_search_locations)), "version.py"), "rb") as handle:
            h.update(handle.read())
    return h.hexdigest()[:16]


def _site(spec: "ModuleSpec | None") -> str | None:
    """The folder a top-level package or module is installed in."""
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return os.path.dirname(os.path.abspath(next(iter(spec.submodule_search_locations))))
    return os.path.dirname(os.path.abspath(spec.origin)) if spec.origin else None


def key(kind: str, text: str) -> str:
    """The entry for one file's content validated as `kind`."""
    return hashlib.sha256(kind.encode() + b"\0" + text.encode("utf-8")).hexdigest()


def cached(kind: str, text: str, build: Callable[[], T]) -> T:
    """The value `build` gives for this content, from memory, then the cache folder, else built and stored.

    `build` must depend on nothing but the content (and gapcheck's code); its errors propagate and
    nothing is stored for them.
    """
    entry = key(kind, text)
    if entry in _memory:
        return _memory[entry]  # type: ignore[no-any-return]
    root = folder()
    path = root / fingerprint() / f"{entry}.pickle" if root else None
    value: Any = _read(path) if path else None
    if value is None:
        value = build()
        if path:
            _write(path, value)
    _memory[entry] = value
    return value  # type: ignore[no-any-return]


def _read(path: Path) -> Any:
    import pickle  # not imported by the result cache's fast path

    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated or from an older layout: rebuilt and rewritten
        return None


def _write(path: Path, value: Any) -> None:
    """Write an entry atomically; a cache that cannot be written is no cache, never an error.

    One folder for all entries, and a temporary file named by this process: a cold run writes dozens
    of entries, and each folder made or temporary name drawn cost as much as the entry's own write.
    """
    import pickle

    tmp = path.with_name(f".tmp-{os.getpid()}-{path.name}")
    try:
        if not path.parent.exists():
            _prune(path.parent)
            path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "xb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _prune(current: Path) -> None:
    """Remove the entries of other fingerprints (older versions of gapcheck) when a new one starts."""
    root = current.parent
    if current.exists() or not claim(root):
        return
    for other in root.iterdir():
        if other.is_dir() and other != current and FINGERPRINT.fullmatch(other.name):
            shutil.rmtree(other, ignore_errors=True)


TAG = "CACHEDIR.TAG"
_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"  # the Cache Directory Tagging Specification
FINGERPRINT = re.compile(r"[0-9a-f]{16}")
_OURS = re.compile(r"[0-9a-f]{16}|results|" + re.escape(TAG))


def claim(root: Path) -> bool:
    """Whether the cache folder is gapcheck's own, tagged (CACHEDIR.TAG) if it is new or holds only our folders.

    Pruning deletes folders: only in a folder that is ours, so that GAPCHECK_CACHE_DIR pointed at a
    folder of the user's never loses a file there.
    """
    tag = root / TAG
    try:
        if tag.is_file():
            return tag.read_text(encoding="ascii", errors="replace").startswith(_SIGNATURE)
        if root.exists() and not all(_OURS.fullmatch(child.name) for child in root.iterdir()):
            return False
        root.mkdir(parents=True, exist_ok=True)
        tag.write_text(f"{_SIGNATURE}\n# gapcheck's cache: safe to delete.\n", encoding="ascii")
        return True
    except OSError:
        return False


def clear_memory() -> None:
    """Forget the models kept in this process (tests that compare cached and uncached runs)."""
    _memory.clear()
