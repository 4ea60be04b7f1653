"""The data shipped inside the package, found as importlib.resources finds it, in a wheel and in the checkout alike.

In the repository, engine/statutes, engine/standards and engine/reports are links to the top-level
folders; a wheel holds copies (see pyproject.toml). Nothing here assumes where the package sits.
"""

import os
import sys
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import jinja2

PACKAGE = "gapcheck"


def package_folder() -> "Traversable":
    """What importlib.resources.files gives for the package: for a package on a file system (a file loader's),
    the folder of its `__init__.py`, found as importlib.resources' file reader finds it, without importing
    importlib.resources (with zipfile: a hundredth of a cold `check`); anything else, importlib.resources'."""
    loader = getattr(sys.modules[PACKAGE].__spec__, "loader", None)
    if isinstance(loader, (SourceFileLoader, SourcelessFileLoader)):
        return Path(loader.path).parent
    from importlib import resources

    return resources.files(PACKAGE)


def bundled(name: str) -> Path:
    """A data folder shipped with the package (statutes, standards, reports)."""
    folder = package_folder() / name
    if not isinstance(folder, Path):  # pip always installs unpacked; a zip import cannot hold the corpus
        raise RuntimeError(f"gapcheck's {name} must be on a file system, not inside {folder!r}")
    return folder


STATUTES = bundled("statutes")
STANDARDS = bundled("standards")
TEMPLATES = bundled("reports")


def template_loader(user: Path | None = None) -> "jinja2.BaseLoader":
    """The user's template folder first (to override a template), then the bundled templates."""
    import jinja2  # only the commands that render import Jinja

    package = jinja2.PackageLoader(PACKAGE, "reports")
    if user is None:
        return package
    return jinja2.ChoiceLoader([jinja2.FunctionLoader(lambda name: _own_template(user, name)), package])


def _own_template(user: Path, name: str) -> tuple[str, str, None] | None:
    """A template of the user's folder, if it has one (a file: a folder or FIFO of that name is not), as
    jinja2.FileSystemLoader finds it, read as a data file is (`read_limited`): bytes that are not UTF-8, or more
    than the size limit, are bad input at their line and column (Jinja's own loader raised UnicodeDecodeError,
    reported as gapcheck's bug, and read any size)."""
    from jinja2.loaders import split_template_path

    from gapcheck.yamlsrc import read_limited

    path = os.path.join(user, *split_template_path(name))  # refuses a name with `..` (TemplateNotFound)
    if not os.path.isfile(path):
        return None
    return read_limited(Path(path)), os.path.normpath(path), None
