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
    return Explanation(rule, _details(rule.code), tuple(_cite(catalogs, c) for c in rule.citation))


def _details(code: str) -> str:
    registered = REGISTRY.get(code)
    doc = inspect.getdoc(registered.function) if registered else None
    paragraphs = (doc or "").split("\n\n")
    return "\n\n".join(paragraphs[1:]).strip()


def _cite(catalogs: CatalogSet, citation: str) -> Cited:
    item = resolve_citation(catalogs, citation)
    if item is None:
        return Cited(citation, None, unverified=False)
    flags = ("unverified", "title_unverified")
    return Cited(citation, item.title, any(item.attributes.get(f) for f in flags))
