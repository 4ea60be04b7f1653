"""Data formats of statute files: format 1 (a provision is one text) read as format 2 (versions).

Format 1 is what corpora were written in before provisions had versions: a
provision held its norms and its `in_force_from`/`repealed` dates directly.
Format 2 holds them in `versions`, one entry per text in force over time. A
format-1 file is read by moving those keys into a single version; errors are
located back at the keys as written. `gapcheck migrate` writes the same move
into the file.
"""

from collections.abc import Callable
from typing import Any

Loc = tuple[int | str, ...]
Upgrade = Callable[[Any], tuple[Any, Callable[[Loc], Loc]]]

# format-1 provision key -> its name inside a format-2 version
MOVED = {
    "in_force_from": "in_force_from",
    "repealed": "in_force_until",
    "offences": "offences",
    "thresholds": "thresholds",
    "measures": "measures",
    "unknowns": "unknowns",
}
BACK = {new: old for old, new in MOVED.items()}


def format_of(data: Any) -> Any:
    """The declared format of a file's data (1 when absent)."""
    return data.get("format", 1) if isinstance(data, dict) else 1


def upgrade_provision(provision: Any) -> Any:
    """A format-1 provision as format 2: its text becomes its one version."""
    if not isinstance(provision, dict) or "versions" in provision:
        return provision
    version = {MOVED[k]: v for k, v in provision.items() if k in MOVED}
    rest = {k: v for k, v in provision.items() if k not in MOVED}
    return {**rest, "versions": [version]}


def upgrade_statute(data: Any) -> tuple[Any, Callable[[Loc], Loc]]:
    """Format-2 data for validation, and a map from its error locations to the file's."""
    if not isinstance(data, dict) or format_of(data) != 1:
        return data, _same
    provisions = data.get("provisions")
    if isinstance(provisions, list):
        data = {**data, "provisions": [upgrade_provision(p) for p in provisions]}
    return data, _to_format1


def upgrade_provision_at(prefix: Loc) -> Callable[[Loc], Loc]:
    """The location map for one format-1 provision found at `prefix` (e.g. in a draft)."""
    n = len(prefix)

    def to_file(loc: Loc) -> Loc:
        if loc[:n] == prefix and loc[n : n + 2] == ("versions", 0):
            rest = loc[n + 2 :]
            return prefix + ((BACK.get(str(rest[0]), rest[0]),) + rest[1:] if rest else ())
        return loc

    return to_file


def upgrade_amendment(data: Any) -> tuple[Any, Callable[[Loc], Loc]]:
    """A format-1 draft's provisions as format 2, and the map back to the file's locations."""
    if not isinstance(data, dict) or format_of(data) != 1 or not isinstance(data.get("changes"), list):
        return data, _same
    changes = []
    maps: list[Callable[[Loc], Loc]] = []
    for n, change in enumerate(data["changes"]):
        if isinstance(change, dict):
            change = dict(change)
            if "provision" in change:
                change["provision"] = upgrade_provision(change["provision"])
                maps.append(upgrade_provision_at(("changes", n, "provision")))
            if isinstance(change.get("provisions"), list):
                change["provisions"] = [upgrade_provision(p) for p in change["provisions"]]
                maps += [
                    upgrade_provision_at(("changes", n, "provisions", k)) for k in range(len(change["provisions"]))
                ]
        changes.append(change)

    def to_file(loc: Loc) -> Loc:
        for relocate in maps:
            loc = relocate(loc)
        return loc

    return {**data, "changes": changes}, to_file


def _same(loc: Loc) -> Loc:
    return loc


def _to_format1(loc: Loc) -> Loc:
    if len(loc) >= 4 and loc[0] == "provisions" and loc[2:4] == ("versions", 0):
        return upgrade_provision_at(loc[:2])(loc)
    return loc


def format2_hint(loc: Loc, data: Any) -> str:
    """A hint for a flat key in a format-2 provision: it belongs in a version."""
    if format_of(data) == 2 and len(loc) == 3 and loc[0] == "provisions" and str(loc[2]) in MOVED:
        return (
            f"; in format 2 a provision's text is in `versions` (put '{loc[2]}' as "
            f"'{MOVED[str(loc[2])]}' in a version), or declare `format: 1`"
        )
    return ""
