"""Write rendered files atomically: everything is rendered first, then each file replaces its old copy.

A failed render writes nothing; a crash mid-write leaves each file either old or new, never partial.
"""

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(folder: Path, files: dict[str, str | bytes]) -> list[Path]:
    """Write {name: content} into folder, each through a temporary file and an atomic rename."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        target = folder / name
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        try:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; reports are for sharing
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
