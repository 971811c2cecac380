"""The GDPR, AI Act and DPIA catalogs and the law mappings agree with the reference facts."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from complykit.catalog import Catalog, CatalogSet

    Reference = Callable[[str], Any]

# Reference titles that are short labels where the catalog keeps the official article title.
OFFICIAL_TITLES = {"Art. 89"}


def expand(citation: str) -> list[str]:
    """Expand a reference range: 'Art. 9(6)-(8)', 'Art. 27(1)(c)-(d)', 'Art. 40-43'."""
    if match := re.fullmatch(r"(.*)\((\w+)\)-\((\w+)\)", citation):
        base, first, last = match.groups()
        if first.isdigit():
            return [f"{base}({n})" for n in range(int(first), int(last) + 1)]
        return [f"{base}({chr(n)})" for n in range(ord(first), ord(last) + 1)]
    if match := re.fullmatch(r"Art\. (\d+)-(\d+)", citation):
        return [f"Art. {n}" for n in range(int(match[1]), int(match[2]) + 1)]
    return [citation]


def entries(data: Any, fields: tuple[str, ...] = ("id",)) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (citation, entry) in a reference file whose id or ref is an article or annex."""
    if isinstance(data, dict):
        for field in fields:
            value = data.get(field)
            if isinstance(value, str) and value.startswith(("Art", "Annex")):
                yield value, data
        for child in data.values():
            yield from entries(child, fields)
    elif isinstance(data, list):
        for child in data:
            yield from entries(child, fields)


def _catalog(catalogs: CatalogSet, framework_id: str) -> Catalog:
    catalog = catalogs.framework(framework_id)
    assert catalog is not None
    return catalog


def test_gdpr_items_the_reference_leaves_unverified_say_so(
    catalogs: CatalogSet, reference: Reference
) -> None:
    """A GDPR entry the reference marks unverified (the Art. 8 national age) is unverified in
    the catalog too, with a note that says what is not verified."""
    catalog = _catalog(catalogs, "gdpr")
    doubtful = [c for c, entry in entries(reference("gdpr.yaml")) if entry.get("unverified")]
    assert "Art. 8" in doubtful
    for citation in doubtful:
        item = catalog.item(citation)
        assert item is not None
        assert item.attributes.get("unverified") is True, citation
        assert item.attributes.get("unverified_note"), citation


def test_gdpr_art8_holds_only_for_consent(catalogs: CatalogSet) -> None:
    """Art. 8(1) applies 'where point (a) of Article 6(1) applies', to services offered directly
    to a child: the summary says so, and that the Dutch age is not verified."""
    item = _catalog(catalogs, "gdpr").item("Art. 8")
    assert item is not None
    summary = item.summary or ""
    assert "consent (Art. 6(1)(a))" in summary
    assert "offered directly to a child" in summary
    assert "not verified" in summary


def test_gdpr_has_every_reference_citation(catalogs: CatalogSet, reference: Reference) -> None:
    """Every GDPR id in the reference, ranges expanded, is a catalog item."""
    catalog = _catalog(catalogs, "gdpr")
    cited = {one for citation, _ in entries(reference("gdpr.yaml")) for one in expand(citation)}
    assert sorted(cited - {item.id for item in catalog.items}) == []
    assert {"Art. 30(1)(f)", "Art. 6(1)(a)", "Art. 9(2)(h)", "Art. 33(1)", "Art. 46(2)(c)"} <= {
        item.id for item in catalog.items
    }


