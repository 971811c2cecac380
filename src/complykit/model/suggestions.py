"""'Did you mean' hints against many ids, without comparing each typo with every id.

``difflib.get_close_matches`` costs one comparison per option; a workspace of 50,000 records
with a few hundred broken references made that the slowest rule of a run. Real typos are one
or two keystrokes away from the intended id (a letter changed, dropped, added or two swapped),
so the options near a word are those that share a variant with it (the text itself, or the
text with one character deleted, on either side); difflib then picks among them. The variants
of the words asked about are indexed, and the options are read once for all of them: an index
of every option's variants, as before, held some 2 KiB per record for the whole run. Short
lists skip the index, so their hints are exactly difflib's.

A word with no option that close (a reference to a record that was never written, the common
case) used to be compared with every option by difflib: 60-70 ms per word against 15,000 ids,
seconds for a few hundred such words. RapidFuzz's ``fuzz.ratio`` (in C) first keeps the options
whose longest common subsequence could reach difflib's cutoff: difflib's matching blocks are a
common subsequence, so its ratio never exceeds that one, and no option difflib would accept is
left out. difflib then ranks those few, and the hint is exactly the one it gave before.

"Those few" are not few when ids share a long prefix (``pa-register-of-processing-sales-00012``):
every id of the kind may reach the cutoff, and difflib ranked them all, one Python comparison
each, for every far word: 8 s of a 10,000-record run with 200 broken references, 25 times that
at 50,000. The RapidFuzz score is an upper bound of difflib's ratio, so the options are ranked
by difflib in the order of that bound, best first, and the ranking stops where the bound falls
below the best ratio found: no option after it could be picked. The pick is difflib's own, its
tie-break (the greater option) included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

CUTOFF = 0.7
LOOSE_CUTOFF = CUTOFF * 100 - 0.01
"""RapidFuzz scores in percent; a hair below, so that rounding never drops an option at 0.7."""
INDEX_FROM = 200
"""Below this many options difflib alone is fast enough, and its answer is kept as it is."""
FEW_WORDS = 8
SCAN_FROM = 5000
"""For a few words among many options, each word's near options are found by RapidFuzz in C
rather than by making every option's variants in Python, which costs the same for one word as
for hundreds (0.1-0.2 s for 25,000 ids; REF002 asks about a handful). Below ``SCAN_FROM``
options the variants cost less than importing RapidFuzz (25 ms)."""
OPTIONS_PER_SCANNED_WORD = 400
"""A scan costs about 65 ns per option and word, the variants of an option about 11 us whatever
the words (56,000 ids with long common prefixes: 3.6 ms a word, 0.6 s for the index): words
are scanned while there are at most one per this many options, so the few broken references
of a run that judges again the records near one changed file do not make every id's
variants (0.5 s of such a run at 10,000 records)."""


def hint(match: str | None) -> str | None:
    return f"Did you mean '{match}'?" if match else None


def closest(word: str, options: Sequence[str]) -> str | None:
    # Imported when a word is not found: a clean run has no use for it (2 ms of start-up).
    import difflib  # noqa: PLC0415

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
        self._by_length: dict[int, list[str]] | None = None
        self._windows: dict[int, list[str]] = {}
        self._groups: dict[int, list[PrefixGroup] | None] = {}

    def suggest(self, word: str) -> str | None:
        """The hint for ``word``, or None when no option is close."""
        return self.suggest_many([word])[word]

    def suggest_many(self, words: Iterable[str]) -> dict[str, str | None]:
        """The hint for each of ``words``, reading the options once for all of them."""
        asked = set(words)
        if len(self.options) < INDEX_FROM:
            return {word: hint(closest(word, self.options)) for word in asked}
        near = self._near(asked)
        return {word: hint(self._closest(word, near[word])) for word in asked}

    def _closest(self, word: str, near: set[str]) -> str | None:
        """difflib's pick among the options one keystroke from ``word``, or, when none of them
        reaches the cutoff (or there is none), among those that may reach it."""
        found = closest(word, sorted(near)) if near else None
        if found is not None:
            return found
        groups = self._prefix_groups(len(word))
        if groups is None:
            return _best_among(word, self._length_window(len(word)))
        return _best_by_prefix(word, groups)

    def _prefix_groups(self, size: int) -> list[PrefixGroup] | None:
        """The length window of words of ``size`` as groups of options that share the text up
        to their last hyphen (``pa-register-of-processing-sales-``), or None when the ids have
        too few such prefixes in common for groups to pay."""
        if size not in self._groups:
            by_prefix: defaultdict[str, list[str]] = defaultdict(list)
            window = self._length_window(size)
            for option in window:
                by_prefix[option[: option.rfind("-") + 1]].append(option)
            found = None
            if by_prefix and len(by_prefix) * OPTIONS_PER_GROUP <= len(window):
                found = [
                    (prefix, max(len(o) for o in members) - len(prefix), members)
                    for prefix, members in by_prefix.items()
                ]
            self._groups[size] = found
        return self._groups[size]

    def _within_reach(self, word: str) -> list[str]:
        """``_within_reach`` among the options whose length lets them reach the cutoff."""
        return _within_reach(word, self._length_window(len(word)))

    def _length_window(self, size: int) -> list[str]:
        """The options whose length lets them reach the cutoff with a word of ``size``.

        difflib's ratio and RapidFuzz's are 2M / (len(a) + len(b)) with M at most the shorter
        length, so an option much shorter or longer than the word can never reach 0.7: a
        supplier id of 9 characters for a word of 17. Leaving them out before RapidFuzz
        compares kept a fifth of the comparisons at 50,000 records, where 145 words with no
        close option were each compared with up to 49,625 ids (0.9 s). The window depends on
        the word's length only, so it is made once per length: made per word, it was a
        Python loop over every option for each broken reference."""
        if self._by_length is None:
            self._by_length = defaultdict(list)
            for option in self.options:  # sorted, so each length's list is too
                self._by_length[len(option)].append(option)
        window = self._windows.get(size)
        if window is None:
            window = self._windows[size] = [
                option
                for length, options in self._by_length.items()
                if 200 * min(size, length) >= LOOSE_CUTOFF * (size + length)
                for option in options
            ]
        return window

    def _near(self, words: set[str]) -> dict[str, set[str]]:
        """Per word, the options that share a variant with it."""
        scanned = max(FEW_WORDS, len(self.options) // OPTIONS_PER_SCANNED_WORD)
        if len(words) <= scanned and len(self.options) >= SCAN_FROM:
            return {word: sharing_a_variant(word, self.options) for word in words}
        return self._near_by_variants(words)

    def _near_by_variants(self, words: set[str]) -> dict[str, set[str]]:
        """``_near`` through an index of the words' variants, reading each option's once."""
        wanted: defaultdict[str, list[str]] = defaultdict(list)
        for word in words:
            for variant in set(_variants(word)):
                wanted[variant].append(word)
        near: dict[str, set[str]] = {word: set() for word in words}
        for option in self.options:
            for variant in _variants(option):
                for word in wanted.get(variant, ()):
                    near[word].add(option)
        return near


def sharing_a_variant(word: str, options: Sequence[str]) -> set[str]:
    """The options that share a variant with ``word``, found in C: exactly those at most two
    insertions or deletions away whose length is at most one apart (equal lengths: one
    character deleted from each leaves the same text; lengths one apart: the shorter is the
    longer less one character; two apart share no variant, whatever the distance)."""
    from rapidfuzz import process  # noqa: PLC0415 - see _within_reach
    from rapidfuzz.distance import Indel  # noqa: PLC0415

    found = process.extract(word, options, scorer=Indel.distance, score_cutoff=2, limit=None)
    return {option for option, _distance, _index in found if abs(len(option) - len(word)) <= 1}


def _within_reach(word: str, options: Sequence[str]) -> list[str]:
    """The options whose difflib ratio with ``word`` may reach the cutoff (a superset)."""
    return sorted(option for option, _bound in _bounded(word, options))


PrefixGroup = tuple[str, int, list[str]]
"""Options sharing a prefix: the prefix, the longest text after it, the options."""
OPTIONS_PER_GROUP = 50
"""Prefix groups are used when they hold this many options on average: fewer, and bounding each
group costs about what comparing its options does."""


def _best_by_prefix(word: str, groups: list[PrefixGroup]) -> str | None:
    """``closest(word, options)`` over the options of ``groups``, skipping every group that
    cannot hold an option that ties or beats the best found so far.

    An option is its group's prefix P and a rest s, so its longest common subsequence with the
    word is at most the prefix's plus len(s), and its difflib ratio at most
    2 (lcs(word, P) + len(s)) / (len(word) + len(P) + len(s)), which grows with len(s): the
    group's bound takes the longest rest. Far words among ids with long common prefixes then
    compare with the few groups that share their prefix, not with every id."""
    from rapidfuzz.distance import LCSseq  # noqa: PLC0415 - as in _bounded

    bounded = []
    for prefix, rest, members in groups:
        common = LCSseq.similarity(word, prefix)
        bound = 2 * (common + rest) / (len(word) + len(prefix) + rest) + BOUND_SLACK
        if bound >= CUTOFF:
            bounded.append((bound, prefix, members))
    bounded.sort(key=lambda group: group[0], reverse=True)
    best: tuple[float, str] | None = None
    for bound, _, members in bounded:
        if best is not None and bound < best[0]:
            break
        best = _best_in(word, members, best)
    return None if best is None else best[1]


def _bounded(
    word: str, options: Sequence[str], limit: int | None = None, floor: float = LOOSE_CUTOFF
) -> list[tuple[str, float]]:
    """The options whose RapidFuzz score reaches ``floor`` (the ``limit`` with the highest
    scores when given), each with an upper bound of its difflib ratio: RapidFuzz's ratio,
    twice the longest common subsequence over the two lengths (difflib's matching blocks are
    one common subsequence), a hair above it against rounding."""
    # Imported here: 25 ms, paid only by a run with a far typo among many ids.
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    found = process.extract(word, options, scorer=fuzz.ratio, score_cutoff=floor, limit=limit)
    return [(option, score / 100 + BOUND_SLACK) for option, score, _index in found]


BOUND_SLACK = 1e-9
FLOOR_SLACK = 0.1
FIRST_RANKED = 32
"""The options ranked first; the others only when one of them could still tie or beat the
best, and then only those."""


def _best_among(word: str, options: Sequence[str]) -> str | None:
    """``closest(word, options)``, comparing with difflib only the options whose bound can
    still beat (or tie) the best ratio found so far."""
    best = _best_in(word, options)
    return None if best is None else best[1]


def _best_in(
    word: str, options: Sequence[str], best: tuple[float, str] | None = None
) -> tuple[float, str] | None:
    """The best (ratio, option) of ``best`` and ``options``: the ``FIRST_RANKED`` highest
    bounds first, and the others whose bound reaches the best of those only when the lowest of
    them does too (ids with a long common prefix tie by the thousand)."""
    first = _bounded(word, options, FIRST_RANKED, _floor(best))
    best = _best_ranked(word, first, best)
    if len(first) == FIRST_RANKED and (best is None or min(b for _, b in first) >= best[0]):
        best = _best_ranked(word, _bounded(word, options, floor=_floor(best)), best)
    return best


def _floor(best: tuple[float, str] | None) -> float:
    """A RapidFuzz score below which no option can tie or beat ``best``. A tenth of a point
    below it: RapidFuzz turns a score cutoff into a distance with its own rounding. A lower
    floor only lets more options be compared, never changes the pick."""
    return LOOSE_CUTOFF if best is None else max(LOOSE_CUTOFF, best[0] * 100 - FLOOR_SLACK)


def _best_ranked(
    word: str, bounded: list[tuple[str, float]], best: tuple[float, str] | None = None
) -> tuple[float, str] | None:
    """difflib's best (ratio, option) among ``bounded`` and ``best``, or None when none
    reaches the cutoff."""
    import difflib  # noqa: PLC0415 - as in closest

    # Best bound first; for equal bounds the greater option, which difflib prefers on a tie.
    ranked = sorted(bounded, key=lambda pair: (pair[1], pair[0]), reverse=True)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    for option, bound in ranked:
        if best is not None and bound < best[0]:
            break
        if best is not None and bound <= best[0] and option <= best[1]:
            continue  # at most a tie, which a greater option (or this one) already holds
        matcher.set_seq1(option)
        # get_close_matches' own three tests, in its order.
        if matcher.real_quick_ratio() < CUTOFF or matcher.quick_ratio() < CUTOFF:
            continue
        ratio = matcher.ratio()
        if ratio >= CUTOFF and (best is None or (ratio, option) > best):
            best = ratio, option
    return best
