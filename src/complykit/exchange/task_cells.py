"""Cells of a compliance calendar (jaarplanning, PDCA-kalender): how often a task recurs, when
it is planned, and which clause it serves.

A calendar writes its frequency in words ("jaarlijks", "per kwartaal", "elke 3 jaar",
"annually", "trimestriel"); ``cadence_of`` reads the ones that name one interval and nothing
else, and never guesses: "ad hoc" or "bij wijziging" is no interval. A plan is often a month,
a quarter or a week rather than a day ("maart", "Q2 2026", "week 12"); ``planned_day`` reads
it as the last day of that period, the last day the plan is still kept, and says so.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta

from pydantic import TypeAdapter

from complykit.core.frozen import frozen
from complykit.exchange.moment_cells import MONTHS, read_moment
from complykit.model.duration import Duration, DurationField, in_words
from complykit.model.wording.folding import words_of

# --- frequency -------------------------------------------------------------------------------

# Whole words for one interval, as Dutch, English and French calendars write them.
_WORDS: dict[str, str] = {
    **dict.fromkeys(("jaarlijks", "jaarlijkse", "per jaar", "elk jaar", "ieder jaar",
                     "eens per jaar", "een keer per jaar", "1 keer per jaar", "1x per jaar",
                     "annually", "annual", "yearly", "every year", "once a year", "per year",
                     "annuel", "annuelle", "annuellement", "chaque annee", "tous les ans",
                     "une fois par an", "1x par an"), "P1Y"),
    **dict.fromkeys(("halfjaarlijks", "halfjaarlijkse", "elk half jaar", "ieder half jaar",
                     "per half jaar", "2x per jaar", "2 keer per jaar", "twee keer per jaar",
                     "tweemaal per jaar", "semi-annually", "semiannually", "semi-annual",
                     "half-yearly", "half yearly", "biannually", "twice a year",
                     "semestriel", "semestrielle", "deux fois par an", "2x par an"), "P6M"),
    **dict.fromkeys(("per kwartaal", "elk kwartaal", "ieder kwartaal", "kwartaal",
                     "driemaandelijks", "driemaandelijkse", "4x per jaar", "4 keer per jaar",
                     "vier keer per jaar", "quarterly", "every quarter", "each quarter",
                     "trimestriel", "trimestrielle", "chaque trimestre", "par trimestre",
                     "4x par an"), "P3M"),
    **dict.fromkeys(("maandelijks", "maandelijkse", "per maand", "elke maand", "iedere maand",
                     "monthly", "every month", "mensuel", "mensuelle", "chaque mois",
                     "tous les mois", "12x per jaar"), "P1M"),
    **dict.fromkeys(("tweemaandelijks", "every two months", "bimestriel", "6x per jaar"),
                    "P2M"),
    **dict.fromkeys(("wekelijks", "wekelijkse", "per week", "elke week", "iedere week",
                     "weekly", "every week", "hebdomadaire", "chaque semaine"), "P1W"),
    **dict.fromkeys(("tweewekelijks", "biweekly", "fortnightly", "every two weeks",
                     "toutes les deux semaines"), "P2W"),
    **dict.fromkeys(("dagelijks", "per dag", "elke dag", "daily", "every day", "quotidien",
                     "quotidienne", "chaque jour"), "P1D"),
    **dict.fromkeys(("tweejaarlijks", "2-jaarlijks", "2 jaarlijks", "2-jaarlijkse",
                     "tweejaarlijkse", "biennial", "biennially", "every other year",
                     "biennal", "biennale", "bisannuel"), "P2Y"),
    **dict.fromkeys(("driejaarlijks", "3-jaarlijks", "3 jaarlijks", "driejaarlijkse",
                     "triennial", "triennially", "triennal"), "P3Y"),
}  # fmt: skip
_UNITS = {
    **dict.fromkeys(("jaar", "jaren", "year", "years", "an", "ans", "annee", "annees"), "Y"),
    **dict.fromkeys(("maand", "maanden", "month", "months", "mois"), "M"),
    **dict.fromkeys(("week", "weken", "weeks", "semaine", "semaines"), "W"),
    **dict.fromkeys(("dag", "dagen", "day", "days", "jour", "jours"), "D"),
}
_NUMBERS = {
    "een": 1, "one": 1, "un": 1, "une": 1, "twee": 2, "two": 2, "deux": 2, "drie": 3,
    "three": 3, "trois": 3, "vier": 4, "four": 4, "quatre": 4, "vijf": 5, "five": 5, "cinq": 5,
    "zes": 6, "six": 6,
}  # fmt: skip
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMBER = rf"(?P<n>[0-9]{{1,3}}|{'|'.join(_NUMBERS)})"
# "elke 3 jaar", "om de 2 jaar", "iedere 6 maanden", "every 6 months", "tous les 3 ans",
# "1 keer per 2 jaar", "eens in de 3 jaar", "3 jaar".
_EVERY = re.compile(
    rf"(?:elke|iedere|ieder|om de|per|eens per|eens in de|1x per|1 x per|een keer per|1 keer per"
    rf"|every|once every|once in|tous les|toutes les|chaque)?\s*{_NUMBER}\s*(?P<unit>{_UNIT})"
)
# "2x per jaar", "4 keer per jaar", "twice a year" is in _WORDS; "3 x per jaar".
_TIMES = re.compile(
    rf"{_NUMBER}\s*(?:x|keer|maal|times|fois)\s*(?:per|a|an|par)\s*(?P<unit>jaar|year|an)"
)
_BRACKETED = re.compile(r"\([^()]*\)")
# The model's own reader of a duration field, so a cadence is taken exactly as a task file's
# "cadence: P1Y" would be; task_rows derives the next due date with it.
DURATION: TypeAdapter[Duration] = TypeAdapter(DurationField)
_ISO_DURATION = re.compile(r"p(?:[0-9]+[ymwd])+")


def cadence_of(text: str) -> str | None:
    """The ISO 8601 duration a frequency cell names ("jaarlijks" P1Y, "elke 3 jaar" P3Y,
    "every 6 months" P6M, "trimestriel" P3M, "P1Y"), or None when it names no one interval.

    Words in brackets say more of when ("jaarlijks (in maart)") and are left out; the caller
    keeps the cell in notes."""
    plain = _plain_cadence(text)
    if not plain:
        return None
    if plain in _WORDS:
        return _WORDS[plain]
    if _ISO_DURATION.fullmatch(plain):
        return _valid(plain.upper())
    if every := _EVERY.fullmatch(plain):
        return _valid(f"P{_count(every['n'])}{_UNITS[every['unit']]}")
    if times := _TIMES.fullmatch(plain):
        count = _count(times["n"])
        return f"P{12 // count}M" if count and 12 % count == 0 else None
    worded = in_words(plain)  # "1 jaar en 6 maanden"; not hours, which no calendar plans in
    return _valid(worded) if worded and "T" not in worded else None


# Words each used both ways: "tweejaarlijks" and "bisannuel" are mostly every two years, but
# also twice a year; "biannually" mostly twice a year, but also every two years. The reading
# decides when a task is overdue, so the row says which one was taken.
_EITHER_WAY: dict[str, str] = {
    **dict.fromkeys(("tweejaarlijks", "tweejaarlijkse", "2-jaarlijks", "2 jaarlijks",
                     "2-jaarlijkse"), "write 'halfjaarlijks' or '2x per jaar' if twice a year "
                                      "is meant"),
    "bisannuel": "write 'semestriel' or '2x par an' if twice a year is meant",
    "biannually": "write 'every 2 years' if every two years is meant",
}  # fmt: skip
_LONGEST_LIKELY = Duration.model_validate({"years": 10})


def cadence_doubt(text: str, cadence: str) -> str | None:
    """Why the cadence read from ``text`` may not be the one meant: a word used for two
    intervals, or an interval longer than ten years (a typo, "elke 100 jaar", makes a task that
    is never due)."""
    plain = _plain_cadence(text)
    meaning = "twice a year" if _WORDS.get(plain) == "P6M" else "every two years"
    other = "every two years" if meaning == "twice a year" else "twice a year"
    if plain in _EITHER_WAY:
        return (
            f"frequency '{text}' read as {meaning} ({cadence}), though it is also used for "
            f"{other}; {_EITHER_WAY[plain]}"
        )
    start = date(2000, 1, 1)
    if DURATION.validate_python(cadence).after(start) > _LONGEST_LIKELY.after(start):
        return f"frequency '{text}' read as {cadence}, more than ten years: check the number"
    return None


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBERS[text]


def _plain_cadence(text: str) -> str:
    """A frequency cell folded as the word lists are, without words in brackets or the
    punctuation around it: "Jaarlijks (in maart)." is "jaarlijks"."""
    return " ".join(_BRACKETED.sub(" ", words_of(text)).split()).strip(" .,;:")


def _valid(iso: str) -> str | None:
    """``iso`` when the model takes it as a cadence (ISO 8601, longer than zero, within its
    bounds)."""
    try:
        DURATION.validate_python(iso)
    except ValueError:
        return None
    return iso


# --- planned dates ---------------------------------------------------------------------------

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))


def _year(n: int = 1) -> str:
    return rf"(?P<year{n}>20[0-9]{{2}}|19[0-9]{{2}})"


_PERIODS = (
    ("month", re.compile(rf"(?:in\s+|en\s+)?(?P<month>{_MONTH})\.?(?:\s*[-/']?\s*{_year()})?")),
    ("month", re.compile(rf"(?P<month>1[0-2]|0?[1-9])\s*[-/]\s*{_year()}")),
    ("quarter", re.compile(
        rf"(?:q|k|kw|t)\s*(?P<quarter>[1-4])(?:\s*[-/']?\s*{_year()})?"
        rf"|{_year(2)}\s*[-/ ]?\s*(?:q|k|kw|t)\s*(?P<quarter2>[1-4])"
        rf"|(?P<quarter3>[1-4])\s*(?:e|de|ste|er|eme|st|nd|rd|th)?\s*(?:kwartaal|quarter|trimestre)"
        rf"(?:\s*{_year(3)})?"
    )),
    # A Belgian plan annuel writes its half years as semestres: "S1 2027", "sem. 2", "1er
    # semestre". "sem 1" and "sem 2" are read as semestres, and the row says so, since "sem"
    # is also short for semaine (week).
    ("half", re.compile(
        rf"(?:h|hj|s|(?P<sem>sem)|semestre|semester)\.?\s*(?P<half>[12])"
        rf"(?:\s*[-/']?\s*{_year()})?"
        rf"|(?P<half2>[12])\s*(?:e|er|eme|de|ste|st|nd)?\s*(?:semestre|semester|halfjaar"
        rf"|half jaar|half year)(?:\s*{_year(2)})?"
    )),
    ("week", re.compile(
        rf"(?:week|wk|w|semaine|sem)\.?\s*(?P<week>[0-9]{{1,2}})(?:\s*[-/,]?\s*{_year()})?"
        rf"|{_year(2)}\s*-?\s*w(?P<week2>[0-9]{{1,2}})"
    )),
    ("year", re.compile(rf"(?:in\s+)?{_year()}")),
)  # fmt: skip


@frozen
class Planned:
    """A planned cell read as a day: the day, and what was assumed to get it ("" for a date)."""

    day: date
    assumed: str = ""
    first: date | None = None
    """The period's first day, when the cell names a period rather than a day."""
    year_given: bool = True
    """Whether the cell wrote the year; False when the first period after a day was taken."""


