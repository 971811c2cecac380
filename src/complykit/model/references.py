"""Find every reference and evidence value in a record, with the path to it.

Reference fields are marked in the type (``RefTo``, ``EvidenceMarker`` in ``types.py``), so a
new field that names another record is checked without touching any check.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from complykit.core.sharing import SharedValues
from complykit.model.types import ControlsMarker, CountryMarker, EvidenceMarker, RefTo

Loc = tuple[str | int, ...]
Marker = RefTo | EvidenceMarker | CountryMarker | ControlsMarker


@dataclass(frozen=True, slots=True)
class Reference:
    loc: Loc
    value: Any
    """A string, or for ``ControlsMarker`` the whole framework-to-ids mapping."""
    marker: Marker


_LOCS: SharedValues[Loc, Loc] = SharedValues(500_000)
_KEPT_REFERENCES = 500_000


class _References:
    """The shared references, by marker and path, then by value.

    Keyed by the marker's identity and the (shared) path, every hash and comparison is done in
    C: a table keyed by the references themselves called the dataclasses' ``__hash__`` and
    ``__eq__``, and the markers', in Python for each of the walk's references (a third of
    the walk). A marker is a field's annotation, alive as long as its model class.
    """

    __slots__ = ("count", "tables")

    def __init__(self) -> None:
        self.tables: dict[tuple[int, Loc], dict[str, Reference]] = {}
        self.count = 0

    def shared(self, loc: Loc, value: str, marker: Marker) -> Reference:
        table = self.tables.get((id(marker), loc))
        if table is None:
            table = self.tables[id(marker), loc] = {}
        found = table.get(value)
        if found is None:
            if self.count >= _KEPT_REFERENCES:
                self.clear()
                return self.shared(loc, value, marker)
            found = table[value] = Reference(loc, value, marker)
            self.count += 1
        return found

    def clear(self) -> None:
        self.tables.clear()
        self.count = 0


_REFERENCES = _References()


def forget_shared_references() -> None:
    """Drop the tables that find equal references and paths (not the references records
    hold): a loader calls this once every record of a run is made. A first run with the cache
    walks every record while loading, and at 50,000 records the tables held some 7 MiB that
    nothing needed afterwards; later walks just start new tables."""
    _REFERENCES.clear()
    _LOCS.clear()


def _marker(annotation: Any) -> Marker | None:
    for extra in getattr(annotation, "__metadata__", ()):
        if isinstance(extra, RefTo | EvidenceMarker | CountryMarker | ControlsMarker):
            return extra
    for argument in get_args(annotation):
        found = _marker(argument)
        if found is not None:
            return found
    return None


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, Marker | None], ...]:
    """Per model: the fields worth visiting, with the marker when the field is a reference."""
    plan = []
    for name, field in model.model_fields.items():
        marker = _marker(field.rebuild_annotation())
        if marker is not None or _holds_models(field.annotation):
            plan.append((name, marker))
    return tuple(plan)


def references(model: BaseModel, loc: Loc = ()) -> list[Reference]:
    """Every marked value in ``model`` and the models nested in it, in field order."""
    found: list[Reference] = []
    _collect(model, loc, found)
    return found


def _collect(model: BaseModel, loc: Loc, found: list[Reference]) -> None:
    # Runs once per record on every validation: plain loops and appends, no generators.
    for name, marker in _plan(type(model)):
        value = getattr(model, name)
        if not value and value != 0:
            continue  # None, or an empty list or mapping: nothing to visit
        where = _shared((*loc, name))
        if type(value) is list and not isinstance(marker, ControlsMarker):
            for index, item in enumerate(value):
                _visit(item, _shared((*where, index)), marker, found)
        else:
            _visit(value, where, marker, found)


def _shared(loc: Loc) -> Loc:
    """One tuple per path: thousands of records have a ``processors[0]``, and the walk's
    references are kept for the whole run (a quarter of their memory was these tuples)."""
    found = _LOCS.get(loc)
    return _LOCS.keep(loc, loc) if found is None else found


def _reference(loc: Loc, value: Any, marker: Marker) -> Reference:
    """A reference, shared with every record that names the same value at the same path.

    The walk keeps its references for the whole run: half a million at 50,000 records, of
    which a third differ (every activity naming the same country or owner in the same field).
    """
    if type(value) is not str:
        return Reference(loc, value, marker)  # a mapping of control ids: not hashable, rare
    return _REFERENCES.shared(loc, value, marker)


def _visit(value: Any, loc: Loc, marker: Marker | None, found: list[Reference]) -> None:
    if isinstance(value, BaseModel):
        _collect(value, loc, found)
    elif marker is not None:
        found.append(_reference(loc, value, marker))
