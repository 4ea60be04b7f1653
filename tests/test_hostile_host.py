"""Issue 12, reproducers 6 and 7: colliding fact ids, and sessions in which no action ran.

durable_rules identifies a fact by a 32-bit FNV-1a hash of its id. Eight
offence ids that collide in that hash are built below by chaining three
collisions (any common suffix keeps FNV states equal; Joux's multicollision):
they exhausted the host's old suffix salts, and the process then segfaulted
deleting a session in which no action had run.
"""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gapcheck.cli import main
from gapcheck.errors import InferenceError
from gapcheck.evaluate import forget, rule_engine
from gapcheck.host import IdCollision, RuleEngine, id_hash
from tests.conftest import ROOT
from tests.test_hostile_inputs import limited_run

# Found with a birthday search from the FNV state after 'offence:la/law-on-children-2007/art-89#x'.
COLLIDING = [
    "pwf8wcu51xsd0slq3i",
    "pwf8wcu51xsdvndyr9",
    "pwf8wcg25i5r0slq3i",
    "pwf8wcg25i5rvndyr9",
    "x7hlw5u51xsd0slq3i",
    "x7hlw5u51xsdvndyr9",
    "x7hlw5g25i5r0slq3i",
    "x7hlw5g25i5rvndyr9",
]
PID = "la/law-on-children-2007/art-89"


def fact_id(name: str) -> str:
    return f"offence:{PID}#x{name}:sexual_intercourse"


def colliding_draft(folder: Path) -> Path:
    offences = "".join(f"        - {{id: x{n}, conduct: [sexual_intercourse], source: draft}}\n" for n in COLLIDING)
    path = folder / "collide.yaml"
    path.write_text(
        "amendment: {jurisdiction: la, title: colliding ids, date: 2026-06-01}\n"
        "changes:\n"
        f"  - replace: {PID}\n"
        "    provision:\n      id: art-89\n      heading: h\n      source: draft\n      offences:\n" + offences,
        encoding="utf-8",
    )
    return path


def test_the_hash_is_durable_rules_own() -> None:
    # the pair of upstream issue #376, and the eight ids built here
    assert id_hash("provision:229599") == id_hash("provision:432382")
    assert len({id_hash(fact_id(n)) for n in COLLIDING}) == 1


def test_colliding_offence_ids_are_evaluated(tmp_path: Path) -> None:
    """Eight colliding ids in one draft: exit 0 (no segfault), in check and in an expectation file."""
    draft = colliding_draft(tmp_path)
    spec = tmp_path / "collide.gapcheck.yaml"
    spec.write_text(
        f"name: colliding ids\njurisdiction: la\namendment: {draft.name}\nexpect:\n  csam-possession: gap\n",
        encoding="utf-8",
    )
    done = limited_run("test", str(spec))
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "1 passed, 0 failed" in done.stdout


def test_every_colliding_fact_is_stored() -> None:
    engine = RuleEngine("test_hostile_eight", {"r": {"all": [{"m": {"kind": "x"}}], "run": lambda c: None}})
    facts = [{"id": fact_id(n), "ref": fact_id(n), "kind": "x"} for n in COLLIDING]
    stored = {f["ref"] for f in engine.evaluate(facts) if f.get("kind") == "x"}
    assert stored == {fact_id(n) for n in COLLIDING}


def test_exhausted_salts_name_the_colliding_ids_and_the_session_survives() -> None:
    engine = RuleEngine("test_hostile_exhausted", {"r": {"all": [{"m": {"kind": "x"}}], "run": lambda c: None}})
    engine.salts = 0
    facts = [{"id": fact_id(n), "ref": fact_id(n), "kind": "x"} for n in COLLIDING[:2]]
    with pytest.raises(IdCollision) as caught:
        engine.evaluate(facts)
    assert caught.value.ids == [fact_id(COLLIDING[0]), fact_id(COLLIDING[1])]
    engine.salts = 3
    assert len([f for f in engine.evaluate(facts) if f.get("kind") == "x"]) == 2  # the engine still works


