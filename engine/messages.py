"""Turn pydantic validation errors into messages an analyst can act on.

Each message names the offending key, what was expected (the allowed values
or keys) and, where a close match exists, a did-you-mean suggestion.
"""

import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from gapcheck.errors import Problem
from gapcheck.formats import format2_hint
from gapcheck.yamlsrc import YamlDoc


def problems(
    doc: YamlDoc,
    root: type[BaseModel],
    err: ValidationError,
    data: Any = None,
    relocate: Callable[[tuple[int | str, ...]], tuple[int | str, ...]] | None = None,
) -> list[Problem]:
    """Every error of a validation, located in the file.

    `data` is what was validated when it differs from the file's (an older format
    read as the current one); `relocate` maps its error locations back to the file.
    """
    validated = doc.data if data is None else data
    out = []
    for e in err.errors():
        loc = tuple(e["loc"])
        file_loc = relocate(loc) if relocate else loc
        message = _message(root, validated, e)
        if relocate is not None and loc != file_loc and e["type"] == "extra_forbidden":
            message = f"unknown key '{file_loc[-1]}'" + message.split("'", 2)[2]
        out.append(doc.at(file_loc, message + format2_hint(loc, doc.data)))
    return out


def suggest(word: object, choices: list[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to `word`, else ''."""
    if not isinstance(word, str):
        return ""
    import difflib  # only for a message with a suggestion: not on every command's start-up

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _message(root: type[BaseModel], data: Any, error: ErrorDetails) -> str:
    loc = tuple(error["loc"])
    where = _breadcrumb(loc)
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        model = _model_at(root, data, loc[:-1])
        allowed = sorted(_aliases(model)) if model else []
        hint = suggest(loc[-1], allowed)
        listing = f"; allowed keys: {', '.join(allowed)}" if allowed else ""
        return f"unknown key '{loc[-1]}'{hint}{listing}"
    if kind == "missing":
        return f"{where}: required key is missing"
    if kind in ("model_type", "dict_type"):
        model = _model_at(root, data, loc) if loc else root
        keys = f" with the keys {', '.join(_aliases(model))}" if model else ""
        return f"{where or 'the file'}: expected a mapping{keys}, not {type(value).__name__}"
    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(error)
        return f"{where}: '{value}' is not an allowed value{suggest(value, allowed)}; allowed: {', '.join(allowed)}"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",") if t.strip()]
        tag = ctx.get("tag")
        return f"{where}: test kind '{tag}' is not known{suggest(tag, tags)}; allowed: {', '.join(tags)}"
    msg = error["msg"].removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg


def _breadcrumb(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for key in loc:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        else:
            parts.append(("." if parts else "") + str(key))
    return "".join(parts)


def _allowed_values(error: ErrorDetails) -> list[str]:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return [v.strip().strip("'") for v in expected.replace(" or ", ",").split(",") if v.strip()]


def _aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_at(root: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the node at `loc` (None when it cannot be told)."""
    model: type[BaseModel] | None = root
    annotation: Any = None
    node = data
    for key in loc:
        if model is not None:
            field = model.model_fields.get(str(key))
            if field is None:
                return None
            annotation, model = field.annotation, None
        annotation = _unwrap(annotation)
        node = node[key] if isinstance(node, (dict, list)) and _has(node, key) else None
        origin = typing.get_origin(annotation)
        if isinstance(key, int) and origin in (list, tuple):
            annotation = _unwrap(typing.get_args(annotation)[0])
        model = _pick_model(annotation, node)
    return model


def _has(node: dict[Any, Any] | list[Any], key: Any) -> bool:
    return key in node if isinstance(node, dict) else isinstance(key, int) and 0 <= key < len(node)


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _members(annotation: Any) -> Iterator[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _members(_unwrap(arg))
    else:
        yield annotation


def _pick_model(annotation: Any, node: Any) -> type[BaseModel] | None:
    models = [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]
    if len(models) == 1:
        return models[0]
    kind = node.get("kind") if isinstance(node, dict) else None
    for m in models:
        field = m.model_fields.get("kind")
        if field is not None and kind in typing.get_args(field.annotation):
            return m
    return None
