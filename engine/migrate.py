"""Rewrite data files from format 1 to format 2, keeping comments, layout and meaning.

The move is the one `gapcheck.formats` makes when it reads a format-1 file: a
provision's norms and dates go into its one version. A source's former
`secondary: true` becomes `provenance: secondary` (as the loader reads it), in
format 1 and format 2 files alike. The result is checked lossless before
anything is written: the file read back gives the same model as the original.
"""

import io
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from gapcheck.errors import InputError, Problem, display_path
from gapcheck.formats import MOVED, format_of
from gapcheck.load import INDEX, validate
from gapcheck.yamlsrc import YamlDoc, parse, read


def migrate_file(path: Path) -> str | None:
    """The file's text in format 2 with provenance spelled out, or None when it has nothing to rewrite."""
    doc = read(path)
    if not isinstance(doc.tree, CommentedMap):
        return None
    old = format_of(doc.data) == 1
    if not old and not _former_secondary(doc.data):
        return None
    model = _model_for(path, doc)
    before = validate(doc, model)
    tree = _load(path.read_text(encoding="utf-8"))  # dates kept as YAML dates, so they are written back unquoted
    _provenance(tree)
    if old:
        _versions(tree, model)
    text = _dump(tree)
    after = validate(parse(path, text), model)
    if _without_format(before) != _without_format(after):  # never expected: the move is the reader's own
        raise InputError([Problem(display_path(path), 1, 1, "migration would change the meaning; file left as is")])
    return text


def _model_for(path: Path, doc: YamlDoc) -> type[BaseModel]:
    from gapcheck.amendment import AmendmentFile  # amendment imports load; imported here to keep load light
    from gapcheck.models import JurisdictionFile, StatuteFile

    if path.name == INDEX:
        return JurisdictionFile
    if isinstance(doc.data, dict) and "amendment" in doc.data:
        return AmendmentFile
    return StatuteFile


def _versions(tree: CommentedMap, model: type[BaseModel]) -> None:
    """Format 1 to 2: each provision's norms and dates go into its one version."""
    if model.__name__ == "StatuteFile":
        for prov in tree.get("provisions") or []:
            _provision(prov)
    elif model.__name__ == "AmendmentFile":
        for change in tree.get("changes") or []:
            if isinstance(change, CommentedMap):
                if isinstance(change.get("provision"), CommentedMap):
                    _provision(change["provision"])
                for prov in change.get("provisions") or []:
                    _provision(prov)
    tree.insert(0, "format", 2)


def _provision(prov: Any) -> None:
    if not isinstance(prov, CommentedMap) or "versions" in prov:
        return
    version = CommentedMap()
    for key in [k for k in prov if k in MOVED]:
        version[MOVED[key]] = prov.pop(key)
    seq = CommentedSeq([version])
    prov["versions"] = seq


def _is_source(node: Any) -> bool:
    return isinstance(node, dict) and "cite" in node and isinstance(node.get("secondary"), bool)


def _former_secondary(node: Any) -> bool:
    """Whether a source anywhere in the data still says `secondary: true|false`."""
    if _is_source(node):
        return True
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return any(_former_secondary(c) for c in children)


def _provenance(node: Any) -> None:
    """`secondary: true` becomes `provenance: secondary` in its place; `secondary: false` (stated) is dropped."""
    if _is_source(node):
        at = list(node).index("secondary")
        was = node.pop("secondary")
        if was and "provenance" not in node:
            node.insert(at, "provenance", "secondary")
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for child in children:
        _provenance(child)


def _without_format(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(exclude={"format"})


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _dump(tree: Any) -> str:
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


def _load(text: str) -> Any:
    return _yaml().load(text)
