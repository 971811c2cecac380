"""Records are kept compactly (key-sharing dicts, shared field sets) and behave the same."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel

from complykit.model import compact
from complykit.model.compact import compacted, forget_shared
from complykit.model.empty import FrozenDict, FrozenList
from complykit.model.records import RECORD_MODELS
from complykit.model.references import references
from complykit.model.validate import try_record
from complykit.workspace.open import open_workspace
from conftest import EXAMPLE

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


def _held(make: Callable[[], object], count: int = 300) -> int:
    """Bytes still allocated after making ``count`` objects and keeping them."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [make() for _ in range(count)]
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(kept) == count
    return held


def test_validated_records_take_less_memory_than_pydantic_instances() -> None:
    """A validated record and its parts hold a third less than pydantic's own instances."""
    plain = _held(lambda: RECORD_MODELS["supplier"].model_validate(SUPPLIER))
    assert _held(_supplier) < 0.8 * plain


def test_every_example_record_is_the_same_after_compaction() -> None:
    """Each record of the example equals a fresh validation, dumps the same and re-validates."""
    opened = open_workspace(EXAMPLE, as_of=date(2026, 11, 23))
    assert opened.repo is not None
    for entry in opened.repo.entries:
        record = entry.record
        fresh = type(record).model_validate(record.model_dump(exclude_unset=True))
        assert record == fresh
        assert record.model_dump(mode="json") == fresh.model_dump(mode="json")
        assert record.model_fields_set == fresh.model_fields_set
        again = compacted(fresh)
        assert again == record
        assert again is not fresh
        assert RECORD_MODELS[record.kind] is type(record)


def test_records_share_equal_dates_and_reference_paths() -> None:
    """Equal dates are one object, and references at the same path share their path."""
    first, second = _supplier(id="sup-a"), _supplier(id="sup-b")
    assert first.dpa.signed_on is second.dpa.signed_on
    walked = [references(record) for record in (first, second)]
    assert walked[0]
    assert [r.loc for r in walked[0]] == [r.loc for r in walked[1]]
    assert all(a.loc is b.loc for a, b in zip(*walked, strict=True))
    assert all(a is b for a, b in zip(*walked, strict=True) if a.value == b.value)
    assert any(a.value == b.value for a, b in zip(*walked, strict=True))


def test_records_share_equal_parts_and_texts() -> None:
    """Equal nested parts and equal texts of two records are one object each."""
    long_name = "Cloud hosting for the patient portal, incident response included"
    copied = "".join([long_name[:10], long_name[10:]])
    assert copied is not long_name
    first = _supplier(id="sup-a", name=long_name)
    second = _supplier(id="sup-b", name=copied)
    assert first.breach_notification is second.breach_notification
    assert first.breach_notification.within is second.breach_notification.within
    assert first.name is second.name
    assert first.dpa is second.dpa
    other = _supplier(id="sup-c", dpa={"signed_on": "2025-01-11"})
    assert other.dpa is not first.dpa
    assert other.dpa.signed_on.isoformat() == "2025-01-11"


def test_parts_given_different_fields_stay_apart() -> None:
    """Parts are shared only when they were given the same fields with the same values."""
    given = _supplier(id="sup-a", breach_notification={"within": "PT24H", "clause": "12"})
    unset = _supplier(id="sup-b", breach_notification={"within": "PT24H"})
    assert given.breach_notification is not unset.breach_notification
    assert given.breach_notification.clause == "12"
    assert unset.breach_notification.clause is None
    assert "clause" not in unset.breach_notification.model_fields_set


class _Value(BaseModel):
    value: int | bool | str | None = None
    when: date | None = None


class _Holder(BaseModel):
    parts: list[_Value]


def test_parts_with_equal_values_of_other_types_stay_apart() -> None:
    """``1 == True`` in Python, yet a part holding one is not the part holding the other."""
    held = compacted(
        _Holder(parts=[_Value(value=1), _Value(value=True), _Value(value=1), _Value()])
    ).parts
    assert [type(part.value) for part in held] == [int, bool, int, type(None)]
    assert held[0] is held[2]
    assert held[0] is not held[1]
    assert compacted(_Holder(parts=[_Value(value="1")])).parts[0] is not held[0]


def test_parts_share_what_was_given_not_only_what_they_hold() -> None:
    """A part given ``None`` and one left at ``None`` dump differently with exclude_unset."""
    given, unset = compacted(_Holder(parts=[_Value(value=None), _Value()])).parts
    assert given is not unset
    assert given.model_dump(exclude_unset=True) == {"value": None}
    assert unset.model_dump(exclude_unset=True) == {}


def test_forgetting_the_tables_keeps_records_and_starts_sharing_afresh() -> None:
    """Records made before the tables are dropped stay intact; later ones share again."""
    before = _supplier(id="sup-a")
    forget_shared()
    first, second = _supplier(id="sup-b"), _supplier(id="sup-c")
    assert before.dpa == first.dpa
    assert before.dpa is not first.dpa
    assert first.dpa is second.dpa


def test_a_full_table_of_parts_forgets_their_ids_with_them(monkeypatch: Any) -> None:
    """Once the parts are forgotten their ids may be reused, so no id may stay marked shared."""
    forget_shared()
    monkeypatch.setattr(compact._PARTS, "limit", 2)
    for day in range(1, 6):
        _supplier(id=f"sup-{day}", dpa={"signed_on": f"2025-01-0{day}"})
        assert len(compact._SHARED_PARTS) == len(compact._PARTS) <= 2
    forget_shared()
    assert not compact._SHARED_PARTS


