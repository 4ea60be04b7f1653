"""JSON Schema for each kind of data file, for editors (yaml-language-server) and for checking.

A schema accepts what the loader accepts: a source written as a bare string, a duration
("15 years"), a date given as a year (`adopted: 2016`); the types carry those forms
(dates.LegalDate, duration.Months) and the table below adds the string shorthands that a
model's own validator accepts. Every shipped YAML file names its schema in a modeline.
"""

import os.path
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gapcheck.amendment import AmendmentFile
from gapcheck.expect import ExpectationFile
from gapcheck.models import JurisdictionFile, ProvisionFormat1, StatuteFile
from gapcheck.standard import StandardFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: dict[str, type[BaseModel]] = {
    "amendment": AmendmentFile,
    "expectation": ExpectationFile,
    "jurisdiction": JurisdictionFile,
    "standard": StandardFile,
    "statute": StatuteFile,
}
# Models that also accept a plain string or flag (see their `mode="before"` validators).
STRING_FORMS = {
    "Source": {"type": "string", "minLength": 3, "description": "the citation: 'A/HRC/40/51/Add.1 ¶29'"},
    "Fine": {"type": "boolean", "description": "true: a fine applies, its amount not stated"},
}
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$", re.MULTILINE)


def schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of file; a provision may be written in format 1 or 2 (gapcheck.formats)."""
    body = MODELS[kind].model_json_schema()
    defs = body.get("$defs", {})
    if "Provision" in defs:
        old = ProvisionFormat1.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(old.pop("$defs", {}))
        defs["Provision"] = {"anyOf": [defs["Provision"], old]}
    for name, form in STRING_FORMS.items():
        if name in defs:
            defs[name] = {"anyOf": [form, defs[name]]}
    return {"$schema": DIALECT, **body}


def schemas() -> dict[str, dict[str, Any]]:
    """Schemas by file kind."""
    return {kind: schema(kind) for kind in MODELS}


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def modeline(kind: str, file: Path, schema_dir: Path) -> str:
    """The yaml-language-server line that points a file at its schema, relative to the file."""
    target = Path(os.path.relpath(schema_dir.resolve(), file.resolve().parent)) / file_name(kind)
    return f"# yaml-language-server: $schema={target.as_posix()}"


def named_schema(text: str) -> str | None:
    """The schema a file's modeline names, if any."""
    found = MODELINE.search(text)
    return found.group(1) if found else None