def test_gdpr_titles_and_keys_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Reference titles and keys reappear unchanged, official article titles excepted."""
    catalog = _catalog(catalogs, "gdpr")
    for citation, entry in entries(reference("gdpr.yaml")):
        item = catalog.item(citation)
        if item is None:
            continue
        if "title" in entry and citation not in OFFICIAL_TITLES:
            assert item.title == entry["title"], citation
        if "key" in entry:
            assert item.attributes.get("key") == entry["key"], citation


def test_gdpr_kinds_and_parents_follow_the_citation(catalogs: CatalogSet) -> None:
    """`Art. N` is an article, `(a)` ends a point, and each sub-item names its enclosing item."""
    for item in _catalog(catalogs, "gdpr").items:
        if re.fullmatch(r"Art\. \d+", item.id):
            assert (item.kind, item.parent) == ("article", None)
        else:
            assert item.parent is not None
            assert item.id.startswith(item.parent)
        if re.search(r"\([a-z]\)$", item.id):
            assert item.kind == "point"


def test_breach_notification_summary_keeps_the_conditions(catalogs: CatalogSet) -> None:
    """The Art. 33 row, which catalog and report views show, does not make 72 hours the whole
    rule: without undue delay, the 72 hours only where feasible, the no-risk exception and
    the reasons owed for a later notification (ref gdpr.yaml Art. 33)."""
    item = _catalog(catalogs, "gdpr").item("Art. 33")
    assert item is not None
    summary = " ".join((item.summary or "").split())
    for words in (
        "without undue delay",
        "where feasible, within 72 hours",
        "unlikely to result in a risk",
        "reasons for the delay",
    ):
        assert words in summary, words


def test_ai_act_has_every_reference_citation(catalogs: CatalogSet, reference: Reference) -> None:
    """Every AI Act article, paragraph and annex in the reference is a catalog item."""
    catalog = _catalog(catalogs, "eu-ai-act")
    cited = {
        one for c, _ in entries(reference("eu-ai-act.yaml"), ("id", "ref")) for one in expand(c)
    }
    assert sorted(cited - {item.id for item in catalog.items}) == []


def test_ai_act_titles_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Reference article and annex titles reappear unchanged."""
    catalog = _catalog(catalogs, "eu-ai-act")
    for citation, entry in entries(reference("eu-ai-act.yaml")):
        item = catalog.item(citation)
        if item is not None and "title" in entry:
            assert item.title == entry["title"], citation


def test_ai_act_annex_iii_matches(catalogs: CatalogSet, reference: Reference) -> None:
    """Annex III has the reference's 8 areas and 25 points, cited as `Annex III(1)(a)`."""
    ref = reference("eu-ai-act.yaml")
    catalog = _catalog(catalogs, "eu-ai-act")
    areas = {i.id: i.title for i in catalog.items if i.parent == "Annex III"}
    assert areas == {f"Annex III({a['id']})": a["area"] for a in ref["annex_iii"]}
    points = {i.id for i in catalog.items if i.parent in areas}
    expected = {
        f"Annex III({p['id'].replace('(', ')(', 1)}" for a in ref["annex_iii"] for p in a["points"]
    }
    assert points == expected
    assert (len(areas), len(points)) == (
        ref["annex_iii_counts"]["areas"],
        ref["annex_iii_counts"]["points"],
    )


def test_ai_act_annex_i_matches(catalogs: CatalogSet, reference: Reference) -> None:
    """Annex I lists the reference's 20 acts in sections A (1-12) and B (13-20)."""
    ref = reference("eu-ai-act.yaml")["annex_i"]
    catalog = _catalog(catalogs, "eu-ai-act")
    for section, label in (("section_a", "Section A"), ("section_b", "Section B")):
        items = [i for i in catalog.items if i.parent == f"Annex I {label}"]
        # PyYAML reads the reference's `no:` key as the boolean False.
        assert [(i.id, i.attributes["act"]) for i in items] == [
            (f"Annex I({e[False]})", e["act"]) for e in ref[section]
        ]


def test_ai_act_roles_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The Art. 3 role definitions carry the reference role keys and Dutch names."""
    catalog = _catalog(catalogs, "eu-ai-act")
    for role in reference("eu-ai-act.yaml")["roles"]:
        item = catalog.item(role["ref"])
        assert item is not None
        assert item.attributes.get("role") == role["id"]
        assert item.title_nl == role.get("nl")


def test_ai_act_application_dates_match(catalogs: CatalogSet, reference: Reference) -> None:
    """Art. 113 dates and the obligations' applies_from follow the reference key dates."""
    ref = reference("eu-ai-act.yaml")
    catalog = _catalog(catalogs, "eu-ai-act")
    for entry in ref["key_dates"]:
        item = catalog.item(entry.get("ref", ""))
        if item is not None and entry["ref"].startswith("Art. 113"):
            assert item.applies_from == entry["date"], entry["ref"]
    expected = {
        "Art. 4": ref["ai_literacy"]["applies_from"],
        "Art. 5(1)(h)": date(2025, 2, 2),
        "Art. 6(1)": ref["high_risk_classification"][0]["applies_from"],
        "Art. 6(2)": ref["high_risk_classification"][1]["applies_from"],
        "Art. 50(1)": ref["transparency_obligations_applies_from"],
        "Art. 53(1)(a)": date(2025, 8, 2),
        "Art. 26(1)": date(2026, 8, 2),
    }
    assert {k: getattr(catalog.item(k), "applies_from", None) for k in expected} == expected


