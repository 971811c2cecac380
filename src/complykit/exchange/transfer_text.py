"""Third countries and Chapter V transfer tools, as registers write them in English and Dutch."""

from __future__ import annotations

import functools
import re
import unicodedata

from babel import Locale

from complykit.model.enums import TransferMechanism

# The EEA is no third country: EU + Iceland, Liechtenstein, Norway (GDPR recital 101 ff.).
EEA = frozenset((
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
    "LI", "NO",
))  # fmt: skip
NONE_WORDS = frozenset(
    ["nee", "no", "geen", "none", "n.v.t.", "nvt", "n/a", "na", "-", "niet", "not applicable",
     "geen doorgifte", "no transfer", "no transfers", "binnen de eer", "within the eea",
     "alleen eer", "eu", "eer", "eea", "nederland", "netherlands", "nl"]
)  # fmt: skip
_ABBREVIATIONS = {
    "vs": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "amerika": "US", "america": "US",
    "uk": "GB", "vk": "GB", "engeland": "GB", "england": "GB", "great britain": "GB",
    "groot brittannie": "GB", "zuid korea": "KR", "south korea": "KR", "korea": "KR",
}  # fmt: skip
_MECHANISMS: dict[TransferMechanism, tuple[str, ...]] = {
    TransferMechanism.ADEQUACY_DECISION: (
        "adequa", "passend beschermingsniveau", "data privacy framework", "dpf",
        "privacy framework", "art 45", "artikel 45", "article 45",
    ),
    TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES: (
        "scc", "standard contractual clauses", "standaardcontractbepalingen",
        "standaard contractbepalingen", "modelcontract", "standaardbepalingen",
        "model clauses", "standard data protection clauses",
    ),
    TransferMechanism.BINDING_CORPORATE_RULES: (
        "bcr", "binding corporate rules", "bindende bedrijfsvoorschriften", "art 47",
    ),
    TransferMechanism.CODE_OF_CONDUCT: ("code of conduct", "gedragscode"),
    TransferMechanism.CERTIFICATION: ("certification mechanism", "certificeringsmechanisme"),
    TransferMechanism.DEROGATION: ("derogat", "art 49", "artikel 49", "article 49", "uitzondering"),
}  # fmt: skip


def folded(text: str) -> str:
    """Lower case without accents or punctuation other than dots and slashes, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w./]+", " ", bare.replace("-", " ")).split())


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in ("en", "nl"):
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(folded(name), code)
    for name, code in _ABBREVIATIONS.items():
        names[folded(name)] = code
    return names


def country_code(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country name or code, in English or Dutch."""
    stripped = text.strip()
    if re.fullmatch(r"[A-Z]{2}", stripped):
        return stripped
    return _country_names().get(folded(stripped))


def countries_in(text: str) -> list[str]:
    """The countries ``text`` names, in the order they appear, each once."""
    words = folded(text)
    names = _country_names()
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


def says_none(text: str) -> bool:
    """Whether a transfer cell says there is no transfer."""
    return folded(text).strip(" .") in {folded(w).strip(" .") for w in NONE_WORDS}
