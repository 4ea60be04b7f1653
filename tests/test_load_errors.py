"""Every kind of bad data gets `file:line:column: message`, exit 2, and no traceback."""

import shutil
from pathlib import Path

import pytest

from gapcheck.cli import main
from tests.conftest import INDEX, write_tree

GOOD = """\
instrument:
  title: Test Act
  kind: law
  adopted: 2010
  source: test ¶1
provisions:
  - id: art-1
    article: "1"
    heading: An offence
    source: test ¶1
    offences:
      - id: o
        conduct: [possess]
        object: child_sexual_abuse_material
        victim: {age_from: 0, age_below: 18}
        penalty: {min: 1 year, max: 5 years}
        source: test ¶1
"""

# (name, file text, line, fragments the message must contain)
STATUTE_CASES = [
    ("yaml-syntax", GOOD.replace("heading: An offence", "heading: [unclosed"), 10, ["YAML"]),
    (
        "duplicate-key",
        GOOD.replace('    article: "1"\n', '    article: "1"\n    article: "2"\n'),
        9,
        ["duplicate key", "article"],
    ),
    (
        "unknown-key",
        GOOD.replace("        conduct:", "        conduc:"),
        13,
        ["unknown key 'conduc'", "did you mean 'conduct'", "allowed keys"],
    ),
    (
        "unknown-conduct",
        GOOD.replace("[possess]", "[posess]"),
        13,
        ["'posess' is not an allowed value", "did you mean 'possess'", "sell_child"],
    ),
    (
        "unknown-object",
        GOOD.replace("child_sexual_abuse_material", "child_abuse_material"),
        14,
        ["did you mean 'child_sexual_abuse_material'"],
    ),
    (
        "min-above-max",
        GOOD.replace("min: 1 year, max: 5 years", "min: 6 years, max: 5 years"),
        16,
        ["minimum penalty", "exceeds maximum"],
    ),
    (
        "empty-age-band",
        GOOD.replace("age_from: 0, age_below: 18", "age_from: 12, age_below: 12"),
        15,
        ["age band 12-12 is empty"],
    ),
    ("age-out-of-range", GOOD.replace("age_below: 18", "age_below: 30"), 15, ["age_below", "25"]),
    (
        "dates-out-of-order",
        GOOD.replace("  adopted: 2010\n", "  adopted: 2010\n  repealed: 2005\n"),
        5,
        ["dates out of order", "2005", "2010"],
    ),
    (
        "no-source",
        GOOD.replace("    heading: An offence\n    source: test ¶1\n", "    heading: An offence\n"),
        7,
        ["provisions[0].source", "required key is missing"],
    ),
    ("bad-duration", GOOD.replace("max: 5 years", "max: 5 yrs"), 16, ["cannot read '5 yrs' as a duration"]),
    ("bad-date", GOOD.replace("adopted: 2010", "adopted: 2017-02-30"), 4, ["not a date"]),
    ("wrong-type", GOOD.replace("age_from: 0", "age_from: zero"), 15, ["age_from", "integer"]),
    ("duplicate-provision", GOOD + GOOD[GOOD.index("  - id: art-1") :], 18, ["duplicate provision id 'tl/act/art-1'"]),
    ("duplicate-offence", GOOD + GOOD[GOOD.index("      - id: o") :], 7, ["duplicate offence id(s)", ": o"]),
    ("bad-provision-id", GOOD.replace("id: art-1", "id: article one"), 7, ["id", "pattern"]),
    ("bad-sex", GOOD.replace("age_below: 18}", "age_below: 18, sex: girls}"), 15, ["'girls'", "female"]),
    ("empty-file", "", 1, ["instrument: required key is missing"]),
    ("list-not-mapping", "- instrument\n- provisions\n", 1, ["the file: expected a mapping with the keys instrument"]),
    (
        "offence-not-mapping",
        GOOD.replace("      - id: o\n", "      - just text\n      - id: o\n"),
        12,
        ["expected a mapping with the keys id, conduct"],
    ),
]


