"""'Did you mean' hints stay difflib's answers while costing little on long id lists."""

from __future__ import annotations

import difflib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.model import suggestions
from complykit.model.suggestions import (
    CUTOFF,
    INDEX_FROM,
    Suggester,
    _within_reach,
    sharing_a_variant,
)
from complykit.model.validate import _one_word_of

IDS = [f"sup-{n:05d}" for n in range(1, 600)] + ["sup-aws", "sup-azure-openai"]


def _difflib_hint(word: str, options: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.7)
    return f"Did you mean '{matches[0]}'?" if matches else None


def test_a_typo_in_a_long_list_finds_the_intended_id() -> None:
    """A changed last digit of one of thousands of ids suggests the nearest id."""
    assert Suggester(IDS).suggest("sup-0098x") == _difflib_hint("sup-0098x", IDS)
    assert Suggester(IDS).suggest("sup-asw") == "Did you mean 'sup-aws'?"


def test_a_far_word_gets_difflibs_answer_or_none() -> None:
    """A word with no option one keystroke away still gets difflib's hint, or none."""
    suggester = Suggester(IDS)
    assert suggester.suggest("sup-azure-opnai-eu") == "Did you mean 'sup-azure-openai'?"
    assert suggester.suggest("completely-unrelated-text") is None


def test_a_short_list_is_plain_difflib() -> None:
    """Lists shorter than the index threshold answer exactly as difflib does."""
    options = IDS[: INDEX_FROM - 1]
    assert Suggester(options).suggest("sup-0001") == _difflib_hint("sup-0001", options)


@settings(max_examples=60)
@given(
    st.sampled_from(IDS),
    st.integers(min_value=0, max_value=8),
    st.sampled_from(["", "x", "0", "-"]),
)
def test_single_edits_agree_with_difflib(target: str, at: int, inserted: str) -> None:
    """A word one deletion or substitution away from an id gets difflib's own hint."""
    word = target[:at] + inserted + target[at + 1 :]
    assert Suggester(IDS).suggest(word) == _difflib_hint(word, IDS)


WORDS = st.text(alphabet="abcdefgh-0123", min_size=1, max_size=24)


@settings(max_examples=200)
@given(WORDS, st.lists(WORDS, min_size=1, max_size=40))
def test_the_prefilter_keeps_every_option_difflib_accepts(word: str, options: list[str]) -> None:
    """An option left out by RapidFuzz could never have been difflib's hint."""
    kept = set(_within_reach(word, options))
    for option in options:
        if difflib.SequenceMatcher(None, option, word).ratio() >= CUTOFF:
            assert option in kept


def test_far_words_in_a_long_list_get_difflibs_answer() -> None:
    """Words no id is one keystroke from (never-written records) are judged as difflib does."""
    ids = [f"pa-{team}-{n:04d}-register" for team in ("hr", "finance", "care") for n in range(300)]
    words = ["pa-hr-benefits", "sup-unknown-vendor", "pa-care-0042-regstr-old", "xyz", "pa-fin"]
    suggester = Suggester(ids)
    assert len(ids) >= INDEX_FROM
    assert suggester.suggest_many(words) == {w: _difflib_hint(w, ids) for w in words}
    assert suggester.suggest("pa-care-0042-regstr-old") is not None  # a far word with a hint


@settings(max_examples=300)
@given(WORDS, st.lists(WORDS, min_size=1, max_size=40))
def test_options_sharing_a_variant_are_found_alike_in_c(word: str, options: list[str]) -> None:
    """RapidFuzz's near options (a few words, many ids) are exactly the ones the variant index
    finds (many words): the hints do not depend on how many words were asked about."""
    indexed = Suggester(options)._near_by_variants({word})[word]
    assert sharing_a_variant(word, options) == indexed


def test_a_few_words_among_many_ids_get_the_hints_of_many_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked one by one or all together, words get the same hints."""
    ids = [f"sup-{n:05d}" for n in range(6000)] + ["sup-aws", "pa-hr-0042"]
    words = ["sup-0098x", "sup-asw", "pa-hr-042", "zzz", "sup-01234-old", "sup-00005"]
    together = Suggester(ids).suggest_many(words)
    assert len(ids) >= suggestions.SCAN_FROM
    assert {w: Suggester(ids).suggest(w) for w in words} == together
    monkeypatch.setattr(suggestions, "FEW_WORDS", 0)  # the variant index for every word
    monkeypatch.setattr(suggestions, "OPTIONS_PER_SCANNED_WORD", len(ids) + 1)
    assert {w: Suggester(ids).suggest(w) for w in words} == together
    assert together["sup-asw"] == "Did you mean 'sup-aws'?"


def test_words_are_scanned_while_there_are_few_for_the_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Up to one word per ``OPTIONS_PER_SCANNED_WORD`` options is scanned in C, more go
    through the variant index: both give the same hints."""
    ids = [f"pa-register-of-processing-hr-{n:05d}" for n in range(12_000)]
    words = {f"pa-register-of-processing-hr-{n:04d}x" for n in range(0, 1200, 60)}
    suggester = Suggester(ids)
    assert len(words) <= len(ids) // suggestions.OPTIONS_PER_SCANNED_WORD
    scanned: list[str] = []
    real = suggestions.sharing_a_variant

    def counting(word: str, options: list[str]) -> set[str]:
        scanned.append(word)
        return real(word, options)

    monkeypatch.setattr(suggestions, "sharing_a_variant", counting)
    assert suggester._near(words) == suggester._near_by_variants(words)
    assert sorted(scanned) == sorted(words)


