"""Mapping rows that touch one item, in both directions."""

from __future__ import annotations

from typing import Literal

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.models import MappingRow, MappingSet
from complykit.core.frozen import frozen


@frozen
class Link:
    """One mapping row seen from an item: ``to`` its target, or ``from`` its source."""

    direction: Literal["to", "from"]
    mapping: str
    framework: str
    id: str
    title: str | None
    relationship: str
    unverified: bool
    note: str | None


def links(catalogs: CatalogSet, framework_id: str, item_id: str) -> list[Link]:
    here = (framework_id, item_id)
    found = []
    for mapping in catalogs.mappings:
        info = mapping.mapping
        for row in mapping.rows:
            if here in {(info.source_framework, row.source), (info.target_framework, row.target)}:
                outgoing = (info.source_framework, row.source) == here
                found.append(_link(catalogs, mapping, row, outgoing=outgoing))
    return found


def _link(catalogs: CatalogSet, mapping: MappingSet, row: MappingRow, *, outgoing: bool) -> Link:
    info = mapping.mapping
    framework = info.target_framework if outgoing else info.source_framework
    other = row.target if outgoing else row.source
    catalog = catalogs.framework(framework)
    item = catalog.item(other) if catalog is not None else None
    return Link(
        direction="to" if outgoing else "from",
        mapping=info.id,
        framework=framework,
        id=other,
        title=item.title if item is not None else None,
        relationship=row.relationship,
        unverified=row.unverified or info.unverified,
        note=row.note,
    )
