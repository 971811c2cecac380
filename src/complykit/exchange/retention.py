"""Retention periods as spreadsheets write them: ``7 jaar``, ``2 years``, ``P2Y``, ``6 maanden``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from pydantic import ValidationError

from complykit.core.frozen import frozen
from complykit.model.duration import Duration
from complykit.model.wording.retention import says_kept_for_good, says_no_end, sets_no_limit

# A period longer than this many units is a typo, not a retention period; checks that add it to
# a date would overflow.
MAX_AMOUNT = 1000
_UNITS = {
    "years": (
        "jaren",
        "jaar",
        "years",
        "year",
        "yrs",
        "yr",
        "jr",
        "ans",
        "an",
        "années",
        "année",
        "jahren",
        "jahre",
        "jahr",
        "jahres",
    ),
    "months": (
        "maanden",
        "maand",
        "months",
        "month",
        "mnd",
        "mths",
        "mth",
        "mois",
        "monaten",
        "monate",
        "monat",
        "monats",
    ),
    "weeks": ("weken", "week", "weeks", "wk", "semaines", "semaine", "wochen", "woche"),
    "days": ("dagen", "dag", "days", "day", "jours", "jour", "tagen", "tage", "tag"),
    "hours": ("uren", "uur", "hours", "hour", "hrs", "heures", "heure", "stunden", "stunde"),
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words}
_HALF = Fraction(1, 2)
_NUMBER_WORDS: dict[str, Fraction | int] = {
    "een": 1, "één": 1, "one": 1, "a": 1, "an": 1, "twee": 2, "two": 2, "drie": 3, "three": 3,
    "vier": 4, "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7,
    "acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10, "twaalf": 12,
    "twelve": 12, "anderhalf": 1 + _HALF, "anderhalve": 1 + _HALF, "een half": _HALF,
    "een halve": _HALF, "half a": _HALF, "half": _HALF, "halve": _HALF,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "douze": 12, "demi": _HALF,
}  # fmt: skip
# A fraction of a unit is counted in the next smaller one: 1,5 jaar is 18 months.
_FINER = {"years": ("months", 12), "weeks": ("days", 7), "days": ("hours", 24)}
_WORDS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# Two decimals at most: 1.000 dagen is a thousand days in Dutch and one day in English.
_AMOUNT = r"(?:\d{1,6}(?:[.,]\d{1,2})?(?!\d)|(?:" + _WORDS + r")(?![^\W\d_]))"
_UNIT = "(" + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + ")"
# "zeven (7) jaar" and "7 (zeven) jaar" write one amount twice.
_PART = rf"({_AMOUNT})(?:\s*\(\s*({_AMOUNT})\s*\))?\s*{_UNIT}(?![^\W\d_])"
# Between two parts, one run of whitespace: "\s*,?\s*" would try every split of a run of spaces
# between its two halves, and a cell of spaces would take minutes.
# Not after a slash: "1/2 jaar" is half a year, not 2 years.
_PERIOD = re.compile(
    r"(?<![\w.,/])" + _PART + r"(?:\s*(?:(?:,|\ben\b|\band\b|\+)\s*)?" + _PART + ")*"
)
_ONE_PART = re.compile(_PART)
_ISO = re.compile(r"(?<![^\W_])p(?:(?:\d{1,6}[ymwd])+(?:t\d{1,6}h)?|t\d{1,6}h)(?![^\W_])")
_CONNECTIVE = re.compile(
    r"^[\s,:-]*(?:na|after|from|vanaf|following|since|sinds|après|apres|depuis|nach|ab|seit"
    r"|(?:à|a) (?:compter|partir) de)\s+",
    re.IGNORECASE,
)
# "Gedurende dienstverband + 2 jaar": the period counts from the end of what lasts.
# What lasts starts and ends with a non-space, so no run of spaces can be split between it and
# the "\s" around it: the tries would grow with the square of the run.
_SPAN_NL = re.compile(
    r"^(?:gedurende|(?:de\s+)?duur|looptijd)\s+(\S(?:.*\S)?)\s*(?:\+|plus)$", re.IGNORECASE
)
_SPAN_EN = re.compile(
    r"^(?:during|(?:for\s+)?(?:the\s+)?(?:duration|length|term)\s+of)\s+"
    r"(\S(?:.*\S)?)\s*(?:\+|plus)$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"(?:de|het)\s", re.IGNORECASE)
# "<what lasts> + <period>" with no word saying how: the period runs on after it.
_LASTING = re.compile(r"^([^\W\d_](?:[^+]*[^+\s])?)\s*(?:\+|plus)$", re.IGNORECASE)


@frozen
class ParsedRetention:
    """A period found in a retention cell, what it counts from, and whether text was left over."""

    period: Duration
    trigger: str | None
    leftover: bool
    shorter: str | None = None
    """The shorter end of a range the cell gives ("12" of "12-24 mnd", "2" of "2 tot 7 jaar"):
    the period is then the longer end, which the import says it chose."""


def parse_retention(text: str) -> ParsedRetention | None:
    """The one retention period in ``text``, or None when it states none that is usable.

    A cell that states two different periods, permanent retention or none without end
    ("indefinitely") gives None (``unread_reason`` says why), unless it opens with an ISO 8601
    period and ``after``.
    """
    folded = _fold(text)
    periods = _periods(folded)
    if not periods:
        return None
    match = next(iter(periods))
    one = len(set(periods.values())) == 1 and not _endless(folded)
    period = periods[match]
    if period is None or not (one or _iso_first(text, match, periods)):
        return None
    before, after = text[: match.start()].strip(" \t\n:-"), text[match.end() :]
    if not after.strip() and (span := _span(before)):
        return ParsedRetention(period, span, leftover=False)
    if not after.strip() and (lasting := _LASTING.match(before)):
        # "Account life + 2 years", "Dienstverband + 2 jaar": counted from what is named, as
        # written; the cell is kept too, since "from its end" is the reader's.
        return ParsedRetention(period, " ".join(lasting[1].split()), leftover=True)
    connective = _CONNECTIVE.match(after)
    trigger = " ".join(after[connective.end() :].split()) if connective else None
    leftover = bool(before) or (not connective and bool(after.strip(" \t\n.,;")))
    leftover = leftover or (bool(connective) and not trigger)
    shorter = _shorter_end(folded[: match.start()], match.group())
    return ParsedRetention(period, trigger or None, leftover, shorter)


# The lower end of a range written before the period's own amount: "12-24 mnd" (or with an en
# dash), "2 tot 7 jaar", "1 à 3 ans", "2 to 5 years", "2 bis 5 Jahre", "tussen 5 en 10 jaar".
# Its unit is the period's.
# Only the last characters before the period are searched, so no run of spaces is re-tried.
_RANGE_OPEN = re.compile(
    rf"(?:^|[^\w.,])(?:({_AMOUNT})\s*(?:[-\u2010-\u2014]|tot(?:\s+en\s+met|\s+max(?:imaal)?\.?)?"
    r"|t/m|to|up\s+to|until|till|a|à|au|bis|of|or|ou|oder)"
    rf"|(?:tussen|between|entre|zwischen)\s+({_AMOUNT})\s+(?:en|and|et|und))\s*$"
)
_RANGE_REACH = 40


def _shorter_end(before: str, period: str) -> str | None:
    """The amount that opens a range ending in ``period`` right after ``before``, when it is
    smaller than the period's own amount (``2:10 - 7 jaar`` cites a law, it is no range)."""
    found = _RANGE_OPEN.search(before[-_RANGE_REACH:])
    own = _ONE_PART.match(period)
    if found is None or own is None:
        return None
    shorter = found[1] or found[2]
    return shorter if _amount(shorter) < _amount(own[1]) else None


