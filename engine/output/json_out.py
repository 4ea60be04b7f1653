"""The JSON contracts of `gapcheck check` and `gapcheck diff` with `--format json` (see docs/design.md)."""

import json
from typing import TYPE_CHECKING, Any

from gapcheck.evaluate import Evaluation
from gapcheck.workspace import Run

if TYPE_CHECKING:  # suggest writes YAML (ruamel), `diff` compares: `check` does neither
    from gapcheck.diff import Diff
    from gapcheck.suggest.effect import SuggestionReport


def evaluation_dict(ev: Evaluation, amendment: str | None) -> dict[str, Any]:
    """The check output as plain data, findings sorted by requirement id."""
    return {
        "jurisdiction": ev.jurisdiction,
        "as_of": ev.as_of.isoformat(),
        "amendment": amendment,
        "pinned": ev.pinned,
        "explored": ev.explored,
        "findings": [f.model_dump(mode="json") for f in ev.findings],
        "summary": ev.summary(),
    }


def dumps(data: Any) -> str:
    """Stable, human-readable JSON: the same data gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_json(ev: Evaluation, amendment: str | None, suggestion: "SuggestionReport | None" = None) -> str:
    """The same JSON as `gapcheck check --format json`; with `--suggest`, the suggestion too (see ReportOutput)."""
    data = evaluation_dict(ev, amendment)
    if suggestion is not None:
        data["suggestion"] = suggestion.model_dump(mode="json")
    return dumps(data)


def diff_dict(diff: "Diff") -> dict[str, Any]:
    """The JSON contract of `gapcheck diff --format json`."""

    def side(run: Run) -> dict[str, Any]:
        ev = run.evaluation
        return {
            "jurisdiction": ev.jurisdiction,
            "as_of": ev.as_of.isoformat(),
            "amendment": run.amendment_label,
            "summary": ev.summary(),
        }

    return {
        "baseline": side(diff.baseline),
        "amendment": side(diff.amended),
        "changes": [
            {
                "requirement": c.requirement,
                "before": c.before,
                "after": c.after,
                "direction": c.direction.value,
                "provisions": c.provisions,
                "criteria": [
                    {"path": m.path, "test": m.test, "before": m.before.value, "after": m.after.value}
                    for m in c.criteria
                ],
                "by_reading": [d.value for d in c.by_reading],
            }
            for c in diff.changes
        ],
        **diff.counts(),
    }
