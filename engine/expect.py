"""Expectation files: scenarios as data, checked like tests.

name: possession offence closes the possession gap
jurisdiction: la                      # a code (your statutes, then the bundled), or ./folder relative to this file
amendment: drafts/possession.yaml     # optional (or a list), relative to this file
as_of: 2017-11-16                     # optional, YYYY-MM-DD
expect:
  csam-possession: met                # under every reading of contested facts
  child-marriage-offence: {status: unknown, reading: laotian-times-2019}   # under one reading
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, WithJsonSchema, field_validator

from gapcheck import config, messages
from gapcheck.dates import Day
from gapcheck.errors import InputError, display_path
from gapcheck.findings import Finding
from gapcheck.load import Corpus, validate
from gapcheck.models import Strict
from gapcheck.readings import contests
from gapcheck.vocab import Status
from gapcheck.workspace import Workspace, looks_like_path
from gapcheck.yamlsrc import YamlDoc, read

SUFFIX = ".gapcheck.yaml"


class Expected(Strict):
    """A status expected under the readings that include one reading of a contested fact."""

    status: Status
    reading: str = Field(description="a reading name, e.g. laotian-times-2019 (gapcheck check lists them)")


class ExpectationFile(Strict):
    """One scenario: a jurisdiction, optional drafts, and the statuses expected."""

    name: str
    jurisdiction: str | None = Field(None, description="default: the configured jurisdiction, else la")
    amendment: Annotated[
        list[str],
        WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
    ] = Field(default_factory=list, description="a draft file, or a list applied in order, relative to this file")
    as_of: Day | None = None
    expect: dict[str, Status | Expected] = Field(
        min_length=1, description="a status under every reading, or {status, reading} under one"
    )

    @field_validator("amendment", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class Outcome:
    """One expectation checked."""

    file: str
    requirement: str
    expected: str
    finding: Finding
    reading: str | None = None

    @property
    def got(self) -> list[str]:
        statuses = self.finding.statuses() if self.reading is None else self.finding.status_under(self.reading)
        return [s.value for s in statuses]

    @property
    def passed(self) -> bool:
        return self.got == [self.expected]

    def failure(self) -> str:
        """What an analyst needs to see when it fails."""
        under = (
            f" under reading {self.reading}"
            if self.reading
            else (" under every reading" if self.finding.depends else "")
        )
        lines = [
            f"{self.file}: {self.requirement}: expected {self.expected}{under}, got {' or '.join(self.got)}",
            *(f"  - {line}" for line in self.finding.explanation),
        ]
        return "\n".join(lines)


def load(path: Path, ws: Workspace) -> tuple[YamlDoc, ExpectationFile]:
    """Read an expectation file; unknown requirement ids are errors with a suggestion."""
    doc = read(path)
    spec = validate(doc, ExpectationFile)
    known = sorted(ws.standards.requirements)
    problems = [
        doc.at(("expect", rid), f"unknown requirement '{rid}'{messages.suggest(rid, known)}")
        for rid in spec.expect
        if rid not in ws.standards.requirements
    ]
    if problems:
        raise InputError(problems)
    return doc, spec


def resolve(path: Path, ws: Workspace) -> tuple[ExpectationFile, str, tuple[Path, ...]]:
    """The scenario, its jurisdiction (a code, or a folder relative to the file) and its drafts, all checked."""
    doc, spec = load(path, ws)
    code = spec.jurisdiction or config.active().jurisdiction or "la"
    jurisdiction = str(path.parent / code) if looks_like_path(code) else code
    problems = []
    if not looks_like_path(code) and code not in ws.codes():
        known = ws.codes()
        problems.append(
            doc.at(
                ("jurisdiction",),
                f"unknown jurisdiction '{code}'{messages.suggest(code, known)}; known: {', '.join(known)}",
            )
        )
    drafts = tuple(path.parent / a for a in spec.amendment)
    for n, draft in enumerate(drafts):
        if not draft.is_file():
            listed = isinstance(doc.data.get("amendment"), list)
            loc: tuple[str | int, ...] = ("amendment", n) if listed else ("amendment",)
            problems.append(doc.at(loc, f"no such draft: {display_path(draft)} (relative to this file)"))
    if problems:
        raise InputError(problems)
    return spec, jurisdiction, drafts


def run(path: Path, ws: Workspace) -> list[Outcome]:
    """Evaluate the scenario once and check every expectation in it."""
    return run_all([path], ws, jobs=1)


def run_all(paths: list[Path], ws: Workspace, jobs: int | None = None) -> list[Outcome]:
    """Every scenario resolved (input problems first), then evaluated by `jobs` processes, in order."""
    from gapcheck.parallel import evaluate_all  # multiprocessing: only when scenarios run

    resolved = [(path, *resolve(path, ws)) for path in paths]
    for path, spec, jurisdiction, drafts in resolved:
        if any(isinstance(want, Expected) for want in spec.expect.values()):  # load the law only to check names
            _known_readings(path, spec, ws.corpus(jurisdiction, drafts)[0])
    requests = [
        (jurisdiction, dt.date.fromisoformat(spec.as_of) if spec.as_of else None, drafts)
        for _, spec, jurisdiction, drafts in resolved
    ]
    outcomes = []
    for (path, spec, _, _), result in zip(resolved, evaluate_all(ws, requests, jobs, light=True), strict=True):
        findings = {f.requirement: f for f in result.evaluation.findings}
        name = display_path(path)
        outcomes += [
            Outcome(name, rid, want.value, findings[rid])
            if isinstance(want, Status)
            else Outcome(name, rid, want.status.value, findings[rid], want.reading)
            for rid, want in spec.expect.items()
        ]
    return outcomes


def _known_readings(path: Path, spec: ExpectationFile, corpus: Corpus) -> None:
    """An expectation under a reading the law does not have is bad input (with a did-you-mean)."""
    names = sorted(c.reading for contest in contests(corpus) for c in contest.choices)
    unknown = [
        read(path).at(("expect", rid, "reading"), f"no reading '{w.reading}'{messages.suggest(w.reading, names)}")
        for rid, w in spec.expect.items()
        if isinstance(w, Expected) and w.reading not in names
    ]
    if unknown:
        raise InputError(unknown)


def discover(paths: list[Path]) -> list[Path]:
    """Expectation files named, or found under folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob(f"*{SUFFIX}")) if path.is_dir() else [path]
    return found
