"""Text folded for the word lists: lower case, no accents, one space between words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from complykit.model.wording.folding import words_of
from complykit.model.wording.general_rules import general_rules_only


@given(st.text())
def test_folding_is_final(text: str) -> None:
    """Folded text folds to itself, so a reader may fold once and hand the result on."""
    folded = words_of(text)
    assert words_of(folded) == folded


def test_styled_letters_fold_to_plain_lower_case() -> None:
    """Mathematical bold letters, as styled text pasted from a PDF holds, read as plain words."""
    assert words_of("𝐀𝐕𝐆 Sécurité ŒUVRE") == "avg securite oeuvre"  # noqa: RUF001


def test_a_provision_in_styled_letters_is_read_as_the_same_provision() -> None:
    """A provision in bold letters names only the GDPR, as the plain text does."""
    plain = general_rules_only("Art. 6 lid 1 sub c AVG")
    assert general_rules_only("Art. 6 lid 1 sub c 𝐀𝐕𝐆") == plain  # noqa: RUF001
    assert plain == ()
