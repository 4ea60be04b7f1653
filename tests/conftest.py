"""Shared fixtures: the bundled data loaded once, and helpers to write data folders."""

import datetime as dt
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from gapcheck import cache
from gapcheck.evaluate import Evaluation
from gapcheck.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent  # the repository

LAO_AS_OF = dt.date(2017, 11, 16)

INDEX = """\
jurisdiction:
  name: Testland
  as_of: 2020-01-01
  source: test fixture
"""


@pytest.fixture(scope="session", autouse=True)
def _model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The cache of validated models in a folder of this test session, never the user's."""
    folder = tmp_path_factory.mktemp("model-cache")
    before = os.environ.get(cache.ENV_DIR)
    os.environ[cache.ENV_DIR] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(cache.ENV_DIR, None)
    else:
        os.environ[cache.ENV_DIR] = before


@pytest.fixture(scope="session")
def workspace() -> Workspace:
    return Workspace.open()


@pytest.fixture(scope="session")
def lao(workspace: Workspace) -> Evaluation:
    return workspace.evaluate("la").evaluation


@pytest.fixture(scope="session")
def statuses(lao: Evaluation) -> dict[str, str]:
    return {f.requirement: f.status.value for f in lao.findings}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write dedented files under root; return root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def jurisdiction(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Make a jurisdiction folder `tl` under a statutes root from {file: text}."""

    def make(files: dict[str, str], index: str = INDEX) -> Path:
        return write_tree(tmp_path / "statutes" / "tl", {"_jurisdiction.yaml": index, **files})

    return make


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Re-record tests/golden/ from the current output (review the diff before committing).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
