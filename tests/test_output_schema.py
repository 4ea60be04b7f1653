"""The JSON output of `gapcheck check` follows its published schema, justification trees included."""

import json
from pathlib import Path

import jsonschema
import pytest

from gapcheck.cli import main
from gapcheck.findings import output_schema

PUBLISHED = Path(__file__).parent.parent / "docs" / "check-output.schema.json"


def test_published_schema_is_the_generated_one(update_golden: bool) -> None:
    generated = json.dumps(output_schema(), indent=2, ensure_ascii=False) + "\n"
    if update_golden:
        PUBLISHED.write_text(generated, encoding="utf-8")
    assert PUBLISHED.read_text(encoding="utf-8") == generated, "re-record with pytest --update-golden"


@pytest.mark.parametrize("jurisdiction", ["la", "model"])
def test_check_json_validates_against_the_published_schema(jurisdiction: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "-j", jurisdiction, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert all(f["criteria"]["outcome"] in ("satisfied", "partly", "not", "unknown") for f in data["findings"])


def test_schema_rejects_a_finding_without_its_tree(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    del data["findings"][0]["criteria"]
    with pytest.raises(jsonschema.ValidationError, match="criteria"):
        jsonschema.validate(data, json.loads(PUBLISHED.read_text(encoding="utf-8")))
