"""The JSON contract of `gapcheck check --format json` (see docs/design.md)."""

import json
from typing import Any

from gapcheck.evaluate import Evaluation


def evaluation_dict(ev: Evaluation, amendment: str | None) -> dict[str, Any]:
    """The check output as plain data, findings sorted by requirement id."""
    return {
        "jurisdiction": ev.jurisdiction,
        "as_of": ev.as_of.isoformat(),
        "amendment": amendment,
        "findings": [f.model_dump(mode="json") for f in ev.findings],
        "summary": ev.summary(),
    }


def dumps(data: Any) -> str:
    """Stable, human-readable JSON: the same data gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
