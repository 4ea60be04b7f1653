"""Problems found in input, and the exception that carries them to the CLI."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, located to line and column (1-based)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class InputError(Exception):
    """Bad input: carries every problem found, so that all are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type["InputError"], tuple[list[Problem]]]:
        """Pickled with its problems, so that a worker process can raise it to the parent."""
        return InputError, (self.problems,)


class OutputError(Exception):
    """A report could not be written (the target is a file, the disk is full, another run holds it).

    Exit 2 like bad input: the user can fix it, and nothing was changed.
    """


class InferenceError(Exception):
    """The rule engine failed (an action raised, or the rules contradicted themselves)."""


def display_path(path: Path) -> str:
    """A path as shown to the user: relative to the working directory where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
