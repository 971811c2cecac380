"""Which requirements of a framework (GDPR, the AI Act) the implemented ISO controls meet.

A requirement is a target id that a catalog mapping points at. Its supporting controls are the
sources of those rows whose framework takes a Statement of Applicability. A control counts as
implemented when the workspace's SoA for its framework marks it applicable and implemented
(partially implemented counts as partial).

Only a verified ``equivalent`` or ``subset`` mapping can make a requirement met or partial: a
``related`` row, or one marked unverified (complykit's own reading, not an authority's), says
the control helps, not that it satisfies the law. An implemented control behind such a row makes
the requirement ``supported``, never met, and percentages count only the requirements that have
at least one verified equivalent or subset mapping.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from enum import StrEnum
from typing import TYPE_CHECKING

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.model.enums import ImplementationStatus
from complykit.model.soa import SoaEntry, StatementOfApplicability
from complykit.workspace.repository import Repository

if TYPE_CHECKING:
    from datetime import date

    from complykit.catalog.catalogset import CatalogSet
    from complykit.catalog.models import Catalog, MappingRow, MappingSet


class CoverageStatus(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    SUPPORTED = "supported"
    NOT_MET = "not-met"


_RANK = {
    CoverageStatus.NOT_MET: 0,
    CoverageStatus.SUPPORTED: 1,
    CoverageStatus.PARTIAL: 2,
    CoverageStatus.MET: 3,
}
STRONG_RELATIONSHIPS = ("equivalent", "subset")
_MEETS = (CoverageStatus.MET, CoverageStatus.PARTIAL)


@frozen
class Support:
    """One mapped source control and what the workspace's SoA says about it."""

    framework: str
    control: str
    title: str
    relationship: str
    unverified: bool
    soa_status: ImplementationStatus | None  # None: the control is in no SoA
    applicable: bool | None

    @property
    def verified(self) -> bool:
        """A mapping strong enough to say the control satisfies the requirement."""
        return self.relationship in STRONG_RELATIONSHIPS and not self.unverified

    @property
    def strength(self) -> str:
        """The relationship as users read it, e.g. 'related, unverified'."""
        return f"{self.relationship}, unverified" if self.unverified else self.relationship

    @property
    def status(self) -> CoverageStatus:
        if self.applicable is not True:
            return CoverageStatus.NOT_MET
        if self.soa_status == ImplementationStatus.IMPLEMENTED:
            return CoverageStatus.MET if self.verified else CoverageStatus.SUPPORTED
        if self.soa_status == ImplementationStatus.PARTIALLY_IMPLEMENTED:
            return CoverageStatus.PARTIAL if self.verified else CoverageStatus.SUPPORTED
        return CoverageStatus.NOT_MET


@frozen
class Requirement:
    """A target id with every control mapped onto it."""

    id: str
    title: str
    support: tuple[Support, ...]
    applies_from: date | None = None

    @property
    def status(self) -> CoverageStatus:
        return max((s.status for s in self.support), key=_RANK.__getitem__)

    @property
    def met_by(self) -> tuple[Support, ...]:
        """Implemented (or partly) controls behind verified equivalent or subset mappings."""
        return tuple(s for s in self.support if s.status in _MEETS)

    @property
    def supported_by(self) -> tuple[Support, ...]:
        """Implemented (or partly) controls behind related or unverified mappings only."""
        return tuple(s for s in self.support if s.status == CoverageStatus.SUPPORTED)

    @property
    def unverified(self) -> bool:
        """Whether every mapping row behind this requirement is unverified."""
        return all(s.unverified for s in self.support)

    @property
    def measured(self) -> bool:
        """Whether a verified equivalent or subset mapping lets the requirement be met at all."""
        return any(s.verified for s in self.support)


@frozen
class SourceSoa:
    """A framework whose controls map into the target, and the SoA record read for it."""

    framework: str
    soa: str | None


@frozen
class CoverageReport:
    framework: str
    name: str
    as_of: date
    sources: tuple[SourceSoa, ...]
    requirements: tuple[Requirement, ...]

    def counts(self) -> dict[CoverageStatus, int]:
        found = Counter(r.status for r in self.requirements)
        return {status: found[status] for status in CoverageStatus}

    @property
    def measured(self) -> tuple[Requirement, ...]:
        """The requirements a percentage may speak for: those with a verified strong mapping."""
        return tuple(r for r in self.requirements if r.measured)

    def percent(self, status: CoverageStatus) -> float:
        """The share of measured requirements with ``status``; supported ones are not measured."""
        measured = self.measured
        found = sum(1 for r in measured if r.status == status)
        return round(100 * found / len(measured), 1) if measured else 0.0


