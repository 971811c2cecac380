"""The official OSCAL JSON Schemas in ../shared/schemas/oscal, with ``pattern`` evaluated by the
``regex`` package: the schemas use ``\\p{L}``-style classes that Python's ``re`` rejects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex  # type: ignore[import-untyped]
from jsonschema import Draft7Validator, ValidationError, validators

from conftest import REPO

OSCAL = REPO.parent / "shared" / "schemas" / "oscal"
SCHEMA_FILES = {
    "ssp": "oscal_ssp_schema.json",
    "component-definition": "oscal_component_schema.json",
}


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _compiled(pattern: str) -> Any:
    return regex.compile(pattern)


OscalValidator = validators.extend(Draft7Validator, {"pattern": _pattern})  # type: ignore[no-untyped-call]


def oscal_errors(document: dict[str, Any], model: str, version: str) -> list[str]:
    """Every way ``document`` breaks the official schema of ``model`` in ``version``."""
    schema = json.loads((OSCAL / f"v{version}" / SCHEMA_FILES[model]).read_text("utf-8"))
    validator = OscalValidator(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator.iter_errors(document)
    ]
