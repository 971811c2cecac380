"""``core.frozen`` records behave as the frozen, slotted dataclasses they replaced."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from pathlib import PurePosixPath
from typing import Generic, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.core.findings import Finding, Severity
from complykit.core.frozen import FrozenInstanceError, astuple, field, fields, frozen, replace

T = TypeVar("T")


@frozen
class Point:
    """A point with a label that equality leaves out."""

    x: int
    y: int = 0
    label: str = field(default="", compare=False)
    tags: list[str] = field(default_factory=list, compare=False)


@frozen
class Labelled(Point):
    name: str = "p"


@frozen(order=True)
class Version:
    major: int
    minor: int
    note: str = field(default="", compare=False)


@frozen
class Box(Generic[T]):
    content: T


@frozen
class Checked:
    value: int
    doubled: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", 2 * self.value)


@frozen
class Nothing:
    pass


@dataclasses.dataclass(frozen=True, slots=True, order=True)
class VersionDataclass:
    major: int
    minor: int
    note: str = dataclasses.field(default="", compare=False)


def test_fields_defaults_and_keywords() -> None:
    assert Point(1) == Point(x=1, y=0)
    assert Point(1, 2, "a").label == "a"
    assert fields(Labelled) == ("x", "y", "label", "tags", "name")
    assert Labelled(1, name="q").name == "q"
    assert Point.__match_args__ == ("x", "y", "label", "tags")


def test_each_record_gets_its_own_default_from_a_factory() -> None:
    first, second = Point(1), Point(2)
    first.tags.append("a")
    assert second.tags == []


def test_equality_and_hash_leave_out_uncompared_fields() -> None:
    assert Point(1, 2, "a") == Point(1, 2, "b")
    assert hash(Point(1, 2, "a")) == hash(Point(1, 2, "b"))
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != Labelled(1)  # another class is never equal
    assert len({Point(1), Point(1, label="x"), Point(2)}) == 2


def test_records_of_another_class_do_not_sort_together() -> None:
    with pytest.raises(TypeError):
        _ = Version(1, 2) < VersionDataclass(1, 2)  # type: ignore[operator]


def test_records_cannot_be_changed() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.x
    with pytest.raises(AttributeError):
        point.other = 1  # type: ignore[attr-defined]
    assert not hasattr(point, "__dict__")


def test_repr_names_every_field() -> None:
    assert repr(Point(1, label="a")) == "Point(x=1, y=0, label='a', tags=[])"
    assert repr(Nothing()) == "Nothing()"


def test_post_init_runs_after_the_fields_are_set() -> None:
    assert Checked(3).doubled == 6


def test_generic_records_can_be_subscripted() -> None:
    assert Box[int](1).content == 1


def test_pickle_copy_and_replace_keep_every_field() -> None:
    point = Labelled(1, 2, "a", ["t"], "n")
    unpickled = pickle.loads(pickle.dumps(point))  # noqa: S301 - our own bytes
    for again in (unpickled, copy.copy(point), copy.deepcopy(point)):
        assert again == point
        assert (again.label, again.tags, again.name) == ("a", ["t"], "n")
    assert astuple(point) == (1, 2, "a", ["t"], "n")  # uncompared fields too
    moved = replace(point, y=5)
    assert (moved.x, moved.y, moved.label, moved.name) == (1, 5, "a", "n")


def test_a_finding_survives_a_pipe_between_processes() -> None:
    finding = Finding(PurePosixPath("a.yaml"), 1, 2, "REF001", Severity.ERROR, "unknown id", "hint")
    sent = pickle.dumps(finding, pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(sent) == finding  # noqa: S301 - our own bytes


versions = st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["", "a", "b"]))


@given(versions, versions)
def test_ordering_matches_the_dataclass_it_replaced(
    left: tuple[int, int, str], right: tuple[int, int, str]
) -> None:
    ours, theirs = (
        (Version(*left), Version(*right)),
        (
            VersionDataclass(*left),
            VersionDataclass(*right),
        ),
    )
    assert (ours[0] < ours[1]) == (theirs[0] < theirs[1])
    assert (ours[0] <= ours[1]) == (theirs[0] <= theirs[1])
    assert (ours[0] > ours[1]) == (theirs[0] > theirs[1])
    assert (ours[0] >= ours[1]) == (theirs[0] >= theirs[1])
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])
    assert (hash(ours[0]) == hash(ours[1])) or ours[0] != ours[1]
    assert sorted(ours) == sorted(ours, key=lambda version: (version.major, version.minor))
