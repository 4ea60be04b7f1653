"""Plain text for the terminal: findings by theme, and a draft's changes."""

from typing import TYPE_CHECKING

from gapcheck.evaluate import Evaluation, provision_titles
from gapcheck.findings import Finding
from gapcheck.load import Corpus
from gapcheck.prose import wording
from gapcheck.readings import contests
from gapcheck.vocab import Theme

if TYPE_CHECKING:  # a draft's changes: `diff` and `suggest` compute them, `check` never does
    from gapcheck.diff import Diff

MARK = {"met": "MET", "partial": "PARTIAL", "gap": "GAP", "unknown": "UNKNOWN"}


def findings_table(ev: Evaluation, corpus: Corpus, amendment: str | None, explain: bool = False) -> str:
    """Findings grouped by theme, in the catalogue's theme order; with `explain`, the reasoning too.

    A finding that rests on secondary or inferred facts is tagged so; one whose status
    depends on contested facts is marked DEPENDS, with each status and its readings.
    The header words the contested facts from `corpus` (the one evaluated), with the
    name `--reading` takes for each reading.
    """
    head = f"gapcheck: {ev.jurisdiction} as of {ev.as_of.isoformat()}"
    if amendment:
        head += f", with amendment {amendment}"
    lines = [head, *readings_header(ev, corpus), ""]
    themes: dict[str, list[str]] = {}
    for f in ev.findings:
        rows = themes.setdefault(f.theme, [])
        rows.append(f"  {_mark(f):<8} {f.requirement:<34} {f.title}{_grounds(f)}")
        rows += [f"           {o.status.value} if {' and '.join(o.when)}" for o in f.readings if f.depends]
        if explain:
            rows += [f"           - {line}" for line in f.explanation]
    for theme in (t.value for t in Theme):
        if theme in themes:
            lines += [f"[{theme}]", *themes[theme], ""]
    s = ev.summary()
    summary = (
        f"{len(ev.findings)} requirements: {s['met']} met, {s['partial']} partial, "
        f"{s['gap']} gap, {s['unknown']} unknown"
    )
    if ev.dependent():
        summary += f" (least favourable reading); {ev.dependent()} depend on contested facts"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def readings_header(ev: Evaluation, corpus: Corpus) -> list[str]:
    """The pinned readings and the contested facts explored, in the reports' words (gapcheck.catalogue `reading.*`).

    Identifiers appear only as what `--reading` takes: the name of each reading.
    """
    words = wording(provision_titles(corpus, ev.as_of), [], {}, corpus)
    lines = []
    found = contests(corpus)
    for choice in (c for contest in found for c in contest.choices if c.label() in ev.pinned):
        lines.append(f"reading pinned (--reading {choice.reading}): {words.fragment(choice.message())}")
    for contest in (c for c in found if c.name in ev.explored):
        lines.append(f"contested, every reading explored: {words.fragment(contest.message())}")
        lines += [f"  --reading {c.reading}: {words.fragment(c.message())}" for c in contest.choices]
    return lines


def _mark(f: Finding) -> str:
    return "DEPENDS" if f.depends else MARK[f.status.value]


def _grounds(f: Finding) -> str:
    return f"  [rests on {' and '.join(g.value for g in f.grounds)} facts]" if f.grounds else ""


def diff_text(diff: "Diff") -> str:
    """A terminal summary: one line per change, then the counts."""
    base, new = diff.baseline.evaluation, diff.amended.evaluation
    lines = [
        f"gapcheck diff: {base.jurisdiction} as of {base.as_of.isoformat()}, draft: {diff.amended.amendment_label}",
        "",
    ]
    for c in diff.changes:
        by = f"  ({', '.join(c.provisions)})" if c.provisions else ""
        lines.append(f"  {c.direction.upper():<12} {c.requirement:<34} {c.before} -> {c.after}{by}")
        if c.before == c.after:
            lines += [f"               {m.test}: {m.before} -> {m.after}" for m in c.criteria]
    if not diff.changes:
        lines.append("  no requirement changes")
    s0, s1 = base.summary(), new.summary()
    counts = ", ".join(f"{n} {d}" for d, n in diff.counts().items())
    lines += ["", f"{counts}; gaps {s0['gap']} -> {s1['gap']}, met {s0['met']} -> {s1['met']}"]
    return "\n".join(lines) + "\n"
