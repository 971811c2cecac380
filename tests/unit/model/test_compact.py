"""Records that were given the same fields share one set of their names, and behave the same."""

from __future__ import annotations

from typing import Any

from complykit.model.validate import try_record

SUPPLIER: dict[str, Any] = {
    "kind": "supplier",
    "id": "sup-a",
    "name": "A",
    "services": ["mail"],
    "role": "processor",
    "country": "NL",
    "dpa": {"signed_on": "2025-01-10"},
    "breach_notification": {"within": "PT24H"},
}


def _supplier(**changes: Any) -> Any:
    record = try_record({**SUPPLIER, **changes})
    assert record is not None
    return record


def test_records_given_the_same_fields_share_one_set() -> None:
    """Two suppliers with the same fields, and their nested parts, share their field sets."""
    first, second = _supplier(id="sup-a"), _supplier(id="sup-b")
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.dpa.__pydantic_fields_set__ is second.dpa.__pydantic_fields_set__
    other = _supplier(notes="n")
    assert other.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    assert other.model_fields_set == first.model_fields_set | {"notes"}


def test_a_shared_set_changes_nothing_users_see() -> None:
    """Dumps of set fields and copies with changes work as on unshared records."""
    first, second = _supplier(id="sup-a"), _supplier(id="sup-b")
    assert first.model_dump(exclude_unset=True, mode="json")["id"] == "sup-a"
    changed = first.model_copy(update={"notes": "changed"})
    assert "notes" in changed.model_fields_set
    assert "notes" not in second.model_fields_set
    assert set(second.model_dump(exclude_unset=True)) == set(SUPPLIER)
