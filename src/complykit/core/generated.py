"""Files complykit generates ahead and ships (``catalogs/parsed.json``, ``model/prebuilt.json``):
read as a speed-up only, so anything wrong with one means the work is done the slow way."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


def generated_document(path: Path, version: int) -> dict[str, Any]:
    """The file's top-level JSON object when its ``format`` is ``version``; else (missing,
    unreadable, not JSON, written by another version) an empty one."""
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("format") != version:
        return {}
    return document
