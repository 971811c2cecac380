"""Every bundled catalog and mapping file is valid and consistent."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from complykit.catalog import Catalog, MappingSet, bundled_dir, read_file

if TYPE_CHECKING:
    from pathlib import Path

    from complykit.catalog import CatalogSet

FILES = sorted(bundled_dir().glob("*.yaml")) + sorted(bundled_dir().glob("mappings/*.yaml"))
ISO = ("iso27001-2022", "iso27001-2013", "iso27701-2019", "iso42001-2023")
EXPECTED = {"dpia-criteria", "eu-ai-act", "gdpr", *ISO}
OWN_WORDS = "summaries are complykit's own words"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_validates_against_the_models(path: Path) -> None:
    """Each bundled file loads into its model with schema version 1."""
    model = read_file(path)
    assert model.schema_version == 1


def test_all_expected_frameworks_are_bundled(catalogs: CatalogSet) -> None:
    """The bundled set holds exactly the documented frameworks."""
    assert {c.id for c in catalogs.frameworks} == EXPECTED


def test_file_names_match_framework_ids() -> None:
    """A catalog file is named after its framework id, a mapping file after its mapping id."""
    for path in FILES:
        model = read_file(path)
        if isinstance(model, Catalog | MappingSet):
            assert path.stem == model.id


def test_soa_is_made_for_the_current_iso_standards(catalogs: CatalogSet) -> None:
    """Only the current ISO management-system standards take a Statement of Applicability."""
    with_soa = {c.id for c in catalogs.frameworks if c.framework.soa}
    assert with_soa == {"iso27001-2022", "iso27701-2019", "iso42001-2023"}


def test_headers_state_sources_and_licence(catalogs: CatalogSet) -> None:
    """Every header lists sources and says the summaries are complykit's own words."""
    for catalog in catalogs.frameworks:
        assert catalog.framework.sources
        has_summaries = any(item.summary for item in catalog.items)
        assert not has_summaries or OWN_WORDS in catalog.framework.licence, catalog.id


@pytest.mark.parametrize("framework_id", ["iso27001-2022", "iso27701-2019", "iso42001-2023"])
def test_iso_items_have_one_line_summaries(catalogs: CatalogSet, framework_id: str) -> None:
    """Every ISO control and clause has a short one-sentence summary."""
    catalog = catalogs.framework(framework_id)
    assert catalog is not None
    for item in catalog.items:
        assert item.summary, item.id
        assert len(item.summary) <= 160, item.id
        assert item.summary.endswith("."), item.id
        assert item.summary.count(". ") == 0, item.id


def test_mapping_rows_point_at_existing_ids(catalogs: CatalogSet) -> None:
    """Every mapping row's source and target exist in the mapped catalogs."""
    assert catalogs.mappings
    for mapping in catalogs.mappings:
        source = catalogs.framework(mapping.mapping.source_framework)
        target = catalogs.framework(mapping.mapping.target_framework)
        assert source is not None
        assert target is not None
        missing = [r for r in mapping.rows if r.source not in source or r.target not in target]
        assert missing == [], mapping.id


def test_mapping_rows_are_unique(catalogs: CatalogSet) -> None:
    """No mapping repeats a (source, target) pair."""
    for mapping in catalogs.mappings:
        pairs = [(row.source, row.target) for row in mapping.rows]
        assert len(pairs) == len(set(pairs)), mapping.id


def test_superseded_catalog_points_at_a_bundled_successor(catalogs: CatalogSet) -> None:
    """A superseded catalog names a bundled successor and a mapping to it."""
    old = catalogs.framework("iso27001-2013")
    assert old is not None
    assert old.framework.superseded_by == "iso27001-2022"
    assert catalogs.mappings_between("iso27001-2013", "iso27001-2022")
