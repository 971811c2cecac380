"""Find every reference and evidence value in a record, with the path to it.

Reference fields are marked in the type (``RefTo``, ``EvidenceMarker`` in ``types.py``), so a
new field that names another record is checked without touching any check.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, get_args

from complykit.core.frozen import frozen
from complykit.model.declaring import BaseModel
from complykit.model.types import ControlsMarker, CountryMarker, EvidenceMarker, RefTo

Loc = tuple[str | int, ...]
Marker = RefTo | EvidenceMarker | CountryMarker | ControlsMarker


@frozen
class Reference:
    loc: Loc
    value: Any
    """A string, or for ``ControlsMarker`` the whole framework-to-ids mapping."""
    marker: Marker


_KEPT = 500_000
"""Paths and references the tables keep before they start afresh, as the tables of
``core.sharing`` do, so that a long-running process does not grow without bound."""


class _Place:
    """A path inside records, shared by every record with a value there: the path as one tuple,
    the places below it by key or index, and the references made there by marker, then value.

    The walk steps from place to place with one dict look-up in C per step. Keyed by the
    path tuples themselves, every step built a tuple and hashed all of it, and every reference
    hashed its path again (a third of the walk at 50,000 records). A marker is a field's
    annotation, alive as long as its model class, so its identity is a safe key.
    """

    __slots__ = ("below", "loc", "made")

    def __init__(self, loc: Loc) -> None:
        self.loc = loc
        self.below: dict[str | int, _Place] = {}
        self.made: dict[int, dict[str, Reference]] = {}

    def at(self, key: str | int) -> _Place:
        _SHARED.make_room()
        place = self.below[key] = type(self)((*self.loc, key))  # a _PathPlace's are too
        return place

    def reference(self, value: Any, marker: Marker) -> Reference:
        """The reference to ``value`` here, shared with every record that names the same value
        at the same path: half a million at 50,000 records, of which a third differ."""
        if type(value) is not str:
            return Reference(self.loc, value, marker)  # a mapping of control ids: rare
        table = self.made.get(id(marker))
        if table is None:
            table = self.made[id(marker)] = {}
        found = table.get(value)
        if found is None:
            _SHARED.make_room()
            found = table[value] = Reference(self.loc, value, marker)
        return found


class _PathPlace(_Place):
    """A place whose path is shared but whose references are not: for a walk whose references
    are dropped soon after (``references(shared=False)``). Tabled, they filled the shared tables
    and were kept alive by them until the tables were dropped."""

    __slots__ = ()

    def reference(self, value: Any, marker: Marker) -> Reference:
        return Reference(self.loc, value, marker)


class _Shared:
    """The places walks start from, and a count of what all of them keep."""

    __slots__ = ("kept", "roots")

    def __init__(self) -> None:
        self.roots: dict[tuple[bool, Loc], _Place] = {}
        self.kept = 0

    def root(self, loc: Loc, *, shared: bool = True) -> _Place:
        place = self.roots.get((shared, loc))
        if place is None:
            place = self.roots[shared, loc] = _Place(loc) if shared else _PathPlace(loc)
        return place

    def make_room(self) -> None:
        """Count one more path or reference kept, forgetting them all first when the tables
        hold ``_KEPT``. A walk under way goes on from the places it holds; what it adds there
        is its own, and is dropped with them when it ends."""
        if self.kept >= _KEPT:
            self.clear()
        self.kept += 1

    def clear(self) -> None:
        self.roots.clear()
        self.kept = 0


_SHARED = _Shared()


def forget_shared_references() -> None:
    """Drop the tables that share paths and references (not the references records hold): a
    loader calls this once every record of a run is made. A first run with the cache walks
    every record while loading, and at 50,000 records the tables held some 7 MiB that nothing
    needed afterwards; later walks just start new tables."""
    _SHARED.clear()


def referred_values(model: BaseModel, leaving_out: tuple[str, ...] = ()) -> list[Any]:
    """The values of the record references (``RefTo``) in ``model``, in field order, but those
    to the kinds ``leaving_out``: what ``references`` finds, without the paths. The graph of
    the ids each file names (``validate.neighbours``) is made of these for every record of a
    first run, whose references are not kept: no place is looked up and no reference is made,
    in half the time of a whole walk."""
    found: list[Any] = []
    _collect_values(model, leaving_out, found)
    return found


def named_values(rows: list[Row], leaving_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The record ids that ``rows`` name, once each in order, but those of the kinds
    ``leaving_out``: ``referred_values`` read from a walk already made."""
    named = (v for key, v, _ in rows if type(key) is tuple and key != leaving_out)
    return tuple(dict.fromkeys(v for v in named if type(v) is str))


def _collect_values(model: BaseModel, leaving_out: tuple[str, ...], found: list[Any]) -> None:
    # The loop of _collect, without places.
    for name, marker, by_item, leaf in _plan(type(model)):
        value = getattr(model, name)
        if not value and value != 0:
            continue
        if leaf is not None:
            if type(leaf) is not RefTo or leaf.kinds == leaving_out:
                continue
            if by_item and isinstance(value, list):
                found.extend(value)
            else:
                found.append(value)
        elif by_item and isinstance(value, list):
            for item in value:
                _values_in(item, marker, leaving_out, found)
        else:
            _values_in(value, marker, leaving_out, found)


