"""Measure gapcheck against its floors and ceilings, side by side in one run, and record the figures.

    .venv/bin/python -m benchmarks.run [--rounds 5] [--readme benchmarks/README.md] [--tiny]

Every figure is a ratio to a reference measured in the same run, so that a loaded machine
slows both sides alike: start-up against the import floor of the dependencies, evaluation
against asserting the same facts into a bare durable_rules session with only a sink rule,
and sizes against smaller sizes. Rounds are interleaved and the fastest of each is kept.
`--tiny` runs every measure on tiny sizes in one round (for the test; its figures mean nothing).
"""

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import synthetic
from gapcheck.load import Corpus, Standards

ROOT = Path(__file__).resolve().parent.parent
FLOOR_IMPORTS = "import durable.lang, pydantic, jinja2, ruamel.yaml"
VALIDATE_FILE = ROOT / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"
LAO_AS_OF = dt.date(2017, 11, 16)
SYNTHETIC_AS_OF = dt.date(2020, 1, 1)
MIB = 1024 * 1024


@dataclass(frozen=True)
class Sizes:
    """How big each measure is."""

    rounds: int
    provisions: int  # per jurisdiction, for the jurisdiction and matrix measures
    small: int  # provisions, the linearity pair
    large: int
    few: int  # jurisdictions, the linearity pair
    many: int
    matrix: int  # jurisdictions in the command-line matrix


FULL = Sizes(rounds=5, provisions=300, small=3000, large=10000, few=10, many=100, matrix=100)
TINY = Sizes(rounds=1, provisions=20, small=30, large=100, few=1, many=2, matrix=2)


@dataclass(frozen=True)
class Row:
    """One figure: a measured value against its reference, and the bound the ratio must keep."""

    name: str
    value: str
    reference: str
    ratio: float | None
    target: str
    holds: bool


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, help="Rounds of each start-up measure (default 5).")
    parser.add_argument("--tiny", action="store_true", help="Tiny sizes, one round: checks the benchmark runs.")
    parser.add_argument("--readme", type=Path, default=ROOT / "benchmarks" / "README.md", help="Where to record.")
    parser.add_argument("--no-record", action="store_true", help="Print only; leave the README alone.")
    parser.add_argument("--only", choices=PARTS, action="append", help="Only these parts (implies --no-record).")
    args = parser.parse_args(argv)
    sizes = TINY if args.tiny else FULL
    if args.rounds:
        sizes = Sizes(**{**sizes.__dict__, "rounds": args.rounds})
    where = machine()  # the load at the start, as the record says
    print(where, flush=True)
    with tempfile.TemporaryDirectory(prefix="gapcheck-bench-") as tmp:
        work = Path(tmp)
        rows = [row for part in args.only or PARTS for row in PARTS[part](sizes, work)]
    if not args.no_record and not args.only:
        record(args.readme, rows, sizes, where)
    return rows


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{dt.date.today().isoformat()}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, load average {load:.1f} at start"
    )


def show(row: Row) -> Row:
    ratio = f"{row.ratio:6.2f}x" if row.ratio is not None else "       "
    mark = "holds" if row.holds else "MISSED"
    print(f"{row.name:<46} {row.value:>12} vs {row.reference:<28} {ratio}  target {row.target:<10} {mark}", flush=True)
    return row


def ratio_row(
    name: str, value: float, reference: float, ref_name: str, bound: float, unit: str = "s", spread: str = ""
) -> Row:
    r = value / reference
    against = f"{ref_name} {_fmt(reference, unit)}" + (f" ({spread})" if spread else "")
    return show(Row(name, _fmt(value, unit), against, r, f"<= {bound}x", r <= bound))


def _fmt(value: float, unit: str) -> str:
    return f"{value * 1000:.0f} ms" if unit == "s" and value < 10 else f"{value:.2f} {unit}"


# --- start-up: whole processes, interleaved, fastest of each kept ---------------------------------


