"""Every empty list field of a record is one frozen empty list, and users see a plain ``[]``."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from complykit.model.empty import EMPTY
from complykit.model.validate import try_record
from conftest import EXAMPLE
from unit.model.test_compact import SUPPLIER


def _record(data: dict[str, Any]) -> Any:
    record = try_record(data)
    assert record is not None
    return record


def test_fields_left_empty_hold_one_list_whether_written_or_defaulted() -> None:
    first = _record(SUPPLIER)
    second = _record({**SUPPLIER, "id": "sup-b", "tags": [], "locations": []})
    assert first.tags is EMPTY
    assert first.locations is EMPTY
    assert second.tags is EMPTY  # written as []: the same list
    assert second.locations is EMPTY
    assert second.model_fields_set >= {"tags", "locations"}  # still known as given


MUTATIONS: list[Callable[[list[Any]], object]] = [
    lambda items: items.append("x"),
    lambda items: items.extend(["x"]),
    lambda items: items.insert(0, "x"),
    lambda items: items.remove("x"),
    lambda items: items.pop(),
    lambda items: items.clear(),
    lambda items: items.sort(),
    lambda items: items.reverse(),
    lambda items: items.__setitem__(slice(0, 0), ["x"]),
    lambda items: items.__delitem__(slice(0, 1)),
    lambda items: items.__iadd__(["x"]),
    lambda items: items.__imul__(2),
]


@pytest.mark.parametrize("change", MUTATIONS)
def test_the_shared_list_cannot_be_changed(change: Callable[[list[Any]], object]) -> None:
    """A change would show in every record at once: it is refused, as assigning a field is."""
    record = _record(SUPPLIER)
    with pytest.raises(TypeError, match="cannot be changed"):
        change(record.tags)
    assert record.tags == []
    assert _record({**SUPPLIER, "id": "sup-c"}).tags == []


def test_users_see_a_plain_empty_list() -> None:
    record = _record(SUPPLIER)
    dumped = record.model_dump()
    assert dumped["tags"] == []
    assert type(dumped["tags"]) is list  # a plain list, not the shared one
    assert type(record.model_dump(mode="json")["locations"]) is list
    assert json.loads(record.model_dump_json())["tags"] == []
    assert json.dumps(record.tags) == "[]"
    assert yaml.safe_dump(record.model_dump(mode="json"))  # reports and exports dump this
    assert record.tags == []
    assert not record.tags
    assert [*record.tags, "x"] == ["x"]  # a list of one's own is made freely
    assert record.tags + ["x"] == ["x"]  # noqa: RUF005 - what a user's code may well do


def test_copies_and_pickles_are_the_one_list() -> None:
    assert copy.copy(EMPTY) is EMPTY
    assert copy.deepcopy(EMPTY) is EMPTY
    assert pickle.loads(pickle.dumps(EMPTY)) is EMPTY  # noqa: S301 - our own bytes
    assert copy.deepcopy(_record(SUPPLIER)).tags is EMPTY


def test_the_json_schema_default_is_an_empty_array() -> None:
    schema = type(_record(SUPPLIER)).model_json_schema()
    assert schema["properties"]["tags"]["default"] == []


def test_equal_parts_with_empty_lists_are_shared() -> None:
    """A DPIA screening that lists nothing holds only unchanging values: records with equal
    screenings hold one (an empty list used to make every part that held it unshareable)."""
    data = yaml.safe_load((EXAMPLE / "register" / "pa-client-records.yaml").read_text())
    screening = {**data["dpia_screening"], "vulnerable_data_subjects": [], "ap_list_items": []}
    first = _record({**data, "dpia_screening": screening})
    second = _record({**data, "id": "pa-other", "dpia_screening": dict(screening)})
    assert first.dpia_screening.vulnerable_data_subjects is EMPTY
    assert first.dpia_screening is second.dpia_screening