def _validate(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(folder)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name,text,line,fragments", STATUTE_CASES, ids=[c[0] for c in STATUTE_CASES])
def test_statute_error_is_located(jurisdiction, capsys, name, text, line, fragments):  # type: ignore[no-untyped-def]
    folder = jurisdiction({"act.yaml": text})
    code, err = _validate(folder, capsys)
    assert code == 2
    assert "Traceback" not in err
    assert f"act.yaml:{line}:" in err, err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


def test_the_good_fixture_is_valid(jurisdiction, capsys):  # type: ignore[no-untyped-def]
    code = main(["validate", str(jurisdiction({"act.yaml": GOOD}))])
    assert code == 0
    assert "1 instruments, 1 provisions" in capsys.readouterr().out


def test_every_error_of_a_file_is_reported_at_once(jurisdiction, capsys):  # type: ignore[no-untyped-def]
    text = GOOD.replace("[possess]", "[posess]").replace("max: 5 years", "max: 5 yrs")
    text = text.replace("kind: law", "kind: lawz")
    code, err = _validate(jurisdiction({"act.yaml": text}), capsys)
    assert code == 2
    assert "3 problems" in err
    assert [ln.split(":")[1] for ln in err.splitlines()[:3]] == ["3", "13", "16"]


def test_errors_of_several_files_are_all_reported(jurisdiction, capsys):  # type: ignore[no-untyped-def]
    folder = jurisdiction({"a.yaml": GOOD.replace("[possess]", "[posess]"), "b.yaml": "instrument: [\n"})
    code, err = _validate(folder, capsys)
    assert code == 2
    assert "a.yaml:13:" in err and "b.yaml:" in err


INDEX_CASES = [
    ("missing-index", None, None, ["missing _jurisdiction.yaml"]),
    (
        "unknown-requirement",
        INDEX + "complete:\n  - requirements: [csam-posession]\n    source: x ¶1\n",
        6,
        ["unknown requirement 'csam-posession'", "did you mean 'csam-possession'"],
    ),
    ("unknown-theme", INDEX + "complete:\n  - themes: [csm]\n    source: x ¶1\n", 6, ["'csm'", "did you mean 'csam'"]),
    ("empty-completeness", INDEX + "complete:\n  - source: x ¶1\n", 6, ["names at least one theme or requirement"]),
]


@pytest.mark.parametrize("name,index,line,fragments", INDEX_CASES, ids=[c[0] for c in INDEX_CASES])
def test_jurisdiction_index_errors(tmp_path, capsys, name, index, line, fragments):  # type: ignore[no-untyped-def]
    files = {"act.yaml": GOOD}
    if index is not None:
        files["_jurisdiction.yaml"] = index
    folder = write_tree(tmp_path / "tl", files)
    code = main(["validate", str(folder)])
    err = capsys.readouterr().err
    assert code == 2
    if line is not None:
        assert f"_jurisdiction.yaml:{line}:" in err, err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


@pytest.fixture
def standards_copy(tmp_path, repo_root):  # type: ignore[no-untyped-def]
    target = tmp_path / "standards"
    shutil.copytree(repo_root / "standards", target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


STANDARD_CASES = [
    (
        "unknown-test-kind",
        "lanzarote.yaml",
        "kind: criminalization",
        "kind: criminalisation",
        ["test kind 'criminalisation' is not known", "did you mean 'criminalization'"],
    ),
    (
        "unknown-instrument",
        "lanzarote.yaml",
        "{instrument: budapest,",
        "{instrument: budapset,",
        ["unknown instrument 'budapset'", "did you mean 'budapest'"],
    ),
    (
        "duplicate-requirement",
        "budapest.yaml",
        "id: csam-technology-facilitated",
        "id: grooming",
        ["duplicate requirement id 'grooming'"],
    ),
    (
        "benchmark-missing",
        "ilo-r146.yaml",
        "kind: age_order\n      subject: compulsory_education_end\n      at_least: employment",
        "kind: min_age\n      subject: compulsory_education_end\n      minimum: 15",
        ["compares a number: give its benchmark"],
    ),
    (
        "unknown-reference",
        "crc.yaml",
        "prostitution-client-offence, age",
        "prostitution-clients-offence, age",
        ["unknown requirement 'prostitution-clients-offence'", "did you mean 'prostitution-client-offence'"],
    ),
]


@pytest.mark.parametrize("name,file,old,new,fragments", STANDARD_CASES, ids=[c[0] for c in STANDARD_CASES])
def test_standard_errors(standards_copy, capsys, name, file, old, new, fragments):  # type: ignore[no-untyped-def]
    _edit(standards_copy / file, old, new)
    code = main(["validate", str(standards_copy), "--standards", str(standards_copy)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert file in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


def test_bundled_data_validates(capsys, workspace):  # type: ignore[no-untyped-def]
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert (
        "statutes/la:" in out
        and "statutes/model:" in out
        and f"{len(workspace.standards.requirements)} requirements" in out
    )


@pytest.mark.parametrize("collecting", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path, collecting):  # type: ignore[no-untyped-def]
    """The collector is paused while files load, and left as it was, whether the files are good or bad."""
    import gc

    from gapcheck.errors import InputError
    from gapcheck.load import load_jurisdiction
    from tests.conftest import ROOT

    bad = tmp_path / "xx"
    shutil.copytree(ROOT / "statutes" / "la", bad)
    (bad / "broken.yaml").write_text("instrument: [\n", encoding="utf-8")
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        assert load_jurisdiction(ROOT / "statutes" / "la").instruments
        assert gc.isenabled() is collecting
        with pytest.raises(InputError):
            load_jurisdiction(bad)
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
