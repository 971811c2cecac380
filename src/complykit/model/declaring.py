"""The names the model and catalog modules declare their classes with.

pydantic's own, except in a process that asked for plain records before importing any model
(``model.plain.use_plain_records``, the command line's validate path): there the same names are
stand-ins that import nothing of pydantic, and every model class derives from ``PlainModel``.
Type checkers always see pydantic's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.model import plain

if TYPE_CHECKING or not plain.PLAIN:
    from pydantic import (
        BaseModel,
        BeforeValidator,
        ConfigDict,
        Field,
        NonNegativeInt,
        PositiveInt,
        Strict,
        StringConstraints,
        WithJsonSchema,
        model_validator,
    )
else:
    BaseModel = plain.PlainModel
    BeforeValidator = Strict = StringConstraints = WithJsonSchema = plain.Metadata
    ConfigDict = plain.config
    Field = plain.field
    NonNegativeInt = PositiveInt = int
    model_validator = plain.validator

__all__ = [
    "BaseModel",
    "BeforeValidator",
    "ConfigDict",
    "Field",
    "NonNegativeInt",
    "PositiveInt",
    "Strict",
    "StringConstraints",
    "WithJsonSchema",
    "model_validator",
]
