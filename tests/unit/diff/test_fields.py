"""Field-by-field comparison of record data into dotted paths."""

from __future__ import annotations

from typing import Any

import pytest

from complykit.diff.fields import field_changes

CASES: dict[str, tuple[dict[str, Any], dict[str, Any], list[tuple[str, Any, Any]]]] = {
    "scalar": ({"name": "a"}, {"name": "b"}, [("name", "a", "b")]),
    "nested": (
        {"residual": {"likelihood": 2, "impact": 2}},
        {"residual": {"likelihood": 3, "impact": 2}},
        [("residual.likelihood", 2, 3)],
    ),
    "field added": ({}, {"dpia": "dpia-x"}, [("dpia", None, "dpia-x")]),
    "string list compared whole": (
        {"data_subjects": ["staff"]},
        {"data_subjects": ["staff", "patients"]},
        [("data_subjects", ["staff"], ["staff", "patients"])],
    ),
    "items by position": (
        {"purposes": [{"legal_basis": "consent"}]},
        {"purposes": [{"legal_basis": "contract"}]},
        [("purposes[0].legal_basis", "consent", "contract")],
    ),
    "items by key survive reordering": (
        {"entries": [{"control": "A.5.1", "status": "planned"}, {"control": "A.5.2"}]},
        {"entries": [{"control": "A.5.2"}, {"control": "A.5.1", "status": "implemented"}]},
        [("entries[A.5.1].status", "planned", "implemented")],
    ),
    "a new keyed item lists its leaves": (
        {"personal_data": [{"name": "email"}]},
        {"personal_data": [{"name": "email"}, {"name": "scan", "special_category": "health"}]},
        [
            ("personal_data[scan].name", None, "scan"),
            ("personal_data[scan].special_category", None, "health"),
        ],
    ),
    "mapping keys with dots": (
        {"controls": {"iso27001-2022": ["A.8.13"]}},
        {"controls": {"iso27001-2022": ["A.8.13", "A.8.14"]}},
        [("controls.iso27001-2022", ["A.8.13"], ["A.8.13", "A.8.14"])],
    ),
    "equal data": ({"name": "a", "x": [1]}, {"name": "a", "x": [1]}, []),
}


@pytest.mark.parametrize("case", CASES)
def test_field_changes(case: str) -> None:
    """Each case yields exactly the listed (field, old, new) leaves, in field order."""
    old, new, expected = CASES[case]
    assert [(c.field, c.old, c.new) for c in field_changes(old, new)] == expected
