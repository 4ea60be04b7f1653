"""Where an analyst's corpus lives: one configuration, read by every command and by the pytest plugin.

Found like other Python tools' settings: walking up from the working directory, the first
`gapcheck.toml` (its top level) or `pyproject.toml` with a `[tool.gapcheck]` table. Paths in it
are relative to the file. `GAPCHECK_<KEY>` environment variables override the file, and
command-line options override both. Unset folders fall back to the data bundled with gapcheck;
the user's statutes are searched before the bundled jurisdictions.
"""

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from gapcheck.errors import InputError, Problem, display_path

FILE_NAMES = ("gapcheck.toml", "pyproject.toml")
ENV_PREFIX = "GAPCHECK_"
PATH_KEYS = ("statutes", "standards", "drafts", "expectations", "templates", "out")


@dataclass(frozen=True)
class Settings:
    """The corpus and output folders; None means "the bundled data" (or, for drafts and expectations, none)."""

    statutes: Path | None = None
    standards: Path | None = None
    drafts: Path | None = None
    expectations: Path | None = None
    templates: Path | None = None
    out: Path = Path("out")
    jurisdiction: str | None = None
    author: str | None = None
    organisation: str | None = None
    file: Path | None = None

    def with_options(self, **options: Any) -> "Settings":
        """These settings with the options given on the command line (None: not given)."""
        given: dict[str, Any] = {k: (Path(v) if k in PATH_KEYS else v) for k, v in options.items() if v is not None}
        return replace(self, **given)


KEYS = tuple(f.name for f in fields(Settings) if f.name != "file")

_active: ContextVar[Settings | None] = ContextVar("gapcheck_settings", default=None)


def active() -> Settings:
    """The settings of the command or test session running now (defaults outside one)."""
    return _active.get() or Settings()


@contextmanager
def using(settings: Settings) -> Iterator[Settings]:
    """Make `settings` the active ones for the duration of a command."""
    token = _active.set(settings)
    try:
        yield settings
    finally:
        _active.reset(token)


def find(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above `start`, and its gapcheck table."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in FILE_NAMES:
            path = folder / name
            if not path.is_file():
                continue
            data = _parse(path)
            if name == "gapcheck.toml":
                return path, data
            table = data.get("tool", {}).get("gapcheck")
            if isinstance(table, dict):
                return path, table
    return None


def load(
    start: Path | None = None,
    environ: Mapping[str, str] | None = None,
    file: Path | None = None,
    between: Mapping[str, Any] | None = None,
) -> Settings:
    """Settings from the configuration file (or `file`), then `between` (pytest's ini options),
    then the GAPCHECK_ environment variables."""
    env = os.environ if environ is None else environ
    chosen = file or (Path(env[ENV_PREFIX + "CONFIG"]) if env.get(ENV_PREFIX + "CONFIG") else None)
    if chosen is not None:
        if not chosen.is_file():
            raise InputError([Problem(display_path(chosen), 1, 1, "no such configuration file")])
        data = _parse(chosen)
        found: tuple[Path, dict[str, Any]] | None = (
            chosen,
            data if chosen.name != "pyproject.toml" else data.get("tool", {}).get("gapcheck", {}),
        )
    else:
        found = find(start or Path.cwd())
    settings = Settings()
    if found is not None:
        settings = _from_table(*found)
    from_env = {k: env[ENV_PREFIX + k.upper()] for k in KEYS if env.get(ENV_PREFIX + k.upper())}
    return settings.with_options(**(between or {})).with_options(**from_env)


def _parse(path: Path) -> dict[str, Any]:
    import tomllib  # only where there is a gapcheck.toml to read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        if where:
            line, col = int(where.group(1)), int(where.group(2))
        else:  # "(at end of document)"
            line, col = max(1, len(path.read_text(encoding="utf-8").splitlines())), 1
        message = re.sub(r"\s*\(at (line|end).*\)", "", str(err))
        raise InputError([Problem(display_path(path), line, col, f"TOML: {message}")]) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError([Problem(display_path(path), 1, 1, f"cannot read file: {err}")]) from None


def _from_table(path: Path, table: dict[str, Any]) -> Settings:
    problems = []
    values: dict[str, Any] = {"file": path}
    for key, value in table.items():
        if key not in KEYS:
            problems.append(_at(path, key, f"unknown key '{key}'{_suggest(key)}; allowed: {', '.join(KEYS)}"))
        elif not isinstance(value, str) or not value:
            problems.append(_at(path, key, f"'{key}' must be a non-empty string (a folder, a code or a name)"))
        else:
            values[key] = (path.parent / value) if key in PATH_KEYS else value
    if problems:
        raise InputError(problems)
    return Settings(**values)


def _at(path: Path, key: str, message: str) -> Problem:
    """A problem on the line where `key` is set (tomllib keeps no positions)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    line = next((n for n, text in enumerate(lines, 1) if pattern.match(text)), 1)
    return Problem(display_path(path), line, 1, message)


def _suggest(key: str) -> str:
    from gapcheck import messages  # with pydantic: only when there is a problem to word

    return messages.suggest(key, list(KEYS))
