"""Third countries and Chapter V transfer tools, as registers write them in English and Dutch
(and the tools in French and German too).

Country names are read by ``model.wording.countries``."""

from __future__ import annotations

import re

from complykit.exchange.row_source import placeholder
from complykit.exchange.row_source import says_none as says_no_word
from complykit.model.enums import TransferMechanism
from complykit.model.wording.countries import (
    SEARCHED_LANGUAGES,
    country_names,
    folded,
)

# The EEA is no third country: EU + Iceland, Liechtenstein, Norway (GDPR recital 101 ff.).
EEA = frozenset((
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
    "LI", "NO",
))  # fmt: skip
# A transfer cell that names only where the data stays says there is no transfer. The words for
# none and the placeholders are the import's own (row_source); a placeholder reads as "no
# transfer" here as it always did, since a transfer found nowhere else is not invented.
_STAYS_IN_EEA = frozenset(
    ["niet", "geen doorgifte", "no transfer", "no transfers", "binnen de eer", "within the eea",
     "alleen eer", "eu", "eer", "eea", "nederland", "netherlands", "nl", "pas de transfert",
     "aucun transfert", "ue", "eee", "belgique", "belgie", "belgium", "be",
     "keine ubermittlung", "keine drittlandubermittlung", "innerhalb der eu", "ewr", "eu/ewr",
     "deutschland", "germany"]
)  # fmt: skip
_MECHANISMS: dict[TransferMechanism, tuple[str, ...]] = {
    TransferMechanism.ADEQUACY_DECISION: (
        "adequa", "passend beschermingsniveau", "data privacy framework", "dpf",
        "privacy framework", "art 45", "artikel 45", "article 45", "decision d adequation",
        "angemessenheitsbeschluss",
    ),
    TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES: (
        "scc", "standard contractual clauses", "standaardcontractbepalingen",
        "standaard contractbepalingen", "modelcontract", "standaardbepalingen",
        "model clauses", "standard data protection clauses", "clauses contractuelles types",
        "clauses types", "clauses contractuelles standard", "standardvertragsklauseln",
        "cct",  # "clauses contractuelles types", as French registers abbreviate them
    ),
    TransferMechanism.BINDING_CORPORATE_RULES: (
        "bcr", "binding corporate rules", "bindende bedrijfsvoorschriften", "art 47",
        "regles d entreprise contraignantes", "verbindliche interne datenschutzvorschriften",
    ),
    TransferMechanism.CODE_OF_CONDUCT: ("code of conduct", "gedragscode", "code de conduite"),
    TransferMechanism.CERTIFICATION: (
        "certification mechanism", "certificeringsmechanisme", "mecanisme de certification",
    ),
    TransferMechanism.DEROGATION: ("derogat", "art 49", "artikel 49", "article 49", "uitzondering"),
    # Art. 46(2)(a) and 46(3)(b), in the words of the GDPR's English, Dutch and French texts.
    TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT: (
        "instrument between public authorities", "bindend instrument tussen overheid",
        "afdwingbaar instrument tussen overheid", "instrument juridiquement contraignant",
    ),
    TransferMechanism.ADMINISTRATIVE_ARRANGEMENT: (
        "administrative arrangement", "administratieve regeling", "arrangement administratif",
        "arrangements administratifs",
    ),
}  # fmt: skip


def countries_in(text: str) -> list[str]:
    """The countries ``text`` names, in the order they appear, each once."""
    words = folded(text)
    names = country_names(SEARCHED_LANGUAGES)
    found = [
        (match.start(), code)
        for name, code in names.items()
        for match in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", words)
    ]
    codes = set(names.values()) - {"EU", "ID"}
    found += [
        (len(words) + match.start(), match.group())
        for match in re.finditer(r"(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])", text)
        if match.group() in codes
    ]
    return list(dict.fromkeys(code for _, code in sorted(found)))


def mechanism(text: str) -> TransferMechanism | None:
    """The one Chapter V transfer tool ``text`` names, or None when it names none or several."""
    words = f" {folded(text)} "
    found = {m for m, stems in _MECHANISMS.items() if any(f" {stem}" in words for stem in stems)}
    return found.pop() if len(found) == 1 else None


def privacy_framework(text: str) -> bool:
    """Whether ``text`` names the EU-US Data Privacy Framework (DPF)."""
    words = f" {folded(text)} "
    return " dpf" in words or "data privacy framework" in words


# "Nee, alleen binnen de EER", "No - data stays in Frankfurt": a no, then why.
_NO_FIRST = re.compile(
    r"^(?:nee|no|geen|none|non|niet|nein|kein|keine|n\.?v\.?t\.?|n/a)(?![\w/])"
    r"[\s,.;:()\-\u2013\u2014]*"
)
# "Nee, behalve support vanuit India", "no, but...": the no has an exception, which is a transfer.
_EXCEPT = re.compile(
    r"(?<!\w)(?:behalve|uitgezonderd|maar|wel|echter|except|excluding|but|however|sauf|mais"
    r"|hormis|ausser|aber)(?!\w)"
)


def says_no_transfer(text: str) -> bool:
    """Whether a transfer cell says there is no transfer: a word for none alone, or a no and
    why (``Nee, alleen binnen de EER``) that names no exception, no country outside the EEA
    and no transfer tool."""
    words = folded(text).strip(" .")
    if not words or words in _STAYS_IN_EEA or says_no_word(text) or placeholder(text):
        return True
    opening = _NO_FIRST.match(words)
    if opening is None:
        return False
    rest = words[opening.end() :]
    return (
        _EXCEPT.search(rest) is None
        and mechanism(rest) is None
        and all(code in EEA for code in countries_in(text))
    )
