"""JSON Schema for each kind of data file, for editor completion via yaml-language-server."""

from typing import Any

from gapcheck.amendment import AmendmentFile
from gapcheck.models import JurisdictionFile, StatuteFile
from gapcheck.standard import StandardFile


def schemas() -> dict[str, dict[str, Any]]:
    """Schemas by file kind."""
    return {
        "amendment": AmendmentFile.model_json_schema(),
        "jurisdiction": JurisdictionFile.model_json_schema(),
        "standard": StandardFile.model_json_schema(),
        "statute": StatuteFile.model_json_schema(),
    }
