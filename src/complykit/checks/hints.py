"""Hints shared by checks: what a mistyped or outdated control id most likely meant."""

from __future__ import annotations

from complykit.catalog.catalogset import CatalogSet


def control_hint(catalogs: CatalogSet, framework: str, control: str) -> str | None:
    """The newer edition's id for an old id, else the closest ids of the framework."""
    for old in catalogs.frameworks:
        if old.framework.superseded_by == framework and control in old:
            successors = catalogs.successor_ids(old.id, control)
            if successors:
                return f"{control} is an {old.id} id; in {framework} use {' or '.join(successors)}."
    suggestions = catalogs.suggest(framework, control)
    return f"Did you mean {' or '.join(suggestions)}?" if suggestions else None
