"""GDPR Art. 6(1) legal bases as spreadsheets write them, in English and Dutch."""

from __future__ import annotations

import re
import unicodedata

from complykit.model.enums import LegalBasis

# An article reference: 6(1)(a), 6.1.a, 6.1a, art. 6 lid 1 sub a, artikel 6, eerste lid, onder a.
_ARTICLE = re.compile(
    r"(?<![0-9])6\s*(?:\(\s*1\s*\)|[.\-/]\s*1|,?\s*(?:lid|para(?:graph)?\.?)\s*1|,?\s*eerste\s+lid)"
    r"(?![0-9])\s*[,.\-/]?\s*(?:(?:sub|onder|point|punt|letter|under)\s*)?\(?\s*([a-f])\s*\)?"
    r"(?![a-z])"
)
_POINTS = dict(zip("abcdef", LegalBasis, strict=True))
# Words that name one basis; the normalised text must name exactly one of them.
_WORDS: dict[LegalBasis, tuple[str, ...]] = {
    LegalBasis.CONSENT: ("consent", "toestemming", "instemming"),
    LegalBasis.CONTRACT: ("contract", "overeenkomst", "agreement"),
    LegalBasis.LEGAL_OBLIGATION: (
        "legal obligation",
        "legal requirement",
        "statutory obligation",
        "wettelijke verplichting",
        "wettelijke plicht",
        "wettelijk verplicht",
        "wettelijke bewaarplicht",
    ),
    LegalBasis.VITAL_INTERESTS: ("vital interest", "vitaal belang", "vitale belangen"),
    LegalBasis.PUBLIC_TASK: (
        "public task",
        "public interest",
        "official authority",
        "publieke taak",
        "publiekrechtelijke taak",
        "algemeen belang",
        "openbaar gezag",
    ),
    LegalBasis.LEGITIMATE_INTERESTS: (
        "legitimate interest",
        "gerechtvaardigd belang",
        "gerechtvaardigde belangen",
        "gerechtvaardigde belang",
        "legitiem belang",
    ),
}


def _folded(text: str) -> str:
    """Lower case without accents, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def parse_legal_basis(text: str) -> LegalBasis | None:
    """The one Art. 6(1) basis ``text`` names, or None when it names none or several.

    ``toestemming``, ``consent``, ``6.1.a`` and ``art. 6 lid 1 sub a`` all give consent; an
    article reference and a wording may both appear, but must agree.
    """
    folded = _folded(text)
    found = {_POINTS[m.group(1)] for m in _ARTICLE.finditer(folded)}
    words = " ".join(folded.replace("-", " ").replace("_", " ").split())
    found.update(basis for basis, names in _WORDS.items() if any(n in words for n in names))
    return found.pop() if len(found) == 1 else None


def split_bases(text: str) -> list[str]:
    """The parts of a legal-basis cell: one basis per line or between semicolons."""
    return [part.strip() for part in re.split(r"[\n;]", text) if part.strip()]
