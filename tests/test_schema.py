"""Editor schemas match the files: every shipped YAML file names its schema and validates against it."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

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


DATES = st.one_of(
    st.integers(1790, 2210),
    st.integers(1790, 2210).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2017-02-30", "17", "2017-1-1"]),
)
DURATIONS = st.builds(
    lambda n, unit, pad: f"{pad}{n} {unit}{pad}",
    st.one_of(st.integers(0, 40).map(str), st.sampled_from(["1.5", "0.5", "2.25"])),
    st.sampled_from(["month", "months", "year", "years", "yrs", "days"]),
    st.sampled_from(["", " "]),
)
SOURCES = st.one_of(
    st.text(max_size=6),
    st.fixed_dictionaries({"cite": st.text(min_size=0, max_size=6)}, optional={"secondary": st.booleans()}),
)


SLOTS = {
    "statute": [("instrument", "adopted"), ("instrument", "source"), ("provisions", 0, "in_force_from")]
    + [("provisions", 0, "offences", 0, "penalty", bound) for bound in ("min", "max")]
    + [("provisions", 0, "offences", 0, "source")],
    "expectation": [("as_of",)],
}


def _valid(kind: str) -> dict:  # type: ignore[type-arg]
    if kind == "expectation":
        return {"name": "n", "expect": {"grooming": "met"}}
    offence = {"id": "o", "conduct": ["possess"], "source": "src", "penalty": {}}
    provision = {"id": "art-1", "heading": "h", "source": "src", "offences": [offence]}
    return {"instrument": {"title": "t", "kind": "law", "source": "src"}, "provisions": [provision]}


@settings(max_examples=300, deadline=None)
@given(
    slot=st.sampled_from([(kind, path) for kind, paths in SLOTS.items() for path in paths]),
    value=st.one_of(DATES, DURATIONS, SOURCES),
)
def test_whatever_the_loader_accepts_the_schema_accepts(slot, value) -> None:  # type: ignore[no-untyped-def]
    kind, path = slot
    data = _valid(kind)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        MODELS[kind].model_validate(data)
    except ValidationError:
        return
    assert jsonschema.Draft202012Validator(schema(kind)).is_valid(data), (kind, data)
