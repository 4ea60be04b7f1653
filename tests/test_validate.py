"""`gapcheck validate` resolves drafts and expectations against the law; kinds come from content."""

import shutil
from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.load import load_standards
from gapcheck.paths import STANDARDS, STATUTES
from tests.conftest import write_tree

HEAD = "amendment: {jurisdiction: la, title: Test draft, date: 2026-01-01}\nchanges:\n"
DRAFT_CASES = [
    ("unknown-jurisdiction", HEAD.replace("la,", "lao,") + "  - repeal: la/x/art-1\n", 1, "unknown jurisdiction 'lao'"),
    (
        "unknown-instrument",
        HEAD + "  - repeal: la/law-on-child-2007/art-86\n",
        3,
        "no instrument 'la/law-on-child-2007'",
    ),
    (
        "unknown-provision",
        HEAD + "  - replace: la/law-on-children-2007/art-88\n    provision: {id: art-88, heading: h, source: s 1}\n",
        3,
        "no provision 'la/law-on-children-2007/art-88' (did you mean",
    ),
    (
        "repeal-missing",
        HEAD + "  - repeal: la/law-on-children-2007/art-99\n",
        3,
        "no provision 'la/law-on-children-2007/art-99'",
    ),
]


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("name,text,line,fragment", DRAFT_CASES, ids=[c[0] for c in DRAFT_CASES])
def test_a_draft_is_resolved_against_the_law_it_amends(tmp_path, capsys, name, text, line, fragment):  # type: ignore[no-untyped-def]
    draft = write_tree(tmp_path, {"d.yaml": text}) / "d.yaml"
    code, _, err = _validate(capsys, str(draft))
    assert code == 2
    assert f"d.yaml:{line}:" in err and fragment in err, err
    # the same located message as diff
    if name != "unknown-jurisdiction":
        assert main(["diff", "-a", str(draft)]) == 2
        assert err.splitlines()[0] in capsys.readouterr().err


def test_an_expectation_file_must_resolve(tmp_path, capsys):  # type: ignore[no-untyped-def]
    spec = write_tree(
        tmp_path,
        {"e.gapcheck.yaml": "name: n\njurisdiction: laos\namendment: [missing.yaml]\nexpect: {grooming: gap}\n"},
    )
    code, _, err = _validate(capsys, str(spec / "e.gapcheck.yaml"))
    assert code == 2
    assert "e.gapcheck.yaml:2:" in err and "unknown jurisdiction 'laos' (did you mean 'la'?)" in err
    assert "e.gapcheck.yaml:3:" in err and "no such draft" in err


def test_an_empty_folder_is_an_error(tmp_path, capsys):  # type: ignore[no-untyped-def]
    code, out, err = _validate(capsys, str(tmp_path))
    assert code == 2 and out == ""
    assert "no data files (*.yaml) here" in err


def test_the_kind_comes_from_the_content_not_the_folder_name(tmp_path, capsys):  # type: ignore[no-untyped-def]
    drafts = tmp_path / "standards"  # a folder named like the standards, holding drafts
    shutil.copytree(STATUTES / "la" / "drafts", drafts)
    code, out, err = _validate(capsys, str(drafts))
    assert code == 0, err
    assert len(out.splitlines()) == len(list(drafts.glob("*.yaml")))
    assert all("amendment of la" in line for line in out.splitlines())
    elsewhere = tmp_path / "drafts"  # and standards in a folder named drafts
    shutil.copytree(STANDARDS, elsewhere)
    code, out, _ = _validate(capsys, str(elsewhere))
    loaded = load_standards(STANDARDS)
    assert code == 0 and f"{len(loaded.files)} instruments, {len(loaded.requirements)} requirements" in out


def test_a_file_of_no_known_kind_says_what_each_kind_looks_like(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = write_tree(tmp_path, {"x.yaml": "title: something\n"}) / "x.yaml"
    code, _, err = _validate(capsys, str(path))
    assert code == 2 and "x.yaml:1:1: cannot tell what this file is" in err


def test_validate_reads_a_draft_from_standard_input(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    import io

    text = (STATUTES / "la" / "drafts" / "possession-and-grooming.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code, out, _ = _validate(capsys, "-")
    assert code == 0 and out.startswith("ok  <stdin>: amendment of la")


def test_the_quiet_flag_prints_nothing_on_success(capsys: pytest.CaptureFixture[str]) -> None:
    draft = Path(STATUTES / "la" / "drafts" / "repeal-art-86.yaml")
    assert main(["--quiet", "validate", str(draft)]) == 0
    assert capsys.readouterr().out == ""


def test_a_statute_reached_through_dot_dot_is_in_its_real_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """`la/drafts/../x.yaml` validates the jurisdiction `la`, as `la/x.yaml` does (it took `..` for the code)."""
    statute = next(p for p in sorted((STATUTES / "la").glob("*.yaml")) if not p.name.startswith("_"))
    plain = _validate(capsys, str(statute))
    assert plain[0] == 0
    assert _validate(capsys, str(STATUTES / "la" / "drafts" / ".." / statute.name)) == plain
