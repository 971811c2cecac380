"""The catalog models accept the documented format and reject broken files."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from complykit.catalog import Catalog, Countries, MappingSet

HEADER: dict[str, Any] = {
    "id": "demo",
    "name": "Demo framework",
    "edition": 2024,
    "publisher": "Demo body",
    "published": date(2024, 1, 1),
    "sources": ["made up for a test"],
    "licence": "ids only",
    "soa": True,
}


def _catalog(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": 1,
        "framework": HEADER,
        "groups": [{"id": "G", "title": "Group"}],
        "items": [
            {"id": "C.1", "kind": "control", "title": "First", "group": "G"},
            {"id": "C.1.1", "kind": "clause", "title": "Part", "parent": "C.1"},
        ],
    }
    data.update(changes)
    return data


def test_valid_catalog_builds_its_index() -> None:
    """A valid catalog looks items up by id and lists its controls."""
    catalog = Catalog.model_validate(_catalog())
    item = catalog.item("C.1")
    assert item is not None
    assert item.title == "First"
    assert [i.id for i in catalog.controls] == ["C.1"]
    assert catalog.item("C.9") is None
    assert "C.1.1" in catalog


def test_header_accepts_yaml_scalars() -> None:
    """An integer edition and a date published value become strings."""
    catalog = Catalog.model_validate(_catalog())
    assert (catalog.framework.edition, catalog.framework.published) == ("2024", "2024-01-01")


def test_applies_from_accepts_date_or_iso_string() -> None:
    """`applies_from` takes a date object as PyYAML gives it, or an ISO string."""
    items = [
        {"id": "A", "kind": "article", "title": "A", "applies_from": date(2026, 8, 2)},
        {"id": "B", "kind": "article", "title": "B", "applies_from": "2026-08-02"},
    ]
    catalog = Catalog.model_validate(_catalog(items=items, groups=[]))
    assert {i.applies_from for i in catalog.items} == {date(2026, 8, 2)}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"id": "X", "kind": "control", "title": "X"}] * 2, "duplicate item id"),
        ([{"id": "X", "kind": "control", "title": "X", "group": "nope"}], "unknown item group"),
        ([{"id": "X", "kind": "control", "title": "X", "parent": "nope"}], "unknown item parent"),
        ([{"id": "X", "kind": "rule", "title": "X"}], "kind"),
        ([{"id": "X", "kind": "control", "title": "X", "extra": 1}], "Extra inputs"),
        ([{"id": 5, "kind": "control", "title": "X"}], "valid string"),
    ],
)
def test_broken_items_are_rejected(items: list[dict[str, Any]], message: str) -> None:
    """Duplicate ids, dangling references, unknown kinds and unknown keys fail validation."""
    with pytest.raises(ValidationError, match=message):
        Catalog.model_validate(_catalog(items=items))


def test_mapping_set_lists_targets_in_row_order() -> None:
    """A mapping set returns the targets of one source id."""
    mapping = MappingSet.model_validate(
        {
            "schema_version": 1,
            "mapping": {
                "id": "a-to-b",
                "name": "A to B",
                "source_framework": "a",
                "target_framework": "b",
                "sources": ["test"],
                "licence": "ids only",
            },
            "rows": [
                {"source": "1", "target": "y", "relationship": "subset"},
                {"source": "1", "target": "x", "relationship": "related", "unverified": True},
                {"source": "2", "target": "z", "relationship": "equivalent"},
            ],
        }
    )
    assert mapping.targets("1") == ["y", "x"]


def test_mapping_rejects_unknown_relationship() -> None:
    """A relationship outside the four allowed values fails validation."""
    with pytest.raises(ValidationError, match="relationship"):
        MappingSet.model_validate(
            {
                "schema_version": 1,
                "mapping": {
                    "id": "a-to-b",
                    "name": "A to B",
                    "source_framework": "a",
                    "target_framework": "b",
                    "sources": ["test"],
                    "licence": "ids only",
                },
                "rows": [{"source": "1", "target": "y", "relationship": "same"}],
            }
        )


def test_countries_answer_membership_and_adequacy() -> None:
    """Countries look codes up case-insensitively and pick the decision in force on a date."""
    countries = Countries.model_validate(
        {
            "schema_version": 1,
            "framework": {**HEADER, "id": "countries", "soa": False},
            "countries": [
                {"code": "NL", "name": "Netherlands", "eu": True, "eea": True},
                {
                    "code": "US",
                    "name": "United States",
                    "adequacy": [
                        {
                            "decision": "old",
                            "adopted": "2016-07-12",
                            "ended": "2020-07-16",
                            "partial": True,
                            "scope": "certified only",
                        },
                        {
                            "decision": "new",
                            "adopted": date(2023, 7, 10),
                            "partial": True,
                            "scope": "certified only",
                        },
                    ],
                },
            ],
        }
    )
    assert countries.known("nl")
    assert not countries.known("XX")
    assert countries.name("US") == "United States"
    assert countries.in_eea("NL")
    assert not countries.in_eea("US")
    assert countries.adequacy("NL", date(2024, 1, 1)) is None
    decisions = [countries.adequacy("US", date(y, 1, 1)) for y in (2015, 2018, 2022, 2024)]
    assert [d.decision if d else None for d in decisions] == [None, "old", None, "new"]
