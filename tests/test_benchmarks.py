"""The benchmark runs end to end on tiny sizes and records what it measured (no figure is asserted)."""

import re
from pathlib import Path

from benchmarks import run


def test_benchmark_runs_on_tiny_sizes_and_records_every_measure(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Benchmarks\n\nprose kept\n", encoding="utf-8")
    rows = run.main(["--tiny", "--readme", str(readme)])
    names = [row.name for row in rows]
    for measure in ("check (Lao), warm", "check (Lao), cold", "validate", "--version", "evaluation, Lao"):
        assert any(measure in name for name in names), measure
    assert any("jurisdictions, serial" in name for name in names)
    assert any("matrix" in name and "peak RSS" in name for name in names)
    assert all(row.ratio is None or row.ratio > 0 for row in rows)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nprose kept\n")
    assert all(f"| {name} |" in text for name in names)
    scale = [row for row in rows if "(CPU)" in row.name]  # means of rounds: each says how far its rounds spread
    assert scale and all(re.search(r"\(rounds \d+\.\d\d-\d+\.\d\dx\)$", row.reference) for row in scale)
    run.record(readme, rows[:1], run.TINY, "the machine as the run began")  # replaces the figures, keeps the prose
    text = readme.read_text(encoding="utf-8")
    assert text.count(run.MARK) == 1 and "## Figures (the machine as the run began, " in text
