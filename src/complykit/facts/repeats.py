"""Entries of a list in complykit.yaml that repeat an earlier one's key."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def repeats(
    items: Iterable[T], key: Callable[[T], Hashable], name: Callable[[T], str]
) -> Iterator[tuple[int, T, str]]:
    """Each item whose ``key`` an earlier item had: its index, the item, and the ``name`` of
    the first item with that key (the one a look-up by key finds)."""
    first: dict[Hashable, str] = {}
    for index, item in enumerate(items):
        seen = key(item)
        if seen in first:
            yield index, item, first[seen]
        else:
            first[seen] = name(item)
