"""Citations as rules write them ("GDPR Art. 33(1)", "ISO/IEC 27001:2022 6.1.3 d)"), resolved
to the catalog item they name."""

from __future__ import annotations

import re

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.models import Item

CITATION_PREFIXES = {
    "GDPR ": "gdpr",
    "AI Act ": "eu-ai-act",
    "ISO/IEC 27001:2022 ": "iso27001-2022",
    "ISO/IEC 27701:2019 ": "iso27701-2019",
    "ISO/IEC 42001:2023 ": "iso42001-2023",
    "EDPB WP248 ": "dpia-criteria",
    "AP DPIA list ": "dpia-criteria",
}
# A clause may name a list item after its id, as ISO does: "6.1.3 d)".
_LIST_ITEM = re.compile(r"\s+[a-z]\)$")


def split_citation(citation: str) -> tuple[str, str] | None:
    """(catalog id, item id) for a citation, or None when it names no known framework."""
    for prefix, framework in CITATION_PREFIXES.items():
        if citation.startswith(prefix):
            return framework, _LIST_ITEM.sub("", citation.removeprefix(prefix))
    return None


def resolve_citation(catalogs: CatalogSet, citation: str) -> Item | None:
    """The catalog item a citation names, or None."""
    parts = split_citation(citation)
    if parts is None:
        return None
    catalog = catalogs.framework(parts[0])
    return catalog.item(parts[1]) if catalog is not None else None
