"""Print how fast gapcheck evaluates: synthetic jurisdictions, the Lao corpus, and the engine's ceiling.

    .venv/bin/python -m benchmarks.run [--provisions 300] [--requirements 46]

Figures are printed, never asserted; record them in benchmarks/README.md.
"""

import argparse
import datetime as dt
import platform
import resource
import time
from dataclasses import replace

from durable.lang import c, m, ruleset, when_all

from benchmarks.synthetic import jurisdiction
from gapcheck.evaluate import evaluate, forget
from gapcheck.facts import flatten
from gapcheck.host import RuleEngine
from gapcheck.load import Standards
from gapcheck.readings import plan, resolve
from gapcheck.workspace import Workspace

AS_OF = dt.date(2020, 1, 1)


def _subset(standards: Standards, count: int) -> Standards:
    keep = dict(list(standards.requirements.items())[:count])
    return replace(standards, requirements=keep)


def _ceiling_engine() -> RuleEngine:
    rules = ruleset("benchmark_ceiling")
    with rules:
        when_all(c.never << (m.kind == "$never"), c.any << (+m.kind))(lambda ctx: None)
    return RuleEngine("benchmark_ceiling", rules.define()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provisions", type=int, default=300)
    parser.add_argument("--requirements", type=int, default=46)
    args = parser.parse_args()
    ws = Workspace.open()
    standards = _subset(ws.standards, args.requirements)
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"{args.provisions} provisions per jurisdiction, {len(standards.requirements)} requirements"
    )

    lao, _ = ws.corpus("la")
    evaluate(lao, ws.standards, dt.date(2017, 11, 16))  # warm up: registers the rule set
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        forget()  # time the inference of every reading, not the memo of identical ones
        evaluate(lao, ws.standards, dt.date(2017, 11, 16))
    lao_ms = (time.perf_counter() - start) / runs * 1000
    readings = plan(lao, dt.date(2017, 11, 16)).readings
    facts = len(flatten(resolve(lao, readings[0]), ws.standards, dt.date(2017, 11, 16)))
    print(f"Lao PDR: {facts} facts, {len(readings)} readings, {lao_ms:.1f} ms per evaluation (all readings)")

    ceiling = _ceiling_engine()
    print(
        f"{'jurisdictions':>13} {'facts':>8} {'wall s':>8} {'facts/s':>9} {'ceiling facts/s':>16} {'max RSS MiB':>12}"
    )
    for count in (1, 10, 100):
        corpora = [jurisdiction(f"j{n}", args.provisions, seed=n) for n in range(count)]
        batches = [flatten(corpus, standards, AS_OF) for corpus in corpora]
        facts = sum(len(b) for b in batches)
        forget()
        start = time.perf_counter()
        for corpus in corpora:
            evaluate(corpus, standards, AS_OF)
        wall = time.perf_counter() - start
        start = time.perf_counter()
        for batch in batches:
            ceiling.evaluate(batch)
        raw = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{count:>13} {facts:>8} {wall:>8.2f} {facts / wall:>9.0f} {facts / raw:>16.0f} {rss:>12.0f}")


if __name__ == "__main__":
    main()
