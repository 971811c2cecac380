"""What a mistyped or outdated framework or control id most likely meant."""

from __future__ import annotations

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.models import Catalog, Item
from complykit.core.errors import ComplykitError


def control_hint(catalogs: CatalogSet, framework: str, control: str) -> str | None:
    """The newer edition's id for an old id, else the closest ids of the framework."""
    for old in catalogs.frameworks:
        if old.framework.superseded_by == framework and control in old:
            successors = catalogs.successor_ids(old.id, control)
            if successors:
                return f"{control} is an {old.id} id; in {framework} use {' or '.join(successors)}."
    suggestions = catalogs.suggest(framework, control)
    return f"Did you mean {' or '.join(suggestions)}?" if suggestions else None


def require_framework(catalogs: CatalogSet, name: str) -> Catalog:
    """The catalog for an id or alias, or a ComplykitError with a "did you mean"."""
    catalog = catalogs.framework(name)
    if catalog is not None:
        return catalog
    names = [n for c in catalogs.frameworks for n in (c.id, *c.framework.aliases)]
    import difflib  # noqa: PLC0415 - only for a name that is not known

    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    known = ", ".join(c.id for c in catalogs.frameworks)
    hint = f"Did you mean {' or '.join(close)}?" if close else f"Known frameworks: {known}."
    raise ComplykitError(f"unknown framework '{name}'", hint=hint)


def require_item(catalogs: CatalogSet, catalog: Catalog, item_id: str) -> Item:
    """The item with this id, or a ComplykitError naming the likeliest id."""
    item = catalog.item(item_id)
    if item is not None:
        return item
    listing = f"See `complykit catalog show {catalog.id}` for every id."
    hint = control_hint(catalogs, catalog.id, item_id) or listing
    raise ComplykitError(f"{catalog.id} has no item '{item_id}'", hint=hint)
