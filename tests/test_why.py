"""`gapcheck why`: the justification tree of one requirement, with what the law would need."""

from pathlib import Path

from gapcheck.cli import main

DRAFTS = Path(__file__).parent.parent / "statutes" / "la" / "drafts"


def test_why_a_gap_names_the_unmet_criteria_and_what_is_missing(capsys, lao) -> None:  # type: ignore[no-untyped-def]
    assert main(["why", "csam-possession"]) == 0
    out = capsys.readouterr().out
    finding = next(f for f in lao.findings if f.requirement == "csam-possession")
    assert out.splitlines()[1].startswith("GAP for la as of 2017-11-16")
    assert "Why not met" in out
    for unmet in finding.criteria.unmet():
        assert f"  - {unmet.missing} (" in out
    assert "[NOT SATISFIED] an in-force offence covers possess" in out


def test_why_a_met_requirement_says_every_criterion_holds(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["why", "csam-production", "-j", "model"]) == 0
    out = capsys.readouterr().out
    assert "Every criterion is satisfied." in out and "Why not met" not in out


def test_why_with_a_draft_shows_the_amended_law(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["why", "csam-possession", "-a", str(DRAFTS / "possession-and-grooming.yaml")]) == 0
    out = capsys.readouterr().out
    assert "MET for la" in out and "article 86 bis of the Law on the Protection" in out


def test_why_an_unknown_requirement_suggests_the_closest(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["why", "csam-posession"]) == 2
    assert "did you mean 'csam-possession'?" in capsys.readouterr().err
