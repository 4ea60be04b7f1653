"""Adding a requirement of an existing test kind is a change of data only.

On a copy of the standards, a requirement is appended to a standards file: it
loads, is decided by the rules already there, changes no other finding, and
its output still follows the published schema. No code knows how many
requirements there are.
"""

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from gapcheck.cli import main
from gapcheck.workspace import Workspace
from tests.conftest import ROOT

ADDED = """\
  - id: fixture-added-requirement
    theme: csam
    title: "Test fixture: producing child sexual abuse material (added on a copy)"
    demands: Producing child sexual abuse material is an offence.
    sources:
      - {instrument: lanzarote, pinpoint: "art. 20(1)(a)"}
    test:
      kind: criminalization
      groups: [[produce]]
      objects: [child_sexual_abuse_material]
"""


@pytest.fixture(scope="module")
def standards_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("std") / "standards"
    shutil.copytree(ROOT / "standards", copy)
    path = copy / "lanzarote.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.index("\nrequirements:") > text.find("\narticles:")  # the requirement list ends the file
    path.write_text(text.rstrip("\n") + "\n" + ADDED, encoding="utf-8")
    return copy


@pytest.mark.parametrize("jurisdiction", ["la", "model"])
def test_an_added_requirement_is_decided_and_changes_nothing_else(standards_copy, workspace, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    before = {f.requirement: f for f in workspace.evaluate(jurisdiction).evaluation.findings}
    added = Workspace.open(None, standards_copy).evaluate(jurisdiction).evaluation.findings
    after = {f.requirement: f for f in added}
    assert set(after) - set(before) == {"fixture-added-requirement"}
    assert after["fixture-added-requirement"].status.value == "met"  # both laws make production an offence
    assert {r: f.status for r, f in after.items() if r in before} == {r: f.status for r, f in before.items()}
    assert {r: f.criteria for r, f in after.items() if r in before} == {r: f.criteria for r, f in before.items()}


def test_the_added_requirement_follows_the_output_schema(standards_copy, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--format", "json", "--standards", str(standards_copy)]) == 0
    data = json.loads(capsys.readouterr().out)
    schema = json.loads((ROOT / "docs" / "check-output.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert "fixture-added-requirement" in [f["requirement"] for f in data["findings"]]


def test_expectation_files_still_pass_with_the_added_requirement(standards_copy, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["test", str(ROOT / "tests" / "expectations"), "--standards", str(standards_copy)]) == 0
