"""GDPR Art. 6(1) legal bases and Art. 9(2) conditions as people write them: in English, Dutch,
French and German words, or as article references."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from complykit.model.enums import Art9Condition, LegalBasis
from complykit.model.wording.folding import words_of

# An article reference: 6(1)(a), 6.1.a, 6.1a, art. 6 lid 1 sub a, artikel 6, eerste lid, onder a,
# art. 6, par. 1, point a), Art. 6 Abs. 1 lit. a; and the further points of one reference, as
# registers list them: "sub c en e", "onder b, c", "(c) and (e)", "lit. a, b und f".
_POINT_WORD = r"(?:(?:sub|onder|point|punt|letter|under|lit\.?|buchstabe)\s*)?"
# A further point is a letter in brackets, or a lone letter that the list goes on or ends after:
# "6(1)(f) and a balancing test" names no consent, "6.1.f, e.g. marketing" no public task.
_MORE_POINTS = (
    r"(?:\s*(?:,|/|&|\b(?:en|and|of|or|et|und|oder)\b)\s*"
    + _POINT_WORD
    + r"(?:\(\s*[a-f]\s*\)|[a-f](?=\s*(?:$|[,;)/&]|\.(?![a-z])"
    r"|\b(?:en|and|of|or|et|und|oder|avg|gdpr|uavg|dsgvo|rgpd|ugdpr)\b))))*"
)
# "artikel 6, eerste lid, aanhef en onder c": Dutch drafting names the opening words of the
# paragraph before the point.
_OPENING = r"(?:aanhef\s+en\s*)?"
# No two runs of whitespace meet with nothing but optional text between them ("\s*,?\s*"): a
# cell of spaces would be split between them in every way, and an import would take hours.
_ARTICLE = re.compile(
    r"(?<![0-9])6\s*(?:\(\s*1\s*\)|[.\-/]\s*1|(?:,\s*)?(?:lid|para(?:graph)?e?\.?|par\.?|abs(?:atz)?\.?)\s*1|(?:,\s*)?eerste\s+lid)"
    r"(?![0-9])\s*(?:[,.\-/]\s*)?" + _OPENING + _POINT_WORD + r"(?:\(\s*)?([a-f])\s*\)?"
    r"(?![a-z])(" + _MORE_POINTS + ")"
)
_LONE_POINT = re.compile(r"(?<![a-z])[a-f](?![a-z])")
# An Art. 9(2) reference: 9(2)(h), 9.2.h, art. 9 lid 2 sub h, artikel 9, tweede lid, onder h.
_ART9 = re.compile(
    r"(?<![0-9])9\s*(?:\(\s*2\s*\)|[.\-/]\s*2|(?:,\s*)?(?:lid|para(?:graph)?e?\.?|par\.?|abs(?:atz)?\.?)\s*2|(?:,\s*)?tweede\s+lid)"
    r"(?![0-9])\s*(?:[,.\-/]\s*)?"
    + _OPENING
    + r"(?:(?:sub|onder|point|punt|letter|under|lit\.?|buchstabe)\s*)?(?:\(\s*)?([a-j])\s*\)?"
    r"(?![a-z])"
)
_POINTS = dict(zip("abcdef", LegalBasis, strict=True))
# Words that name one basis; the normalised text must name exactly one of them.
_WORDS: dict[LegalBasis, tuple[str, ...]] = {
    LegalBasis.CONSENT: ("consent", "toestemming", "instemming", "consentement", "einwilligung"),
    LegalBasis.CONTRACT: ("contract", "overeenkomst", "agreement", "contrat", "vertrag"),
    LegalBasis.LEGAL_OBLIGATION: (
        "legal obligation",
        "legal requirement",
        "statutory obligation",
        "wettelijke verplichting",
        "wettelijke plicht",
        "wettelijk verplicht",
        "wettelijke bewaarplicht",
        "wettelijk voorschrift",
        "wettelijke voorschrift",
        "obligation legale",
        "rechtliche verpflichtung",
    ),
    LegalBasis.VITAL_INTERESTS: (
        "vital interest",
        "vitaal belang",
        "vitale belangen",
        "interets vitaux",
        "interet vital",
        "lebenswichtige interessen",
        "lebenswichtiges interesse",
    ),
    LegalBasis.PUBLIC_TASK: (
        "public task",
        "public interest",
        "official authority",
        "publieke taak",
        "publiekrechtelijke taak",
        "wettelijke taak",
        "algemeen belang",
        "openbaar belang",
        "openbaar gezag",
        "interet public",
        "autorite publique",
        "offentliches interesse",
        "offentlichen interesse",
        "offentliche gewalt",
    ),
    LegalBasis.LEGITIMATE_INTERESTS: (
        "legitimate interest",
        "gerechtvaardigd belang",
        "gerechtvaardigde belangen",
        "gerechtvaardigde belang",
        "legitiem belang",
        "interet legitime",
        "interets legitimes",
        "berechtigte interessen",
        "berechtigtes interesse",
        "berechtigten interessen",
    ),
}


# A basis mentioned after one of these words in the same clause is denied, not named:
# "geen toestemming nodig", "not consent", "niet op toestemming".
_NEGATIONS = frozenset(("geen", "niet", "not", "no", "zonder", "without", "non"))
_NEGATION_REACH = 3
_CLAUSE_END = re.compile(r"[,;:/()]")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_MARK = re.compile(r"\bart6([a-f])\b")


def parse_legal_basis(text: str) -> LegalBasis | None:
    """The one Art. 6(1) basis ``text`` names, or None when it names none or several.

    ``toestemming``, ``consent``, ``6.1.a`` and ``art. 6 lid 1 sub a`` all give consent; an
    article reference and a wording may both appear, but must agree.
    """
    found = legal_bases(text)
    return found[0] if len(found) == 1 else None


def legal_bases(text: str) -> list[LegalBasis]:
    """Every Art. 6(1) basis ``text`` names, by article or wording, in Art. 6(1) order.

    Art. 9(2) references are left out first, so ``9(2)(a)`` is never read as consent. A denied
    basis ("geen toestemming") does not count, and once a basis is named, the words of an
    explanation in brackets ("Wettelijke verplichting (BW, arbeidsovereenkomst)") add none.
    """
    words = _marked(text)
    found = {_POINTS[m.group(1)] for m in _MARK.finditer(words)}
    named = _worded(_PARENTHETICAL.sub(" ", words))
    found |= named if named or found else _worded(words)
    return [basis for basis in LegalBasis if basis in found]


def _marked(text: str) -> str:
    """Folded text with each Art. 6(1) reference as one word, e.g. ``art6c``, and no Art. 9(2)
    references; marking first keeps the brackets of ``6(1)(c)`` apart from explanations."""
    folded = _ART9.sub(" ", words_of(text))
    marked = _ARTICLE.sub(_points_marked, folded)
    return " ".join(marked.replace("-", " ").replace("_", " ").split())


def _points_marked(reference: re.Match[str]) -> str:
    """``art6c art6e`` for "6 lid 1 sub c en e": each point of one reference as a word."""
    points = [reference.group(1), *_LONE_POINT.findall(reference.group(2))]
    return " " + " ".join(f"art6{point}" for point in points) + " "


def _worded(words: str) -> set[LegalBasis]:
    return {
        basis
        for basis, names in _WORDS.items()
        if any(_asserted(words, m.start()) for n in names for m in re.finditer(re.escape(n), words))
    }


def _asserted(words: str, at: int) -> bool:
    clause = _CLAUSE_END.split(words[:at])[-1].split()
    return not _NEGATIONS.intersection(clause[-_NEGATION_REACH:])


# Words that add nothing to article references: their parts, the regulations' short names, and
# what joins them ("en", "jo." for juncto, "i.c.m.", "/").
_FILLER = frozenset((
    "art", "artikel", "article", "arts", "artt", "avg", "gdpr", "rgpd", "dsgvo", "lid", "sub",
    "onder", "aanhef",
    "punt", "point", "letter", "van", "een", "de", "het", "the", "of", "a", "an", "en",
    "and", "or", "of", "en/of", "and/or", "uitvoering", "performance", "taak", "task",
    "noodzakelijk", "necessary", "for", "voor", "ter", "op", "on", "basis", "grondslag",
    "legal", "lawful", "ground", "i.v.m", "ivm", "jo", "juncto", "i.c.m", "icm", "et", "und",
    "du", "la", "des", "der",
))  # fmt: skip


# The regulations' full names, folded, as their short ones: the UAVG's first, since it holds
# the GDPR's Dutch name.
# Compiled on first use: only rules that read a provision need them, and importing this module
# is on every run's start-up.
@cache
def _regulations() -> tuple[tuple[re.Pattern[str], str], ...]:
    return (
        (re.compile(r"\buitvoeringswet\s+(?:avg|algemene\s+verordening\s+gegevensbescherming)\b"),
         " uavg "),
        (re.compile(r"\balgemene\s+verordening\s+gegevensbescherming\b"), " avg "),
        # By its number: "Verordening (EU) 2016/679", "Regulation (EU) No 2016/679", "règlement
        # (UE) 2016/679", "VO (EU) 2016/679".
        (re.compile(r"(?:\b(?:verordening|regulation|reglement|verordnung|vo)\s*)?"
                    r"(?:\(\s*u?eu?\s*\)\s*|\beu\s+)?(?:\b(?:nr|no|n°)\.?\s*)?"
                    r"(?<![0-9/])2016/679(?![0-9])(?:/eu\b)?"), " avg "),
        (re.compile(r"\bgeneral\s+data\s+protection\s+regulation\b"), " gdpr "),
        (re.compile(r"\breglement\s+general\s+sur\s+la\s+protection\s+des\s+donnees\b"), " rgpd "),
        (re.compile(r"\bdatenschutz[\s-]*grundverordnung\b|\bds-gvo\b"), " dsgvo "),
    )  # fmt: skip


# The GDPR's Art. 6 or 9 cited without its point, or with a point of a paragraph other than
# those _ARTICLE and _ART9 read ("AVG art. 6", "Art. 6(3) GDPR", "art. 6 lid 3 sub b AVG",
# "artikel 9, tweede lid, AVG", "art. 6 en 9 AVG"): general rules that ask for a law, as the
# pointed references are.
_PARAGRAPH = (
    r"(?:\s*\(\s*[1-4]\s*\)|\.[1-4](?![0-9])|,?\s*(?:lid|para(?:graph)?e?\.?|par\.?|abs(?:atz)?\.?)"
    r"\s*[1-4](?![0-9])|,?\s*(?:eerste|tweede|derde|vierde)\s+lid)"
)


@cache
def _bare_article() -> re.Pattern[str]:
    return re.compile(
        r"\bart(?:ikel|icle|s|t)?\.?\s*[69](?![0-9])(?:\s*(?:,|\ben\b|\band\b|\bund\b|\bet\b)\s*[69](?![0-9]))*"
        r"(?:"
        + _PARAGRAPH
        + r"(?:\s*(?:,\s*)?"
        + _OPENING
        + r"(?:sub|onder|point|punt|letter|lit\.?|buchstabe)\s*\(?[a-j]\)?(?![a-z]))?)?"
    )


# The UAVG's own articles carry the same numbers: an article the UAVG stands right beside is
# the UAVG's, not the GDPR's.
_BESIDE_UAVG = 12


def _bare_gdpr_article(reference: re.Match[str]) -> str:
    text = reference.string
    before = text[max(0, reference.start() - _BESIDE_UAVG) : reference.start()]
    after = text[reference.end() : reference.end() + _BESIDE_UAVG]
    beside_uavg = before.rstrip().endswith("uavg") or after.lstrip(" ,.").startswith("uavg")
    return reference.group(0) if beside_uavg else " "


# Longest first: "consentement" is a word of its own, not "consent" and "ement".
_NAMES_LONGEST_FIRST = tuple(
    sorted((n for names in _WORDS.values() for n in names), key=len, reverse=True)
)


def says_more(text: str, general: Iterable[re.Pattern[str]] = ()) -> bool:
    """Whether ``text`` holds more than bases, GDPR article references and the references
    ``general`` finds in its folded words (as ``general_rules_only`` gives them), e.g. the law
    it names."""
    return folded_says_more(words_of(text), general)


_GDPR_NAMED = r"\b(?:avg|gdpr|rgpd|dsgvo)\b"


def gdpr_named(text: str) -> bool:
    """Whether ``text`` names the GDPR: by a short or full name, in one of four languages, or
    by its number. The UAVG is not the GDPR."""
    return re.search(_GDPR_NAMED, _short_names(words_of(text))) is not None


def _short_names(folded: str) -> str:
    """``folded`` with the regulations' full names and numbers as their short names."""
    for pattern, short in _regulations():
        folded = pattern.sub(short, folded)
    return folded