def test_shared_references_are_forgotten_beyond_their_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The table of shared references stays bounded; what the walk gives does not change."""
    from complykit.model import references as module  # noqa: PLC0415

    records = [_supplier(id=f"sup-{n}", country=c) for n, c in enumerate(["NL", "BE", "DE"] * 4)]
    module.forget_shared_references()
    unbounded = [[(r.loc, r.value, r.marker) for r in references(x)] for x in records]
    module.forget_shared_references()
    monkeypatch.setattr(module, "_KEPT", 3)
    bounded = [[(r.loc, r.value, r.marker) for r in references(x)] for x in records]
    assert bounded == unbounded
    assert module._SHARED.kept <= 3


def test_records_share_equal_lists_of_texts_which_refuse_change() -> None:
    """Equal lists of texts are one frozen list: a list to every reader, changed by none."""
    first = _supplier(id="sup-a", services=["mail", "hosting"])
    second = _supplier(id="sup-b", services=["mail", "hosting"])
    assert first.services is second.services
    assert first.services == ["mail", "hosting"]
    assert isinstance(first.services, list)
    assert _supplier(id="sup-c", services=["mail"]).services is not first.services
    with pytest.raises(TypeError):
        first.services.append("backup")
    with pytest.raises(TypeError):
        first.services[0] = "post"
    assert second.services == ["mail", "hosting"]


class _Numbers(BaseModel):
    numbers: list[int | bool]
    controls: dict[str, list[str]] = {}


def test_lists_of_other_values_stay_apart() -> None:
    """``[1] == [True]``: only lists of texts are shared."""
    ones = compacted(_Numbers(numbers=[1])).numbers
    trues = compacted(_Numbers(numbers=[True])).numbers
    assert ones is not trues
    assert [type(value) for value in trues] == [bool]


def test_records_share_equal_mappings_of_lists_of_texts() -> None:
    """The controls a record names, by framework, are one frozen mapping for equal ones."""
    first = compacted(_Numbers(numbers=[], controls={"iso": ["A.5.1", "A.8.2"]}))
    second = compacted(_Numbers(numbers=[], controls={"iso": ["A.5.1", "A.8.2"]}))
    assert first.controls is second.controls
    assert first.controls == {"iso": ["A.5.1", "A.8.2"]}
    with pytest.raises(TypeError):
        first.controls["nist"] = []
    other = compacted(_Numbers(numbers=[], controls={"iso": ["A.5.1"]}))
    assert other.controls is not first.controls


def test_equal_mappings_in_another_key_order_hash_equal() -> None:
    """Python's contract: objects that compare equal hash equal, and dicts compare equal
    whatever their key order."""
    iso_first = FrozenDict({"iso": FrozenList(["A.5.1"]), "nist": FrozenList(["GV.OC-01"])})
    nist_first = FrozenDict({"nist": FrozenList(["GV.OC-01"]), "iso": FrozenList(["A.5.1"])})
    assert iso_first == nist_first
    assert hash(iso_first) == hash(nist_first)
    assert len({iso_first, nist_first}) == 1


def test_each_record_keeps_its_own_key_order() -> None:
    """Equal mappings in another key order are not shared: a record lists its controls by
    framework in the order its author wrote them (reports show them so)."""
    forget_shared()
    iso_first = compacted(_Numbers(numbers=[], controls={"iso": ["A.5.1"], "nist": ["GV.OC-01"]}))
    nist_first = compacted(_Numbers(numbers=[], controls={"nist": ["GV.OC-01"], "iso": ["A.5.1"]}))
    assert list(iso_first.controls) == ["iso", "nist"]
    assert list(nist_first.controls) == ["nist", "iso"]
    again = compacted(_Numbers(numbers=[], controls={"nist": ["GV.OC-01"], "iso": ["A.5.1"]}))
    assert again.controls is nist_first.controls


class _Nested(BaseModel):
    inner: _Numbers


def test_parts_holding_mappings_in_another_key_order_stay_apart() -> None:
    """A shared part is found by its values: a mapping in another key order is another part."""
    forget_shared()
    iso_first = compacted(
        _Nested(inner=_Numbers(numbers=[], controls={"iso": ["A.5.1"], "nist": ["GV.OC-01"]}))
    )
    nist_first = compacted(
        _Nested(inner=_Numbers(numbers=[], controls={"nist": ["GV.OC-01"], "iso": ["A.5.1"]}))
    )
    assert list(iso_first.inner.controls) == ["iso", "nist"]
    assert list(nist_first.inner.controls) == ["nist", "iso"]


def test_a_part_whose_key_hash_collides_is_not_shared(monkeypatch: Any) -> None:
    """Shared parts are found by the hash of their key; a part found that way is compared
    with the one being copied, so a collision makes a copy of its own, never a wrong share."""
    monkeypatch.setattr(compact, "hash", lambda _key: 42, raising=False)
    forget_shared()
    one, other = compacted(_Holder(parts=[_Value(value=1), _Value(value=2)])).parts
    assert (one.value, other.value) == (1, 2)
    again = compacted(_Holder(parts=[_Value(value=1)])).parts[0]
    assert again is one
    forget_shared()
