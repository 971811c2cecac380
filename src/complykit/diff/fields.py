"""Compare two records' data field by field, down to leaf values, as dotted paths.

Lists of mappings are matched item by item: by a key field when every item has a distinct one
(an SoA line by its ``control``, a data category by its ``name``), else by position. Any other
value, a list of strings included, is compared whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from complykit.diff.changes import FieldChange

# Tried in order; the first that identifies every item on both sides names the items.
LIST_KEYS = ("control", "id", "name", "recipient")


def field_changes(
    old: Mapping[str, Any] | None, new: Mapping[str, Any] | None
) -> list[FieldChange]:
    """Every leaf that differs between ``old`` and ``new``; absent values are ``None``."""
    return list(_walk((), old, new))


def _walk(parts: tuple[str, ...], old: Any, new: Any) -> Iterator[FieldChange]:
    if old == new:
        return
    if _all(dict, old, new):
        yield from _walk_mapping(parts, old or {}, new or {})
    elif _all(list, old, new) and _all_items_mappings(old or [], new or []):
        yield from _walk_mapping(
            parts, _labelled(old or [], new or []), _labelled(new or [], old or [])
        )
    else:
        yield FieldChange(parts, old, new)


def _walk_mapping(
    parts: tuple[str, ...], old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[FieldChange]:
    for key in dict.fromkeys([*old, *new]):
        yield from _walk((*parts, key), old.get(key), new.get(key))


def _all(kind: type, old: Any, new: Any) -> bool:
    """Both values are of ``kind``, or one is absent."""
    return (old is None or isinstance(old, kind)) and (new is None or isinstance(new, kind))


def _all_items_mappings(old: Sequence[Any], new: Sequence[Any]) -> bool:
    items = [*old, *new]
    return bool(items) and all(isinstance(item, dict) for item in items)


def _labelled(
    items: Sequence[Mapping[str, Any]], other: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """The items by ``[label]``: the key both sides share, else the position."""
    key = _shared_key(items, other)
    if key is None:
        return {f"[{index}]": item for index, item in enumerate(items)}
    return {f"[{item[key]}]": item for item in items}


def _shared_key(*sides: Sequence[Mapping[str, Any]]) -> str | None:
    for key in LIST_KEYS:
        if all(_identifies(key, side) for side in sides):
            return key
    return None


def _identifies(key: str, items: Sequence[Mapping[str, Any]]) -> bool:
    values = [item.get(key) for item in items]
    return all(isinstance(v, str) for v in values) and len(set(values)) == len(values)
