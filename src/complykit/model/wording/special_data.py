"""Art. 9(1) special categories and Art. 10 criminal-offence data, as registers name them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from complykit.model.enums import SpecialCategory
from complykit.model.wording.folding import unaccented

# Word stems, matched at the start of a word of the folded text ("gezondheidsgegevens").
_STEMS: dict[SpecialCategory, tuple[str, ...]] = {
    SpecialCategory.RACIAL_OR_ETHNIC_ORIGIN: (
        "ras ", "raciale", "etnisch", "ethnic", "racial", "ethniq", "origine raciale",
    ),
    SpecialCategory.POLITICAL_OPINIONS: (
        "politieke", "political", "opinions politiq", "opinion politiq", "politische",
    ),
    SpecialCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS: (
        "godsdienst", "religi", "levensbeschouw", "philosophical belief", "geloof",
        "convictions philosophiq", "weltanschau",
    ),
    SpecialCategory.TRADE_UNION_MEMBERSHIP: (
        "vakbond", "vakvereniging", "trade union", "syndical", "syndicat", "gewerkschaft",
    ),
    SpecialCategory.GENETIC: ("genetic", "genetisch", "dna", "genetiq"),
    SpecialCategory.BIOMETRIC: (
        "biometri", "vingerafdruk", "fingerprint", "gezichtsherkenning", "empreinte digitale",
        "empreintes digitales", "reconnaissance faciale", "fingerabdr",
    ),
    SpecialCategory.HEALTH: (
        "gezondheid", "health", "medisch", "medical", "diagnose", "diagnosis", "ziekte",
        "verzuim", "sick", "zorggegevens", "patientendossier", "handicap", "disabilit",
        "beperking", "sante ", "medicaux", "medicale", "maladie", "gesundheit", "krankheit",
        "arbeitsunfahig", "krankmeld",
    ),
    SpecialCategory.SEX_LIFE_OR_ORIENTATION: (
        "seksue", "sexual", "seksleven", "sex life", "geaardheid", "sexuel", "sexuell",
    ),
}  # fmt: skip
_CRIMINAL = (
    "strafrecht",
    "criminal",
    "justiti",
    "vog",
    "strafregister",  # Belgian: "uittreksel (uit het) strafregister"
    "casier judiciaire",
    "verklaring omtrent het gedrag",
    "veroordeling",
    "conviction",
    "condamnation",
    "infraction",
    "donnees penales",
    "antecedents judiciaires",
    "extrait de casier",
    "fuhrungszeugnis",
    "vorstrafe",
)


def _folded(text: str) -> str:
    return " " + " ".join(re.sub(r"[^\w]+", " ", unaccented(text)).split()) + " "


# Phrases that hold a stem above without naming such data: "health and safety" is the safety
# of work, a health insurer or insurance says nothing of anyone's health, and a browser or device
# fingerprint identifies a machine, not a body. French "convictions religieuses" are beliefs, not
# criminal convictions, and the request for a VOG holds no judicial data (its outcome does).
_NOT_SPECIAL = (
    " health and safety ", " health safety ", " health insur", " device fingerprint",
    " browser fingerprint", " digital fingerprint",
)  # fmt: skip
_NOT_CRIMINAL = (
    " convictions religi", " conviction religi", " convictions philosoph",
    " conviction philosoph", " convictions politiq", " conviction politiq",
    " vog request", " vog aanvraag", " vog application", " aanvraag vog", " aanvraag van een vog",
)  # fmt: skip


def _without(folded: str, phrases: tuple[str, ...]) -> str:
    for phrase in phrases:
        folded = folded.replace(phrase, " ")
    return folded


def _cue(stems: Iterable[str]) -> re.Pattern[str]:
    """A pattern for the first word of each stem: a name without any (once lower-cased, if it
    is plain ASCII, which folding leaves but for punctuation) names none of the stems. GDPR043
    reads every category of every activity, and folding a name costs far more than this test."""
    words = sorted({re.escape(stem.split()[0]) for stem in stems}, key=len, reverse=True)
    return re.compile("|".join(words))


_SPECIAL_CUE = _cue(stem for stems in _STEMS.values() for stem in stems)
_CRIMINAL_CUE = _cue(_CRIMINAL)


@lru_cache(maxsize=4096)  # registers name the same categories in activity after activity
def special_category(name: str) -> SpecialCategory | None:
    """The one special category ``name`` names, or None when it names none or several."""
    if name.isascii() and _SPECIAL_CUE.search(name.lower()) is None:
        return None
    folded = _without(_folded(name), _NOT_SPECIAL)
    found = [c for c, stems in _STEMS.items() if any(f" {stem}" in folded for stem in stems)]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=4096)
def criminal_offence(name: str) -> bool:
    """Whether ``name`` is a category of data on criminal convictions and offences (Art. 10)."""
    if name.isascii() and _CRIMINAL_CUE.search(name.lower()) is None:
        return False
    folded = _without(_folded(name), _NOT_CRIMINAL)
    return any(f" {stem}" in folded for stem in _CRIMINAL)


# National identification numbers and other identifiers of general application (GDPR Art. 87)
# by the names registers give them, folded, under a name of each number. "sofinummer" is the
# BSN's name before 2007, still found in older registers. Belgium's INSZ (NISS) is the national
# register number or, for who is not in that register, a BIS number: an identifier of general
# application either way, so it is marked `other`, as is a social security number elsewhere
# (the UK's National Insurance number, Germany's Sozialversicherungsnummer) and Ireland's
# Personal Public Service Number, the key to its public services.
_NATIONAL_IDS: dict[str, tuple[str, ...]] = {
    "bsn": (
        "bsn ", "burgerservicenummer", "burger service nummer", "burgerservice nummer",
        "sofinummer", "sofi nummer", "citizen service number",
    ),
    "rrn": (
        "rijksregisternummer", "rijksregister nummer", "numero de registre national",
        "numero du registre national", "national register number", "national registry number",
    ),
    "insz": (
        "insz ", "niss ", "identificatienummer van de sociale zekerheid",
        "identificatienummer sociale zekerheid", "numero d identification de la securite sociale",
        "numero d identification a la securite sociale", "bisnummer", "bis nummer", "numero bis ",
    ),
    "social-security": (
        "social security number", "sociaal zekerheidsnummer", "socialezekerheidsnummer",
        "numero de securite sociale", "national insurance number", "national insurance no",
        "ni number", "sozialversicherungsnummer",
        "sozialversicherungs nummer", "rentenversicherungsnummer",
    ),
    "public-service": (
        "pps number", "ppsn ", "pps no ", "personal public service number",
    ),
}  # fmt: skip
MARKED_AS = {
    "bsn": "bsn", "rrn": "rrn", "insz": "other", "social-security": "other",
    "public-service": "other",
}  # fmt: skip
"""The ``national_id`` a category naming each number is marked with."""
_NOT = ("geen", "zonder", "no", "without", "sans", "pas de", "not", "niet")


# Letters every name above holds: GDPR041 asks this of every data category of every activity,
# and folding a name costs ten times this test (15,000 categories at 10,000 records).
_CUES = (
    "bsn", "burger", "sofi", "citizen", "regist", "insz", "niss", "soci", "secu", "bis",
    "insurance", "ni n", "sozial", "renten", "pps", "public service",
)  # fmt: skip


def national_id(name: str) -> str | None:
    """The ``national_id`` to mark ``name`` with when it names a national identification number
    or another identifier of general application (not as "no BSN"), else None."""
    number = national_number(name)
    return None if number is None else MARKED_AS[number]


def national_number(name: str) -> str | None:
    """Which number of ``_NATIONAL_IDS`` ``name`` names (not as "no BSN"), else None."""
    if name.isascii() and not any(cue in name.lower() for cue in _CUES):
        return None
    folded = _folded(name)
    for code, stems in _NATIONAL_IDS.items():
        for stem in stems:
            at = folded.find(f" {stem}")
            if at >= 0 and not folded[: at + 1].endswith(tuple(f" {no} " for no in _NOT)):
                return code
    return None