def folded_says_more(
    folded: str, general: Iterable[re.Pattern[str]] = (), filler: Iterable[str] = ()
) -> bool:
    """``says_more`` for text that ``words_of`` has folded already; ``filler``: more words that
    add nothing here, e.g. the UAVG's name beside its general rule."""
    rest = _short_names(folded)
    for pattern in general:
        rest = pattern.sub(" ", rest)
    rest = _ART9.sub(" ", _ARTICLE.sub(" ", rest))
    rest = _bare_article().sub(_bare_gdpr_article, rest)
    rest = " ".join(rest.replace("-", " ").replace("_", " ").split())
    for name in _NAMES_LONGEST_FIRST:
        rest = rest.replace(name, " ")
    words = (word.strip("./") for word in re.sub(r"[^\w/.]+", " ", rest).split())
    extra = frozenset(filler)
    return any(word not in _FILLER and word not in extra for word in words if word)


# Art. 10's other ground: processing under the control of official authority, in the words of each
# language (folded: no accents, lower case).
_OFFICIAL_AUTHORITY = (
    "official authority",
    "openbaar gezag",
    "overheidsgezag",
    "toezicht van de overheid",
    "overheidstoezicht",
    "autorite publique",
    "offentliche gewalt",
    "offentlichen gewalt",
)


