"""`gapcheck init DIR`: scaffold an analyst's repository around a skeleton jurisdiction.

The templates live in the package (gapcheck/scaffold, read with importlib.resources) and are
rendered with Jinja; the schemas are written beside them so that the modelines work offline.
Nothing is written if any target already exists.
"""

import json
import re
from pathlib import Path

import click
import jinja2

from gapcheck import __version__
from gapcheck.commands.exit_codes import EXIT_OK
from gapcheck.commands.options import say
from gapcheck.commands.schema import dumps
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.output.files import write_all
from gapcheck.paths import PACKAGE
from gapcheck.schema import file_name, schemas

# Where gapcheck is installed from: the hooks' repository and the CI's pip requirement.
REPOSITORY = "https://example.org/gapcheck.git"

# template in gapcheck/scaffold -> path in the new repository ({code}: the jurisdiction)
FILES = {
    "gapcheck.toml": "gapcheck.toml",
    "_jurisdiction.yaml": "statutes/{code}/_jurisdiction.yaml",
    "example-act.yaml": "statutes/{code}/example-act.yaml",
    "example-draft.yaml": "drafts/example-draft.yaml",
    "example-draft.gapcheck.yaml": "expectations/example-draft.gapcheck.yaml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "gapcheck-workflow.yml": ".github/workflows/gapcheck.yml",
    "gitignore": ".gitignore",
}
CODE = re.compile(r"^[a-z][a-z0-9-]*$")


@click.command(short_help="Scaffold an analyst's repository in DIRECTORY.")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--jurisdiction", "-j", "code", default="xx", show_default=True, help="Code of the skeleton jurisdiction."
)
@click.option(
    "--name", default="Example jurisdiction (a skeleton: replace with yours)", help="Its name, for the reports."
)
@click.option("--hooks-repo", default=REPOSITORY, show_default=True, help="Repository pre-commit takes the hooks from.")
@click.option("--hooks-rev", default=f"v{__version__}", show_default=True, help="Tag or commit of that repository.")
def init(directory: Path, code: str, name: str, hooks_repo: str, hooks_rev: str) -> int:
    """Create an analyst's repository in DIRECTORY: configuration, a skeleton jurisdiction,
    an example draft and expectation, schemas, pre-commit hooks and a CI workflow."""
    if not CODE.match(code):
        raise click.BadParameter(
            f"{code!r}: a jurisdiction code is lower-case letters, digits and '-'", param_hint="-j"
        )
    files = render(code, name, hooks_repo, hooks_rev)
    taken = sorted(p for p in files if (directory / p).exists())
    if taken:
        raise InputError(
            [Problem(display_path(directory / p), 1, 1, "already exists: gapcheck init writes nothing") for p in taken]
        )
    for folder in sorted({str(Path(p).parent) for p in files}):
        group: dict[str, str | bytes] = {Path(p).name: c for p, c in files.items() if str(Path(p).parent) == folder}
        for path in write_all(directory / folder, group):
            say(f"wrote {display_path(path)}")
    say(f"next: cd {display_path(directory)} && gapcheck validate && gapcheck test")
    return EXIT_OK


def render(code: str, name: str, hooks_repo: str, hooks_rev: str) -> dict[str, str]:
    """Every file of the new repository, by path, rendered."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(PACKAGE, "scaffold"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    values = {
        "code": code,
        "name": json.dumps(name, ensure_ascii=False),  # a YAML-safe quoted string
        "hooks_repo": hooks_repo,
        "hooks_rev": hooks_rev,
        "install_url": f"git+{hooks_repo}@{hooks_rev}",
    }
    out = {target.format(code=code): env.get_template(source).render(values) for source, target in FILES.items()}
    for kind, body in schemas().items():
        out[f"schemas/{file_name(kind)}"] = dumps(body)
    return out
