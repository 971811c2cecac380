"""All loaded catalogs, mappings and countries, with lookups across them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complykit.catalog.countries import Countries
    from complykit.catalog.models import Catalog, Item, MappingSet


class CatalogSet:
    """Frameworks by id or alias, the mappings between them, and the country list."""

    def __init__(
        self,
        catalogs: Iterable[Catalog],
        mappings: Iterable[MappingSet],
        countries: Countries,
    ) -> None:
        self._catalogs = {c.id: c for c in sorted(catalogs, key=lambda c: c.id)}
        self._names: dict[str, str] = {}
        for catalog in self._catalogs.values():
            for name in (catalog.id, *catalog.framework.aliases):
                self._names.setdefault(name.casefold(), catalog.id)
        self._mappings = tuple(sorted(mappings, key=lambda m: m.id))
        self._countries = countries

    def framework(self, id_or_alias: str) -> Catalog | None:
        """The catalog with this id or alias (case-insensitive), or None."""
        framework_id = self._names.get(id_or_alias.strip().casefold())
        return self._catalogs[framework_id] if framework_id else None

    @property
    def frameworks(self) -> tuple[Catalog, ...]:
        """All catalogs, sorted by framework id."""
        return tuple(self._catalogs.values())

    @property
    def mappings(self) -> tuple[MappingSet, ...]:
        """All mapping sets, sorted by mapping id."""
        return self._mappings

    @property
    def countries(self) -> Countries:
        return self._countries

    def mappings_between(self, source_fw: str, target_fw: str) -> list[MappingSet]:
        """The mapping sets from `source_fw` to `target_fw` (ids or aliases)."""
        source, target = self.framework(source_fw), self.framework(target_fw)
        if source is None or target is None:
            return []
        return [
            m
            for m in self._mappings
            if (m.mapping.source_framework, m.mapping.target_framework) == (source.id, target.id)
        ]

    def suggest(self, framework_id: str, control_id: str, limit: int = 3) -> list[str]:
        """Ids in the framework that `control_id` was probably meant to be ("did you mean")."""
        catalog = self.framework(framework_id)
        if catalog is None:
            return []
        ids = [item.id for item in catalog.items]
        folded = {item_id.casefold(): item_id for item_id in ids}
        direct = [folded.get(c.casefold()) for c in (control_id, f"A.{control_id}")]
        import difflib  # noqa: PLC0415 - only for a control id that is not in the catalog

        close = difflib.get_close_matches(control_id, ids, n=limit, cutoff=0.6)
        ordered = dict.fromkeys(i for i in (*direct, *close) if i and i != control_id)
        return list(ordered)[:limit]

    def successor_ids(self, framework_id: str, old_id: str) -> list[str]:
        """Ids in the successor edition that `old_id` moved to, e.g. a 2013 control's 2022 ids."""
        catalog = self.framework(framework_id)
        if catalog is None or catalog.framework.superseded_by is None:
            return []
        sets = self.mappings_between(catalog.id, catalog.framework.superseded_by)
        return list(dict.fromkeys(target for m in sets for target in m.targets(old_id)))

    def search(self, text: str) -> list[tuple[str, Item]]:
        """(framework id, item) pairs whose id, title or summary contains `text`, ignoring case."""
        needle = text.strip().casefold()
        if not needle:
            return []
        return [
            (catalog.id, item)
            for catalog in self._catalogs.values()
            for item in catalog.items
            if _matches(item, needle)
        ]


def _matches(item: Item, needle: str) -> bool:
    fields = (item.id, item.title, item.summary or "", item.title_nl or "")
    return any(needle in field.casefold() for field in fields)