def gapcheck_command() -> list[str]:
    """The installed console script beside this interpreter, else the module."""
    script = Path(sys.executable).with_name("gapcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gapcheck.cli"]


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return wall


def startup(sizes: Sizes, work: Path) -> list[Row]:
    gapcheck = gapcheck_command()
    warm_dir, cold_dir = work / "cache-warm", work / "cache-cold"
    # Bytecode for every process, floor and gapcheck alike, as an installed package has (pip compiles it):
    # in the benchmark's own folder, even where the environment says not to write it (PYTHONDONTWRITEBYTECODE).
    env = {**os.environ, "NO_COLOR": "1", "GAPCHECK_CACHE_DIR": str(warm_dir), "PYTHONPYCACHEPREFIX": str(work / "pyc")}
    env.pop("GAPCHECK_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cold_env = {**env, "GAPCHECK_CACHE_DIR": str(cold_dir)}
    cwd = work  # no gapcheck.toml above: the bundled data

    def cold_check() -> float:
        shutil.rmtree(cold_dir, ignore_errors=True)
        return timed([*gapcheck, "check"], cold_env, cwd)

    runs: dict[str, Callable[[], float]] = {
        "floor": lambda: timed([sys.executable, "-c", FLOOR_IMPORTS], env, cwd),
        "version": lambda: timed([*gapcheck, "--version"], env, cwd),
        "validate": lambda: timed([*gapcheck, "validate", str(VALIDATE_FILE)], env, cwd),
        "check warm": lambda: timed([*gapcheck, "check"], env, cwd),
        "check cold": cold_check,
    }
    for name, run in runs.items():  # fill the warm caches; compile bytecode (tiny runs: the caches only)
        if sizes.rounds > 1 or name == "check warm":
            run()
    best = {name: float("inf") for name in runs}
    for _ in range(sizes.rounds):
        for name, run in runs.items():
            best[name] = min(best[name], run())
    floor = best["floor"]
    return [
        ratio_row("gapcheck check (Lao), warm cache", best["check warm"], floor, "import floor", 1.5),
        ratio_row("gapcheck check (Lao), cold cache", best["check cold"], floor, "import floor", 3.0),
        ratio_row(f"gapcheck validate {VALIDATE_FILE.name}", best["validate"], floor, "import floor", 1.3),
        ratio_row("gapcheck --version", best["version"], floor, "import floor", 1.3),
    ]


# --- evaluation: in this process ------------------------------------------------------------------


def fastest(runs: list[Callable[[], object]], rounds: int) -> list[float]:
    """The fastest time of each run over `rounds` rounds, the runs taking turns within each round: a slow
    minute of a shared machine then slows both sides of a ratio, not one."""
    best = [float("inf")] * len(runs)
    for _ in range(rounds):
        for i, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def ceiling_engine() -> object:
    """A rule set of one sink rule (gapcheck.rules' own): what asserting facts costs with no reasoning at all."""
    from durable.lang import c, m, ruleset, when_all

    from gapcheck.host import RuleEngine

    rules = ruleset("benchmark_ceiling")
    with rules:
        when_all(c.never << (m.kind == "$never"), c.any << ((+m.kind) & (m.id == c.never.id)))(lambda ctx: None)
    return RuleEngine("benchmark_ceiling", rules.define()[1])


_CEILING: list[object] = []


def evaluation(sizes: Sizes, work: Path) -> list[Row]:
    from gapcheck.evaluate import evaluate
    from gapcheck.facts import flatten
    from gapcheck.readings import plan, resolve
    from gapcheck.workspace import Workspace

    ws = Workspace.open()
    if not _CEILING:
        _CEILING.append(ceiling_engine())
    ceiling = _CEILING[0]
    rows = []
    lao, _ = ws.corpus("la")
    cases = [
        ("Lao PDR", lao, LAO_AS_OF),
        (f"{sizes.provisions} synthetic provisions", synthetic.jurisdiction("e0", sizes.provisions), SYNTHETIC_AS_OF),
    ]
    rounds = max(sizes.rounds * 4, 1)
    for label, corpus, as_of in cases:
        # an evaluation runs one session per distinct set of facts among the readings of contested
        # facts (readings that change nothing share one): the reference asserts each of those sets
        readings = plan(corpus, as_of).readings
        distinct = {
            json.dumps(f, sort_keys=True, default=str): f
            for f in (flatten(resolve(corpus, r), ws.standards, as_of) for r in readings)
        }
        sets = list(distinct.values())
        evaluate(corpus, ws.standards, as_of)  # registers the rule set
        ours, bare = fastest(
            [
                lambda c=corpus, d=as_of: timed_evaluation(c, ws.standards, d),  # type: ignore[misc]
                lambda s=sets: [ceiling.evaluate(f) for f in s],  # type: ignore[attr-defined,misc]
            ],
            rounds,
        )
        what = f"{len(sets[0])} facts" if len(sets) == 1 else f"{len(readings)} readings, {len(sets)} distinct sessions"
        rows.append(ratio_row(f"evaluation, {label} ({what})", ours, bare, "bare sessions", 2.0))
    return rows


def timed_evaluation(corpus: object, standards: object, as_of: dt.date) -> object:
    """One evaluation with its inference: the memo of identical sessions forgotten first."""
    from gapcheck.evaluate import evaluate, forget

    forget()
    return evaluate(corpus, standards, as_of, limited=False)  # type: ignore[arg-type]


def scale(sizes: Sizes, work: Path) -> list[Row]:
    """Sizes against smaller sizes, each side timed alike: the same rounds, interleaved, their mean kept;
    CPU time of this process (an evaluation is single-threaded: waits for a core on a shared machine are
    not its cost); every memo of the evaluation emptied before each evaluation, so that neither side
    reuses what the other computed (the smaller sides once ran warm and best-of-rounds, the larger cold
    and once). The mean, not the fastest: on a loaded machine a quiet moment holds a whole run of 2 s
    more often than one of 25 s, so the fastest of each flatters the smaller side."""
    from gapcheck.evaluate import evaluate
    from gapcheck.workspace import Workspace

    ws = Workspace.open()
    rounds = sizes.rounds
    small = synthetic.jurisdiction("s", sizes.small, seed=1)
    large = synthetic.jurisdiction("l", sizes.large, seed=2)
    few = [synthetic.jurisdiction(f"j{n}", sizes.provisions, seed=n) for n in range(sizes.few)]
    many = [synthetic.jurisdiction(f"j{n}", sizes.provisions, seed=n) for n in range(sizes.many)]
    evaluate(small, ws.standards, SYNTHETIC_AS_OF, limited=False)  # registers the rule set
    # a real run holds one corpus at a time; this one holds 112 of them, which every full collection
    # after an evaluation would scan (a 0.5 s pause now and then, more often in the longer runs):
    # frozen out of the collector, as the matrix's parent freezes its heap before forking
    gc.freeze()

    def all_of(corpora: list[Corpus]) -> Callable[[], None]:
        def run() -> None:
            for corpus in corpora:
                cold_evaluation(corpus, ws.standards, SYNTHETIC_AS_OF)

        return run

    try:
        small_t, large_t, few_t, many_t = interleaved(
            [all_of([small]), all_of([large]), all_of(few), all_of(many)], rounds, time.process_time
        )
    finally:
        gc.unfreeze()
    bound = round(sizes.many / sizes.few * 1.05, 2)

    def mean(times: list[float]) -> float:
        return sum(times) / len(times)

    return [
        ratio_row(
            f"evaluation, {sizes.large} provisions (CPU)",
            mean(large_t),
            mean(small_t),
            f"{sizes.small}",
            3.6,
            spread=spread(large_t, small_t),
        ),
        ratio_row(
            f"evaluation, {sizes.many} jurisdictions, serial (CPU)",
            mean(many_t),
            mean(few_t),
            f"{sizes.few}",
            bound,
            spread=spread(many_t, few_t),
        ),
    ]


def interleaved(runs: list[Callable[[], object]], rounds: int, clock: Callable[[], float]) -> list[list[float]]:
    """The time of each run in each of `rounds` rounds, the runs taking turns within each round."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for n, run in enumerate(runs):
            start = clock()
            run()
            times[n].append(clock() - start)
    return times


def spread(sides: list[float], references: list[float]) -> str:
    """The lowest and highest ratio of one round to its reference in the same round: how far a ratio of means
    can be trusted on this machine (a bound a few per cent above linear is within one run's noise here)."""
    ratios = [s / r for s, r in zip(sides, references, strict=True)]
    return f"rounds {min(ratios):.2f}-{max(ratios):.2f}x"


def cold_evaluation(corpus: Corpus, standards: Standards, as_of: dt.date) -> object:
    """One evaluation with every memo it keeps emptied first: the sessions of identical facts, and the
    hashes of fact ids (an LRU of 65,536 ids, which held the smaller sides' ids and not the larger's)."""
    from gapcheck.host import id_hash

    id_hash.cache_clear()
    return timed_evaluation(corpus, standards, as_of)


# --- the matrix from the command line: wall time and peak memory of the process tree ---------------


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc), 0 where unreadable."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                total += next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo += [int(p) for p in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def children_cpu() -> float:
    """CPU seconds (user and system) of this process's children that have ended, and of theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_sampled(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, float]:
    """Wall time, peak resident memory of the whole process tree (sampled every 10 ms), and its CPU time.

    The CPU time says what the wall time would be on idle cores: on a machine shared with other
    work, the wall time also counts the waits for a core.
    """
    peak = [0]
    cpu = children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])} ... exited {proc.returncode}: {err.decode()[-2000:]}")
    return wall, peak[0], children_cpu() - cpu


def matrix(sizes: Sizes, work: Path) -> list[Row]:
    root = work / "statutes"
    codes = [f"j{n}" for n in range(sizes.matrix)]
    for n, code in enumerate(codes):
        synthetic.write(root, code, sizes.provisions, seed=n)
    env = {**os.environ, "NO_COLOR": "1", "GAPCHECK_CACHE_DIR": str(work / "cache-matrix")}
    env.pop("GAPCHECK_NO_CACHE", None)
    argv = [*gapcheck_command(), "--quiet", "matrix", "--statutes", str(root), "--out", str(work / "out")]
    argv += [arg for code in codes for arg in ("-j", code)]
    rows = []
    for label in ("cold cache", "warm cache")[: 2 if sizes.rounds > 1 else 1]:
        wall, peak, cpu = run_sampled(argv, env, work)
        name = f"gapcheck matrix {sizes.matrix}x{sizes.provisions}, {label}"
        rows.append(show(Row(name + ", wall", f"{wall:.2f} s", f"CPU {cpu:.2f} s", None, "<= 10 s", wall <= 10)))
        rows.append(show(Row(name + ", peak RSS", f"{peak / MIB:.0f} MiB", "", None, "<= 300 MiB", peak <= 300 * MIB)))
    return rows


PARTS: dict[str, Callable[[Sizes, Path], list[Row]]] = {
    "startup": startup,
    "evaluation": evaluation,
    "scale": scale,
    "matrix": matrix,
}

# --- the record -----------------------------------------------------------------------------------

MARK = "<!-- figures: written by python -m benchmarks.run -->"


def record(readme: Path, rows: list[Row], sizes: Sizes, where: str) -> None:
    """Replace the figures section of the README (everything after MARK) with this run's (`where`: `machine()`)."""
    lines = [
        MARK,
        "",
        f"## Figures ({where}, {sizes.rounds} rounds)",
        "",
        "| measure | value | against | ratio | target | |",
        "|---|---:|---|---:|---|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
        lines.append(
            f"| {row.name} | {row.value} | {row.reference} | {ratio} | {row.target} | "
            f"{'holds' if row.holds else '**missed**'} |"
        )
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    head = text.split(MARK)[0].rstrip("\n")
    readme.write_text((head + "\n\n" if head else "") + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
