"""The clause a compliance calendar row names ("ISO 27001 9.2", "A.5.18", "AVG art. 39"), read
against the bundled catalogs: a task's ``clause`` is only set to a clause or control that exists.

A cell may name the standard or law ("ISO 27001 9.2", "Art. 30 AVG") or leave it to the reader
("A.6.3", "9.3"). Without a name, the id must belong to exactly one of the frameworks in scope
(``frameworks`` in complykit.yaml), or else to exactly one framework complykit cites; an id that
fits several is not chosen between.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.citations import CITATION_PREFIXES
from complykit.core.frozen import frozen
from complykit.model.wording.folding import words_of

_PREFIX_OF = {framework: prefix.strip() for prefix, framework in CITATION_PREFIXES.items()}

# The frameworks a cell may name, as people write them: a standard also by its number alone
# ("42001 9.3"), as Dutch calendars do. ISO/IEC 27001 without an edition is the 2022 edition:
# the transition from 2013 ended on 31 October 2025.
_ISO = r"(?:iso\s*(?:/\s*iec)?\s*)?(?<![0-9])"
_NAMED = (
    (re.compile(rf"{_ISO}27001(?:\s*[:-]\s*2022)?(?![0-9])(?!\s*[:-]\s*2013)"), "iso27001-2022"),
    (re.compile(rf"{_ISO}27701(?![0-9])"), "iso27701-2019"),
    (re.compile(rf"{_ISO}42001(?![0-9])"), "iso42001-2023"),
    (re.compile(r"\b(?:avg|gdpr|rgpd|dsgvo)\b"), "gdpr"),
    (re.compile(r"\b(?:ai act|ai-act|ai verordening|ai-verordening|aia|ia act|eu ai act)\b"),
     "eu-ai-act"),
)  # fmt: skip
# Standards and laws complykit has no catalog for: ISO/IEC 27001:2013, any other standard
# number (27002, 9001), NEN 7510, the BIO, and Dutch acts (the UAVG, the repealed Wbp). Their
# clauses and articles are numbered apart from the bundled ones (UAVG art. 22 is not GDPR Art.
# 22), so a part naming one is never read against a catalog.
_OTHER_STANDARD = re.compile(r"27001\s*[:-]\s*2013|(?<![0-9.])[0-9]{4,5}(?![0-9.])|\b(?:nen|bio)\b")
# A Dutch act names the AVG in its own title ("Uitvoeringswet AVG"), so it is looked for first.
_DUTCH_ACT = re.compile(r"\b(?:uavg|wbp|uitvoeringswet\w*|wet)\b")
_ARTICLE = re.compile(
    r"\b(?:art|artikel|article|artt?)\.?\s*(?P<number>[0-9]{1,3})"
    r"(?:\s*(?:\((?P<par>[0-9]{1,2})\)|,?\s*(?:lid|par\.?|paragraph|alinea)\s*(?P<lid>[0-9]{1,2})))?"
    r"(?:\s*(?:\((?P<point>[a-z])\)|,?\s*(?:sub|onder|point|punt)\s*(?P<sub>[a-z])\b))?"
)
_CONTROL = re.compile(
    r"(?<![0-9.])(?P<letter>[ab])?\s*\.?\s*(?P<numbers>[0-9]{1,2}(?:\.[0-9]{1,2})+)"
)
# Parts are separated by semicolons, lines, "en"/"and"/"et", or commas that do not go on to a
# paragraph or point of the same article ("art. 6, lid 1").
_SPLIT = re.compile(
    r"[;\n]|,(?!\s*(?:lid|sub|onder|par|point|punt|alinea)\b)|\s+(?:en|and|et|&|\+)\s+"
)


@frozen
class ClauseReading:
    """What a clause cell names: the clauses found, and the parts that name none."""

    clauses: tuple[str, ...]
    unread: tuple[str, ...]
    others: tuple[str, ...] = ()
    """Standards or laws named that complykit has no catalog for ("NEN 7510", "UAVG")."""


def read_clauses(text: str, catalogs: CatalogSet, in_scope: Sequence[str]) -> ClauseReading:
    """The clauses and controls ``text`` names that exist in the bundled catalogs, each as a
    citation ("ISO/IEC 27001:2022 9.2", "GDPR Art. 39"), and the parts of ``text`` that name
    none, or one that more than one framework has. A framework named in one part holds for the
    parts after it ("ISO 27001 9.2 en A.5.35")."""
    found: list[str] = []
    unread: list[str] = []
    others: list[str] = []
    framework: str | None = None
    articles = False
    for written in _parts(text):
        # "art. 32, 33 en 34": a bare number after an article is the next article
        part = f"art. {written}" if articles and written.isdigit() else written
        articles = _ARTICLE.search(part) is not None
        named = _framework_named(part)
        other = _DUTCH_ACT.search(part) or (None if named else _OTHER_STANDARD.search(part))
        if other is not None:
            named = _OTHER
            others.append(_other_name(written, other))
        framework = named or framework
        clause = None if framework == _OTHER else _clause(part, framework, catalogs, in_scope)
        if clause is None:
            unread.append(written)
        elif clause not in found:
            found.append(clause)
    return ClauseReading(tuple(found), tuple(unread), tuple(dict.fromkeys(others)))


_CLAUSE_START = re.compile(r"\b(?:art|artikel|article)\b|(?<![0-9])[ab]?\.?[0-9]{1,2}\.[0-9]")
_OTHER = "other"  # a framework named that complykit has no catalog for


def _other_name(written: str, match: re.Match[str]) -> str:
    """The name as the part writes it, up to the clause that follows ("NEN 7510", "UAVG")."""
    before = _CLAUSE_START.split(written)[0]
    return before.strip(" .,:") or match.group(0)


def _parts(text: str) -> list[str]:
    plain = words_of(text)
    return [part.strip(" .,:") for part in _SPLIT.split(plain) if part and part.strip(" .,:")]


def _framework_named(part: str) -> str | None:
    return next((framework for pattern, framework in _NAMED if pattern.search(part)), None)


def _clause(
    part: str, framework: str | None, catalogs: CatalogSet, in_scope: Sequence[str]
) -> str | None:
    """The one citation ``part`` names, or None."""
    candidates = _ids(_without_names(part))
    if not candidates:
        return None
    frameworks = [framework] if framework else _unnamed(catalogs, in_scope)
    if framework is None and candidates[0].startswith("Art."):
        # Laws number their articles alike (GDPR and AI Act both have an Art. 3), and a bundled
        # catalog lists only the articles rules cite: a bare article is of a law in scope.
        frameworks = [name for name in frameworks if name in in_scope]
    fits = [
        (name, found)
        for name in frameworks
        if (catalog := catalogs.framework(name)) is not None
        for found in [_existing(candidates, {item.id for item in catalog.items})]
        if found is not None
    ]
    if framework is None and len(fits) > 1:
        scoped = [fit for fit in fits if fit[0] in in_scope]
        fits = scoped if len(scoped) == 1 else fits
    if len(fits) != 1:
        return None
    name, found = fits[0]
    return f"{_PREFIX_OF[name]} {found}"


def _without_names(part: str) -> str:
    for pattern, _ in _NAMED:
        part = pattern.sub(" ", part)
    return part


def _ids(part: str) -> list[str]:
    """The ids ``part`` may name, most precise first: an article with its paragraph and point
    and then without them ("Art. 32(1)(b)", "Art. 32(1)", "Art. 32"), or a clause or control."""
    if len(_ARTICLE.findall(part)) + len(_CONTROL.findall(part)) > 1:
        return []  # "9.2 9.3": more than one, not told apart; the cell is kept in notes
    if article := _ARTICLE.search(part):
        base = f"Art. {int(article['number'])}"
        paragraph = article["par"] or article["lid"]
        point = article["point"] or article["sub"]
        with_par = f"{base}({int(paragraph)})" if paragraph else None
        with_point = f"{with_par}({point})" if with_par and point else None
        return [i for i in (with_point, with_par, base) if i]
    if control := _CONTROL.search(part):
        numbers = ".".join(str(int(n)) for n in control["numbers"].split("."))
        letter = control["letter"]
        return [f"{letter.upper()}.{numbers}"] if letter else [numbers]
    return []


def _existing(candidates: Sequence[str], ids: set[str]) -> str | None:
    """The most precise candidate the catalog has; the written one only when it has the most
    precise (a point of an article it lists only whole is still that article)."""
    return next((candidate for candidate in candidates if candidate in ids), None)


def _unnamed(catalogs: CatalogSet, in_scope: Sequence[str]) -> list[str]:
    """The frameworks a cell that names none may mean: those complykit cites, current ones."""
    return [
        catalog.id
        for catalog in catalogs.frameworks
        if catalog.id in _PREFIX_OF and (catalog.framework.superseded_by is None
                                         or catalog.id in in_scope)
    ]  # fmt: skip
