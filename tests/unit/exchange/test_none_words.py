"""Review finding 11: the words for "none" have one meaning per name. A register cell that
says none (``Geen``) is a statement; a placeholder (``n.v.t.``, ``-``) states nothing; a
transfer cell's no and why (``Nee, alleen binnen de EER``) says there is no transfer; a YAML
value written as none or a placeholder is nothing to list."""

from __future__ import annotations

import pytest

from complykit.exchange import transfer_text
from complykit.exchange.row_source import placeholder, says_none
from complykit.exchange.transfer_text import says_no_transfer
from complykit.model.wording.meant import none_or_placeholder


@pytest.mark.parametrize("text", ["n.v.t.", "-", "n/a"])
def test_a_placeholder_is_no_statement_of_none_in_a_register_cell(text: str) -> None:
    assert placeholder(text)
    assert not says_none(text)
    assert none_or_placeholder(text)


@pytest.mark.parametrize("text", ["Geen", "None", "néant"])
def test_a_word_for_none_says_none(text: str) -> None:
    assert says_none(text)
    assert not placeholder(text)
    assert none_or_placeholder(text)


def test_a_register_cell_may_say_what_it_is_none_of() -> None:
    assert says_none("Geen ontvangers")


def test_a_no_and_why_says_no_transfer_but_is_no_word_for_none() -> None:
    assert says_no_transfer("Nee, alleen binnen de EER")
    assert not says_none("Nee, alleen binnen de EER")
    assert not says_no_transfer("Nee, behalve support vanuit India")


def test_the_transfer_reading_has_a_name_of_its_own() -> None:
    """The transfer module no longer offers a ``says_none`` that means something else."""
    assert not hasattr(transfer_text, "says_none")
