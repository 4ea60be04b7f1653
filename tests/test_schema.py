"""Editor schemas match the files: every shipped YAML file names its schema and validates against it."""

import json
from pathlib import Path

import jsonschema
import pytest

from gapcheck.cli import main
from gapcheck.commands.init import render
from gapcheck.paths import bundled
from gapcheck.schema import DIALECT, MODELS, file_name, modeline, named_schema, schema
from gapcheck.validation import kind_of
from gapcheck.yamlsrc import read

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(
    [*(ROOT / "statutes").rglob("*.yaml"), *(ROOT / "standards").glob("*.yaml"), *(ROOT / "tests").rglob("*.yaml")]
)


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_the_shipped_schemas_are_what_gapcheck_schema_prints(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", kind]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$schema"] == DIALECT
    shipped = json.loads((bundled("schemas") / file_name(kind)).read_text(encoding="utf-8"))
    assert shipped == printed, "re-run: gapcheck schema --out schemas"


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(ROOT)) for p in SHIPPED])
def test_every_shipped_yaml_file_validates_against_the_schema_its_modeline_names(path: Path) -> None:
    doc = read(path)
    kind = kind_of(doc.data)
    assert kind is not None, path
    named = named_schema(path.read_text(encoding="utf-8"))
    expected = modeline(kind, path, ROOT / "schemas")
    assert named is not None, f"{path}: add as its first line: {expected}"
    assert f"$schema={named}" in expected, f"{path}: the modeline should read {expected}"
    on_disk = json.loads((path.parent / named).read_text(encoding="utf-8"))
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in jsonschema.Draft202012Validator(on_disk).iter_errors(doc.data)
    ]
    assert not errors, errors


def test_the_scaffolded_files_validate_against_the_schemas_written_beside_them(tmp_path: Path) -> None:
    files = render("xx", "Example", "https://example.org/gapcheck.git", "v0")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    checked = 0
    for name in files:
        path = tmp_path / name
        if path.suffix != ".yaml" or name == ".pre-commit-config.yaml":
            continue
        named = named_schema(path.read_text(encoding="utf-8"))
        assert named and (path.parent / named).is_file(), name
        body = json.loads((path.parent / named).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(body).validate(read(path).data)
        checked += 1
    assert checked == 4


@pytest.mark.parametrize(
    "kind,data",
    [
        ("expectation", {"name": "n", "as_of": 2016, "expect": {"grooming": "met"}}),
        ("expectation", {"name": "n", "expect": {"grooming": "fine"}}),
        ("statute", {"instrument": {"title": "t", "kind": "law", "source": "src", "adoptd": 2016}}),
        (
            "statute",
            {
                "instrument": {"title": "t", "kind": "law", "source": "src"},
                "provisions": [
                    {
                        "id": "art-1",
                        "heading": "h",
                        "source": "src",
                        "offences": [{"id": "o", "conduct": ["possess"], "source": "s1", "penalty": {"max": "5 yrs"}}],
                    }
                ],
            },
        ),
    ],
)
def test_the_schemas_reject_what_the_loader_rejects(kind: str, data: dict) -> None:  # type: ignore[type-arg]
    assert not jsonschema.Draft202012Validator(schema(kind)).is_valid(data)
