"""Plain text for the terminal: findings by theme, and a draft's changes."""

from gapcheck.diff import Diff
from gapcheck.evaluate import Evaluation
from gapcheck.vocab import Theme

MARK = {"met": "MET", "partial": "PARTIAL", "gap": "GAP", "unknown": "UNKNOWN"}


def findings_table(ev: Evaluation, amendment: str | None, explain: bool = False) -> str:
    """Findings grouped by theme, in the catalogue's theme order; with `explain`, the reasoning too."""
    head = f"gapcheck: {ev.jurisdiction} as of {ev.as_of.isoformat()}"
    if amendment:
        head += f", with amendment {amendment}"
    lines = [head, ""]
    themes: dict[str, list[str]] = {}
    for f in ev.findings:
        rows = themes.setdefault(f.theme, [])
        rows.append(f"  {MARK[f.status.value]:<8} {f.requirement:<34} {f.title}")
        if explain:
            rows += [f"           - {line}" for line in f.explanation]
    for theme in (t.value for t in Theme):
        if theme in themes:
            lines += [f"[{theme}]", *themes[theme], ""]
    s = ev.summary()
    lines.append(
        f"{len(ev.findings)} requirements: {s['met']} met, {s['partial']} partial, "
        f"{s['gap']} gap, {s['unknown']} unknown"
    )
    return "\n".join(lines) + "\n"


def diff_text(diff: Diff) -> str:
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
