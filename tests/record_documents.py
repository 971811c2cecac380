"""Every record document of the example and the rule cases, and broken copies of each, for
tests that validate the same documents two ways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.load.yaml_file import parse_yaml
from complykit.model.records import RECORD_MODELS
from conftest import CASES, EXAMPLE


def record_documents() -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every record-like document of the example and the rule cases, valid or broken."""
    for folder in (EXAMPLE, CASES):
        for path in sorted(folder.rglob("*.yaml")):
            if path.name in {"expected.yaml", "complykit.yaml"}:
                continue
            parsed = parse_yaml(PurePosixPath(path.name), path.read_bytes())
            for document in parsed.documents:
                data = document.data
                kind = data.get("kind") if isinstance(data, dict) else None
                if isinstance(kind, str) and kind in RECORD_MODELS:
                    yield path, data


def variants(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The document, and broken copies: an unknown field, no id, each field of a wrong type."""
    yield data
    yield {**data, "unknown_field": 1}
    yield {key: value for key, value in data.items() if key != "id"}
    for key in data:
        if key != "kind":
            yield {**data, key: 12345}
            yield {**data, key: [{"x": None}]}
