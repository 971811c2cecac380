"""Text as the word lists compare it: lower case, without accents, one space between words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def unaccented(text: str) -> str:
    """``text`` in lower case with its accents dropped: ``Sécurité`` is ``securite``, and the
    ligatures spelt out, which have no accent to drop: ``mis en œuvre`` is ``mis en oeuvre``."""
    # Folded again after decomposing: compatibility letters (mathematical bold, which styled
    # text pasted from a PDF holds) decompose to capitals, and a fold that left them would not
    # be final: folding its own output would change it.
    lowered = unicodedata.normalize("NFKD", text.casefold()).casefold()
    lowered = lowered.replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in lowered if not unicodedata.combining(c))


def words_of(text: str) -> str:
    """``unaccented`` with one space between words and none around them."""
    return " ".join(unaccented(text).split())


def spaced_words(text: str) -> str:
    """``unaccented`` with anything but letters and digits a space, one space between words and
    one around them, so that ``" {stem}"`` finds a stem at the start of a word."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", unaccented(text)).split()) + " "


def first_word_cue(stems: Iterable[str]) -> re.Pattern[str]:
    """A pattern for the first word of each stem: a name without any (once lower-cased, if it
    is plain ASCII, which ``spaced_words`` leaves but for punctuation) names none of the stems.
    Rules read every data category of every activity, and folding a name costs far more than
    this test."""
    words = sorted({re.escape(stem.split()[0]) for stem in stems}, key=len, reverse=True)
    return re.compile("|".join(words))