def planned_day(text: str, after: date, *, starting: bool = False) -> Planned | None:
    """The day a planned cell names: a date as such; a month, quarter, half year, ISO week or
    year as its last day, the last day the plan is kept. A period without a year is the first
    one that ends after ``after`` (today: this month's plan still holds), or with ``starting``
    the first that starts after it (the day it was last done: "maart" after a March audit is
    next March). None when the cell names no day or period.

    Raises ValueError for a date or week that does not exist (31-02-2026, week 54)."""
    written = read_moment(text)
    if written is not None:
        return Planned(written.day)
    plain = " ".join(words_of(text).replace(",", " ").split()).strip(" .")
    for period, pattern in _PERIODS:
        found = pattern.fullmatch(plain)
        if found is not None:
            return _period_end(period, found, after, starting=starting)
    return None


def _period_end(period: str, found: re.Match[str], after: date, *, starting: bool) -> Planned:
    groups = {k.rstrip("0123456789"): v for k, v in found.groupdict().items() if v is not None}
    year_text = groups.get("year")
    if period == "year":
        year = int(groups["year"])
        return Planned(date(year, 12, 31), "the last day of that year", date(year, 1, 1))
    first: date | None = after if starting else None
    if period == "week":
        week = int(groups["week"])
        return _placed(lambda year: date.fromisocalendar(year, week, 7),
                       lambda end: end - timedelta(days=6), year_text, after, first,
                       f"the Sunday that ends ISO week {week}")  # fmt: skip
    length = {"month": 1, "quarter": 3, "half": 6}[period]
    last = _month(groups["month"]) if period == "month" else length * int(groups[period])
    name = {"month": "month", "quarter": "quarter", "half": "half year"}[period]
    if "sem" in groups:
        name += " ('sem' read as semestre, not semaine)"
    return _placed(lambda year: _last_of(year, last),
                   lambda end: date(end.year, end.month - length + 1, 1), year_text, after,
                   first, f"the last day of that {name}")  # fmt: skip


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text]


def _placed(  # noqa: PLR0913, PLR0917 - a period and how to place it
    end_in: Callable[[int], date],
    start_of: Callable[[date], date],
    year_text: str | None,
    after: date,
    starting: date | None,
    which: str,
) -> Planned:
    """The end of the period ``end_in`` gives for the year written, or without one for the
    first year whose period ends after ``after`` (and, given ``starting``, starts after it)."""
    if year_text is not None:
        end = end_in(int(year_text))
        return Planned(end, which, start_of(end))
    # Week 53 exists in some years only, so the search looks a few years ahead.
    for year in range(after.year, after.year + 7):
        try:
            end = end_in(year)
        except ValueError:
            continue
        if end > after and (starting is None or start_of(end) > starting):
            first = "to start" if starting else ""
            return Planned(
                end, f"{which}, the first {first + ' ' if first else ''}after "
                f"{after.isoformat()} (no year given)", start_of(end), year_given=False,
            )  # fmt: skip
    raise ValueError("no such period in the years ahead")


def _last_of(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])
