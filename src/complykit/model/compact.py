"""Validated records share the bookkeeping that is the same across thousands of them.

pydantic gives every model instance its own set of the names of the fields that were given: for
a processing activity that set (2 KiB) weighs more than the dict of its values, and at 10,000
records the sets took 32 of the 82 MiB the records held. Records and their parts are frozen, so
instances of one class that were given the same fields can share one set; pydantic copies the
set before changing it (``model_copy``), so a shared set is never written to.
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

_SHARED: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}
_FIELDS_SET = "__pydantic_fields_set__"


def share_fields_sets(model: BaseModel) -> None:
    """Point ``model`` and every model inside it at one shared set per class and field names."""
    given = model.__pydantic_fields_set__
    shared = _SHARED.setdefault((type(model), frozenset(given)), given)
    if shared is not given:
        object.__setattr__(model, _FIELDS_SET, shared)
    values = model.__dict__
    for name in _model_fields(type(model)):
        _share_inside(values[name])


@cache
def _model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold models: the only ones worth visiting."""
    return tuple(
        name for name, field in model.model_fields.items() if _holds_models(field.annotation)
    )


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


def _share_inside(value: Any) -> None:
    if isinstance(value, BaseModel):
        share_fields_sets(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _share_inside(item)
    elif isinstance(value, dict):
        for item in value.values():
            _share_inside(item)
