"""The standards coverage map: which requirement tests each paragraph of the core instruments.

The map is data (`docs/standards-coverage.yaml`, beside the page it generates); this module loads it, checks it
against the requirements' citations and renders docs/standards-coverage.md, so
an analyst sees at a glance what the catalogue covers and what it leaves out.
"""

import re
from pathlib import Path

from pydantic import Field, model_validator

from gapcheck.load import Standards, validate
from gapcheck.models import Strict
from gapcheck.yamlsrc import read

_RANGE = re.compile(r"^(?P<head>.*)\((?P<lo>[a-z0-9]+)\)-\((?P<hi>[a-z0-9]+)\)$")


class Entry(Strict):
    """One paragraph as its text numbers it: the requirements that test it, or why none does."""

    pinpoint: str
    requirements: list[str] = Field(default_factory=list)
    out_of_scope: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _decided(self) -> "Entry":
        if bool(self.requirements) == bool(self.out_of_scope):
            raise ValueError(f"{self.pinpoint}: give either requirements or an out_of_scope reason")
        return self


class InstrumentMap(Strict):
    """The mapped paragraphs of one instrument."""

    instrument: str
    scope: str
    entries: list[Entry] = Field(min_length=1)


class CoverageMap(Strict):
    """`docs/standards-coverage.yaml`."""

    instruments: list[InstrumentMap]


def load(path: Path) -> CoverageMap:
    """The map, validated (bad input raises InputError with file:line:col)."""
    return validate(read(path), CoverageMap)


def expand(pinpoint: str) -> list[str]:
    """A cited range `art. 19(1)(a)-(b)` as its items; any other pinpoint as itself."""
    found = _RANGE.match(pinpoint)
    if not found:
        return [pinpoint]
    lo, hi = found["lo"], found["hi"]
    if lo.isdigit() and hi.isdigit():
        items = [str(n) for n in range(int(lo), int(hi) + 1)]
    else:
        items = [chr(n) for n in range(ord(lo), ord(hi) + 1)]
    return [f"{found['head']}({x})" for x in items]


def covers(cited: str, entry: str) -> bool:
    """Whether a citation reaches a mapped paragraph: the same, or an item inside it."""
    return any(entry == part or entry.startswith(part + "(") for part in expand(cited))


def problems(cmap: CoverageMap, standards: Standards) -> list[str]:
    """Every way the map and the requirements disagree, in words."""
    out = []
    known = set(standards.requirements)
    mapped = {m.instrument: m for m in cmap.instruments}
    for m in cmap.instruments:
        if m.instrument not in standards.files:
            out.append(f"the map names instrument '{m.instrument}', which is not in standards/")
        for e in m.entries:
            out += [f"{m.instrument} {e.pinpoint}: no requirement '{r}'" for r in e.requirements if r not in known]
    for rid, req in sorted(standards.requirements.items()):
        for cite in req.sources:
            if cite.instrument not in mapped:
                continue
            reached = [e for e in mapped[cite.instrument].entries if covers(cite.pinpoint, e.pinpoint)]
            if not reached:
                out.append(f"{rid} cites {cite.instrument} {cite.pinpoint}, which the map does not list")
            elif not any(rid in e.requirements for e in reached):
                out.append(f"{rid} cites {cite.instrument} {cite.pinpoint}, but the map's entry does not name it")
    return out


def render(cmap: CoverageMap, standards: Standards) -> str:
    """docs/standards-coverage.md, deterministic."""
    lines = [
        "# Standards coverage",
        "",
        "<!-- Generated from docs/standards-coverage.yaml and standards/*.yaml by",
        "     `pytest tests/test_standards_coverage.py --update-golden`; do not edit by hand. -->",
        "",
        "Every operative paragraph of the core instruments, with the requirements",
        "that test it, or the reason it is out of scope. A requirement may test a",
        "paragraph without citing it; every paragraph a requirement cites is here.",
        "",
    ]
    for m in cmap.instruments:
        inst = standards.files[m.instrument].instrument
        counts = sum(1 for e in m.entries if e.requirements), sum(1 for e in m.entries if e.out_of_scope)
        lines += [f"## {inst.short}: {inst.title}", "", f"Scope: {m.scope}", ""]
        lines += [f"{counts[0]} paragraphs tested, {counts[1]} out of scope.", ""]
        lines += ["| paragraph | tested by | note |", "|---|---|---|"]
        for e in m.entries:
            tested = ", ".join(f"`{r}`" for r in e.requirements) or "out of scope"
            note = e.out_of_scope or e.note or ""
            lines.append(f"| {e.pinpoint} | {tested} | {_cell(note)} |")
        lines.append("")
    differ = [(rid, r) for rid, r in sorted(standards.requirements.items()) if r.benchmark and r.benchmark.note]
    if differ:
        lines += ["## Where the standards differ, and which one a benchmark follows", ""]
        for rid, r in differ:
            assert r.benchmark is not None
            lines.append(f"- `{rid}`: {r.benchmark.value}. {_cell(r.benchmark.note or '')}")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
