"""Field types shared by the catalog models."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from complykit.model.declaring import BaseModel as _BaseModel
from complykit.model.declaring import BeforeValidator, ConfigDict, Field, StringConstraints


class CatalogModel(_BaseModel):
    """Base of every catalog model: unknown keys are errors and values never change."""

    # Built by pydantic when first used: loading validates through model/prebuilt.py.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


def _to_text(value: object) -> object:
    # YAML reads `edition: 2022` as an int and `published: 2022-10-01` as a date.
    if isinstance(value, int | date) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


NonEmptyStr = Annotated[str, StringConstraints(min_length=1)]
FrameworkId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Text = Annotated[NonEmptyStr, BeforeValidator(_to_text)]
# The pattern sits on the string itself (checked after _to_text, which wraps it): put after the
# validator, pydantic would check it in a closure of its own, which prebuilt.json cannot name.
PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    BeforeValidator(_to_text),
]
# Dates come as date objects from PyYAML's SafeLoader and as strings from other loaders.
IsoDate = Annotated[date, Field(strict=False)]
AttributeValue = str | bool | int | list[str]
Attributes = dict[str, AttributeValue]

ItemKind = Literal[
    "control",
    "clause",
    "article",
    "paragraph",
    "point",
    "annex",
    "annex-point",
    "criterion",
    "list-item",
]
Role = Literal["controller", "processor"]
Relationship = Literal["equivalent", "subset", "superset", "related"]
