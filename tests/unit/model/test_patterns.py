"""A pattern the model enforces is said in words, and a repair is offered only when it fits."""

import re

import pytest

from complykit.model.patterns import described
from complykit.model.types import (
    COUNTRY_PATTERN,
    EMAIL_PATTERN,
    FRAMEWORK_ID_PATTERN,
    RECORD_ID_PATTERN,
    RULE_CODE_PATTERN,
)


@pytest.mark.parametrize(
    ("pattern", "value", "meant"),
    [
        (COUNTRY_PATTERN, "nl", "NL"),
        (COUNTRY_PATTERN, " be", "BE"),
        (COUNTRY_PATTERN, "Netherlands", "NL"),  # a name, in the languages of NL and BE
        (COUNTRY_PATTERN, "Nederland", "NL"),
        (COUNTRY_PATTERN, "Belgique", "BE"),
        (COUNTRY_PATTERN, "Luxembourg", "LU"),
        (COUNTRY_PATTERN, "Deutschland", "DE"),
        (COUNTRY_PATTERN, "Verenigde Staten", "US"),
        (COUNTRY_PATTERN, "USA", "US"),
        (RECORD_ID_PATTERN, "pa patient intake", "pa-patient-intake"),
        (RECORD_ID_PATTERN, "-risk/7", "risk-7"),
        (FRAMEWORK_ID_PATTERN, "ISO27001-2022", "iso27001-2022"),
        (FRAMEWORK_ID_PATTERN, "AVG", "gdpr"),  # a framework's name gives its catalog id
        (FRAMEWORK_ID_PATTERN, "ISO 27001", "iso27001-2022"),
        (RULE_CODE_PATTERN, "gdpr022", "GDPR022"),
    ],
)
def test_a_slip_gets_the_value_it_was_meant_to_be(pattern: str, value: str, meant: str) -> None:
    words = described(pattern, value)
    assert words is not None
    assert words[1] == f"Did you mean '{meant}'?"
    assert re.fullmatch(pattern, meant)


@pytest.mark.parametrize(
    ("pattern", "value"),
    [
        (COUNTRY_PATTERN, "Atlantis"),  # no country of that name
        (COUNTRY_PATTERN, "European Union"),  # a region CLDR names, no ISO 3166-1 country
        (COUNTRY_PATTERN, "Canary Islands"),
        (RECORD_ID_PATTERN, "!!!"),  # nothing left to offer
        (EMAIL_PATTERN, "privacy at example.nl"),  # no repair is guessed for an address
        (RULE_CODE_PATTERN, "GDPR-22"),
        (COUNTRY_PATTERN, 31),  # not text: nothing to repair
    ],
)
def test_no_guess_when_no_small_repair_fits(pattern: str, value: object) -> None:
    words = described(pattern, value)
    assert words is not None
    assert words[0]
    assert words[1] is None


def test_a_pattern_not_described_is_left_to_pydantic() -> None:
    assert described(r"^x+$", "y") is None
