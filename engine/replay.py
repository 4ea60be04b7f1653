"""A cache of command results: a command that only prints is replayed, byte for byte, while nothing it read changed.

It works like a build system's dependency record. A run of one of `COMMANDS` in a process of its own
(the `gapcheck` program, not `main([...])` called in-process) records, through an audit hook and a
watch on `os.stat`, every file it read (path and SHA-256 of the content), every folder it listed
(names and kinds of the entries), and every path whose existence or kind it tested, with the bytes it
wrote to standard output and standard error in the order written (flushes included, so that the two
streams interleave as they did) and its exit code. The entry is stored under a key made of
gapcheck's fingerprint (its version and the source of its modules, Python's version, the
distributions installed beside its dependencies, pydantic's among them, found without importing
them), the arguments, the working directory, the environment variables and terminal traits that
change output or choose what is read. A later run with the same key whose record still holds
writes the same bytes and exits with the same code, without importing the models, the rule engine
or the renderers. The data shipped with gapcheck is recorded like any other file the run read.

Only a run that exits 0 or 1, writes no file outside the cache (so never `--out`), reads no standard
input and starts no other process is stored. Entries live in `<cache>/results/<fingerprint>/`, are
written atomically and carry a checksum: an entry that cannot be read is a miss, and the folder is
safe to delete at any time. GAPCHECK_NO_CACHE=1 turns this cache off with the cache of models.
"""

import errno
import hashlib
import io
import marshal
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import gapcheck
from gapcheck import cache

FORMAT = 1
COMMANDS = frozenset({"check", "validate", "why", "diff", "suggest", "schema"})
_GLOBAL_FLAGS = frozenset({"-q", "--quiet", "--debug"})
_COMPLETE = "_GAPCHECK_COMPLETE"  # click's shell completion
# Beside every GAPCHECK_ variable: colour, terminal size, encodings, warnings, and HOME (which `~` means).
ENVIRONMENT = (
    "NO_COLOR",
    "COLUMNS",
    "LINES",
    "TERM",
    "HOME",
    "USERPROFILE",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_CTYPE",
    "LC_MESSAGES",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONWARNINGS",
)
_CODE = (".py", ".pyc", ".pyi", ".so", ".pyd", ".pth")
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_MAX_READ = 64 * 1024 * 1024
_MISSING = "-"
_FLUSH = b""  # in the recorded output, a flush of the stream (a write is never empty)

Chunk = tuple[int, bytes]
Probe = tuple[str, bool, str]  # path, stat follows links, what it was
Seen = tuple[str, str]  # path, hash of its content or listing
Entry = tuple[int, tuple[Probe, ...], tuple[Seen, ...], tuple[Seen, ...], tuple[Chunk, ...], int]


def command(args: list[str]) -> str | None:
    """The subcommand `args` run, when it is one whose result is cached (global options skipped)."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _GLOBAL_FLAGS:
            i += 1
        elif arg == "--config":
            i += 2
        elif arg.startswith("--config="):
            i += 1
        else:
            return arg if arg in COMMANDS else None
    return None


class Result:
    """One command line's place in the cache: replayed from it, or recorded into it."""

    def __init__(self, root: Path, key: str) -> None:
        self.root = root  # the cache folder
        self.path = root / "results" / cache.fingerprint() / key[:2] / key
        self._recording: _Recording | None = None

    @classmethod
    def lookup(cls, args: list[str]) -> "Result | None":
        """The cache entry for this command line, or None when its result is never cached."""
        root = cache.folder()
        if root is None or command(args) is None or os.environ.get(_COMPLETE):
            return None
        if any(a.startswith("--out") for a in args) or sys.stdin is not sys.__stdin__:
            return None
        streams = (sys.stdout, sys.stderr)
        if any(s is None or not hasattr(s, "buffer") for s in streams):
            return None
        try:
            return cls(root.expanduser().absolute(), _key(args, streams))
        except (OSError, ValueError):
            return None

    def replay(self) -> int | None:
        """Write the stored output and give its exit code, if the entry exists and its record holds."""
        entry = _load(self.path)
        if entry is None or not _holds(entry):
            return None
        out, err = sys.stdout.buffer, sys.stderr.buffer
        for fd, data in entry[4]:
            stream = out if fd == 1 else err
            if data == _FLUSH:
                stream.flush()
            else:
                _write_all(stream, data)
        return entry[5]

    def record(self) -> None:
        """Start recording what this process reads and writes (until `finish`)."""
        global _active
        self._recording = _active = _Recording(self.root)
        _install()
        self._recording.start()

    def finish(self, code: int) -> None:
        """Stop recording; store the result if the run may be replayed."""
        global _active
        recording, self._recording, _active = self._recording, None, None
        if recording is None:
            return
        recording.stop()
        if code in (0, 1) and recording.spoiled is None:
            entry = recording.entry(code)
            if _holds(entry):  # a file edited (and put back) while the run read it: its record may be mixed
                _store(self.path, entry)