@pytest.mark.parametrize(
    ("citation", "moved_to"),
    [
        ("Annex III", "2027-12-02"),
        ("Art. 6(2)", "2027-12-02"),
        ("Annex I", "2028-08-02"),
        ("Art. 6(1)", "2028-08-02"),
        ("Art. 50(2)", "2026-12-02"),
        ("Art. 57", "2027-08-02"),
    ],
)
def test_ai_act_omnibus_dates_are_marked_unverified(
    catalogs: CatalogSet, reference: Reference, citation: str, moved_to: str
) -> None:
    """Dates the Digital Omnibus moves are recorded as attributes and flagged unverified."""
    omnibus = reference("eu-ai-act.yaml")["digital_omnibus_on_ai"]
    assert omnibus["unverified"] is True
    assert moved_to in {str(c.get("to")) for c in omnibus["changes"]}
    item = _catalog(catalogs, "eu-ai-act").item(citation)
    assert item is not None
    assert item.attributes["omnibus_applies_from"] == moved_to
    assert item.attributes["omnibus_unverified"] is True


def _pairs(catalogs: CatalogSet, source: str, target: str) -> set[tuple[str, str]]:
    [mapping] = catalogs.mappings_between(source, target)
    return {(row.source, row.target) for row in mapping.rows}


def test_iso27701_to_gdpr_rows_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The 27701-to-GDPR rows are the reference rows, and the set is marked unverified."""
    ref = reference("mappings.yaml")["iso27701_2019_to_gdpr"]
    expected = {
        (r["control"], g)
        for part in ("controller", "processor")
        for r in ref[part]
        for g in r["gdpr"]
    }
    assert _pairs(catalogs, "iso27701-2019", "gdpr") == expected
    [mapping] = catalogs.mappings_between("iso27701-2019", "gdpr")
    assert mapping.mapping.unverified is ref["unverified"] is True


def test_iso42001_to_ai_act_rows_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The 42001 control rows are the reference rows with ranges expanded; the set is unverified."""
    ref = reference("mappings.yaml")["iso42001_annexA_to_ai_act"]
    expected = {(r["control"], one) for r in ref["rows"] for t in r["ai_act"] for one in expand(t)}
    actual = _pairs(catalogs, "iso42001-2023", "eu-ai-act")
    assert {pair for pair in actual if pair[0].startswith("A.")} == expected
    assert ("6.1.4", "Art. 27") in actual
    [mapping] = catalogs.mappings_between("iso42001-2023", "eu-ai-act")
    assert mapping.mapping.unverified is True


def test_ai_act_to_gdpr_rows_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The AI Act-to-GDPR links are the reference links with combined targets split."""
    ref = reference("mappings.yaml")["ai_act_gdpr_links"]
    expected = {
        (r["ai_act"], one) for r in ref for part in r["gdpr"].split(" / ") for one in expand(part)
    }
    assert _pairs(catalogs, "eu-ai-act", "gdpr") == expected


def test_unverified_mapping_to_27001_says_so(catalogs: CatalogSet) -> None:
    """The 27701-to-27001 rows have no reference facts, so the set and every row are unverified."""
    [mapping] = catalogs.mappings_between("iso27701-2019", "iso27001-2022")
    assert mapping.mapping.unverified is True
    assert all(row.unverified for row in mapping.rows)


def test_every_annex_iii_point_has_a_dutch_title(catalogs: CatalogSet) -> None:
    """The Dutch AI register names the Annex III point a system is classified under; an
    English title there read as a gap in the translation."""
    catalog = _catalog(catalogs, "eu-ai-act")
    points = [item for item in catalog.items if item.id.startswith("Annex III")]
    assert len(points) == 34
    assert [item.id for item in points if not item.title_nl] == []
