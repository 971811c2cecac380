"""``complykit coverage --format json``."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import TypedDict

from complykit.contracts.base import STRICT, SchemaVersion

Status = Literal["met", "partial", "not-met"]


@with_config(STRICT)
class SourceDocument(TypedDict):
    framework: str
    soa: str | None


@with_config(STRICT)
class CoverageSummary(TypedDict):
    requirements: int
    met: int
    met_percent: float
    partial: int
    partial_percent: float
    not_met: int
    not_met_percent: float
    unverified: int


@with_config(STRICT)
class ControlDocument(TypedDict):
    framework: str
    id: str
    title: str


@with_config(STRICT)
class MappingDocument(ControlDocument):
    relationship: str
    unverified: bool
    applicable: bool | None
    soa_status: str | None
    counts_as: Status


@with_config(STRICT)
class RequirementDocument(TypedDict):
    id: str
    title: str
    status: Status
    controls: list[ControlDocument]
    unverified: bool
    applies_from: str | None
    in_force: bool
    mappings: list[MappingDocument]


@with_config(STRICT)
class FrameworkCoverage(TypedDict):
    schema_version: SchemaVersion
    framework: str
    name: str
    as_of: str
    sources: list[SourceDocument]
    summary: CoverageSummary
    requirements: list[RequirementDocument]


# One framework prints one document; several print a list of them.
CoverageDocument = FrameworkCoverage | list[FrameworkCoverage]
