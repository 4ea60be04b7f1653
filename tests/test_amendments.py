"""Draft amendments: applied without touching statutes, checked by diff, tested by expectation files."""

import hashlib
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.paths import STATUTES

ROOT = Path(__file__).resolve().parent.parent  # the repository

DRAFTS = STATUTES / "la" / "drafts"
HEAD = "amendment: {jurisdiction: la, title: Test draft, date: 2026-01-01}\nchanges:\n"

# (name, changes text, line, fragments)
BROKEN = [
    (
        "unknown-provision",
        "  - repeal: la/law-on-children-2007/art-88\n",
        3,
        ["no provision 'la/law-on-children-2007/art-88'", "did you mean 'la/law-on-children-2007/art-8"],
    ),
    (
        "repeal-twice",
        "  - repeal: la/law-on-children-2007/art-86\n  - repeal: la/law-on-children-2007/art-86\n",
        4,
        ["already repealed by an earlier change"],
    ),
    (
        "unknown-instrument",
        "  - add: la/law-on-child-2007\n    provision: {id: art-1, heading: h, source: s ¶1}\n",
        3,
        ["no instrument 'la/law-on-child-2007'", "did you mean 'la/law-on-children-2007'"],
    ),
    (
        "bad-vocabulary",
        "  - add: la/law-on-children-2007\n    provision:\n      id: art-90\n      heading: h\n"
        "      source: s ¶1\n      offences:\n        - {id: o, conduct: [groom], source: s ¶1}\n",
        9,
        ["'groom' is not an allowed value", "solicit_child"],
    ),
    (
        "existing-provision",
        "  - add: la/law-on-children-2007\n    provision: {id: art-86, heading: h, source: s ¶1}\n",
        4,
        ["provision 'la/law-on-children-2007/art-86' already exists", "use replace"],
    ),
    (
        "replace-renames",
        "  - replace: la/law-on-children-2007/art-86\n    provision: {id: art-87, heading: h, source: s ¶1}\n",
        4,
        ["replace keeps the id: expected 'art-86', got 'art-87'"],
    ),
    (
        "two-verbs",
        "  - repeal: la/law-on-children-2007/art-86\n    replace: la/law-on-children-2007/art-89\n",
        3,
        ["exactly one of add, replace, repeal"],
    ),
    (
        "new-instrument-id",
        "  - add: other/new-law\n    instrument: {title: T, kind: law, source: s ¶1}\n",
        3,
        ["a new instrument id is 'la/<name>'"],
    ),
    (
        "replace-without-provision",
        "  - replace: la/law-on-children-2007/art-86\n",
        3,
        ["replace needs the new `provision`"],
    ),
    (
        "unknown-key",
        "  - repeal: la/law-on-children-2007/art-86\n    becuase: obsolete\n",
        4,
        ["unknown key 'becuase'"],
    ),
]


