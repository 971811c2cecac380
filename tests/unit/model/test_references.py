"""The reference walk: every marked value, at its path, and none missed by what it skips."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

from pydantic import BaseModel

from complykit.model.references import (
    PERSON,
    Reference,
    forget_shared_references,
    marker_key,
    named_values,
    reference_rows,
    references,
    referred_values,
)
from complykit.model.types import CountryMarker, RefTo
from complykit.workspace.open import open_repository
from conftest import EXAMPLE

SUPPLIER = RefTo(("supplier",))
COUNTRY = CountryMarker()


class _Score(BaseModel):
    """Holds no reference anywhere: a walk need not enter it."""

    value: int = 0


class _Site(BaseModel):
    country: Annotated[str, COUNTRY]
    score: _Score = _Score()


class _Chain(BaseModel):
    """Holds itself: a reference any number of levels down is still found."""

    supplier: Annotated[str | None, SUPPLIER] = None
    next: Optional[_Chain] = None  # noqa: UP045 - the self-reference pydantic resolves by name


class _Activity(BaseModel):
    processors: list[Annotated[str, SUPPLIER]] = []
    sites: list[_Site] = []
    scores: list[_Score] = []
    chain: _Chain | None = None


def _walked(model: BaseModel) -> list[tuple[tuple[str | int, ...], object, object]]:
    return [(r.loc, r.value, r.marker) for r in references(model)]


def test_every_marked_value_is_found_at_its_path_in_field_order() -> None:
    activity = _Activity(
        processors=["sup-a", "sup-b"],
        sites=[{"country": "NL"}, {"country": "BE"}],  # type: ignore[list-item]
        scores=[{"value": 3}],  # type: ignore[list-item]
    )
    assert _walked(activity) == [
        (("processors", 0), "sup-a", SUPPLIER),
        (("processors", 1), "sup-b", SUPPLIER),
        (("sites", 0, "country"), "NL", COUNTRY),
        (("sites", 1, "country"), "BE", COUNTRY),
    ]


def test_a_model_that_holds_itself_is_walked_to_the_bottom() -> None:
    chain = _Chain(next=_Chain(next=_Chain(supplier="sup-deep")))
    assert _walked(_Activity(chain=chain)) == [
        (("chain", "next", "next", "supplier"), "sup-deep", SUPPLIER)
    ]


def test_equal_references_at_one_path_are_one_object_until_forgotten() -> None:
    """Records that name the same value in the same field share one reference and one path."""
    first, second = (references(_Activity(processors=["sup-a"])) for _ in range(2))
    assert first[0] is second[0]
    forget_shared_references()
    third = references(_Activity(processors=["sup-a"]))[0]
    assert third is not first[0]
    assert third == Reference(("processors", 0), "sup-a", SUPPLIER)
    assert third.loc == first[0].loc


def test_an_unshared_walk_finds_the_same_but_makes_its_own_references() -> None:
    """A walk whose references are dropped soon after keeps none of them in the tables."""
    kept = references(_Activity(processors=["sup-a"]))
    once = references(_Activity(processors=["sup-a"]), shared=False)
    assert once == kept
    assert once[0] is not kept[0]
    assert references(_Activity(processors=["sup-a"]))[0] is kept[0]  # the table holds no copy


def test_referred_values_are_the_walks_record_references_without_their_paths() -> None:
    deep = _Chain(supplier="sup-top", next=_Chain(next=_Chain(supplier="sup-deep")))
    activity = _Activity(
        processors=["sup-a", "sup-b"],
        sites=[{"country": "NL"}],  # type: ignore[list-item]
        chain=deep,
    )
    walked = [r.value for r in references(activity) if isinstance(r.marker, RefTo)]
    assert referred_values(activity) == walked == ["sup-a", "sup-b", "sup-top", "sup-deep"]
    assert referred_values(activity, leaving_out=("supplier",)) == []


def test_rows_are_the_references_as_the_cache_writes_them() -> None:
    """The walk that makes rows finds what the walk that makes references finds, in order."""
    deep = _Chain(supplier="sup-top", next=_Chain(next=_Chain(supplier="sup-deep")))
    activity = _Activity(
        processors=["sup-a", "sup-b"],
        sites=[{"country": "NL"}],  # type: ignore[list-item]
        chain=deep,
    )
    assert reference_rows(activity) == [
        (("supplier",), "sup-a", ("processors", 0)),
        (("supplier",), "sup-b", ("processors", 1)),
        ("country", "NL", ("sites", 0, "country")),
        (("supplier",), "sup-top", ("chain", "supplier")),
        (("supplier",), "sup-deep", ("chain", "next", "next", "supplier")),
    ]
    assert named_values(reference_rows(activity)) == ("sup-a", "sup-b", "sup-top", "sup-deep")
    assert named_values(reference_rows(activity), leaving_out=("supplier",)) == ()


def test_rows_match_the_reference_walk_on_every_record_of_the_example() -> None:
    """Every kind of record, as the bundled example writes it: the same references, and the
    same ids named, whichever walk finds them."""
    repo, errors = open_repository(EXAMPLE, date(2026, 11, 23))
    assert errors == 0
    for entry in repo.entries:
        walked = references(entry.record, shared=False)
        rows = reference_rows(entry.record)
        assert rows == [(marker_key(r.marker), r.value, r.loc) for r in walked], entry
        ids = referred_values(entry.record, leaving_out=PERSON)
        assert named_values(rows, PERSON) == tuple(dict.fromkeys(i for i in ids if type(i) is str))
    assert sum(len(reference_rows(e.record)) for e in repo.entries) > 100
