"""Validate plain YAML data against the record models; errors become located findings."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from complykit.core.findings import Finding, Severity
from complykit.load.positions import Places
from complykit.load.yaml_file import YamlDocument
from complykit.model.base import Record
from complykit.model.compact import compacted
from complykit.model.prebuilt import validate_python
from complykit.model.records import RECORD_MODELS


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that holds the last part of ``loc``, following nested model fields."""
    current = model
    for part in loc[:-1]:
        field = current.model_fields.get(part) if isinstance(part, str) else None
        if field is None:
            continue  # list indexes and pydantic's union branch labels
        nested = next(models_in(field.annotation), None)
        if nested is None:
            return None
        current = nested
    return current


def _unknown_field_hint(model: type[BaseModel], loc: Sequence[str | int]) -> str | None:
    holder = _model_at(model, loc)
    if holder is None:
        return None
    allowed = list(holder.model_fields)
    return suggest(str(loc[-1]), allowed) or "Fields allowed here: " + ", ".join(allowed)


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from models_in(argument)
    for extra in getattr(annotation, "__metadata__", ()):
        yield from models_in(extra)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        yield from models_in(origin)


def suggest(word: str, options: Sequence[str]) -> str | None:
    """A 'did you mean' hint, or None."""
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.7)
    return f"Did you mean '{matches[0]}'?" if matches else None


def _readable(data: Any, loc: Sequence[str | int]) -> str:
    """The error location as the user wrote it, skipping pydantic's union branch labels."""
    parts: list[str] = []
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
            parts.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            parts.append(f"[{part}]")
        elif isinstance(part, str) and part.isidentifier() and part == loc[-1]:
            parts.append(part)
    return ".".join(parts).replace(".[", "[")


def _plain(message: str) -> str:
    """Pydantic's message without its 'Value error, ' prefix, which means nothing to users."""
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def error_finding(
    path: PurePosixPath,
    document: YamlDocument,
    error: ErrorDetails,
    model: type[BaseModel],
    record_id: str | None = None,
) -> Finding:
    """One pydantic error as a finding at the YAML node it concerns."""
    loc = error["loc"]
    where = _readable(document.data, loc) or "record"
    kind = error["type"]
    if kind == "missing":
        code, message, hint = "SCH002", f"missing required field '{where}'", None
    elif kind == "extra_forbidden":
        code, message = "SCH003", f"unknown field '{where}'"
        hint = _unknown_field_hint(model, loc)
    elif error.get("input", ...) is None:
        # `name:` with nothing after it: pydantic says "should be a valid string", which hides
        # that the field was simply left empty (as `complykit new` drafts leave it).
        code, message = "SCH004", f"{where} is empty: {_plain(error['msg']).lower()}"
        hint = f"Fill in `{where}`; it is required."
    else:
        code, message, hint = "SCH004", f"{where}: {_plain(error['msg'])}", None
    line, column = _places(document).locate(loc, at_key=kind == "extra_forbidden")
    return Finding(path, line, column, code, Severity.ERROR, message, hint=hint, record=record_id)


def _places(document: YamlDocument) -> Places:
    if document.places is None:
        raise RuntimeError("the document's places were not kept")  # a bug: callers keep them
    return document.places


def _kind_problem(path: PurePosixPath, places: Places, data: dict[str, Any]) -> Finding | None:
    kind = data.get("kind")
    if isinstance(kind, str) and kind in RECORD_MODELS:
        return None
    line, column = places.locate(["kind"])
    if kind is None:
        return Finding(
            path,
            line,
            column,
            "SCH001",
            Severity.ERROR,
            "the record has no 'kind'",
            hint="Add `kind:` with one of: " + ", ".join(RECORD_MODELS),
        )
    hint = suggest(str(kind), list(RECORD_MODELS)) or "Use one of: " + ", ".join(RECORD_MODELS)
    return Finding(
        path, line, column, "SCH001", Severity.ERROR, f"unknown kind '{kind}'", hint=hint
    )


def try_record(data: Any) -> Record | None:
    """The record for plain data when it is valid, else None (without locating anything)."""
    if not isinstance(data, dict):
        return None
    model = RECORD_MODELS.get(data.get("kind"))  # type: ignore[arg-type]
    if model is None:
        return None
    try:
        record = validate_python(model, data)
    except ValidationError:
        return None
    return compacted(record)


def to_record(path: PurePosixPath, document: YamlDocument) -> tuple[Record | None, list[Finding]]:
    """The validated record for one YAML document, or the findings that stop it."""
    data = document.data
    if not isinstance(data, dict):
        line, column = _places(document).start()
        return None, [
            Finding(
                path,
                line,
                column,
                "YAML007",
                Severity.ERROR,
                "a record must be a mapping with `kind` and `id`",
                hint="Start the document with `kind:` and `id:` lines.",
            )
        ]
    problem = _kind_problem(path, _places(document), data)
    if problem is not None:
        return None, [problem]
    model = RECORD_MODELS[data["kind"]]
    try:
        record = validate_python(model, data)
    except ValidationError as error:
        record_id = data.get("id") if isinstance(data.get("id"), str) else None
        return None, [
            error_finding(path, document, e, model, record_id)
            for e in error.errors(include_url=False)
        ]
    return compacted(record), []
