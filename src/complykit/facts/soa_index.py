"""What the SoA checks share: each framework's SoA, its entries by control, and its clause."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.catalog.models import Catalog
from complykit.core.frozen import frozen
from complykit.model.soa import SoaEntry, StatementOfApplicability
from complykit.workspace.repository import Entry, Repository

# The clause that requires a Statement of Applicability, per framework with `soa: true`.
SOA_CLAUSES = {
    "iso27001-2022": "ISO/IEC 27001:2022 6.1.3 d)",
    "iso27701-2019": "ISO/IEC 27701:2019 5.4",
    "iso42001-2023": "ISO/IEC 42001:2023 6.1.3",
}


ALL_SOA_CLAUSES = tuple(SOA_CLAUSES.values())
"""Rule metadata cites every framework's clause; each finding cites its own framework's."""


def soa_clause(framework: str) -> tuple[str, ...]:
    clause = SOA_CLAUSES.get(framework)
    return (clause,) if clause else ()


@frozen
class SoaView:
    """One SoA with its catalog, and its entries by control id (first occurrence wins)."""

    where: Entry
    soa: StatementOfApplicability
    catalog: Catalog
    by_control: dict[str, SoaEntry]

    @property
    def framework(self) -> str:
        return self.catalog.id

    def entries(self) -> Iterator[tuple[int, SoaEntry]]:
        yield from enumerate(self.soa.entries)

    def entry(self, control: str) -> SoaEntry | None:
        return self.by_control.get(control)

    def excluded(self, control: str) -> bool:
        found = self.entry(control)
        return found is not None and found.applicable is False


def soa_views(repo: Repository) -> list[SoaView]:
    """Every SoA whose framework is a known catalog (REF004 reports the rest)."""
    views = []
    for entry, soa in repo.records(StatementOfApplicability):
        catalog = repo.catalogs.framework(soa.framework)
        if catalog is not None:
            by_control: dict[str, SoaEntry] = {}
            for line in soa.entries:
                by_control.setdefault(line.control, line)
            views.append(SoaView(entry, soa, catalog, by_control))
    return views


def views_by_framework(repo: Repository) -> dict[str, SoaView]:
    """The first SoA of each framework (SOA009 reports any second one)."""
    views: dict[str, SoaView] = {}
    for view in soa_views(repo):
        views.setdefault(view.framework, view)
    return views


def view_for(repo: Repository, framework: str) -> SoaView | None:
    return views_by_framework(repo).get(framework)


def frameworks_in_scope(repo: Repository) -> list[tuple[int, Catalog]]:
    """(index in complykit.yaml, catalog) for every known framework in scope."""
    found = []
    for index, name in enumerate(repo.config.frameworks):
        catalog = repo.catalogs.framework(name)
        if catalog is not None:
            found.append((index, catalog))
    return found