def _values_in(
    value: Any, marker: Marker | None, leaving_out: tuple[str, ...], found: list[Any]
) -> None:
    if isinstance(value, BaseModel):
        _collect_values(value, leaving_out, found)
    elif type(marker) is RefTo and marker.kinds != leaving_out:
        found.append(value)


def _marker(annotation: Any) -> Marker | None:
    for extra in getattr(annotation, "__metadata__", ()):
        if isinstance(extra, RefTo | EvidenceMarker | CountryMarker | ControlsMarker):
            return extra
    for argument in get_args(annotation):
        found = _marker(argument)
        if found is not None:
            return found
    return None


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)


_PLANNING: set[type[BaseModel]] = set()
"""The models whose plan is being made: one that holds itself is taken to hold references."""


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, Marker | None, bool, Marker | None], ...]:
    """Per model, the fields worth visiting: name, the marker when the field is a reference,
    whether a list in it is visited item by item (a mapping of control ids is one value), and
    the marker again when the field can hold no model (its values are references as they are).

    A field that holds only models without references anywhere inside (a duration, a score, a
    data category) is not visited: over half the models a walk entered were such.
    """
    _PLANNING.add(model)
    try:
        plan = []
        for name, field in model.model_fields.items():
            marker = _marker(field.rebuild_annotation())
            models = list(_models_in(field.annotation))
            if marker is not None or any(m in _PLANNING or _plan(m) for m in models):
                by_item = not isinstance(marker, ControlsMarker)
                plan.append((name, marker, by_item, None if models else marker))
        return tuple(plan)
    finally:
        _PLANNING.discard(model)


def references(model: BaseModel, loc: Loc = (), *, shared: bool = True) -> list[Reference]:
    """Every marked value in ``model`` and the models nested in it, in field order.

    ``shared``: the references are shared with every other record walked that names the same
    value at the same path (the tables keep them until ``forget_shared_references``), which
    pays where the references are kept. A walk whose references are dropped soon after
    (encoded for the cache, reduced to the ids a file names) makes its own, sharing only the
    paths: at 50,000 records the tables grew by 13 MiB by the end of a first run's loading,
    for references that nothing kept.
    """
    found: list[Reference] = []
    _collect(model, _SHARED.root(loc, shared=shared), found)
    return found


def _collect(model: BaseModel, place: _Place, found: list[Reference]) -> None:
    # Runs once per record on every validation: plain loops and appends, no generators, and
    # no call per value of a field that holds references only (most of them).
    for name, marker, by_item, leaf in _plan(type(model)):
        value = getattr(model, name)
        if not value and value != 0:
            continue  # None, or an empty list or mapping: nothing to visit
        where = place.below.get(name) or place.at(name)
        if by_item and isinstance(value, list):
            below = where.below
            if leaf is not None:
                for index, item in enumerate(value):
                    found.append((below.get(index) or where.at(index)).reference(item, leaf))
            else:
                for index, item in enumerate(value):
                    _visit(item, below.get(index) or where.at(index), marker, found)
        elif leaf is not None:
            found.append(where.reference(value, leaf))
        else:
            _visit(value, where, marker, found)


def _visit(value: Any, place: _Place, marker: Marker | None, found: list[Reference]) -> None:
    if isinstance(value, BaseModel):
        _collect(value, place, found)
    elif marker is not None:
        found.append(place.reference(value, marker))


PERSON = ("person",)
"""The kinds of a reference to a person: people live in the config, not among the records."""
MarkerKey = str | tuple[str, ...]
"""A marker as the cache writes it: the kinds a reference names, or the marker's name."""
Row = tuple[MarkerKey, Any, Loc]
"""A reference as (marker key, value, path): what ``reference_rows`` gives."""
MARKER_NAMES: dict[type[CountryMarker | ControlsMarker | EvidenceMarker], str] = {
    CountryMarker: "country",
    ControlsMarker: "controls",
    EvidenceMarker: "evidence",
}


def marker_key(marker: Marker) -> MarkerKey:
    if isinstance(marker, RefTo):
        return marker.kinds
    return MARKER_NAMES[type(marker)]


def reference_rows(model: BaseModel) -> list[Row]:
    """``references(model, shared=False)`` as rows, in the same order: for a walk whose
    references are only written down (the cache's copy of a first run), a tuple per value
    instead of a ``Reference``, with the marker's key looked up once per field rather than
    once per value."""
    found: list[Row] = []
    _collect_rows(model, _SHARED.root((), shared=False), found)
    return found


def _collect_rows(model: BaseModel, place: _Place, found: list[Row]) -> None:
    # _collect's loop, making rows: keep the two in step.
    for name, marker, by_item, leaf in _plan(type(model)):
        value = getattr(model, name)
        if not value and value != 0:
            continue
        where = place.below.get(name) or place.at(name)
        if by_item and isinstance(value, list):
            below = where.below
            if leaf is not None:
                key = marker_key(leaf)
                for index, item in enumerate(value):
                    found.append((key, item, (below.get(index) or where.at(index)).loc))
            else:
                for index, item in enumerate(value):
                    _visit_rows(item, below.get(index) or where.at(index), marker, found)
        elif leaf is not None:
            found.append((marker_key(leaf), value, where.loc))
        else:
            _visit_rows(value, where, marker, found)


def _visit_rows(value: Any, place: _Place, marker: Marker | None, found: list[Row]) -> None:
    if isinstance(value, BaseModel):
        _collect_rows(value, place, found)
    elif marker is not None:
        found.append((marker_key(marker), value, place.loc))