def official_authority_named(text: str) -> bool:
    """Whether ``text`` says the processing is under the control of official authority."""
    folded = words_of(text)
    return any(words in folded for words in _OFFICIAL_AUTHORITY)


def art9_conditions(text: str) -> list[Art9Condition]:
    """The Art. 9(2) points ``text`` refers to, e.g. h for ``art. 9 lid 2 sub h``."""
    points = {m.group(1) for m in _ART9.finditer(words_of(text))}
    return [condition for condition in Art9Condition if condition.value in points]


def split_bases(text: str) -> list[str]:
    """The parts of a legal-basis cell: one basis per line or between semicolons."""
    return [part.strip() for part in re.split(r"[\n;]", text) if part.strip()]


# What a law's name looks like beside a basis: "Jeugdwet", "Wet BRP", "Besluit ...", "BW boek 1",
# "Code du travail",
# "Awb", "Data Protection Act 2018", "art. 7", and short Dutch law names such as "Wgs" or "WGBO"
# (a W and a consonant other than h or r, so "When" or "Write" are no law).
_LAW = re.compile(
    r"(?i:wet(?:boek)?\b|\bwet\b|besluit|regeling|verordening|reglement|\bawb\b|\bact\b"
    # French and Belgian: "Code du travail", "loi du 30 juillet 2018", "arrêté royal", "décret";
    # Flemish and Brussels law in Dutch: "decreet van 18 juli 2008", "ordonnantie".
    r"|\bcode\b|\bloi\b|arr[eê]t[eé]|d[eé]cret|ordonnance|decreet|ordonnantie"
    r"|\buavg\b|\bart(?:ikel|icle)?\.?\s*(?:[lrd]\.?\s*)?\d)|\bBW\b"
    # Dutch law abbreviations: W and a consonant, as Wgs, Wmo, Wlz, WGBO, WWB.
    r"|\bW[BCDFGJKLMNPQSTVWXZbcdfgjklmnpqstvwxz][A-Za-z]{0,4}\b"
)
_ARTICLE_ANY_CASE = re.compile(_ARTICLE.pattern, re.IGNORECASE)
_ART9_ANY_CASE = re.compile(_ART9.pattern, re.IGNORECASE)
_CUT = "\x1f"  # marks where a GDPR article reference stood; cells hold no control characters
_BRACKETED = re.compile(r"\(([^()]*)\)")
# Words between a basis and the law it names: "Algemeen belang - Participatiewet art. 7".
_LEAD = re.compile(
    r"^(?:[\s\-\u2013\u2014:,;./|]+|(?:avg|gdpr|jo|i\.?c\.?m|o\.?g\.?v|op grond van|krachtens"
    r"|ingevolge|volgens|conform|under|based on|on the basis of|de|het|the)\b\.?)",
    re.IGNORECASE,
)


