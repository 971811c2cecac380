"""Frameworks, controls, articles and mappings as typed data, read from `catalogs/*.yaml`."""

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.countries import AdequacyDecision, Countries, Country
from complykit.catalog.errors import CatalogError
from complykit.catalog.load import bundled_dir, load_catalogs, read_dir, read_file
from complykit.catalog.models import (
    Catalog,
    FrameworkInfo,
    Group,
    Item,
    MappingInfo,
    MappingRow,
    MappingSet,
)

__all__ = [
    "AdequacyDecision",
    "Catalog",
    "CatalogError",
    "CatalogSet",
    "Countries",
    "Country",
    "FrameworkInfo",
    "Group",
    "Item",
    "MappingInfo",
    "MappingRow",
    "MappingSet",
    "bundled_dir",
    "load_catalogs",
    "read_dir",
    "read_file",
]
