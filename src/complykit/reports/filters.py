"""Jinja filters: dates, durations, countries and labels in the report's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from complykit.escape import markdown
from complykit.reports.labels import N_, label_msgid
from complykit.reports.provenance import built_from, generator

if TYPE_CHECKING:
    from gettext import NullTranslations

    from complykit.model.duration import Duration

EMPTY = "—"
# Reports are read in the Netherlands and Belgium: an English date is "1 April 2025", as in
# British English, not the "April 1, 2025" of Babel's plain "en", which is American English.
# Numbers and lists read the same either way, but for the serial comma ("a, b and c").
_FORMATTING_LOCALE = {"en": "en_GB"}


def formatting_locale(lang: str) -> str:
    """The Babel locale that dates, numbers and lists of a report in ``lang`` follow."""
    return _FORMATTING_LOCALE.get(lang, lang)


_UNITS = ("years", "months", "weeks", "days", "hours")
# "every 1 year" reads as a machine wrote it; a single unit gets its own word in each language.
_EVERY_SINGLE = {
    "years": N_("every year"),
    "months": N_("every month"),
    "weeks": N_("every week"),
    "days": N_("every day"),
    "hours": N_("every hour"),
}


def filters(lang: str, translations: NullTranslations) -> dict[str, Callable[..., Any]]:
    """Every filter the templates use, bound to one language."""
    lang = formatting_locale(lang)
    locale = Locale.parse(lang)
    # A register shows the same few dates, periods, countries and labels in row after row;
    # Babel formats each from its locale data, so each text is made once per language.
    territories: dict[str, str] = dict(locale.territories.items())
    labels: dict[tuple[str, str], str] = {}

    def long_date(value: date | None) -> str:
        return EMPTY if value is None else _long_date(value, lang)

    def duration(value: Duration | None) -> str:
        if value is None:
            return EMPTY
        return _duration(tuple(getattr(value, unit) for unit in _UNITS), lang)

    def country(code: str | None) -> str:
        return EMPTY if code is None else territories.get(code, code)

    def label(value: str | None, vocabulary: str) -> str:
        if value is None:
            return EMPTY
        key = (vocabulary, value)
        found = labels.get(key)
        if found is None:
            found = labels[key] = translations.gettext(label_msgid(vocabulary, value))
        return found

    def yesno(value: bool | None) -> str:
        if value is None:
            return EMPTY
        return translations.gettext("yes") if value else translations.gettext("no")

    return {
        "long_date": long_date,
        "moment": partial(moment, locale=locale),
        "day_end": lambda value: day_end(value, locale, translations),
        "number": partial(number, locale=locale),
        "duration": duration,
        "every": lambda value: every(value, translations, duration),
        "country": country,
        "label": label,
        "yesno": yesno,
        "or_dash": or_dash,
        "md": markdown_cell,
        "provenance": lambda value: built_from(value, translations),
        "generator": generator,
    }


@lru_cache(maxsize=4096)
def _long_date(value: date, lang: str) -> str:
    return format_date(value, "long", locale=Locale.parse(lang))


@lru_cache(maxsize=1024)
def _duration(amounts: tuple[int, ...], lang: str) -> str:
    locale = Locale.parse(lang)
    named = zip(_UNITS, amounts, strict=True)
    parts = [_unit(amount, unit[:-1], locale) for unit, amount in named if amount]
    return format_list(parts, locale=locale)


def every(
    value: Duration | None, translations: NullTranslations, duration: Callable[[Duration], str]
) -> str:
    """A recurrence: "every year" for one unit, else "every 6 months", in the report's language."""
    if value is None:
        return EMPTY
    used = [(unit, amount) for unit in _UNITS if (amount := getattr(value, unit))]
    if len(used) == 1 and used[0][1] == 1:
        return translations.gettext(_EVERY_SINGLE[used[0][0]])
    return translations.gettext("every %(interval)s") % {"interval": duration(value)}


def _unit(amount: int, unit: str, locale: Locale) -> str:
    # CLDR leaves some long forms to the short ones (Dutch days and hours); Babel then falls
    # back to "3 duration-day", so try the short form before giving up.
    text = ""
    for length in ("long", "short"):
        text = format_unit(amount, f"duration-{unit}", length=length, locale=locale)
        if "duration-" not in text:
            break
    return text


def moment(value: datetime | None, locale: Locale) -> str:
    """A timestamp as recorded, with its UTC offset: the 72-hour clock depends on it."""
    if value is None:
        return EMPTY
    offset = value.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{format_date(value.date(), 'long', locale=locale)}, {value:%H:%M} ({zone})"


def day_end(value: datetime | None, locale: Locale, translations: NullTranslations) -> str:
    """A term that ends with its last day, given as the midnight after it: "end of 20 November
    2026 (UTC+01:00)", rather than a midnight on the next day's date."""
    if value is None:
        return EMPTY
    offset = value.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset and offset != "+0000" else "UTC"
    # The day of the term's last instant: the day before that midnight, or the calendar's
    # last day for a term that would end past it (a deadline then is its last instant).
    last = (value - timedelta(microseconds=1)).date()
    day = format_date(last, "long", locale=locale)
    return translations.gettext("end of %(day)s (%(zone)s)") % {"day": day, "zone": zone}


def number(value: int | None, locale: Locale) -> str:
    return EMPTY if value is None else format_decimal(value, locale=locale)


def or_dash(value: object) -> object:
    """The value, or a dash when it is None or empty."""
    return EMPTY if value is None or value in ("", [], ()) else value


def markdown_cell(value: object) -> str:
    """Text shown literally in a Markdown report: one line, no markup, mention or control."""
    return markdown(str(or_dash(value)), breaks=False)
