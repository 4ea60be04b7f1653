"""The data shipped inside the package, found with importlib.resources in a wheel and in the checkout alike.

In the repository, engine/statutes, engine/standards and engine/reports are links to the top-level
folders; a wheel holds copies (see pyproject.toml). Nothing here assumes where the package sits.
"""

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

PACKAGE = "gapcheck"


def bundled(name: str) -> Path:
    """A data folder shipped with the package (statutes, standards, reports)."""
    folder = resources.files(PACKAGE) / name
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
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(user), package])
