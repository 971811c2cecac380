"""Retention periods as spreadsheets write them: ``7 jaar``, ``2 years``, ``P2Y``, ``6 maanden``."""

from __future__ import annotations

import re

from complykit.core.frozen import frozen
from complykit.model.duration import Duration

# A period longer than this many units is a typo, not a retention period; checks that add it to
# a date would overflow.
MAX_AMOUNT = 1000
_UNITS = {
    "years": ("jaren", "jaar", "years", "year", "yrs", "yr", "jr"),
    "months": ("maanden", "maand", "months", "month", "mnd", "mths", "mth"),
    "weeks": ("weken", "week", "weeks", "wk"),
    "days": ("dagen", "dag", "days", "day"),
    "hours": ("uren", "uur", "hours", "hour", "hrs"),
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words}
_NUMBER_WORDS = {
    "een": 1, "één": 1, "one": 1, "a": 1, "an": 1, "twee": 2, "two": 2, "drie": 3, "three": 3,
    "vier": 4, "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7,
    "acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10, "twaalf": 12,
    "twelve": 12,
}  # fmt: skip
_WORDS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_UNIT = "(" + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + ")"
_PART = r"(?:(\d{1,6})\s*|(" + _WORDS + r")\s+)" + _UNIT + r"(?![^\W\d_])"
_PERIOD = re.compile(r"(?<![\w.,])" + _PART + r"(?:\s*(?:,|\ben\b|\band\b|\+)?\s*" + _PART + ")*")
_ONE_PART = re.compile(_PART)
_ISO = re.compile(r"(?<![^\W_])p(?:(?:\d{1,6}[ymwd])+(?:t\d{1,6}h)?|t\d{1,6}h)(?![^\W_])")
_CONNECTIVE = re.compile(
    r"^[\s,:-]*(?:na|after|from|vanaf|following|since|sinds)\s+", re.IGNORECASE
)


@frozen
class ParsedRetention:
    """A period found in a retention cell, what it counts from, and whether text was left over."""

    period: Duration
    trigger: str | None
    leftover: bool


def parse_retention(text: str) -> ParsedRetention | None:
    """The first retention period in ``text``, or None when it states none that is usable."""
    lowered = text.casefold()
    match = _ISO.search(lowered) or _PERIOD.search(lowered)
    if match is None:
        return None
    period = _iso_period(match.group()) if match.re is _ISO else _period(match.group())
    if period is None:
        return None
    before, after = text[: match.start()].strip(" \t\n:-"), text[match.end() :]
    connective = _CONNECTIVE.match(after)
    trigger = " ".join(after[connective.end() :].split()) if connective else None
    leftover = bool(before) or (not connective and bool(after.strip(" \t\n.,;")))
    return ParsedRetention(period, trigger or None, leftover or (bool(connective) and not trigger))


def _iso_period(text: str) -> Duration | None:
    parts = {"y": "years", "m": "months", "w": "weeks", "d": "days", "h": "hours"}
    amounts: dict[str, int] = {}
    for number, letter in re.findall(r"(\d+)([ymwdh])", text):
        unit = parts[letter]
        if unit in amounts:
            return None
        amounts[unit] = int(number)
    return _duration(amounts)


def _period(text: str) -> Duration | None:
    amounts: dict[str, int] = {}
    for digits, word, unit_word in _ONE_PART.findall(text):
        unit = _UNIT_OF[unit_word]
        value = int(digits) if digits else _NUMBER_WORDS[word]
        amounts[unit] = amounts.get(unit, 0) + value
    return _duration(amounts)


def _duration(amounts: dict[str, int]) -> Duration | None:
    if not amounts or any(v > MAX_AMOUNT for v in amounts.values()) or not any(amounts.values()):
        return None
    return Duration.model_validate(amounts)