# "Tot afmelding", "until the account is closed": the data is erased when an event happens.
_UNTIL = re.compile(
    r"^\s*(?:tot(?:dat|\s+dat|\s+het\s+moment\s+(?:dat|waarop))?|until|till|jusqu['\u2019](?:a|à|au|aux)"
    r"|bis(?:\s+zu[mr])?)\s+(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "Zolang het abonnement loopt", "for the duration of the contract": kept while something
# lasts, so erased at its end, which is the event; written as the end of that thing, in the
# cell's language, so that reports read "until the end of the contract".
_WHILE = (
    (re.compile(r"^(?:zolang|voor zolang)\s+(.+?)\s+(?:loopt|duurt|voortduurt|bestaat"
                r"|van kracht is|actief is)$", re.IGNORECASE), "het einde van {}"),
    (re.compile(r"^(?:gedurende|voor|tijdens)\s+(?:de\s+)?(?:looptijd|duur)\s+van\s+(.+)$",
                re.IGNORECASE), "het einde van {}"),
    (re.compile(r"^(?:(?:for\s+)?as\s+long\s+as)\s+(.+?)\s+(?:runs|lasts|exists|is\s+active"
                r"|is\s+in\s+force|remains\s+active|continues)$", re.IGNORECASE),
     "the end of {}"),
    (re.compile(r"^(?:for\s+|during\s+)?the\s+(?:duration|term|life(?:time)?)\s+of\s+(.+)$",
                re.IGNORECASE), "the end of {}"),
    (re.compile(r"^(?:pendant\s+)?la\s+dur[ée]e\s+(d(?:e\s+la|e\s+l['\u2019]|u|es)\s*.+)$",
                re.IGNORECASE), "la fin {}"),
    (re.compile(r"^(?:f[üu]r\s+)?die\s+(?:dauer|laufzeit)\s+(de[sr]\s+.+)$", re.IGNORECASE),
     "das Ende {}"),
)  # fmt: skip


def parse_until(text: str) -> str | None:
    """The event at which data is erased, for a cell that names one and no period: ``Tot
    afmelding`` gives ``afmelding``, ``Zolang het abonnement loopt`` ``het einde van het
    abonnement``. None for a period, or for "until no longer needed", which names no event."""
    if _periods(_fold(text)) or sets_no_limit(text):
        return None
    if (match := _UNTIL.match(text)) is not None:
        return " ".join(match.group(1).split()).rstrip(".")
    said = " ".join(text.split()).rstrip(".")
    for pattern, end in _WHILE:
        if (lasting := pattern.match(said)) is not None:
            return end.format(lasting.group(1))
    return None


# A law that says records are kept for good: the Dutch Archives Act and the selection lists
# made under it, Belgium's archives law and decree, or any law ("wet", "Act", "loi").
_ARCHIVE_LAW = re.compile(
    r"(?i:archiefwet|archiefbesluit|archiefregeling|selectielijst|archiefdecreet|archives act"
    r"|loi relative aux archives|wet\b|\bact\b|\bloi\b|besluit|regeling)"
)


_PERMANENT_AND_LAW = re.compile(
    r"^\s*(?:kept permanently|blijvend bewaard|blijvend te bewaren|blijvend|permanent)\s*"
    r"\((.+)\)\s*$",
    re.IGNORECASE | re.DOTALL,
)


def kept_for_good(text: str) -> dict[str, Any] | None:
    """``{permanent: true}`` for a cell that says the data is kept permanently and names no
    period (``Blijvend``, ``Archiefwet: blijvend te bewaren``), with the cell as its
    ``legal_provision`` when it names the law that says so; else None."""
    folded = _fold(text)
    if not says_kept_for_good(folded) or _periods(folded):
        return None
    found: dict[str, Any] = {"permanent": True}
    if _ARCHIVE_LAW.search(text):
        # "kept permanently (Archiefwet 1995 art. 3)", as complykit's own reports write it:
        # the law is what is in brackets.
        bracketed = _PERMANENT_AND_LAW.match(text)
        found["legal_provision"] = " ".join((bracketed[1] if bracketed else text).split())
    return found


def range_warning(text: str, parsed: ParsedRetention) -> str | None:
    """The import's warning for a cell that gives a range, naming the end recorded; else None."""
    if parsed.shorter is None:
        return None
    return (
        f"retention '{' '.join(text.split())}' gives a range; its longer end was recorded as "
        f"the period ({parsed.period.iso()}) and the cell kept in notes; record the shorter end "
        "if the data is erased then"
    )


def unread_reason(text: str) -> str:
    """Why ``parse_retention`` reads no period in ``text``, worded for an import warning."""
    folded = _fold(text)
    periods = _periods(folded)
    if says_kept_for_good(folded):
        if periods:
            return "states both a period and permanent retention"
        return "is permanent retention, which complykit cannot record as a period"
    if sets_no_limit(text):
        if periods:
            return "states both a period and no time limit"
        return "sets no time limit for erasure"
    if len(set(periods.values())) > 1:
        written = ", ".join(text[m.start() : m.end()] for m in periods)
        return f"states more than one period ({written})"
    return "not understood"


def _iso_first(text: str, match: re.Match[str], periods: Iterable[re.Match[str]]) -> bool:
    """Whether ``text`` is ``P2Y after <trigger>``, as complykit exports retention: the one
    ISO 8601 period opens the cell, and whatever the trigger says is its own text."""
    return (
        match.re is _ISO
        and not text[: match.start()].strip()
        and _CONNECTIVE.match(text[match.end() :]) is not None
        and sum(m.re is _ISO for m in periods) == 1
    )


def _endless(folded: str) -> bool:
    """Whether ``folded`` keeps data for good or without end, either of which a period beside
    it contradicts."""
    return says_kept_for_good(folded) or says_no_end(folded)


def _fold(text: str) -> str:
    """``text`` in lower case, character for character, so positions in it fit ``text``."""
    return "".join(f if len(f := c.casefold()) == 1 else c for c in text)


def _periods(folded: str) -> dict[re.Match[str], Duration | None]:
    """Each period written in ``folded``, ISO 8601 ones first; None for one that is unusable."""
    found = {m: _iso_period(m.group()) for m in _ISO.finditer(folded)}
    return found | {m: _period(m.group()) for m in _PERIOD.finditer(folded)}


def _span(before: str) -> str | None:
    if dutch := _SPAN_NL.match(before):
        article = _ARTICLE.match(dutch[1])
        return f"einde {'van ' if article else ''}{dutch[1]}"
    if english := _SPAN_EN.match(before):
        return f"end of {english[1]}"
    return None


def _iso_period(text: str) -> Duration | None:
    parts = {"y": "years", "m": "months", "w": "weeks", "d": "days", "h": "hours"}
    amounts: dict[str, Fraction] = {}
    for number, letter in re.findall(r"(\d+)([ymwdh])", text):
        unit = parts[letter]
        if unit in amounts:
            return None
        amounts[unit] = Fraction(int(number))
    return _duration(amounts)


def _period(text: str) -> Duration | None:
    amounts: dict[str, Fraction] = {}
    for written, repeated, unit_word in _ONE_PART.findall(text):
        value = _amount(written)
        if repeated and _amount(repeated) != value:
            return None
        unit = _UNIT_OF[unit_word]
        amounts[unit] = amounts.get(unit, Fraction(0)) + value
    return _duration(amounts)


def _amount(written: str) -> Fraction:
    if written in _NUMBER_WORDS:
        return Fraction(_NUMBER_WORDS[written])
    return Fraction(written.replace(",", "."))


def _duration(written: dict[str, Fraction]) -> Duration | None:
    amounts: dict[str, Fraction] = {}
    for unit, value in written.items():
        finer, factor = _FINER.get(unit, (unit, 1)) if value.denominator != 1 else (unit, 1)
        amounts[finer] = amounts.get(finer, Fraction(0)) + value * factor
    if any(v.denominator != 1 or v > MAX_AMOUNT for v in amounts.values()):
        return None
    if not any(amounts.values()):
        return None
    try:
        return Duration.model_validate({unit: int(v) for unit, v in amounts.items()})
    except ValidationError:
        return None