@pytest.mark.parametrize("name,changes,line,fragments", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_amendment_is_bad_input(tmp_path, capsys, name, changes, line, fragments):  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.yaml"
    draft.write_text(HEAD + changes, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["diff", "--amendment", str(draft), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"draft.yaml:{line}:" in err, err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    assert not out.exists()


def test_wrong_jurisdiction(tmp_path, capsys):  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        HEAD.replace("jurisdiction: la", "jurisdiction: kh") + "  - repeal: la/x/art-1\n", encoding="utf-8"
    )
    assert main(["check", "--amendment", str(draft)]) == 2
    assert "draft.yaml:1:" in capsys.readouterr().err


def _statute_hashes() -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(STATUTES.rglob("*.yaml"))}


# (draft, exit code of diff, improved requirements, regressed requirements)
DRAFT_EFFECTS = [
    (
        "possession-and-grooming",
        0,
        {
            "csam-possession",
            "csam-procuring",
            "csam-access",
            "grooming",
            "live-streaming-attendance",
            "facilitating-online-exploitation",
        },
        set(),
    ),
    ("sale-of-children-offence", 0, {"sale-separate-offence", "sale-any-purpose"}, set()),
    ("art-89-penalties", 0, {"prostitution-penalty"}, set()),
    ("marriage-at-16", 1, set(), {"marriage-min-age-18"}),
    ("repeal-art-86", 1, set(), {"csam-production", "csam-distribution", "csam-import-export"}),
]


@pytest.mark.parametrize("draft,code,improved,regressed", DRAFT_EFFECTS, ids=[d[0] for d in DRAFT_EFFECTS])
def test_example_drafts_diff(capsys, draft, code, improved, regressed):  # type: ignore[no-untyped-def]
    before = _statute_hashes()
    assert main(["diff", "--amendment", str(DRAFTS / f"{draft}.yaml"), "--format", "json"]) == code
    data = json.loads(capsys.readouterr().out)
    assert _statute_hashes() == before, "applying a draft modified the statute files"
    got = {d: {c["requirement"] for c in data["changes"] if c["direction"] == d} for d in ("improved", "regressed")}
    assert improved <= got["improved"] and regressed <= got["regressed"]
    assert data["improved"] == len(got["improved"]) and data["regressed"] == len(got["regressed"])
    if not regressed:
        assert got["regressed"] == set()
    assert data["baseline"]["amendment"] is None and data["amendment"]["amendment"]
    for change in data["changes"]:
        assert set(change) == {"requirement", "before", "after", "direction", "by_reading", "provisions", "criteria"}
        assert change["by_reading"] == []  # no contested fact in force differs for these drafts


def test_regression_names_the_repealed_provision(capsys):  # type: ignore[no-untyped-def]
    assert main(["diff", "--amendment", str(DRAFTS / "repeal-art-86.yaml")]) == 1
    out = capsys.readouterr().out
    assert re.search(r"REGRESSED +csam-production", out) and "(la/law-on-children-2007/art-86)" in out


def test_fail_on_modes(capsys):  # type: ignore[no-untyped-def]
    marriage = str(DRAFTS / "marriage-at-16.yaml")
    possession = str(DRAFTS / "possession-and-grooming.yaml")
    assert main(["diff", "-a", marriage, "--fail-on", "never"]) == 0
    assert main(["diff", "-a", possession, "--fail-on", "any-gap"]) == 1  # gaps remain (e.g. csam-definition)
    assert main(["diff", "-a", possession, "--fail-on", "regression"]) == 0


def test_drafts_apply_in_order(capsys):  # type: ignore[no-untyped-def]
    both = ["-a", str(DRAFTS / "possession-and-grooming.yaml"), "-a", str(DRAFTS / "sale-of-children-offence.yaml")]
    assert main(["check", "--format", "json", *both]) == 0
    data = json.loads(capsys.readouterr().out)
    statuses = {f["requirement"]: f["status"] for f in data["findings"]}
    assert statuses["grooming"] == "met" and statuses["sale-separate-offence"] == "met"
    assert " + " in data["amendment"]


def test_diff_report_is_written(tmp_path, capsys):  # type: ignore[no-untyped-def]
    assert main(["diff", "-a", str(DRAFTS / "possession-and-grooming.yaml"), "--out", str(tmp_path)]) == 0
    md = (tmp_path / "diff.md").read_text(encoding="utf-8")
    assert "Simple possession of child sexual abuse material" in md and "gap → met" in md
    assert "<script" not in (tmp_path / "diff.html").read_text(encoding="utf-8").lower()


def test_gapcheck_test_reports_a_failed_expectation(tmp_path, capsys):  # type: ignore[no-untyped-def]
    spec = tmp_path / "wrong.gapcheck.yaml"
    spec.write_text("name: wrong on purpose\nexpect:\n  csam-possession: met\n  grooming: gap\n", encoding="utf-8")
    assert main(["test", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "wrong.gapcheck.yaml: csam-possession: expected met, got gap" in out
    assert "declared complete" in out  # the reasoning is shown
    assert out.rstrip().endswith("1 passed, 1 failed")


def test_expectation_with_unknown_requirement_is_bad_input(tmp_path, capsys):  # type: ignore[no-untyped-def]
    spec = tmp_path / "typo.gapcheck.yaml"
    spec.write_text("name: typo\nexpect:\n  groomin: gap\n", encoding="utf-8")
    assert main(["test", str(spec)]) == 2
    assert "typo.gapcheck.yaml:3:" in capsys.readouterr().err


def test_plain_pytest_runs_expectations_through_the_plugin(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "grooming.yaml").write_text(
        textwrap.dedent("""\
        amendment: {jurisdiction: la, title: Grooming offence, date: 2026-01-01}
        changes:
          - add: la/law-on-children-2007
            provision:
              id: art-86-ter
              heading: Grooming
              source: draft
              offences:
                - {id: grooming, conduct: [solicit_child], source: draft}
        """),
        encoding="utf-8",
    )
    (tmp_path / "grooming.gapcheck.yaml").write_text(
        textwrap.dedent("""\
        name: the grooming draft closes the grooming gap
        amendment: drafts/grooming.yaml
        expect:
          grooming: met
          csam-possession: met
        """),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 failed, 1 passed" in done.stdout
    assert "csam-possession: expected met, got gap" in done.stdout


def test_project_expectations_cover_every_draft():  # type: ignore[no-untyped-def]
    specs = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "expectations").glob("*.gapcheck.yaml"))
    for draft in DRAFTS.glob("*.yaml"):
        assert f"drafts/{draft.name}" in specs, draft.name
