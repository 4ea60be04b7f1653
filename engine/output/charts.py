"""Inline SVG charts: status counts per theme, the matrix as a heat map, a draft's before and after.

Self-contained (no script, no external reference), accessible (a title, a description and a
text equivalent, role="img"), and readable without colour: each status has its own pattern and
every bar and cell carries a label. Each drawn count carries `data-status` and `data-count`
so a test can check the picture against the JSON.
"""

from dataclasses import dataclass, field

from markupsafe import Markup, escape

STATUSES = ("met", "partial", "gap", "unknown")
LETTER = {"met": "M", "partial": "P", "gap": "G", "unknown": "?"}
COLOUR = {"met": "#1a7f37", "partial": "#f6d365", "gap": "#b3261e", "unknown": "#eaeef2"}
DEPENDS_NOTE = "depends on contested facts: the least favourable status is drawn and counted"
INK = {"met": "#fff", "partial": "#000", "gap": "#fff", "unknown": "#000"}


@dataclass(frozen=True)
class Bar:
    """One labelled bar: a status count for each status."""

    key: str
    label: str
    counts: dict[str, int]


def _defs(prefix: str) -> str:
    """One pattern per status: solid, hatched, cross-hatched, dotted."""
    marks = {
        "met": "",
        "partial": '<path d="M0,6 L6,0" stroke="#000" stroke-opacity=".45" stroke-width="1.2"/>',
        "gap": '<path d="M0,6 L6,0 M0,0 L6,6" stroke="#fff" stroke-opacity=".6" stroke-width="1.2"/>',
        "unknown": '<circle cx="3" cy="3" r="1" fill="#000" fill-opacity=".5"/>',
    }
    out = []
    for s in STATUSES:
        out.append(
            f'<pattern id="{prefix}-{s}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{COLOUR[s]}"/>{marks[s]}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _legend(prefix: str, y: int) -> str:
    out = []
    for n, s in enumerate(STATUSES):
        x = n * 110
        out.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="url(#{prefix}-{s})" stroke="#000" stroke-width=".5"/>'
            f'<text x="{x + 19}" y="{y + 11}" font-size="11">{LETTER[s]} = {s}</text>'
        )
    return "".join(out)


def _svg(prefix: str, width: int, height: int, title: str, desc: str, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" id="{prefix}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="sans-serif">'
        f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(desc)}</desc>'
        f"{_defs(prefix)}{body}</svg>"
    )


def describe(bars: list[Bar]) -> str:
    """The text equivalent of a bar chart: each bar's counts in words."""
    return "; ".join(f"{b.label}: " + ", ".join(f"{b.counts[s]} {s}" for s in STATUSES if b.counts[s]) for b in bars)


def status_bars(prefix: str, title: str, bars: list[Bar]) -> Markup:
    """A horizontal stacked bar per group, one segment per status, each labelled with its count."""
    label_w, bar_w, row_h = 320, 380, 22
    most = max((sum(b.counts.values()) for b in bars), default=1) or 1
    unit = bar_w / most
    body = []
    for n, b in enumerate(bars):
        y = n * row_h
        body.append(f'<g data-group="{escape(b.key)}">')
        body.append(f'<text x="{label_w - 6}" y="{y + 15}" font-size="12" text-anchor="end">{escape(b.label)}</text>')
        x = float(label_w)
        for s in STATUSES:
            count = b.counts.get(s, 0)
            if not count:
                continue
            w = count * unit
            body.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row_h - 4}" fill="url(#{prefix}-{s})" '
                f'stroke="#000" stroke-width=".5" data-status="{s}" data-count="{count}">'
                f"<title>{escape(b.label)}: {count} {s}</title></rect>"
            )
            body.append(
                f'<text x="{x + w / 2:.1f}" y="{y + 15}" font-size="11" text-anchor="middle" '
                f'fill="{INK[s]}" aria-hidden="true">{count}{LETTER[s]}</text>'
            )
            x += w
        body.append("</g>")
    legend_y = len(bars) * row_h + 8
    height = legend_y + 20
    return _svg(prefix, label_w + bar_w + 10, height, title, describe(bars), "".join(body) + _legend(prefix, legend_y))


def _wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most `width` characters (a longer word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class HeatRow:
    """One requirement across the columns."""

    key: str
    label: str
    statuses: list[str]
    shown: list[str] = field(default_factory=list)  # per column, the range ("gap/unknown") of a contested finding


def heat_map(prefix: str, title: str, columns: list[str], rows: list[HeatRow]) -> Markup:
    """A cell per requirement and column, filled and lettered by status."""
    label_w, cell_w, row_h = 440, 130, 15
    heads = [_wrap(col, 22) for col in columns]
    head_h = 14 * max((len(h) for h in heads), default=1) + 8
    body = []
    for n, lines in enumerate(heads):
        x = label_w + n * cell_w + cell_w / 2
        spans = "".join(
            f'<tspan x="{x:.1f}" dy="{0 if i == 0 else 13}">{escape(t)}</tspan>' for i, t in enumerate(lines)
        )
        body.append(f'<text y="12" font-size="11" text-anchor="middle">{spans}</text>')
    for r, row in enumerate(rows):
        y = head_h + r * row_h
        body.append(f'<g data-row="{escape(row.key)}">')
        body.append(f'<text x="{label_w - 6}" y="{y + 11}" font-size="10" text-anchor="end">{escape(row.label)}</text>')
        for n, status in enumerate(row.statuses):
            x = label_w + n * cell_w
            shown = row.shown[n] if row.shown else status
            ranged = f' data-range="{escape(shown)}"' if shown != status else ""
            body.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{row_h - 2}" '
                f'fill="url(#{prefix}-{status})" stroke="#000" stroke-width=".4" data-status="{status}" '
                f'data-count="1" data-column="{n}"{ranged}><title>{escape(row.label)}, {escape(columns[n])}: '
                f"{escape(shown)}</title></rect>"
                f'<text x="{x + cell_w / 2:.1f}" y="{y + 11}" font-size="9" text-anchor="middle" '
                f'fill="{INK[status]}" aria-hidden="true">{LETTER[status]}{"*" if ranged else ""}</text>'
            )
        body.append("</g>")
    legend_y = head_h + len(rows) * row_h + 8
    totals = [
        Bar(str(n), col, {s: sum(1 for row in rows if row.statuses[n] == s) for s in STATUSES})
        for n, col in enumerate(columns)
    ]
    width = max(label_w + len(columns) * cell_w + 10, 450)
    legend = _legend(prefix, legend_y)
    height = legend_y + 20
    if any(row.shown and row.shown != row.statuses for row in rows):
        legend += f'<text x="0" y="{height + 11}" font-size="11">* = {escape(DEPENDS_NOTE)}</text>'
        height += 20
    return _svg(prefix, width, height, title, describe(totals), "".join(body) + legend)
