"""`gapcheck init` scaffolds a working analyst's repository; the hooks it names are the ones shipped."""

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from gapcheck import config
from gapcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def scaffolded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in (*config.KEYS, "config"):
        monkeypatch.delenv(config.ENV_PREFIX + key.upper(), raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["init", "corpus", "-j", "tl", "--name", "Testland: a skeleton"]) == 0
    monkeypatch.chdir(tmp_path / "corpus")
    return tmp_path / "corpus"


def test_the_scaffold_validates_and_its_expectation_passes(scaffolded, capsys):  # type: ignore[no-untyped-def]
    assert (scaffolded / "statutes" / "tl" / "_jurisdiction.yaml").is_file()
    capsys.readouterr()
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "statutes/tl: 1 instruments" in out and "drafts/example-draft.yaml: amendment of tl" in out
    assert "expectations/example-draft.gapcheck.yaml" in out
    assert main(["test"]) == 0
    assert main(["diff", "-a", "drafts/example-draft.yaml", "--fail-on", "regression"]) == 0
    assert main(["check", "--format", "json"]) == 0
    assert '"jurisdiction": "tl"' in capsys.readouterr().out


def test_init_writes_nothing_over_an_existing_file(scaffolded, capsys):  # type: ignore[no-untyped-def]
    (scaffolded / "drafts" / "example-draft.yaml").unlink()
    before = sorted(p for p in scaffolded.rglob("*"))
    assert main(["init", "."]) == 2
    assert "gapcheck.toml:1:1: already exists" in capsys.readouterr().err
    assert sorted(p for p in scaffolded.rglob("*")) == before


def test_a_bad_code_is_a_usage_error(tmp_path, capsys):  # type: ignore[no-untyped-def]
    assert main(["init", str(tmp_path / "c"), "-j", "Lao PDR"]) == 2
    assert not (tmp_path / "c").exists()


def test_the_scaffold_uses_the_hooks_gapcheck_ships(scaffolded: Path) -> None:
    yaml = YAML(typ="safe")
    manifest = {hook["id"]: hook for hook in yaml.load(ROOT / ".pre-commit-hooks.yaml")}
    assert {"gapcheck-validate", "gapcheck-test"} <= set(manifest)
    for hook in manifest.values():
        assert hook["language"] == "python" and hook["entry"].split()[0] == "gapcheck"
        assert hook["pass_filenames"] is False  # the hooks read the configured corpus
    used = yaml.load(scaffolded / ".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert {h["id"] for h in used} <= set(manifest)
    workflow = (scaffolded / ".github" / "workflows" / "gapcheck.yml").read_text(encoding="utf-8")
    for command in (
        "gapcheck validate",
        "gapcheck test",
        "gapcheck diff -a drafts/example-draft.yaml --fail-on regression",
    ):
        assert f"- run: {command}\n" in workflow
