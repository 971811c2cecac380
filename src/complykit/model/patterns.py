"""The model's text patterns in words, and the value a slip was most likely meant to be.

Pydantic reports a value that does not match a pattern as "String should match pattern
'^[A-Z]{2}$'": true, and of no help to a privacy officer who wrote `country: nl`. Each
pattern the model uses is described here as a person would say it, with the small repair
(capitals, hyphens for spaces) that turns the usual slip into a valid value, offered as a
"did you mean" and never applied: complykit does not rewrite what the user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from complykit.core.frozen import frozen
from complykit.model.types import (
    COUNTRY_PATTERN,
    EMAIL_PATTERN,
    FRAMEWORK_ID_PATTERN,
    RECORD_ID_PATTERN,
    RULE_CODE_PATTERN,
)


@frozen
class PatternWords:
    """What a pattern asks for (completing "is not ..."), and a repair to try."""

    words: str
    repair: Callable[[str], str] | None = None


def _id_repaired(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value.strip()).strip("._-")


def _slug_repaired(value: str) -> str:
    return re.sub(r"[^a-z0-9.-]+", "-", value.strip().lower()).strip(".-")


def _country_repaired(value: str) -> str:
    """``NL`` for ``nl``, and for ``Nederland``, ``Pays-Bas`` or ``Netherlands``."""
    # Imported here: the names are read from Babel's locale data, for a refused value only.
    from complykit.model.wording.countries import country_code  # noqa: PLC0415

    return country_code(value) or value.strip().upper()


def _framework_repaired(value: str) -> str:
    """``gdpr`` for ``AVG``, ``iso27001-2022`` for ``ISO 27001``; else the value as a slug."""
    # Imported here, as the country names: for a refused value only.
    from complykit.model.wording.frameworks import framework_meant  # noqa: PLC0415

    return framework_meant(value) or _slug_repaired(value)


_WORDS: dict[str, PatternWords] = {
    RECORD_ID_PATTERN: PatternWords(
        "an id: letters, digits, '.', '_' and '-', starting with a letter or digit, no spaces",
        _id_repaired,
    ),
    COUNTRY_PATTERN: PatternWords(
        "a two-letter ISO 3166-1 country code in capitals, such as NL, BE or DE",
        _country_repaired,
    ),
    FRAMEWORK_ID_PATTERN: PatternWords(
        "a catalog id in small letters, such as gdpr or iso27001-2022", _framework_repaired
    ),
    EMAIL_PATTERN: PatternWords("an e-mail address, such as privacy@example.nl"),
    RULE_CODE_PATTERN: PatternWords(
        "a rule code in capitals, such as GDPR022 (see `complykit rules`)",
        lambda value: value.strip().upper(),
    ),
}


def described(pattern: str, value: object) -> tuple[str, str | None] | None:
    """What ``pattern`` asks for, and the hint for ``value``, or None for a pattern not
    described here (the caller keeps pydantic's message)."""
    words = _WORDS.get(pattern)
    if words is None:
        return None
    repaired = words.repair(value) if words.repair and isinstance(value, str) else None
    if repaired and repaired != value and re.fullmatch(pattern, repaired):
        return words.words, f"Did you mean '{repaired}'?"
    return words.words, None
