"""National identification numbers and other identifiers of general application (GDPR
Art. 87), as registers name them."""

from __future__ import annotations

from complykit.model.wording.folding import first_word_cue, spaced_words

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
# A word just before a number's name that denies it: "geen BSN", "no national insurance number".
_DENIED = tuple(f" {no} " for no in ("geen", "zonder", "no", "without", "sans", "pas de", "not",
                                      "niet"))  # fmt: skip
# GDPR041 asks this of every data category of every activity (15,000 at 10,000 records).
_CUE = first_word_cue(stem for stems in _NATIONAL_IDS.values() for stem in stems)


def national_id(name: str) -> str | None:
    """The ``national_id`` to mark ``name`` with when it names a national identification number
    or another identifier of general application (not as "no BSN"), else None."""
    number = national_number(name)
    return None if number is None else MARKED_AS[number]


def national_number(name: str) -> str | None:
    """Which number of ``_NATIONAL_IDS`` ``name`` names (not as "no BSN"), else None."""
    if name.isascii() and _CUE.search(name.lower()) is None:
        return None
    folded = spaced_words(name)
    for code, stems in _NATIONAL_IDS.items():
        for stem in stems:
            at = folded.find(f" {stem}")
            if at >= 0 and not folded[: at + 1].endswith(_DENIED):
                return code
    return None
