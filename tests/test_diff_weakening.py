"""A draft that makes the law worse without changing a status is `weakened`, with the criterion that got worse."""

import json
from pathlib import Path

from gapcheck.cli import main
from gapcheck.diff import Direction, compare, direction
from gapcheck.rules.terms import Status

FIXTURE = Path(__file__).parent / "fixtures" / "art-89-into-mediation.yaml"
# The mediation gap exists only where the 2017 Penal Code is in force: pin the report's reading of its entry
# into force (tests/test_readings.py covers the draft under every reading: weakened under one, mixed overall).
REPORT_2017 = ("report-2017",)


def test_a_penalty_cut_into_the_mediation_threshold_weakens_an_existing_gap(workspace) -> None:  # type: ignore[no-untyped-def]
    baseline = workspace.evaluate("la", readings=REPORT_2017)
    diff = compare(baseline, workspace.evaluate("la", amendments=(FIXTURE,), readings=REPORT_2017))
    before = {f.requirement: f.status.value for f in baseline.evaluation.findings}
    assert before["no-informal-diversion"] == "gap"
    (change,) = [c for c in diff.changes if c.requirement == "no-informal-diversion"]
    assert change.direction is Direction.weakened and change.before == change.after == "gap"
    (worse,) = change.criteria
    assert "art-89 [remunerated-12-to-18]" in worse.path
    assert (worse.before.value, worse.after.value) == ("satisfied", "not")
    assert change.provisions == ["la/law-on-children-2007/art-89"]
    assert all(c.direction is Direction.weakened for c in diff.changes)  # no status moves


def test_fail_on_weakening_exits_1_and_regression_does_not(capsys) -> None:  # type: ignore[no-untyped-def]
    pin = ["--reading", "report-2017"]
    assert main(["diff", "-a", str(FIXTURE), *pin, "--fail-on", "weakening"]) == 1
    assert "WEAKENED     no-informal-diversion" in capsys.readouterr().out
    assert main(["diff", "-a", str(FIXTURE), *pin, "--fail-on", "regression"]) == 0


def test_weakening_is_in_the_json_with_the_criterion(capsys) -> None:  # type: ignore[no-untyped-def]
    main(["diff", "-a", str(FIXTURE), "--reading", "report-2017", "--format", "json", "--fail-on", "never"])
    data = json.loads(capsys.readouterr().out)
    assert data["weakened"] == 1 and data["regressed"] == 0
    (change,) = data["changes"]
    assert change["direction"] == "weakened" and change["criteria"][0]["after"] == "not"


def test_a_draft_that_only_improves_passes_fail_on_weakening() -> None:
    draft = Path(__file__).parent.parent / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"
    assert main(["diff", "-a", str(draft), "--fail-on", "weakening"]) == 0


def test_moves_to_and_from_unknown_are_named_as_such() -> None:
    assert direction(Status.unknown, Status.gap) is Direction.from_unknown
    assert direction(Status.met, Status.unknown) is Direction.to_unknown
    assert direction(Status.gap, Status.partial) is Direction.improved
    assert direction(Status.met, Status.gap) is Direction.regressed
