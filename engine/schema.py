"""JSON Schema for each kind of data file, for editor completion via yaml-language-server."""

from typing import Any

from engine.amendment import AmendmentFile
from engine.models import JurisdictionFile, StatuteFile
from engine.standard import StandardFile


def schemas() -> dict[str, dict[str, Any]]:
    """Schemas by file kind."""
    return {
        "amendment": AmendmentFile.model_json_schema(),
        "jurisdiction": JurisdictionFile.model_json_schema(),
        "standard": StandardFile.model_json_schema(),
        "statute": StatuteFile.model_json_schema(),
    }
