"""Plain-text findings for the terminal: a table per theme and a one-line summary."""

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
