"""A pytest plugin: collect `*.gapcheck.yaml` expectation files as tests.

Registered through the `pytest11` entry point, so that an analysts' repository
runs its expectations with plain `pytest`. Each expected status is one test
item, named `file::requirement`; a failure shows expected and actual status
and the reasoning.
"""

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from gapcheck import expect
from gapcheck.errors import InputError
from gapcheck.workspace import Workspace


@cache
def _workspace() -> Workspace:
    return Workspace.open()


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.name.endswith(expect.SUFFIX):
        return ExpectationFile.from_parent(parent, path=file_path)
    return None


class ExpectationFile(pytest.File):
    """One expectation file: evaluated once, one item per expected status."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            outcomes = expect.run(self.path, _workspace())
        except InputError as err:
            raise self.CollectError(str(err)) from None
        for outcome in outcomes:
            yield ExpectationItem.from_parent(self, name=outcome.requirement, outcome=outcome)


class ExpectationItem(pytest.Item):
    """One expected status."""

    def __init__(self, *, outcome: expect.Outcome, **kwargs: Any):
        super().__init__(**kwargs)
        self.outcome = outcome

    def runtest(self) -> None:
        if not self.outcome.passed:
            raise ExpectationFailed(self.outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ExpectationFailed):
            return excinfo.value.outcome.failure()
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name}::{self.name}"


class ExpectationFailed(Exception):
    """An expected status was not found."""

    def __init__(self, outcome: expect.Outcome):
        super().__init__(outcome.failure())
        self.outcome = outcome
