"""Write rendered files: a report set all-or-nothing, other files each atomically.

`write_set` (reports, matrices, diffs): a reader sees the old complete set or the new one.

The set is written into a temporary folder beside the target, with everything
else the target holds carried over as hard links, and the two folders are then
exchanged in one system call (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere two
renames, repaired by the next run if a crash falls between them). A lock on
the parent folder keeps two runs from switching the same folder at once (the
second waits up to LOCK_WAIT seconds, then exits 2). Temporary folders are
removed on every exit path the process survives, and stale ones left by a
killed run are removed by the next run into the same place.

`write_all` (a new analyst's repository, schemas): each file through a temporary
file and a rename, under the same lock, never swapping a folder the user works in.
"""

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from gapcheck.errors import OutputError, display_path

LOCK_WAIT = 30.0
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_TAG = ".gapcheck-"


def write_set(folder: Path, files: dict[str, str | bytes]) -> list[Path]:
    """Put {name: content} into folder as one set; OutputError (nothing changed) when that cannot be done."""
    target = _target(folder)
    refuse_working_folder(target)
    shown = display_path(target)
    for name in files:
        if (target / name).is_dir() and not (target / name).is_symlink():
            raise OutputError(f"{display_path(target / name)} is a folder: move it, a report file takes its name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target.parent, shown), _signals_exit():
            _clean_stale(target)
            _switch(target, files)
    except OSError as err:
        raise OutputError(f"cannot write the reports to {shown}: {err.strerror or err}; nothing was changed") from None
    return [target / name for name in files]


def write_all(folder: Path, files: dict[str, str | bytes]) -> list[Path]:
    """Write {name: content} into folder, each file atomically (a crash leaves it old or new, never partial)."""
    target = _target(folder)
    shown = display_path(target)
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        with _locked(target, shown), _signals_exit():
            for entry in target.iterdir():  # left by a killed run
                if any(entry.name.startswith(f".{name}{_TAG}") for name in files):
                    entry.unlink()
            for name, content in files.items():
                tmp = target / f".{name}{_TAG}{os.getpid()}"
                try:
                    _write(tmp, content)
                    os.replace(tmp, target / name)
                finally:
                    tmp.unlink(missing_ok=True)
                written.append(target / name)
    except OSError as err:
        raise OutputError(f"cannot write to {shown}: {err.strerror or err}") from None
    return written


def _target(folder: Path) -> Path:
    path = Path(os.path.abspath(folder))
    if path.is_symlink():
        if not path.exists():
            raise OutputError(f"{folder} is a symbolic link to nothing: name a folder for the reports")
        path = path.resolve()
    if path.exists() and not path.is_dir():
        raise OutputError(f"{display_path(path)} is a file, not a folder: name a folder for the reports")
    return path


def refuse_working_folder(path: Path) -> None:
    """A report set replaces its folder: never the one the user (or this process) works in."""
    here = Path.cwd().resolve()
    if path.resolve() == here or path.resolve() in here.parents:
        raise OutputError(
            f"{display_path(path)} is the working folder or holds it: name a subfolder for the reports (e.g. out)"
        )


@contextlib.contextmanager
def _locked(parent: Path, shown: str) -> Iterator[None]:
    """An exclusive lock on the parent folder (flock: released by the kernel if the process dies)."""
    fd = os.open(parent, os.O_RDONLY | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OutputError(
                        f"another gapcheck run has been writing beside {shown} for {LOCK_WAIT:.0f} s; "
                        f"nothing was changed: try again when it has finished"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP end the process through exceptions, so that cleanup runs."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    except ValueError:  # not the main thread: signals cannot be caught here
        previous = {}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _clean_stale(target: Path) -> None:
    """Remove what killed runs left beside the target; restore the target if a crash fell between two renames."""
    stale = sorted(p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}{_TAG}"))
    old = [p for p in stale if p.name.endswith("-old")]
    if not target.exists() and old:
        os.rename(old[0], target)
        stale.remove(old[0])
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)


def _switch(target: Path, files: dict[str, str | bytes]) -> None:
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}{_TAG}", suffix="-new", dir=target.parent))
    try:
        os.chmod(new, (target.stat().st_mode & 0o7777) if target.exists() else 0o777 & ~_umask())
        if target.exists():
            _carry_over(target, new, files)
        for name, content in files.items():
            _write(new / name, content)
        if not target.exists():
            os.rename(new, target)
            return
        if not _exchange(new, target):
            old = new.with_name(new.name.removesuffix("-new") + "-old")
            os.rename(target, old)
            os.rename(new, target)
            new = old
    finally:
        shutil.rmtree(new, ignore_errors=True)  # after an exchange, this is the old set


def _carry_over(target: Path, new: Path, files: dict[str, str | bytes]) -> None:
    """Everything in the target that this set does not replace, as hard links (copies where links fail)."""
    for entry in os.scandir(target):
        if entry.name in files or _is_leftover(entry.name, files):
            continue
        dest = new / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), dest)
        elif entry.is_dir():
            shutil.copytree(entry.path, dest, symlinks=True, copy_function=_link)
        else:
            _link(entry.path, str(dest))


def _is_leftover(name: str, files: dict[str, str | bytes]) -> bool:
    """A temporary file of an older gapcheck that wrote file by file (`.la-report.csv.x8k2`)."""
    return any(name.startswith(f".{f}.") for f in files)


def _link(src: str, dst: str) -> str:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def _write(path: Path, content: str | bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666 & ~_umask())
    with os.fdopen(fd, "wb") as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        handle.flush()
        os.fsync(handle.fileno())


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system cannot (then the caller renames twice)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