def _key(args: list[str], streams: tuple[TextIO, TextIO]) -> str:
    """What, beside the files it reads, decides a command's output: arguments, place, environment, terminal."""
    env = sorted((k, v) for k, v in os.environ.items() if k.startswith("GAPCHECK_") or k in ENVIRONMENT)
    terminal = [(s.isatty(), s.encoding, s.errors) for s in streams]
    material = (FORMAT, args, os.getcwd(), env, terminal, tuple(shutil.get_terminal_size()), sys.warnoptions)
    return hashlib.sha256(repr(material).encode("utf-8", "surrogateescape")).hexdigest()


# --- what a run depended on -----------------------------------------------------------------------


def _content(path: str) -> str:
    """A file's SHA-256, or why there is none; never waits on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        return _MISSING if err.errno == errno.ENOENT else f"e{err.errno}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_READ:
            raise _Unrecordable(f"{path} is not a regular file of reasonable size")
        h = hashlib.sha256()
        while block := os.read(fd, 1 << 20):
            h.update(block)
        return h.hexdigest()
    finally:
        os.close(fd)


def _listing(path: str) -> str:
    """A folder's entries (names and whether each is a folder), hashed; or why there are none."""
    try:
        with os.scandir(path) as entries:
            names = sorted(f"{e.name}{'/' if e.is_dir() else ''}" for e in entries)
    except OSError as err:
        return f"e{err.errno}"
    return hashlib.sha256("\0".join(names).encode("utf-8", "surrogateescape")).hexdigest()


def _kind(path: str, follow: bool) -> str:
    """What a path is: missing (or an error), a file, a folder, a link and its target, or something else."""
    try:
        info = _os_stat(path) if follow else _os_lstat(path)
    except OSError as err:
        return _MISSING if err.errno == errno.ENOENT else f"e{err.errno}"
    return _kind_of(path, info)


def _kind_of(path: str, info: os.stat_result) -> str:
    if stat.S_ISREG(info.st_mode):
        return "f"
    if stat.S_ISDIR(info.st_mode):
        return "d"
    if stat.S_ISLNK(info.st_mode):
        return "l" + os.readlink(path)
    return "o"


def _holds(entry: Entry) -> bool:
    """Whether every path, folder and file the recorded run relied on is as it was then."""
    try:
        return (
            all(_kind(path, follow) == kind for path, follow, kind in entry[1])
            and all(_listing(path) == names for path, names in entry[2])
            and all(_content(path) == digest for path, digest in entry[3])
        )
    except (OSError, _Unrecordable):
        return False


