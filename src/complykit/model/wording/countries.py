"""Countries as people name them, in English, Dutch, French and German, to ISO 3166-1 codes.

The names come from the CLDR data Babel ships (every territory in every language, kept up to
date by Unicode), so ``Nederland``, ``Pays-Bas``, ``Niederlande`` and ``Netherlands`` all give
NL without a table of our own; only abbreviations registers use and CLDR lacks are listed here.
"""

from __future__ import annotations

import functools
import re

from complykit.model.wording.folding import unaccented

LANGUAGES = ("en", "nl", "fr", "de")
"""Whose names a whole value is read in: complykit's report languages, and Belgium's other two."""
SEARCHED_LANGUAGES = ("en", "nl")
"""Whose names are looked for inside free text (``exchange.transfer_text.countries_in``): a
French or German name can be an ordinary word or a person's name there (``Maurice`` is
Mauritius in French), where a whole cell or value that is one is not."""

NOT_ISO_3166_1 = frozenset((
    "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ",
))  # fmt: skip
"""Two-letter regions CLDR names that ISO 3166-1 does not assign: the European Union, the
Canary Islands, "Unknown Region". A name of one is no country code to suggest."""

_ABBREVIATIONS = {
    "vs": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "amerika": "US", "america": "US",
    "verenigde staten van amerika": "US",
    "uk": "GB", "vk": "GB", "engeland": "GB", "england": "GB", "great britain": "GB",
    "groot brittannie": "GB", "grande bretagne": "GB", "grossbritannien": "GB",
    "zuid korea": "KR", "south korea": "KR", "korea": "KR",
    "el": "GR",  # the EU's own code for Greece
    # French names of the usual transfer countries, for free text, where French names are not
    # read wholesale (see SEARCHED_LANGUAGES).
    "etats unis": "US", "etats unis d amerique": "US", "royaume uni": "GB", "suisse": "CH",
    "inde": "IN", "chine": "CN", "japon": "JP", "coree du sud": "KR", "bresil": "BR",
    "australie": "AU", "singapour": "SG", "nouvelle zelande": "NZ", "israel": "IL",
    "argentine": "AR", "uruguay": "UY", "canada": "CA",
}  # fmt: skip


def folded(text: str) -> str:
    """Lower case without accents or punctuation other than dots and slashes, single spaces."""
    return " ".join(re.sub(r"[^\w./]+", " ", unaccented(text).replace("-", " ")).split())


@functools.cache
def country_names(languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """Every folded country name in ``languages`` (and the abbreviations) to its code."""
    # Imported here: Babel's locale data is read only when a name has to be looked up.
    from babel import Locale  # noqa: PLC0415

    names: dict[str, str] = {}
    for language in languages:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in NOT_ISO_3166_1:
                names.setdefault(folded(name), code)
    for name, code in _ABBREVIATIONS.items():
        names[folded(name)] = code
    return names


def country_code(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country name or code, or None when it names none."""
    stripped = text.strip()
    words = folded(stripped).removeprefix("the ")  # "the Netherlands", "the United States"
    if re.fullmatch(r"[A-Z]{2}", stripped):
        return _ABBREVIATIONS.get(words, stripped)  # "UK" and "VS" are GB and US
    return country_names().get(words)
