"""Validated records share the bookkeeping that is the same across thousands of them.

pydantic gives every model instance its own set of the names of the fields that were given: for
a processing activity that set (2 KiB) weighs more than the dict of its values, and at 10,000
records the sets took 32 of the 82 MiB the records held. Records and their parts are frozen, so
instances of one class that were given the same fields can share one set; pydantic copies the
set before changing it (``model_copy``), so a shared set is never written to.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

_SHARED: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}
_FIELDS_SET = "__pydantic_fields_set__"


def share_fields_sets(model: BaseModel) -> None:
    """Point ``model`` and every model inside it at one shared set per class and field names."""
    given = model.__pydantic_fields_set__
    key = (type(model), frozenset(given))
    shared = _SHARED.setdefault(key, given)
    if shared is not given:
        object.__setattr__(model, _FIELDS_SET, shared)
    for value in model.__dict__.values():
        _share_inside(value)


def _share_inside(value: Any) -> None:
    if isinstance(value, BaseModel):
        share_fields_sets(value)
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, BaseModel | list | tuple):
                _share_inside(item)
