"""The benchmark runs end to end on tiny sizes and records what it measured (no figure is asserted)."""

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
    run.record(readme, rows[:1], run.TINY)  # re-recording replaces the figures, keeps the prose
    assert readme.read_text(encoding="utf-8").count(run.MARK) == 1
