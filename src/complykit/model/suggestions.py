"""'Did you mean' hints against many ids, without comparing each typo with every id.

``difflib.get_close_matches`` costs one comparison per option; a workspace of 50,000 records
with a few hundred broken references made that the slowest rule of a run. Real typos are one
or two keystrokes away from the intended id (a letter changed, dropped, added or two swapped),
so an index of each option with one character deleted, built once, finds those options from
the word's own single deletions; difflib then picks among them. Only when no option is that
close does a long list get the full comparison. Short lists skip the index, so their hints are
exactly difflib's.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator, Sequence

CUTOFF = 0.7
INDEX_FROM = 200
"""Below this many options difflib alone is fast enough, and its answer is kept as it is."""


def hint(match: str | None) -> str | None:
    return f"Did you mean '{match}'?" if match else None


def closest(word: str, options: Sequence[str]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=CUTOFF)
    return matches[0] if matches else None


def _variants(text: str) -> Iterator[str]:
    """The text itself and the text with each one character deleted."""
    yield text
    for i in range(len(text)):
        yield text[:i] + text[i + 1 :]


class Suggester:
    """Answers 'did you mean' for one fixed list of options."""

    def __init__(self, options: Sequence[str]) -> None:
        self.options = sorted(set(options))
        self._index: dict[str, list[str]] | None = None

    def suggest(self, word: str) -> str | None:
        """The hint for ``word``, or None when no option is close."""
        if len(self.options) < INDEX_FROM:
            return hint(closest(word, self.options))
        near = self._near(word)
        return hint(closest(word, near) if near else closest(word, self.options))

    def _near(self, word: str) -> list[str]:
        """Options at most one deletion from the word, on either side, or both."""
        index = self._index if self._index is not None else self._build()
        found = {option for variant in _variants(word) for option in index.get(variant, ())}
        return sorted(found)

    def _build(self) -> dict[str, list[str]]:
        index: defaultdict[str, list[str]] = defaultdict(list)
        for option in self.options:
            for variant in set(_variants(option)):
                index[variant].append(option)
        self._index = dict(index)
        return self._index
