"""``complykit catalog list|show|search --format json``: catalog models plus what the CLI adds."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, with_config
from typing_extensions import TypedDict

from complykit.catalog.links import Link
from complykit.catalog.models import FrameworkInfo, Item
from complykit.contracts.base import STRICT, SchemaVersion


class FrameworkHeader(FrameworkInfo):
    """A framework's metadata and how many items of each kind it holds."""

    counts: dict[str, int] = Field(description="Items per kind, e.g. {'control': 93}.")


class FrameworkListing(FrameworkHeader):
    source: Literal["bundled", "workspace"] = Field(
        description="Shipped with complykit, or from the workspace's own catalogs/ folder."
    )


class SearchResult(Item):
    framework: str = Field(description="The framework the item belongs to.")


@with_config(STRICT)
class CatalogListDocument(TypedDict):
    schema_version: SchemaVersion
    catalogs: list[FrameworkListing]


@with_config(STRICT)
class CatalogShowDocument(TypedDict):
    schema_version: SchemaVersion
    framework: FrameworkHeader
    controls: list[Item]


@with_config(STRICT)
class CatalogItemDocument(TypedDict):
    schema_version: SchemaVersion
    framework: FrameworkHeader
    control: Item
    mappings: list[Link]


@with_config(STRICT)
class CatalogSearchDocument(TypedDict):
    schema_version: SchemaVersion
    query: str
    framework: str | None
    results: list[SearchResult]