def law_named(text: str) -> str | None:
    """The law one basis names beside its wording, in brackets or after it, as written.

    ``Wettelijke verplichting (Wet BRP)`` gives ``Wet BRP``, ``Algemeen belang - Participatiewet
    art. 7`` gives ``Participatiewet art. 7``; GDPR article references are no law here.
    """
    plain = _ART9_ANY_CASE.sub(" ", _ARTICLE_ANY_CASE.sub(f" {_CUT} ", text))
    candidates = [m.group(1) for m in _BRACKETED.finditer(plain)]
    candidates.append(_after_basis(_BRACKETED.sub(" ", plain)))
    for candidate in map(_without_lead, candidates):
        # "BW, arbeidsovereenkomst": of a list, only the parts that name a law are the law.
        laws = [part.strip() for part in candidate.split(",") if _LAW.search(part)]
        if laws:
            return ", ".join(laws)
    return None


def _after_basis(text: str) -> str:
    ends = [at + 1 for at, char in enumerate(text) if char == _CUT]
    ends += [
        m.end()
        for names in _WORDS.values()
        for n in names
        for m in re.finditer(re.escape(n), text, re.IGNORECASE)
    ]
    return text[max(ends, default=0) :]


def _without_lead(text: str) -> str:
    rest = text.strip()
    while (lead := _LEAD.match(rest)) and lead.end():
        rest = rest[lead.end() :].strip()
    return " ".join(rest.split())
