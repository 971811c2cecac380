"""What a finding code means: its rule, its examples and the provisions it cites."""

from __future__ import annotations

import difflib
import inspect

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.citations import resolve_citation
from complykit.checks import REGISTRY
from complykit.core.errors import ComplykitError
from complykit.core.findings import RuleInfo
from complykit.core.frozen import frozen
from complykit.validate.engine import all_rules


@frozen
class Cited:
    """A citation with the title its catalog gives it."""

    citation: str
    title: str | None
    unverified: bool
    """The catalog has not confirmed this provision, or its title, against the source text."""
    title_only: bool = False
    """Only the title is unconfirmed: the provision itself is."""


@frozen
class Explanation:
    rule: RuleInfo
    details: str
    """The check's documentation after its summary: when it applies, PASS and FAIL examples."""
    cited: tuple[Cited, ...]


def explain(code: str, catalogs: CatalogSet) -> Explanation:
    """The explanation of one code (any case), or a ComplykitError with a "did you mean"."""
    rules = all_rules()
    rule = rules.get(code.upper())
    if rule is None:
        close = difflib.get_close_matches(code.upper(), list(rules), n=3, cutoff=0.6)
        hint = f"Did you mean {' or '.join(close)}?" if close else "See `complykit rules`."
        raise ComplykitError(f"unknown code '{code}'", hint=hint)
    return Explanation(rule, _details(rule.code), tuple(cite(catalogs, c) for c in rule.citation))


def _details(code: str) -> str:
    registered = REGISTRY.get(code)
    doc = inspect.getdoc(registered.function) if registered else None
    paragraphs = (doc or "").split("\n\n")
    return "\n\n".join(paragraphs[1:]).strip()


def cite(catalogs: CatalogSet, citation: str) -> Cited:
    """The citation with its catalog's title and how far the catalog vouches for it."""
    item = resolve_citation(catalogs, citation)
    if item is None:
        return Cited(citation, None, unverified=False)
    provision = bool(item.attributes.get("unverified"))
    title = bool(item.attributes.get("title_unverified"))
    return Cited(citation, item.title, provision or title, title_only=title and not provision)


def doubt(cited: Cited) -> str:
    """What a reader is told of a citation the catalog has not confirmed ("" when it has)."""
    if not cited.unverified:
        return ""
    return " (title unverified)" if cited.title_only else " (unverified)"
