"""Every field and sub-model in the published schemas explains itself to whoever fills it in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from complykit.model.ai_practices import PracticeFacts
from complykit.model.ai_system import Transparency
from complykit.model.config import WorkspaceConfig
from complykit.model.records import RECORD_MODELS

MODELS: dict[str, type[BaseModel]] = {"config": WorkspaceConfig, **RECORD_MODELS}


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The top-level schema and every ``$defs`` entry that has properties, by name."""
    yield "(top level)", schema
    for name, definition in schema.get("$defs", {}).items():
        if "properties" in definition:
            yield name, definition


def _described(node: dict[str, Any]) -> bool:
    description = node.get("description")
    return isinstance(description, str) and bool(description.strip())


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_property_has_a_description(kind: str) -> None:
    """Each property of the kind's schema and of its nested models carries a description."""
    schema = MODELS[kind].model_json_schema()
    missing = [
        f"{owner}.{name}"
        for owner, node in _objects(schema)
        for name, prop in node["properties"].items()
        if not _described(prop)
    ]
    assert not missing, f"{kind}: properties without a description: {missing}"


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_model_has_a_description(kind: str) -> None:
    """The kind's schema and each of its ``$defs`` entries carry a description."""
    schema = MODELS[kind].model_json_schema()
    missing = [
        name
        for name, node in [("(top level)", schema), *schema.get("$defs", {}).items()]
        if not _described(node)
    ]
    assert not missing, f"{kind}: definitions without a description: {missing}"


def test_emotion_recognition_is_described_as_inference_from_biometric_data() -> None:
    """Text sentiment analysis recorded as `emotion-recognition` draws a false Art. 5(1)(f)
    verdict: the AI Act's emotion recognition works on biometric data, and the field says so."""
    for description in (
        PracticeFacts.model_fields["techniques"].description,
        Transparency.model_fields["emotion_recognition"].description,
    ):
        assert description is not None
        flat = " ".join(description.split())
        assert "biometric data" in flat
        assert "sentiment analysis of written text is not" in flat