@settings(max_examples=300)
@given(WORDS, st.lists(WORDS, min_size=INDEX_FROM, max_size=INDEX_FROM + 40, unique=True))
def test_the_length_window_keeps_every_option_difflib_accepts(
    word: str, options: list[str]
) -> None:
    """Options too short or too long to reach the cutoff are left out before RapidFuzz
    compares: what it keeps is what it kept among all the options, so a word with no option
    one keystroke away (the words this path is for) still gets difflib's hint."""
    suggester = Suggester(options)
    kept = suggester._within_reach(word)
    assert kept == sorted(kept)
    assert set(kept) == set(_within_reach(word, options))
    if not suggester._near({word})[word]:
        assert suggester.suggest_many([word]) == {word: _difflib_hint(word, options)}


def test_far_words_among_ids_of_every_length_get_difflibs_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Short and long ids side by side: a long far word is never compared with the short ones,
    and still gets difflib's hint."""
    ids = [f"s-{n}" for n in range(400)] + [f"pa-care-{n:05d}-register-{n % 7}" for n in range(400)]
    words = ["pa-care-00042-regstr-9", "sup-planned-58900", "s-9x9", "x"]
    compared: dict[str, int] = {}

    real = suggestions._best_among

    def counting(word: str, options: list[str]) -> str | None:
        compared[word] = len(options)
        return real(word, options)

    monkeypatch.setattr(suggestions, "_best_among", counting)
    suggester = Suggester(ids)
    assert suggester.suggest_many(words) == {w: _difflib_hint(w, ids) for w in words}
    assert suggester.suggest("pa-care-00042-regstr-9") is not None
    assert compared["pa-care-00042-regstr-9"] == 400  # the long ids only
    assert compared["x"] == 0  # no id is short enough to reach 0.7 with one character


def test_near_options_below_the_cutoff_do_not_hide_a_far_one() -> None:
    """'dgh' is one keystroke from 'cdg' on each side but too far for difflib (0.67); 'c3dg-'
    is not, and reaches 0.75: it is the hint, as difflib gives it."""
    ids = [*IDS[:INDEX_FROM], "dgh", "c3dg-"]
    assert Suggester(ids)._near({"cdg"})["cdg"] == {"dgh"}
    assert Suggester(ids).suggest("cdg") == _difflib_hint("cdg", ids) == "Did you mean 'c3dg-'?"


@pytest.mark.parametrize(
    ("word", "options", "hint"),
    [
        ("high", ["none", "risk", "high-risk"], "Did you mean 'high-risk'?"),
        ("task", ["public-task", "contract"], "Did you mean 'public-task'?"),
        ("interests", ["vital-interests", "legitimate-interests"], None),
        ("", ["none", "high-risk"], None),
    ],
)
def test_one_word_of_one_option(word: str, options: list[str], hint: str | None) -> None:
    """A word of exactly one option is a hint where the spelling match finds the word too
    short; a word two options share is none."""
    assert _one_word_of(word, options) == hint


PREFIXED = st.text(alphabet="0123456789x-", min_size=0, max_size=8).map(
    lambda tail: "pa-register-of-processing-sales-" + tail
)


@settings(max_examples=300)
@given(
    st.one_of(PREFIXED, WORDS),
    st.lists(st.one_of(PREFIXED, WORDS), min_size=1, max_size=60, unique=True),
)
def test_the_best_first_pick_is_difflibs(word: str, options: list[str]) -> None:
    """Ranked best bound first and stopped early, the pick is still difflib's own, its
    tie-break (the greater option) included: ids with a long common prefix tie often. With
    one option ranked first, the rest are ranked whenever it leaves a tie open."""
    expected = suggestions.closest(word, options)
    assert suggestions._best_among(word, options) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(suggestions, "FIRST_RANKED", 1)
        assert suggestions._best_among(word, options) == expected


def test_far_words_among_ids_with_a_long_common_prefix_get_difflibs_answer() -> None:
    """Every id shares 32 characters with the far words, so every id reaches the cutoff: the
    hint is difflib's, worked out from a few comparisons rather than thousands."""
    ids = [
        f"pa-register-of-processing-{team}-{n:05d}"
        for team in ("sales", "care", "hr")
        for n in range(1, 1500)
    ]
    words = [
        "pa-register-of-processing-sales-98710",
        "pa-register-of-processing-care-planned-01000",
        "pa-register-of-processing-hr-0000x",
        "pa-register-of-processing-legal-00012",
    ]
    expected = {w: _difflib_hint(w, ids) for w in words}
    assert all(expected.values())
    assert Suggester(ids).suggest_many(words) == expected


def test_far_words_among_prefix_groups_get_difflibs_answer() -> None:
    """Ids in groups that share their text up to the last hyphen are bounded group by group;
    the hint of a far word is still difflib's among all of them (random ids and words, a
    fixed seed: planned records, numbers past every id, other departments)."""
    rnd = random.Random(5)  # noqa: S311 - test data, not security
    prefixes = [
        *(f"pa-register-of-processing-{team}-" for team in ("sales", "hr", "care", "it")),
        "sup-procurement-framework-agreement-",
        "ctl-",
    ]
    digits = "0123456789"
    ids = list(
        {
            rnd.choice(prefixes) + "".join(rnd.choices(digits, k=rnd.randint(3, 6)))
            for _ in range(1500)
        }
    )
    suggester = Suggester(ids)
    for _ in range(60):
        start = rnd.choice([*prefixes, "pa-register-of-processing-legal-", "zz-"])
        middle = rnd.choice(["planned-", "", "9", "x-"])
        word = start + middle + "".join(rnd.choices(digits + "x", k=rnd.randint(2, 6)))
        assert suggester._prefix_groups(len(word)) is not None
        if not suggester._near({word})[word]:  # a far word: difflib's pick among all ids
            assert suggester.suggest_many([word]) == {word: _difflib_hint(word, ids)}
