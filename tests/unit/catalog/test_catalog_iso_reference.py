"""The ISO catalogs agree exactly with the reference facts in /work/shared/reference."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.catalog import Catalog, CatalogSet

    Reference = Callable[[str], Any]

# Reference titles that carry a source's typo or stray space; the catalog uses the official title.
TITLE_FIXES_2013 = {"A.12.6.1": "Management of technical vulnerabilities"}


def _catalog(catalogs: CatalogSet, framework_id: str) -> Catalog:
    catalog = catalogs.framework(framework_id)
    assert catalog is not None
    return catalog


def _titles(catalog: Catalog, kind: str) -> dict[str, str]:
    return {item.id: item.title for item in catalog.items if item.kind == kind}


def test_iso27001_2022_controls_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The 93 Annex A controls have the reference ids, titles, themes and new-in-2022 flags."""
    ref = reference("iso27001-2022-annexA.yaml")
    catalog = _catalog(catalogs, "iso27001-2022")
    assert _titles(catalog, "control") == {c["ref"]: c["title"] for c in ref["controls"]}
    themes = {c.id: (c.group, c.attributes["theme"]) for c in catalog.controls}
    assert themes == {c["ref"]: ("A." + c["id"].split(".")[0], c["theme"]) for c in ref["controls"]}
    new = {c.id for c in catalog.controls if c.attributes["new_in_2022"] is True}
    assert new == {c["ref"] for c in ref["controls"] if c["new_in_2022"]}


def test_iso27001_2022_counts_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Annex A counts are 93 = 37/8/14/34 with 11 new controls, as the reference says."""
    counts = reference("iso27001-2022-annexA.yaml")["counts"]
    catalog = _catalog(catalogs, "iso27001-2022")
    per_theme = Counter(str(c.attributes["theme"]) for c in catalog.controls)
    assert len(catalog.controls) == counts["total"] == 93
    assert per_theme == {
        k: counts[k] for k in ("organizational", "people", "physical", "technological")
    }
    assert per_theme == {"organizational": 37, "people": 8, "physical": 14, "technological": 34}
    new = [c for c in catalog.controls if c.attributes["new_in_2022"] is True]
    assert len(new) == counts["new_in_2022"] == 11
    groups = {g.id: g.title for g in catalog.groups}
    assert groups == {
        f"A.{t['id']}": t["title"] for t in reference("iso27001-2022-annexA.yaml")["themes"]
    }


def test_iso27001_2022_clauses_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Clauses 4-10 have the reference ids and titles."""
    ref = reference("iso27001-2022-annexA.yaml")
    catalog = _catalog(catalogs, "iso27001-2022")
    assert _titles(catalog, "clause") == {c["id"]: c["title"] for c in ref["clauses"]}
    assert {"4.1", "6.1.3", "9.2"} <= set(_titles(catalog, "clause"))


def test_iso27001_2013_ids_and_titles_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The 2013 catalog holds the 114 reference ids with their titles."""
    titles = reference("mappings.yaml")["iso27001_2013_to_2022"]["titles_2013"]
    expected = {k: TITLE_FIXES_2013.get(k, v.strip()) for k, v in titles.items()}
    catalog = _catalog(catalogs, "iso27001-2013")
    assert _titles(catalog, "control") == expected
    assert len(catalog.controls) == 114


def test_iso27001_2013_to_2022_correspondence_matches(
    catalogs: CatalogSet, reference: Reference
) -> None:
    """The 2013-to-2022 mapping has exactly the reference rows, covering all 114 old controls."""
    ref = reference("mappings.yaml")["iso27001_2013_to_2022"]
    expected = {
        (old, row["iso27001_2022"])
        for row in ref["rows_2022_from_2013"]
        for old in row["from_2013"]
    }
    from_2022_file = {
        (old, c["ref"])
        for c in reference("iso27001-2022-annexA.yaml")["controls"]
        for old in c["iso27001_2013"]
    }
    [mapping] = catalogs.mappings_between("iso27001-2013", "iso27001-2022")
    actual = {(row.source, row.target) for row in mapping.rows}
    assert actual == expected == from_2022_file
    assert {source for source, _ in actual} == {
        c.id for c in _catalog(catalogs, "iso27001-2013").controls
    }
    assert ref["counts"]["controls_2013"] == 114


def test_iso27701_controls_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Annex A (31, controller) and Annex B (18, processor) match the reference with 2025 ids."""
    ref = reference("iso27701-2019.yaml")
    catalog = _catalog(catalogs, "iso27701-2019")
    expected = {}
    for key, role in (
        ("annex_a_pii_controllers", "controller"),
        ("annex_b_pii_processors", "processor"),
    ):
        for group in ref[key]:
            for c in group["controls"]:
                expected[c["id"]] = (c["title"], group["group"], role, c["iso27701_2025_id"])
    actual = {c.id: (c.title, c.group, c.role, c.attributes["id_2025"]) for c in catalog.controls}
    assert actual == expected
    roles = Counter(c.role for c in catalog.controls)
    counts = ref["standard_2019"]["counts"]
    assert roles == {
        "controller": counts["annex_a_controls"],
        "processor": counts["annex_b_controls"],
    }
    assert roles == {"controller": 31, "processor": 18}


def test_iso27701_groups_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Control groups are the reference's A.7.x and B.8.x sections with their titles."""
    ref = reference("iso27701-2019.yaml")
    catalog = _catalog(catalogs, "iso27701-2019")
    expected = {
        g["group"]: g["title"]
        for key in ("annex_a_pii_controllers", "annex_b_pii_processors")
        for g in ref[key]
    }
    assert {g.id: g.title for g in catalog.groups} == expected


def test_iso42001_controls_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The 38 Annex A controls sit in the reference's 9 objectives with matching titles."""
    ref = reference("iso42001-2023-annexA.yaml")
    catalog = _catalog(catalogs, "iso42001-2023")
    expected: dict[str, tuple[str, str]] = {}
    for objective in ref["annex_a"]:
        for sub in [objective, *objective.get("sub_objectives", [])]:
            expected.update({c["id"]: (c["title"], sub["id"]) for c in sub.get("controls", [])})
    assert {c.id: (c.title, c.group) for c in catalog.controls} == expected
    top = {g.id: g.title for g in catalog.groups if g.parent is None}
    assert top == {o["id"]: o["title"] for o in ref["annex_a"]}
    assert len(top) == ref["counts"]["annex_a_objectives"] == 9
    assert len(catalog.controls) == ref["counts"]["annex_a_controls"] == 38


def test_iso42001_counts_per_objective_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Each objective holds the reference's number of controls, sub-objectives rolled up."""
    catalog = _catalog(catalogs, "iso42001-2023")
    parents = {g.id: g.parent or g.id for g in catalog.groups}
    per_objective = Counter(parents[str(c.group)] for c in catalog.controls)
    assert per_objective == reference("iso42001-2023-annexA.yaml")["counts"]["per_objective"]


def test_iso42001_clauses_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Clauses 4-10, including 6.1.4, match the reference; unverified ones are marked."""
    ref = reference("iso42001-2023-annexA.yaml")
    catalog = _catalog(catalogs, "iso42001-2023")
    assert _titles(catalog, "clause") == {c["id"]: c["title"] for c in ref["clauses"]}
    unverified = {i.id for i in catalog.items if i.attributes.get("unverified") is True}
    assert unverified == {c["id"] for c in ref["clauses"] if c.get("unverified")}
    assert "6.1.4" in unverified