def _libraries() -> set[str]:
    """Where Python's standard library and installed distributions live (the fingerprint covers them)."""
    import site
    import sysconfig

    found = {sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    found.update(site.getsitepackages() if hasattr(site, "getsitepackages") else [])
    found.add(site.getusersitepackages())
    return {p for p in found if p}


class _Unrecordable(Exception):
    """The run did something its record cannot capture."""


class _Recording:
    """What one run read, listed, tested and wrote; `spoiled` says why it cannot be stored, if it cannot."""

    def __init__(self, cache_root: Path) -> None:
        self.files: dict[str, str] = {}
        self.listings: dict[str, str] = {}
        self.probes: dict[tuple[str, bool], str] = {}
        self.chunks: list[Chunk] = []
        self.spoiled: str | None = None
        self.busy = False
        self._ignored = tuple(os.path.join(os.path.abspath(p), "") for p in _libraries())
        self._root = str(cache_root)  # listed by the caches' pruning, never by a command
        self._inside = os.path.join(self._root, "")
        self._package = os.path.join(os.path.dirname(os.path.abspath(gapcheck.__file__)), "")
        self._streams: tuple[Any, Any, Any] = (sys.stdin, sys.stdout, sys.stderr)

    def start(self) -> None:
        stdin, out, err = self._streams
        sys.stdout = _tee(out, 1, self.chunks)
        sys.stderr = _tee(err, 2, self.chunks)
        if stdin is not None:
            sys.stdin = _Watched(stdin, self)

    def stop(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        sys.stdin, sys.stdout, sys.stderr = self._streams

    def spoil(self, why: str) -> None:
        if self.spoiled is None:
            self.spoiled = why

    def entry(self, code: int) -> Entry:
        return (
            FORMAT,
            tuple((path, follow, kind) for (path, follow), kind in sorted(self.probes.items())),
            tuple(sorted(self.listings.items())),
            tuple(sorted(self.files.items())),
            tuple(self.chunks),
            code,
        )

    def _caches(self, absolute: str) -> bool:
        """Whether a path under the cache folder is the caches' own: results, a fingerprint's models, the tag."""
        first = absolute[len(self._inside) :].split(os.sep, 1)[0]
        return first in ("results", cache.TAG) or cache.FINGERPRINT.fullmatch(first) is not None

    def relevant(self, path: Any) -> str | None:
        """The absolute path, if what happens to it can change the output (not code, Python, the cache)."""
        if isinstance(path, int):
            raise _Unrecordable("a path given as a file descriptor")
        name = os.fsdecode(path if path is not None else ".")
        absolute = os.path.abspath(name)
        if absolute == self._root or (absolute.startswith(self._inside) and self._caches(absolute)):
            return None
        if absolute.startswith(self._package) and (absolute.endswith(_CODE) or "__pycache__" in absolute):
            return None
        if absolute.startswith(self._ignored) and not absolute.startswith(self._package):
            return None
        if os.pardir in name.split(os.sep):  # the kernel resolves ".." after symlinks; abspath does not
            return os.path.join(os.getcwd(), name)
        return absolute

    def opened(self, path: Any, flags: int) -> None:
        if isinstance(path, int):  # os.fdopen of a descriptor opened (and recorded) before
            return
        absolute = self.relevant(path)
        if absolute is None:
            return
        if flags & _WRITE:
            raise _Unrecordable(f"wrote {absolute}")
        if absolute not in self.files:
            self.files[absolute] = _content(absolute)

    def listed(self, path: Any) -> None:
        absolute = self.relevant(path)
        if absolute is not None and absolute not in self.listings:
            self.listings[absolute] = _listing(absolute)

    def changed(self, *paths: Any) -> None:
        for path in paths:
            if path is not None and self.relevant(path) is not None:
                raise _Unrecordable(f"changed {path}")

    def probed(self, path: Any, follow: bool, kind: Callable[[], str]) -> None:
        absolute = self.relevant(path)
        if absolute is not None and (absolute, follow) not in self.probes:
            self.probes[absolute, follow] = kind()


_active: _Recording | None = None
_installed = False
_os_stat = os.stat
_os_lstat = os.lstat

_READS = frozenset({"open", "os.listdir", "os.scandir"})
_IMPORTLIB = ("<frozen importlib", os.path.join(os.path.dirname(os.__file__), "importlib", ""))
_CHANGES = {
    "os.rename": 2,
    "os.remove": 1,
    "os.rmdir": 1,
    "os.mkdir": 1,
    "os.link": 2,
    "os.symlink": 2,
    "os.truncate": 1,
    "os.chmod": 1,
    "os.chown": 1,
    "os.utime": 1,
    "shutil.copyfile": 2,
    "shutil.rmtree": 1,
}
_ELSEWHERE = frozenset(
    {
        "os.fork",
        "os.forkpty",
        "os.posix_spawn",
        "os.exec",
        "os.spawn",
        "os.system",
        "subprocess.Popen",
        "socket.connect",
        "urllib.Request",
    }
)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """The audit hook: note what the run reads, lists and changes (never raises: that would fail the run)."""
    recording = _active
    if recording is None or recording.busy:
        return
    if event in _READS and sys._getframe(1).f_code.co_filename.startswith(_IMPORTLIB):
        return  # the import system and importlib.metadata read code and distributions: the fingerprint covers them
    recording.busy = True
    try:
        if event == "open":
            recording.opened(args[0], args[2] if len(args) > 2 and isinstance(args[2], int) else 0)
        elif event in ("os.listdir", "os.scandir"):
            recording.listed(args[0] if args else None)
        elif event in _CHANGES:
            recording.changed(*args[: _CHANGES[event]])
        elif event in _ELSEWHERE:
            raise _Unrecordable(f"{event}: work outside this process")
    except Exception as err:  # noqa: BLE001 - anything unexpected: this run is not stored
        recording.spoil(str(err) or type(err).__name__)
    finally:
        recording.busy = False


def _watched_stat(follow: bool) -> Callable[..., os.stat_result]:
    original = _os_stat if follow else _os_lstat

    def watched(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        recording = _active
        if recording is None or recording.busy or args or kwargs.get("dir_fd") is not None or _unnamed(path):
            return original(path, *args, **kwargs)  # also a descriptor, and "" (never a path)
        follows = follow and kwargs.get("follow_symlinks", True)
        try:
            info = original(path, **kwargs)
        except OSError as err:
            failed = _MISSING if err.errno == errno.ENOENT else f"e{err.errno}"
            _note(recording, path, follows, lambda: failed)
            raise
        _note(recording, path, follows, lambda: _kind_of(os.fsdecode(path), info))
        return info

    return watched


def _unnamed(path: Any) -> bool:
    """A descriptor, or the empty path (which names nothing)."""
    return isinstance(path, int) or not path


def _note(recording: _Recording, path: Any, follow: bool, kind: Callable[[], str]) -> None:
    recording.busy = True
    try:
        recording.probed(path, follow, kind)
    except Exception as err:  # noqa: BLE001 - anything unexpected: this run is not stored
        recording.spoil(str(err) or type(err).__name__)
    finally:
        recording.busy = False


def _install() -> None:
    """Hook the audit events and `os.stat`/`os.lstat`, once per process (an audit hook stays for good)."""
    global _installed
    if not _installed:
        sys.addaudithook(_audit)
        os.stat = _watched_stat(True)  # pathlib's exists(), is_file(), is_dir() and os.path's go through it
        os.lstat = _watched_stat(False)
        _installed = True


# --- the streams ----------------------------------------------------------------------------------


class _Tee(io.BufferedIOBase):
    """A standard stream's binary layer that passes every write and flush on, and notes them in order."""

    def __init__(self, target: BinaryIO, fd: int, chunks: list[Chunk]) -> None:
        super().__init__()
        self._target, self._fd, self._chunks = target, fd, chunks

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        data = bytes(data)
        _write_all(self._target, data)
        if data:
            self._chunks.append((self._fd, data))
        return len(data)

    def flush(self) -> None:
        self._target.flush()
        self._chunks.append((self._fd, _FLUSH))

    def isatty(self) -> bool:
        return self._target.isatty()

    def fileno(self) -> int:
        return self._target.fileno()


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """Write every byte: unbuffered (python -u), a standard stream is the raw file, which may take part."""
    rest = memoryview(data)
    while rest:
        written = stream.write(rest)
        if written is None:
            raise BlockingIOError(errno.EAGAIN, "standard output would block")
        rest = rest[written:]


def _tee(stream: TextIO, fd: int, chunks: list[Chunk]) -> TextIO:
    """A text stream like `stream` (encoding, errors, buffering) whose bytes are also noted."""
    return io.TextIOWrapper(
        _Tee(stream.buffer, fd, chunks),  # type: ignore[type-var]
        encoding=stream.encoding,
        errors=stream.errors,
        newline=None if os.name == "nt" else "\n",
        line_buffering=bool(stream.line_buffering),
        write_through=getattr(stream, "write_through", False),
    )


class _Watched:
    """Standard input, as the run sees it: touching it means the output may depend on it."""

    def __init__(self, stream: TextIO, recording: _Recording) -> None:
        self._stream, self._recording = stream, recording

    def __getattr__(self, name: str) -> Any:
        self._recording.spoil("read standard input")
        return getattr(self._stream, name)

    def __iter__(self) -> Any:
        self._recording.spoil("read standard input")
        return iter(self._stream)


# --- entries --------------------------------------------------------------------------------------


def _load(path: Path) -> Entry | None:
    """The entry at `path`, if there is one and it is whole (its checksum holds) and of this format."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    digest, body = data[:32], data[32:]
    if hashlib.sha256(body).digest() != digest:
        return None
    try:
        entry = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(entry, tuple) and len(entry) == 6 and entry[0] == FORMAT):
        return None
    return entry


def _store(path: Path, entry: Entry) -> None:
    """Write an entry atomically; a cache that cannot be written is no cache, never an error."""
    import tempfile

    body = marshal.dumps(entry)
    try:
        if not path.parent.parent.exists():
            _prune(path.parent.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(body).digest() + body)
        os.replace(tmp, path)
    except OSError:
        return


def _prune(current: Path) -> None:
    """Remove the results of other fingerprints (another version of gapcheck) when a new one starts,
    only in a cache folder that is gapcheck's own (`cache.claim`)."""
    results = current.parent
    if current.exists() or not results.is_dir() or not cache.claim(results.parent):
        return
    for other in results.iterdir():
        if other.is_dir() and other != current and cache.FINGERPRINT.fullmatch(other.name):
            shutil.rmtree(other, ignore_errors=True)
