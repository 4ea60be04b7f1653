"""Evaluations in worker processes give output byte-identical to a serial run, in the same order."""

from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.errors import InputError, Problem
from gapcheck.parallel import evaluate_all
from gapcheck.workspace import Workspace
from tests.conftest import ROOT

DRAFTS = ROOT / "statutes" / "la" / "drafts"


def test_matrix_files_are_byte_identical_serial_and_parallel(tmp_path: Path) -> None:
    args = ["--quiet", "matrix", "-j", "la", "-j", "model", "--as-of", "2016-06-01"]
    args += ["-a", str(DRAFTS / "possession-and-grooming.yaml"), "-a", str(DRAFTS / "marriage-at-16.yaml")]
    assert main([*args, "--out", str(tmp_path / "serial"), "--jobs", "1"]) == 0
    assert main([*args, "--out", str(tmp_path / "parallel"), "--jobs", "3"]) == 0
    serial = sorted(p.name for p in (tmp_path / "serial").iterdir())
    assert serial == sorted(p.name for p in (tmp_path / "parallel").iterdir()) and serial
    for name in serial:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes(), name


def test_expectations_run_in_parallel_report_as_serial(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(ROOT / "tests" / "expectations")
    serial_code = main(["test", folder, "--jobs", "1"])
    serial = capsys.readouterr().out
    parallel_code = main(["test", folder, "--jobs", "2"])
    assert (parallel_code, capsys.readouterr().out) == (serial_code, serial)
    assert "passed" in serial


def test_runs_come_back_in_the_order_asked(workspace: Workspace) -> None:
    requests = [("model", None, ()), ("la", None, ()), ("model", None, ())]
    runs = evaluate_all(workspace, requests, jobs=2)
    assert [r.corpus.code for r in runs] == ["model", "la", "model"]
    assert runs[0].evaluation == runs[2].evaluation == workspace.evaluate("model").evaluation


def test_bad_input_in_a_worker_is_reported_as_input_error(workspace: Workspace) -> None:
    with pytest.raises(InputError) as raised:
        evaluate_all(workspace, [("la", None, ()), ("no-such-place", None, ())], jobs=2)
    assert all(isinstance(p, Problem) for p in raised.value.problems)
    assert "no jurisdiction 'no-such-place'" in str(raised.value)


def test_brief_findings_give_the_matrix_and_expectations_of_full_ones(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Light runs (brief findings) carry everything a matrix and an expectation file read."""
    import gapcheck.parallel

    args = ["--quiet", "matrix", "-j", "la", "-j", "model", "-a", str(DRAFTS / "possession-and-grooming.yaml")]
    assert main([*args, "--out", str(tmp_path / "brief"), "--jobs", "1"]) == 0
    full = gapcheck.parallel.evaluate_all
    monkeypatch.setattr(
        gapcheck.parallel, "evaluate_all", lambda ws, reqs, jobs=None, light=False, meanwhile=None: full(ws, reqs, 1)
    )
    assert main([*args, "--out", str(tmp_path / "full"), "--jobs", "1"]) == 0
    names = sorted(p.name for p in (tmp_path / "full").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "brief").iterdir()) and names
    for name in names:
        assert (tmp_path / "full" / name).read_bytes() == (tmp_path / "brief" / name).read_bytes(), name


def test_a_brief_finding_keeps_what_it_says_and_drops_its_tree(workspace: Workspace) -> None:
    for finding in workspace.evaluate("la").evaluation.findings:
        brief = finding.brief()
        kept = ("requirement", "status", "title", "explanation", "binds", "binding", "notes", "standards")
        assert all(getattr(brief, k) == getattr(finding, k) for k in kept)
        assert brief.criteria.outcome == finding.criteria.outcome and brief.criteria.children == []
        assert brief.provisions == [] and type(brief) is type(finding)


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_the_caller_does_meanwhile_runs_once_and_changes_no_run(workspace: Workspace, jobs: int) -> None:
    """The matrix imports its writers while the workers evaluate: called once, serial or parallel."""
    calls: list[int] = []
    requests = [("la", None, ()), ("model", None, ())]
    runs = evaluate_all(workspace, requests, jobs=jobs, light=True, meanwhile=lambda: calls.append(len(calls)))
    assert calls == [0]
    plain = evaluate_all(workspace, requests, jobs=1, light=True)
    assert [r.evaluation for r in runs] == [r.evaluation for r in plain]


@pytest.mark.parametrize(
    ("formats", "broken"),
    [
        ("html,md,csv", {"matrix.md": "{% if %}\n"}),
        ("md,html", {"matrix.md": "{% if %}\n", "matrix.html": "{{ 1/0 }}"}),
    ],
)
def test_a_matrix_that_fails_to_render_fails_as_serial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], formats: str, broken: dict[str, str]
) -> None:
    """The HTML page rendered here, the rest in a forked process: a failure on either side is reported as a
    run in one process reports it (same message, exit code), and nothing is written."""
    templates = tmp_path / "templates"
    templates.mkdir()
    for name, text in broken.items():
        (templates / name).write_text(text, encoding="utf-8")
    args = ["matrix", "-j", "la", "--format", formats, "--templates", str(templates)]
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code = main([*args, "--jobs", jobs, "--out", str(out)])
        results.append((code, capsys.readouterr().err))
        assert not out.exists()
    assert results[0] == results[1]
    assert results[0][0] != 0
