"""One table type for the places that keep equal values once, with a bound on what they keep.

The loader and the model share equal key lists, texts, parts, paths and references between
records to keep memory low. Each table forgets everything once it holds ``limit`` entries, so a
long-running process (a language server, a test session) does not grow without bound; what
records already hold is not affected, later records just start sharing anew.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class SharedValues(dict[K, V]):
    """A dict whose ``get`` finds the kept value (at C speed: the hot path is a hit), and whose
    ``keep`` adds one, first forgetting them all when the table is full."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
