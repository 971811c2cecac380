"""Art. 9(1) special categories and Art. 10 criminal-offence data, as registers name them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from complykit.model.enums import SpecialCategory
from complykit.model.wording.folding import first_word_cue, spaced_words

# Word stems, matched at the start of a word of the folded text ("gezondheidsgegevens"). A stem
# that ends in a space is a whole word; a short or ambiguous one comes with the word after it
# that makes it sensitive: "politieke" alone also opens "politieke ambtsdragers" (office
# holders), "geloof" opens "geloofwaardigheid" (credibility).
_STEMS: dict[SpecialCategory, tuple[str, ...]] = {
    SpecialCategory.RACIAL_OR_ETHNIC_ORIGIN: (
        "ras ", "raciale", "etnisch", "ethnic", "racial", "ethniq", "origine raciale",
    ),
    SpecialCategory.POLITICAL_OPINIONS: (
        "politieke voorkeur", "politieke opvatting", "politieke overtuiging", "politieke partij",
        "politieke gezindheid", "politieke kleur", "politieke mening", "politieke affiliatie",
        "political opinion", "political view", "political belief", "political part",
        "political affiliation", "political preference", "opinions politiq", "opinion politiq",
        "politische meinung", "politische anschauung", "politische uberzeugung",
        "politische partei",
    ),
    SpecialCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS: (
        "godsdienst", "religi", "levensbeschouw", "philosophical belief", "geloof ", "geloofs",
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
        "ziekmeld", "verzuim", "arbeidsongeschikt", "sick", "zorggegevens", "patientendossier",
        "medicatie", "medication", "medicijn", "medicament", "allergi", "allergy", "handicap",
        "disabilit", "functiebeperking", "beperking ", "beperkingen ", "sante ", "medicaux",
        "medicale", "maladie", "gesundheit", "krankheit", "arbeitsunfahig", "krankmeld",
    ),
    SpecialCategory.SEX_LIFE_OR_ORIENTATION: (
        "seksue", "sexual", "seksleven", "sex life", "geaardheid", "sexuel", "sexuell",
    ),
}  # fmt: skip
# A VOG certifies that Justis found no objection, and a record check's status may say no more
# than "cleared": such a name holds criminal-offence data only if it records a refusal, a
# conviction or the judicial data behind it, which its name alone does not tell (unverified:
# not in the reference; see _CERTIFICATES).
_CRIMINAL = (
    "strafrecht",
    "criminal",
    "justiti",
    "strafregister",  # Belgian: "uittreksel (uit het) strafregister"
    "casier judiciaire",
    "veroordeling",
    "strafbeschikking",
    "strafblad",
    "conviction",
    "condamnation",
    "infraction",
    "donnees penales",
    "antecedents judiciaires",
    "extrait de casier",
    "fuhrungszeugnis",
    "vorstrafe",
)
_CERTIFICATES = (
    "vog ", "vogs ", "verklaring omtrent het gedrag", "verklaringen omtrent het gedrag",
    "criminal record check", "criminal records check", "criminal background check",
)  # fmt: skip
_CERTIFICATE_PHRASES = tuple(f" {certificate}" for certificate in _CERTIFICATES)
# Words that let a certificate's name say what it may hold: its refusal.
_REFUSALS = (" weiger", " geweigerd", " refus", " denied ", " denial", " negatief advies")

CriminalReading = Literal["named", "possible"]
"""``named``: the name names criminal-offence data; ``possible``: it names a certificate or a
check (a VOG, a record check) that holds such data only if it records a refusal or convictions."""


def _folded_name(name: str) -> str:
    # "Patient no. 12" is a number, not a denial: "no." is read as "nr" before its dot goes.
    return spaced_words(re.sub(r"(?i)\bno\.", "nr ", name))


# Phrases that hold a stem above without naming such data: "health and safety" is the safety
# of work; an insurer, an insurance policy or a mutual health fund says nothing of anyone's
# health, in any of our languages; a medical device is a product; a restriction of processing
# is an Art. 18 request; and a browser or device fingerprint identifies a machine, not a body.
# French "convictions religieuses" are beliefs, not criminal convictions; the Ministry of
# Justice is a government body; the request for a VOG holds no judicial data.
_NOT_SPECIAL = (
    " health and safety ", " health safety ", " health insur", " medical insur",
    " medische verzeker", " ziektekostenverzeker", " ziektekosten verzeker", " zorgverzeker",
    " assurance maladie", " assurances maladie", " assurance sante", " caisse maladie",
    " medische hulpmiddel", " medisch hulpmiddel", " medical device", " dispositif medical",
    " dispositifs medicaux", " beperking van de verwerking", " beperking van verwerking",
    " beperking van de gegevensverwerking", " beperking der verwerking", " tot beperking ",
    " op beperking ", " device fingerprint", " browser fingerprint", " digital fingerprint",
)  # fmt: skip
_NOT_CRIMINAL = (
    " convictions religi", " conviction religi", " convictions philosoph",
    " conviction philosoph", " convictions politiq", " conviction politiq",
    " ministerie van justitie", " ministerie justitie", " minister van justitie",
    " justitie en veiligheid", " vog request", " vog aanvraag", " vog application",
    " aanvraag vog", " aanvraag van een vog", " aanvraag van de vog",
)  # fmt: skip
# A stem that names something else where the name also holds one of these words: "verzuim" of
# pupils is absence from school (Leerplichtwet), and a health check or the "verzuim" of a server
# or machine is its availability.
_MACHINES = (
    " server", " machine", " systeem", " system", " applicati", " endpoint", " database",
    " cluster", " netwerk", " network", " api ", " service ", " services ",
)  # fmt: skip
_ELSEWHERE = {
    " verzuim": (" leerplicht", " leerling", "school", " student", " pupil", *_MACHINES),
    " health check": _MACHINES,
    " healthcheck": _MACHINES,
}
# A practitioner named first is the carer, not anyone's health: "Medisch specialist (naam
# behandelaar)". Linked to a patient, the name can reveal the patient's health; complykit cannot
# tell that from the name, so such a category is left for the register to mark.
_CARERS = (
    " medisch specialist", " medische specialist", " medical specialist", " medical practitioner",
    " medical doctor", " medical officer", " medisch adviseur", " medisch behandelaar",
)  # fmt: skip
# A word that denies the data named just after it: "geen medische gegevens", "no health data".
_DENIALS = tuple(
    f" {word} "
    for word in ("geen", "zonder", "niet", "no", "not", "without", "excluding", "sans",
                 "pas de", "kein", "keine", "keinen", "aucune", "aucun")
)  # fmt: skip


def _without(folded: str, phrases: tuple[str, ...]) -> str:
    for phrase in phrases:
        folded = folded.replace(phrase, " ")
    return folded


def _special_text(folded: str) -> str:
    """``folded`` without the phrases that hold a special-category stem but name no such data."""
    folded = _without(folded, _NOT_SPECIAL)
    for phrase, context in _ELSEWHERE.items():
        if phrase in folded and any(word in folded for word in context):
            folded = folded.replace(phrase, " ")
    if folded.startswith(_CARERS):
        folded = _without(folded, _CARERS)
    return folded


def _names(folded: str, stems: Iterable[str]) -> bool:
    """Whether a stem starts a word of ``folded`` with no denial just before it."""
    for stem in stems:
        at = folded.find(f" {stem}")
        while at >= 0:
            if not folded[: at + 1].endswith(_DENIALS):
                return True
            at = folded.find(f" {stem}", at + 1)
    return False


def _special_in(folded: str) -> SpecialCategory | None:
    text = _special_text(folded)
    found = [category for category, stems in _STEMS.items() if _names(text, stems)]
    return found[0] if len(found) == 1 else None


def _criminal_in(folded: str) -> CriminalReading | None:
    text = _without(folded, _NOT_CRIMINAL)
    if _names(_without(text, _CERTIFICATE_PHRASES), _CRIMINAL):
        return "named"
    if not _names(text, _CERTIFICATES):
        return None
    return "named" if any(word in text for word in _REFUSALS) else "possible"


_SPECIAL_CUE = first_word_cue(stem for stems in _STEMS.values() for stem in stems)
_CRIMINAL_CUE = first_word_cue((*_CRIMINAL, *_CERTIFICATES))


@lru_cache(maxsize=4096)  # registers name the same categories in activity after activity
def special_category(name: str) -> SpecialCategory | None:
    """The one special category ``name`` names, or None when it names none or several, or
    denies it ("geen medische gegevens")."""
    if name.isascii() and _SPECIAL_CUE.search(name.lower()) is None:
        return None
    return _special_in(_folded_name(name))


@lru_cache(maxsize=4096)
def criminal_reading(name: str) -> CriminalReading | None:
    """Whether ``name`` names data on criminal convictions and offences (Art. 10), may hold it,
    or neither (None)."""
    if name.isascii() and _CRIMINAL_CUE.search(name.lower()) is None:
        return None
    return _criminal_in(_folded_name(name))


def criminal_offence(name: str) -> bool:
    """Whether ``name`` is, or may be, a category of data on criminal convictions and offences
    (Art. 10)."""
    return criminal_reading(name) is not None
