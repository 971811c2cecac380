"""National identification numbers and other identifiers of general application (GDPR
Art. 87), as registers name them."""

from __future__ import annotations

from complykit.model.wording.folding import spaced_words

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
    folded = spaced_words(name)
    for code, stems in _NATIONAL_IDS.items():
        for stem in stems:
            at = folded.find(f" {stem}")
            if at >= 0 and not folded[: at + 1].endswith(tuple(f" {no} " for no in _NOT)):
                return code
    return None
