"""Pydantic models for the catalog format: frameworks, their items, and mappings between them."""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Literal, Self

from complykit.catalog.types import (
    Attributes,
    CatalogModel,
    FrameworkId,
    IsoDate,
    ItemKind,
    NonEmptyStr,
    PartialDate,
    Relationship,
    Role,
    Text,
)
from complykit.model.declaring import Field, model_validator


class FrameworkInfo(CatalogModel):
    """The header of a catalog file: which framework and edition, and where the facts come from."""

    id: FrameworkId = Field(description="Stable framework id, e.g. 'iso27001-2022'.")
    name: NonEmptyStr = Field(description="Official name of the framework.")
    edition: Text = Field(description="Edition or version, e.g. '2022'.")
    publisher: NonEmptyStr
    published: PartialDate = Field(description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
    aliases: list[NonEmptyStr] = Field(default_factory=list, description="Other accepted names.")
    sources: list[NonEmptyStr] = Field(min_length=1, description="Where ids and titles come from.")
    licence: NonEmptyStr
    soa: bool = Field(description="Whether a Statement of Applicability is made for its controls.")
    superseded_by: FrameworkId | None = None
    unverified: bool = Field(default=False, description="True if the whole set is a best reading.")
    notes: list[NonEmptyStr] = Field(default_factory=list)


class Group(CatalogModel):
    """A theme, objective, chapter or annex section that items belong to."""

    id: NonEmptyStr
    title: NonEmptyStr
    parent: NonEmptyStr | None = None
    role: Role | None = None
    attributes: Attributes = Field(default_factory=dict)


class Item(CatalogModel):
    """One citable unit: a control, clause, article, paragraph, point or list entry."""

    id: NonEmptyStr = Field(description="Id in the framework's own citation style.")
    kind: ItemKind
    title: NonEmptyStr = Field(description="Official short title, or a short factual label.")
    group: NonEmptyStr | None = None
    parent: NonEmptyStr | None = Field(default=None, description="Id of the enclosing item.")
    summary: NonEmptyStr | None = Field(default=None, description="complykit's own words.")
    role: Role | None = None
    applies_from: IsoDate | None = None
    title_nl: NonEmptyStr | None = None
    attributes: Attributes = Field(default_factory=dict)


class Catalog(CatalogModel):
    """A framework edition with its groups and items, as in one `catalogs/*.yaml` file."""

    schema_version: Literal[1]
    framework: FrameworkInfo
    groups: list[Group] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_references(self) -> Self:
        _require_unique("group", [group.id for group in self.groups])
        _require_unique("item", [item.id for item in self.items])
        group_ids = {group.id for group in self.groups}
        item_ids = {item.id for item in self.items}
        _require_known("group parent", [g.parent for g in self.groups], group_ids)
        _require_known("item group", [i.group for i in self.items], group_ids)
        _require_known("item parent", [i.parent for i in self.items], item_ids)
        return self

    @cached_property
    def by_id(self) -> dict[str, Item]:
        # In the instance dict after the first call: checks look ids up on hot paths, where a
        # pydantic private attribute would go through __getattr__ every time.
        return {item.id: item for item in self.items}

    @property
    def id(self) -> str:
        return self.framework.id

    @property
    def controls(self) -> list[Item]:
        """The items of kind `control`, in catalog order."""
        return [item for item in self.items if item.kind == "control"]

    def item(self, item_id: str) -> Item | None:
        """The item with this exact id, or None."""
        return self.by_id.get(item_id)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.by_id


class MappingInfo(CatalogModel):
    """The header of a mapping file."""

    id: FrameworkId
    name: NonEmptyStr
    source_framework: FrameworkId
    target_framework: FrameworkId
    sources: list[NonEmptyStr] = Field(min_length=1)
    licence: NonEmptyStr
    unverified: bool = Field(default=False, description="True if no row is confirmed.")
    basis: NonEmptyStr | None = Field(default=None, description="How the rows were derived.")
    notes: list[NonEmptyStr] = Field(default_factory=list)


class MappingRow(CatalogModel):
    """One correspondence: `source` relates to `target` as `relationship` says."""

    source: NonEmptyStr
    target: NonEmptyStr
    relationship: Relationship = Field(
        description="How the source relates to the target: subset means the source is narrower."
    )
    unverified: bool = False
    note: NonEmptyStr | None = None


class MappingSet(CatalogModel):
    """Rows that map one framework's ids onto another's, as in one `catalogs/mappings/*.yaml`."""

    schema_version: Literal[1]
    mapping: MappingInfo
    rows: list[MappingRow] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.mapping.id

    def targets(self, source_id: str) -> list[str]:
        """The target ids mapped from `source_id`, in row order."""
        return [row.target for row in self.rows if row.source == source_id]


def _require_unique(what: str, ids: list[str]) -> None:
    duplicates = sorted(i for i, count in Counter(ids).items() if count > 1)
    if duplicates:
        raise ValueError(f"duplicate {what} id(s): {', '.join(duplicates)}")


def _require_known(what: str, refs: list[str | None], known: set[str]) -> None:
    unknown = sorted({ref for ref in refs if ref is not None and ref not in known})
    if unknown:
        raise ValueError(f"unknown {what} id(s): {', '.join(unknown)}")
