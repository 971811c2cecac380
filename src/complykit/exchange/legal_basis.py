"""GDPR Art. 6(1) legal bases and Art. 9(2) conditions as spreadsheets write them, in English and
Dutch."""

from __future__ import annotations

import re
import unicodedata

from complykit.model.enums import Art9Condition, LegalBasis

# An article reference: 6(1)(a), 6.1.a, 6.1a, art. 6 lid 1 sub a, artikel 6, eerste lid, onder a.
_ARTICLE = re.compile(
    r"(?<![0-9])6\s*(?:\(\s*1\s*\)|[.\-/]\s*1|,?\s*(?:lid|para(?:graph)?\.?)\s*1|,?\s*eerste\s+lid)"
    r"(?![0-9])\s*[,.\-/]?\s*(?:(?:sub|onder|point|punt|letter|under)\s*)?\(?\s*([a-f])\s*\)?"
    r"(?![a-z])"
)
# An Art. 9(2) reference: 9(2)(h), 9.2.h, art. 9 lid 2 sub h, artikel 9, tweede lid, onder h.
_ART9 = re.compile(
    r"(?<![0-9])9\s*(?:\(\s*2\s*\)|[.\-/]\s*2|,?\s*(?:lid|para(?:graph)?\.?)\s*2|,?\s*tweede\s+lid)"
    r"(?![0-9])\s*[,.\-/]?\s*(?:(?:sub|onder|point|punt|letter|under)\s*)?\(?\s*([a-j])\s*\)?"
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


def legal_bases(text: str) -> list[LegalBasis]:
    """Every Art. 6(1) basis ``text`` names, by article or wording, in Art. 6(1) order.

    Art. 9(2) references are left out first, so ``9(2)(a)`` is never read as consent.
    """
    folded = _folded(text)
    without_art9 = _ART9.sub(" ", folded)
    found = {_POINTS[m.group(1)] for m in _ARTICLE.finditer(without_art9)}
    words = " ".join(without_art9.replace("-", " ").replace("_", " ").split())
    found.update(basis for basis, names in _WORDS.items() if any(n in words for n in names))
    return [basis for basis in LegalBasis if basis in found]


_FILLER = frozenset((
    "art", "artikel", "article", "arts", "avg", "gdpr", "uavg", "lid", "sub", "onder",
    "punt", "point", "letter", "van", "een", "de", "het", "the", "of", "a", "an", "en",
    "and", "or", "of", "en/of", "and/or", "uitvoering", "performance", "taak", "task",
    "noodzakelijk", "necessary", "for", "voor", "ter", "op", "on", "basis", "grondslag",
    "legal", "lawful", "ground", "i.v.m.", "ivm",
))  # fmt: skip


def says_more(text: str) -> bool:
    """Whether ``text`` holds more than bases and article references, e.g. the law it names."""
    rest = _ART9.sub(" ", _ARTICLE.sub(" ", _folded(text)))
    rest = " ".join(rest.replace("-", " ").replace("_", " ").split())
    for names in _WORDS.values():
        for name in names:
            rest = rest.replace(name, " ")
    words = re.sub(r"[^\w/.]+", " ", rest).split()
    return any(word.strip(".") not in _FILLER and word.strip(".") for word in words)


def art9_conditions(text: str) -> list[Art9Condition]:
    """The Art. 9(2) points ``text`` refers to, e.g. h for ``art. 9 lid 2 sub h``."""
    points = {m.group(1) for m in _ART9.finditer(_folded(text))}
    return [condition for condition in Art9Condition if condition.value in points]


def split_bases(text: str) -> list[str]:
    """The parts of a legal-basis cell: one basis per line or between semicolons."""
    return [part.strip() for part in re.split(r"[\n;]", text) if part.strip()]