# Two requirement ids whose facts' ids ("requirement:<id>") collide, found by a birthday search: only
# the requirements (and the trigger) enter the engine, so only their ids can collide there.
COLLIDING_REQUIREMENTS = ["fixture-collide-g6wu", "fixture-collide-1wfa"]


def test_colliding_offence_ids_never_enter_the_engine(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The law is read by the verdicts, never asserted: its ids cannot collide in the engine, even unsalted."""
    monkeypatch.setattr(rule_engine(), "salts", 0)
    assert "offence" not in (rule_engine().kinds or {"offence"})
    assert main(["check", "-a", str(colliding_draft(tmp_path))]) == 0


def test_an_exhausted_retry_is_an_input_error(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first, second = COLLIDING_REQUIREMENTS
    assert id_hash(f"requirement:{first}") == id_hash(f"requirement:{second}")
    standards = tmp_path / "standards"
    shutil.copytree(ROOT / "standards", standards)
    path = standards / "lanzarote.yaml"
    added = "".join(
        f"  - id: {rid}\n    theme: csam\n    title: colliding id {rid}\n    demands: Producing CSAM is an offence.\n"
        '    sources:\n      - {instrument: lanzarote, pinpoint: "art. 20(1)(a)"}\n'
        "    test: {kind: criminalization, groups: [[produce]], objects: [child_sexual_abuse_material]}\n"
        for rid in COLLIDING_REQUIREMENTS
    )
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + added, encoding="utf-8")
    assert main(["check", "--standards", str(standards)]) != 2  # salted: both are evaluated
    capsys.readouterr()
    forget()  # the same facts would reuse that session
    monkeypatch.setattr(rule_engine(), "salts", 0)
    assert main(["check", "--standards", str(standards)]) == 2
    err = capsys.readouterr().err
    assert "collide in the rule engine's 32-bit hash" in err and f"requirement:{second}" in err
    assert "rename one of them" in err and "Traceback" not in err


def test_a_session_where_no_action_ran_is_never_deleted() -> None:
    """A fact no rule handles fails before any action: the process must survive, and the engine go on."""
    script = textwrap.dedent(
        """
        from durable import engine as durable
        from gapcheck.host import RuleEngine
        engine = RuleEngine("t", {"r": {"all": [{"m": {"kind": "x"}}], "run": lambda c: None}})
        for _ in range(3):
            try:
                engine.evaluate([{"id": "z", "ref": "z", "kind": "unhandled"}])
            except durable.MessageNotHandledException:
                pass
        print(len(engine.evaluate([{"id": "a", "ref": "a", "kind": "x"}])))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout.strip() == "2"  # the fact and the trigger


def test_a_failing_action_still_ends_its_session_cleanly() -> None:
    def broken(c: object) -> None:
        raise ValueError("boom")

    engine = RuleEngine("test_hostile_broken", {"r": {"all": [{"m": {"kind": "x"}}], "run": broken}})
    for _ in range(3):
        with pytest.raises(InferenceError, match="boom"):
            engine.evaluate([{"id": "a", "ref": "a", "kind": "x"}])


# 7. The same conduct twice in one offence made duplicate fact ids: an internal error, now bad input.
def test_a_repeated_conduct_in_a_draft_is_bad_input(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "twice.yaml"
    draft.write_text(
        "amendment: {jurisdiction: la, title: t, date: 2026-06-01}\n"
        f"changes:\n  - replace: {PID}\n    provision:\n      id: art-89\n      heading: h\n      source: draft\n"
        "      offences:\n        - {id: o, conduct: [sell_child, sell_child], source: draft}\n",
        encoding="utf-8",
    )
    assert main(["check", "-a", str(draft)]) == 2
    err = capsys.readouterr().err
    assert "twice.yaml:9:" in err and "'sell_child' is listed twice" in err and "Traceback" not in err
