"""Controls: the reference law meets everything; an empty law is unknown, or gap when declared complete."""

from gapcheck.vocab import Theme
from gapcheck.workspace import Workspace
from tests.conftest import INDEX


def test_model_jurisdiction_has_no_gap_and_no_partial(workspace):  # type: ignore[no-untyped-def]
    ev = workspace.evaluate("model").evaluation
    assert {f.requirement: f.status.value for f in ev.findings if f.status.value != "met"} == {}
    assert len(ev.findings) == len(workspace.standards.requirements)


def test_empty_jurisdiction_is_all_unknown(jurisdiction, workspace):  # type: ignore[no-untyped-def]
    folder = jurisdiction({})
    ev = Workspace(folder.parent, workspace.standards).evaluate("tl").evaluation
    assert {f.status.value for f in ev.findings} == {"unknown"}


def test_empty_jurisdiction_declared_complete_is_all_gap(jurisdiction, workspace):  # type: ignore[no-untyped-def]
    themes = ", ".join(t.value for t in Theme)
    folder = jurisdiction({}, index=INDEX + f"complete:\n  - themes: [{themes}]\n    source: test ¶1\n")
    ev = Workspace(folder.parent, workspace.standards).evaluate("tl").evaluation
    assert {f.status.value for f in ev.findings} == {"gap"}
    assert all(any("declared complete" in line for line in f.explanation) for f in ev.findings)


def test_completeness_for_one_requirement_closes_only_that_one(jurisdiction, workspace):  # type: ignore[no-untyped-def]
    folder = jurisdiction({}, index=INDEX + "complete:\n  - requirements: [grooming]\n    source: test ¶1\n")
    ev = Workspace(folder.parent, workspace.standards).evaluate("tl").evaluation
    gaps = [f.requirement for f in ev.findings if f.status.value == "gap"]
    assert gaps == ["grooming"]
