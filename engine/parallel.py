"""Evaluations in worker processes, one per core, returned in the order asked.

durable_rules' C engine holds the GIL, so parallel evaluation means processes. Workers are
forked from the command's process and inherit its workspace (the standards, the settings);
each loads the jurisdictions it evaluates and sends back the run. Results come back in the
order of the requests, and each evaluation is deterministic, so output is byte-identical to a
serial run. Where fork is not available, evaluations run serially.
"""

import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from gapcheck.workspace import Run, Workspace

Request = tuple[str, dt.date | None, tuple[Path, ...]]

_workspace: Workspace | None = None  # the forking process's, inherited by its workers


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def evaluate_all(
    ws: Workspace,
    requests: Sequence[Request],
    jobs: int | None = None,
    light: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> list[Run]:
    """Each (jurisdiction, date, drafts) evaluated, by up to `jobs` worker processes (default: the cores).

    `meanwhile` is called once the workers are started (and before a serial run): what the caller
    needs only after the evaluations (importing its writers) then overlaps them, and the workers,
    forked first, do not inherit it.

    `light`: the runs come back without their corpus's instruments and with brief findings
    (`Finding.brief`: a matrix or a test reads only statuses, explanations and provenance), so
    that neither the pipe nor the caller holds every corpus and justification tree; serial
    and parallel runs return the same light runs.
    """
    workers = min(jobs or cores(), len(requests))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        if meanwhile is not None:
            meanwhile()
        if light:
            return [_lighten(ws.evaluate(*request), ws) for request in requests]
        return [ws.evaluate(*request) for request in requests]
    global _workspace
    _workspace = ws
    gc.collect()
    gc.freeze()  # what the workers inherit is never scanned by their collector, nor its pages copied by it
    try:
        # one request at a time: a round trip through the pipe costs far less than an evaluation, and
        # chunks of several left one core idle at the end while the other finished its last chunk
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            runs = pool.map(_evaluate_light if light else _evaluate, requests)  # every worker forked and busy
            if meanwhile is not None:
                meanwhile()
            return list(runs)
    finally:
        gc.unfreeze()
        _workspace = None


def _evaluate(request: Request) -> Run:
    from gapcheck.evaluate import gc_paused  # the rule engine: imported by each worker, not by the parent

    assert _workspace is not None, "workers are forked from evaluate_all"
    with gc_paused():  # the load too: unpickling its models allocates as much as an evaluation
        run = _workspace.evaluate(*request)
    _forget(_workspace)  # a worker keeps no corpus between requests: memory stays flat
    return run


def _evaluate_light(request: Request) -> Run:
    from gapcheck.evaluate import gc_paused

    assert _workspace is not None, "workers are forked from evaluate_all"
    with gc_paused():
        return _lighten(_workspace.evaluate(*request), _workspace)


def _lighten(run: Run, ws: Workspace) -> Run:
    """The run without its corpus's instruments and with brief findings; the workspace forgets the corpus."""
    _forget(ws)
    ev = run.evaluation
    brief = replace(ev, findings=[f.brief() for f in ev.findings], hidden=tuple(f.brief() for f in ev.hidden))
    return replace(run, evaluation=brief, corpus=replace(run.corpus, instruments=()))


def _forget(ws: Workspace) -> None:
    """Drop the corpora and models loaded, and the rules' sessions kept for re-evaluation (each request
    is another law: kept, 64 sessions of a worker held more memory than the matrix's target)."""
    from gapcheck.evaluate import forget

    ws.forget()
    forget()