def compute(repo: Repository, target: str) -> CoverageReport:
    """Coverage of the `target` framework (id or alias) by the workspace's SoAs."""
    catalog = _target_catalog(repo.catalogs, target)
    sets = _mappings_into(repo.catalogs, catalog.id)
    if not sets:
        raise ComplykitError(
            f"no catalog maps controls onto {catalog.id}",
            hint=f"Frameworks with mappings: {', '.join(_mapped_targets(repo.catalogs))}.",
        )
    soas = _soas(repo)
    rows: dict[str, list[Support]] = defaultdict(list)
    for mapping in sets:
        for row in mapping.rows:
            rows[row.target].append(_support(repo.catalogs, mapping, row, soas))
    order = {item.id: index for index, item in enumerate(catalog.items)}
    requirements = tuple(
        _requirement(catalog, target_id, support)
        for target_id, support in sorted(rows.items(), key=lambda kv: order[kv[0]])
    )
    sources = tuple(
        SourceSoa(fw, soas[fw][0] if fw in soas else None)
        for fw in sorted({m.mapping.source_framework for m in sets})
    )
    return CoverageReport(catalog.id, catalog.framework.name, repo.as_of, sources, requirements)


def default_targets(repo: Repository) -> list[str]:
    """The frameworks in scope that take no SoA but that SoA frameworks map onto."""
    mapped = set(_mapped_targets(repo.catalogs))
    found = (repo.catalogs.framework(fw) for fw in repo.config.frameworks)
    targets = [c.id for c in found if c is not None and not c.framework.soa and c.id in mapped]
    if not targets:
        raise ComplykitError(
            "no framework in scope has ISO controls mapped onto it",
            hint="Pass --framework, e.g. --framework gdpr, or list gdpr or eu-ai-act under "
            "`frameworks` in complykit.yaml.",
        )
    return list(dict.fromkeys(targets))


def _target_catalog(catalogs: CatalogSet, target: str) -> Catalog:
    catalog = catalogs.framework(target)
    if catalog is None:
        raise ComplykitError(
            f"unknown framework '{target}'",
            hint=f"Frameworks with mappings: {', '.join(_mapped_targets(catalogs))}.",
        )
    return catalog


def _takes_soa(catalogs: CatalogSet, framework_id: str) -> bool:
    catalog = catalogs.framework(framework_id)
    return catalog is not None and catalog.framework.soa


def _mappings_into(catalogs: CatalogSet, target_id: str) -> list[MappingSet]:
    return [
        m
        for m in catalogs.mappings
        if m.mapping.target_framework == target_id
        and _takes_soa(catalogs, m.mapping.source_framework)
    ]


def _mapped_targets(catalogs: CatalogSet) -> list[str]:
    targets = (c.id for c in catalogs.frameworks)
    return [t for t in targets if _mappings_into(catalogs, t)]


def _soas(repo: Repository) -> dict[str, tuple[str, dict[str, SoaEntry]]]:
    """The first SoA per framework id: its record id and its entries by control."""
    found: dict[str, tuple[str, dict[str, SoaEntry]]] = {}
    for _, soa in repo.records(StatementOfApplicability):
        catalog = repo.catalogs.framework(soa.framework)
        if catalog is not None and catalog.id not in found:
            entries = {e.control: e for e in reversed(soa.entries)}
            found[catalog.id] = (soa.id, entries)
    return found


def _support(
    catalogs: CatalogSet,
    mapping: MappingSet,
    row: MappingRow,
    soas: dict[str, tuple[str, dict[str, SoaEntry]]],
) -> Support:
    framework = mapping.mapping.source_framework
    source = catalogs.framework(framework)
    item = source.item(row.source) if source is not None else None
    entry = soas[framework][1].get(row.source) if framework in soas else None
    return Support(
        framework=framework,
        control=row.source,
        title=item.title if item is not None else row.source,
        relationship=row.relationship,
        unverified=row.unverified or mapping.mapping.unverified,
        soa_status=entry.status if entry is not None else None,
        applicable=entry.applicable if entry is not None else None,
    )


def _requirement(catalog: Catalog, target_id: str, support: list[Support]) -> Requirement:
    item = catalog.item(target_id)
    title = item.title if item is not None else target_id
    applies_from = item.applies_from if item is not None else None
    return Requirement(target_id, title, tuple(support), applies_from)
