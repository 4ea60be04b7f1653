"""The command line: defaults serve the main job, output is deterministic, bad input exits 2."""

import json
import subprocess
import sys
from pathlib import Path

from gapcheck.cli import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gapcheck.cli", *args], capture_output=True, text=True, check=False)


def test_check_json_is_byte_identical_across_runs() -> None:
    first, second = _run("check", "--format", "json"), _run("check", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout


def test_check_json_follows_the_contract(capsys, workspace) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["jurisdiction", "as_of", "amendment", "pinned", "explored", "findings", "summary"]
    assert data["jurisdiction"] == "la" and data["as_of"] == "2017-11-16" and data["amendment"] is None
    assert data["pinned"] == [] and "entry into force of la/penal-code-2017" in data["explored"]
    ids = [f["requirement"] for f in data["findings"]]
    assert ids == sorted(ids) and set(ids) == set(workspace.standards.requirements)
    assert set(data["summary"]) == {"met", "partial", "gap", "unknown"}
    assert sum(data["summary"].values()) == len(ids)
    possession = next(f for f in data["findings"] if f["requirement"] == "csam-possession")
    assert possession["status"] == "gap"
    assert possession["recommendations"] == ["A/HRC/40/51/Add.1 ¶66(b)"]
    assert {"instrument": "Lanzarote Convention", "pinpoint": "art. 20(1)(e)"} in possession["standards"]
    assert {"id", "role", "reason", "provenance"} <= set(possession["provisions"][0])
    assert possession["grounds"] == [] and possession["readings"] == []


def test_check_text_groups_by_theme_and_summarises(capsys, workspace) -> None:  # type: ignore[no-untyped-def]
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.index("[sale]") < out.index("[csam]") < out.index("[procedure]")
    assert "GAP      csam-possession" in out
    assert out.rstrip().splitlines()[-1].startswith(f"{len(workspace.standards.requirements)} requirements:")


def test_check_explain_prints_the_reasoning(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--explain"]) == 0
    out = capsys.readouterr().out
    block = out[out.index("GAP      prostitution-penalty") :]
    assert "carries at most 5 years, below the benchmark of 10 years" in block.splitlines()[1]


def test_as_of_selects_the_law_in_force(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--format", "json", "--as-of", "2016-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2016-06-01"
    statuses = {f["requirement"]: f["status"] for f in data["findings"]}
    assert statuses["child-marriage-offence"] == "unknown"  # art 269 is of 2017


def test_usage_errors_exit_2_without_traceback(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--as-of", "16/11/2017"]) == 2
    assert main(["check", "--format", "xml"]) == 2
    assert main(["check", "--jurisdiction", "lao"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "no jurisdiction 'lao' (did you mean 'la'?)" in err


def test_schema_describes_every_file_kind(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["schema"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"amendment", "expectation", "jurisdiction", "standard", "statute"}
    assert all(s["$schema"] == "https://json-schema.org/draft/2020-12/schema" for s in data.values())
    assert data["statute"]["additionalProperties"] is False
    offence = data["statute"]["$defs"]["Offence"]["properties"]
    assert "conduct" in offence


def test_console_script_entry_point_runs() -> None:
    script = Path(sys.executable).parent / "gapcheck"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "gapcheck" in done.stdout


def test_validate_recognises_every_kind_of_file(capsys) -> None:  # type: ignore[no-untyped-def]
    paths = [
        "tests/expectations/marriage-at-16.gapcheck.yaml",
        "statutes/la/drafts/repeal-art-86.yaml",
        "standards/opsc.yaml",
        "statutes/la/_jurisdiction.yaml",
    ]
    root = Path(__file__).parent.parent
    assert main(["validate", *(str(root / p) for p in paths)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1].split(",")[0] for line in out] == [
        "expectations 'marriage from 16 with parental consent breaks the minimum age of 18'",
        "amendment of la (statutes/la)",
        f"{len(list((root / 'standards').glob('*.yaml')))} instruments",
        f"{len([p for p in (root / 'statutes/la').glob('*.yaml') if p.name != '_jurisdiction.yaml'])} instruments",
    ]
