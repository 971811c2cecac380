"""Text as the word lists compare it: lower case, without accents, one space between words."""

from __future__ import annotations

import unicodedata


def unaccented(text: str) -> str:
    """``text`` in lower case with its accents dropped: ``Sécurité`` is ``securite``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> str:
    """``unaccented`` with one space between words and none around them."""
    return " ".join(unaccented(text).split())
