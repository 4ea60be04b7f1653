"""A pytest plugin: collect `*.gapcheck.yaml` expectation files as tests.

Registered through the `pytest11` entry point, so that an analysts' repository
runs its expectations with plain `pytest`. Each expected status is one test
item, named `file::requirement`; a failure shows expected and actual status
and the reasoning. The corpus is the one `gapcheck` itself would use (gapcheck.toml
or [tool.gapcheck], GAPCHECK_ variables); the ini options `gapcheck_statutes`,
`gapcheck_standards` and `gapcheck_jurisdiction` override it (paths relative to the
ini file), and GAPCHECK_ variables override those.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gapcheck import config, expect
from gapcheck.errors import InputError
from gapcheck.workspace import Workspace

INI = {
    "statutes": "Your statutes root for gapcheck expectation files (default: gapcheck's configuration).",
    "standards": "Standards folder for gapcheck expectation files (default: gapcheck's configuration).",
    "jurisdiction": "Default jurisdiction code for gapcheck expectation files.",
}
_SETTINGS = pytest.StashKey[config.Settings]()
_WORKSPACE = pytest.StashKey[Workspace]()


def pytest_addoption(parser: pytest.Parser) -> None:
    for key, help_text in INI.items():
        parser.addini(f"gapcheck_{key}", help_text, default=None)


def settings_for(pytest_config: pytest.Config) -> config.Settings:
    """The configuration file, then the ini options (relative to the ini file), then GAPCHECK_ variables."""
    base = pytest_config.inipath.parent if pytest_config.inipath else pytest_config.rootpath
    ini: dict[str, Any] = {}
    for key in INI:
        value = pytest_config.getini(f"gapcheck_{key}")
        if value:
            ini[key] = value if key == "jurisdiction" else str(base / value)
    try:
        return config.load(start=pytest_config.invocation_params.dir, between=ini)
    except InputError as err:
        raise pytest.UsageError(f"gapcheck configuration:\n{err}") from None


def _workspace(pytest_config: pytest.Config) -> tuple[Workspace, config.Settings]:
    if _WORKSPACE not in pytest_config.stash:
        settings = settings_for(pytest_config)
        with config.using(settings):
            pytest_config.stash[_WORKSPACE] = Workspace.open()
        pytest_config.stash[_SETTINGS] = settings
    return pytest_config.stash[_WORKSPACE], pytest_config.stash[_SETTINGS]


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.name.endswith(expect.SUFFIX):
        return ExpectationFile.from_parent(parent, path=file_path)
    return None


class ExpectationFile(pytest.File):
    """One expectation file: evaluated once, one item per expected status."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            ws, settings = _workspace(self.config)
            with config.using(settings):
                outcomes = expect.run(self.path, ws)
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
