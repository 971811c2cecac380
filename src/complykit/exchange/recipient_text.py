"""A recipient as a register names it, with the type its words give away.

Registers list recipients as names in one cell: ``UWV, Belastingdienst, Mailchimp
(verwerker), afdeling HR``. A name marked ``(verwerker)`` or ``(processor)`` is a processor,
and the marker is no part of its name; a government body (the Belastingdienst, a
municipality, the police, a Belgian FOD/SPF) is a public authority; a department of our own is
internal. Anything else stays ``other``, which the user can refine: a guess that is wrong would
be worse than one left open. A team or department named after a company (``team Maple India
Pvt Ltd``, ``afdeling IT moederbedrijf``), a branch, or a country outside the EEA (``Team
India``) is not guessed internal: it may be a group company, which receives the data as a
controller or processor of its own, and an internal recipient abroad is no transfer (GDPR026).
"""

from __future__ import annotations

import functools
import re

from complykit.exchange.transfer_text import EEA
from complykit.model.wording.countries import SEARCHED_LANGUAGES, country_names, folded
from complykit.model.wording.organisations import names_branch, names_other_organisation

_MARKED: dict[str, str] = {
    "verwerker": "processor", "processor": "processor", "sub verwerker": "processor",
    "subverwerker": "processor", "sous traitant": "processor",
    "auftragsverarbeiter": "processor", "unterauftragsverarbeiter": "processor",
    "intern": "internal", "internal": "internal", "interne": "internal",
    "verwerkingsverantwoordelijke": "controller", "controller": "controller",
    "zelfstandig verwerkingsverantwoordelijke": "controller",
    "overheid": "public-authority", "public authority": "public-authority",
    "overheidsinstantie": "public-authority", "bestuursorgaan": "public-authority",
}  # fmt: skip
# Words (whole, folded) that name a public body in NL, BE, the UK and Ireland, or in English.
_PUBLIC = re.compile(
    r"\b(?:belastingdienst|uwv|svb|rdw|duo|ind|cak|cjib|politie|police|openbaar ministerie"
    r"|gemeente|gemeenten|municipality|commune|provincie|province|waterschap|ministerie|ministry"
    r"|rijksdienst|inspectie|rechtbank|court|raad voor de kinderbescherming|cbs|kadaster"
    r"|ggd|veiligheidsregio|inlichtingenbureau|belastingen|tax authority|tax office"
    r"|fod|spf|rsz|onss|riziv|inami|kruispuntbank|vlaamse overheid|federale overheid"
    r"|autoriteit persoonsgegevens|gegevensbeschermingsautoriteit|toezichthouder"
    r"|supervisory authority|douane|customs|marechaussee|overheidsorganen|overheidsorgaan"
    r"|overheidsinstanties|bestuursorganen|public authorities|public bodies"
    r"|kamer van koophandel|kvk|hmrc|revenue commissioners|garda|nationale ombudsman)\b"
)
_INTERNAL = re.compile(r"^(?:afdeling|team|medewerkers|internal|intern|interne|department)\b")


def recipient(item: str) -> dict[str, str]:
    """A ``recipients`` entry for one named recipient: its name, and its type."""
    name, marked = _without_marker(item)
    if marked is not None:
        return {"name": name, "type": marked}
    words = folded(name)
    if _PUBLIC.search(words):
        return {"name": name, "type": "public-authority"}
    if _INTERNAL.search(words) and not _maybe_another_entity(name, words):
        return {"name": name, "type": "internal"}
    return {"name": name, "type": "other"}


def processor_name(item: str) -> str:
    """A name in a processors column without a marker saying it is one (``Microsoft
    (verwerker)`` is ``Microsoft``), so that it is one party with the same name elsewhere; any
    other marker is the register's own words and stays."""
    name, marked = _without_marker(item)
    return name if marked == "processor" else item.strip()


def _maybe_another_entity(name: str, words: str) -> bool:
    """Whether a team's name gives a legal form, a group relation, a branch or a country
    outside the EEA, each of which may make it another legal person abroad."""
    if names_other_organisation(name) or names_branch(name):
        return True
    abroad, longest = _names_outside_eea()
    tokens = words.split()
    # Each run of up to `longest` words looked up in a set: linear in the cell's length.
    return any(
        " ".join(tokens[i : i + size]) in abroad
        for size in range(1, longest + 1)
        for i in range(len(tokens) - size + 1)
    )


@functools.cache
def _names_outside_eea() -> tuple[frozenset[str], int]:
    """The folded English and Dutch names of the countries outside the EEA, and the most words
    one of them has."""
    names = frozenset(n for n, code in country_names(SEARCHED_LANGUAGES).items() if code not in EEA)
    return names, max(len(name.split()) for name in names)


def _without_marker(item: str) -> tuple[str, str | None]:
    """The name without a trailing type marker (``(verwerker)``, ``[intern]``, ``- processor``),
    and the type the marker gives; the item as it is, and None, when it has no such marker.

    Found by the last bracket or dash in one pass, not by a pattern tried from every position,
    which takes time quadratic in the length of what a spreadsheet cell holds."""
    text = item.strip()
    if text.endswith((")", "]")):
        at = text.rfind("(" if text.endswith(")") else "[")
        marker = text[at + 1 : -1]
    else:
        at = max(text.rfind("-"), text.rfind("\u2013"), text.rfind(":"))
        marker = text[at + 1 :]
    name = text[:at].strip() if at > 0 else ""
    marked = _MARKED.get(folded(marker)) if name else None
    return (name, marked) if marked is not None else (item, None)
