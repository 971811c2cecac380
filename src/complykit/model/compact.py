"""Validated records made as small as Python objects of their shape can be.

pydantic gives every model instance a dict of its own: a full hash table with the names of all
its fields beside their values, and its own set of the names of the fields that were given. A
record is about ten model instances (every nested item is one), so at 50,000 records these
tables were most of the memory a validation held.

Records and their parts are frozen, so once validated each is copied into a fresh instance
whose fields are set one by one, in field order. CPython then keeps the values in a plain array
and shares one table of field names per class ("key-sharing" instance dicts, PEP 412),
instead of a table per instance, where it can (see ``plain.slotted``); in a process of plain
record classes (the command line's validate) the copy's class keeps the fields in slots, with
no dict at all. During the same copy:

- instances of one class given the same fields share one set of their names; pydantic copies
  the set before changing it (``model_copy``), so a shared set is never written to;
- equal texts are one string: registers repeat categories, recipients, retention triggers and
  legal references in record after record, and strings sent by the parse workers arrive as
  fresh copies even where the worker had interned them;
- every empty list is the one frozen ``EMPTY`` (``model.empty``), whether the user wrote
  ``[]`` or left the field to its default;
- equal lists of texts are one frozen list (``FrozenList``), and equal mappings of texts to
  such lists (the controls a record names, by framework) one frozen mapping (``FrozenDict``):
  the same categories, subjects, tags and controls recur in record after record;
- equal parts are one instance: a nested part whose values are all immutable (texts, numbers,
  dates, enum members, ``EMPTY``, and parts shared this way) is frozen all the way down, so
  every record that holds an equal one can hold the same object. Its class, the fields it was
  given and the type of each value are part of what "equal" means here (``1`` is not ``True``,
  and a timestamp equals only one with the same offset).

A copy is equal to its original, dumps the same and validates the same: only where its bytes
live changes. The tables of shared texts, lists, mappings and parts are forgotten beyond
``KEPT`` entries, so a long-running process does not grow without bound.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast, get_args

from complykit.core.sharing import SharedValues
from complykit.model import plain
from complykit.model.declaring import BaseModel
from complykit.model.empty import EMPTY, EmptyList, FrozenDict, FrozenList
from complykit.model.plain import SLOTTED

M = TypeVar("M", bound=BaseModel)

KEPT = 200_000
_FIELD_SETS: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}
_TEXTS: SharedValues[str, str] = SharedValues(KEPT)
_LISTS: SharedValues[FrozenList, FrozenList] = SharedValues(KEPT)
_MAPPINGS: SharedValues[tuple[tuple[str, FrozenList], ...], FrozenDict] = SharedValues(KEPT)
"""Keyed by the items in order: equal mappings in another key order are equal dicts, but a
record keeps the order its author wrote (reports list the controls by framework so)."""
_SHARED_PARTS: set[int] = set()  # ids of the parts in _PARTS, which keeps them alive


class _Parts(SharedValues[tuple[Any, ...] | int, BaseModel]):
    """The shared parts; forgetting them forgets their ids too, which may then be reused."""

    __slots__ = ()

    def clear(self) -> None:
        super().clear()
        _SHARED_PARTS.clear()
        _GIVEN.clear()
        _KINDS.clear()


_PARTS = _Parts(KEPT)
# Floats are left out: -0.0 equals 0.0 but does not print the same. A timestamp is keyed by
# its text below, since equal instants with different offsets compare equal.
_IMMUTABLE = frozenset((str, int, bool, type(None), date, EmptyList, FrozenList))
_FIELDS_SET = "__pydantic_fields_set__"
_new = object.__new__
_set = object.__setattr__  # frozen models refuse their own __setattr__


def forget_shared() -> None:
    """Drop the tables that find equal texts and parts (not the values records hold).

    A loader calls this once every record of a run is made: at 50,000 records the tables hold
    about 10 MiB that nothing needs afterwards, and later records just start new tables.
    """
    _TEXTS.clear()
    _LISTS.clear()
    _MAPPINGS.clear()
    _PARTS.clear()


def compacted(model: M) -> M:
    """A copy of ``model`` and every model inside it, stored compactly (see the module)."""
    if type(model) in SLOTTED:
        return model  # a compact copy already
    return _copy(model, _values(model), _fields_set(model))


@cache
def _compact_class(cls: type[M]) -> type[M]:
    """What a copy of an instance of ``cls`` is made of: in a process of plain record classes,
    a subclass that keeps the fields in slots (``plain.slotted``); pydantic's models need the
    instance dict they validate into."""
    if plain.PLAIN and issubclass(cls, plain.PlainModel):
        return cast("type[M]", plain.slotted(cls))
    return cls


def _copy(model: M, values: list[Any], fields_set: set[str]) -> M:
    made: type[M] = _compact_class(type(model))
    copy = _new(made)
    for name, value in zip(model.__dict__, values, strict=True):
        _set(copy, name, value)
    _set(copy, _FIELDS_SET, fields_set)
    _set(copy, "__pydantic_extra__", model.__pydantic_extra__)
    _set(copy, "__pydantic_private__", model.__pydantic_private__)
    return copy


def _fields_set(model: BaseModel) -> set[str]:
    given = model.__pydantic_fields_set__
    return _FIELD_SETS.setdefault((type(model), frozenset(given)), given)


def _values(model: BaseModel) -> list[Any]:
    """The values of ``model``'s fields in order, their texts and parts shared."""
    nested, texts = _nested(type(model)), _TEXTS
    values: list[Any] = []
    append = values.append
    for name, value in model.__dict__.items():
        kind = type(value)
        if kind is str:
            append(texts.get(value) or _text(value))
        elif name in nested and value:
            append(_inside(value))
        elif kind is list:
            if value:
                append(_list(value))
            else:
                append(EMPTY)  # one empty list for all (``empty``), given or by default
        elif kind is dict and value:
            append(_lists_in(value))
        else:
            append(value)
    return values


def _lists_in(mapping: dict[Any, Any]) -> dict[Any, Any]:
    """``mapping`` with its lists shared (``_list``); a mapping of texts to lists of texts
    (the controls a record names, by framework) is the one frozen mapping held for every
    equal one."""
    shareable = True
    for key, item in mapping.items():  # in place, as _texts_in: values only, no key changes
        shared = _list(item) if type(item) is list and item else item
        if shared is not item:
            mapping[key] = shared
        if type(key) is not str or type(shared) is not FrozenList:
            shareable = False
    if not shareable:
        return mapping
    items = tuple(mapping.items())  # in order: see _MAPPINGS
    found = _MAPPINGS.get(items)
    return _MAPPINGS.keep(items, FrozenDict(mapping)) if found is None else found


def _list(items: list[Any]) -> list[Any]:
    """``items`` with its texts shared; a list of texts only is the one frozen list held for
    every equal list (42% of the lists of the benchmark's 50,000 records, 7.4 of 19 MiB: the
    same categories, subjects, tags and framework controls in record after record). Texts
    only, because equal means interchangeable there: ``[1]`` equals ``[True]``."""
    for item in items:
        if type(item) is not str:
            _texts_in(items)
            return items
    frozen = FrozenList(items)  # a list cannot be a key; made from a list: no spare room
    found = _LISTS.get(frozen)
    if found is None:
        for index, item in enumerate(frozen):  # not yet shared: its texts can still be set
            _set_item(frozen, index, _text(item))
        found = _LISTS.keep(frozen, frozen)
    return found


_set_item = list.__setitem__


def _texts_in(items: list[Any]) -> None:
    # In place: pydantic made this list for the instance being replaced, and an equal text is
    # the same value, so nothing else can tell.
    for index, item in enumerate(items):
        if type(item) is str:
            items[index] = _text(item)


def _text(text: str) -> str:
    found = _TEXTS.get(text)
    return _TEXTS.keep(text, text) if found is None else found


def _part(model: BaseModel) -> BaseModel:
    """``model`` copied compactly, or the equal part shared already."""
    if type(model) in SLOTTED:
        return model  # a compact copy already (pydantic-core passes an instance through)
    raw = tuple(model.__dict__.values())
    kinds = tuple(map(type, raw))
    if kinds not in _KINDS:
        _KINDS[kinds] = _plain(kinds)
    plain = _KINDS[kinds]
    if plain is not None:
        return _plain_part(model, raw, plain)
    values, fields_set = _values(model), _fields_set(model)
    key = _key(type(model), fields_set, values)
    if key is None:
        return _copy(model, values, fields_set)
    found = _PARTS.get(key)
    if found is None:
        found = _PARTS.keep(key, _copy(model, values, fields_set))
        _SHARED_PARTS.add(id(found))
    return found


_KINDS: dict[tuple[type, ...], tuple[type, ...] | None] = {}
"""Each tuple of value types seen, kept once, to itself when all are plain (``_plain``) and to
None when not: a few hundred."""
_PLAIN = frozenset((str, int, bool, type(None), date, EmptyList))
_GIVEN: dict[tuple[str, ...], tuple[str, ...]] = {}
"""Each tuple of given field names a plain part's key holds, kept once (a few hundred)."""


def _plain(kinds: tuple[type, ...]) -> tuple[type, ...] | None:
    """``kinds`` when values of these types are all texts, numbers, truth values, nothing,
    dates or enum members: a part of them can be shared as it is, keyed by the values."""
    return kinds if all(kind in _PLAIN or issubclass(kind, Enum) for kind in kinds) else None


def _plain_part(model: BaseModel, raw: tuple[Any, ...], kinds: tuple[type, ...]) -> BaseModel:
    """The shared part equal to ``model``, whose values are all plain (most parts are: a data
    category, a recipient, a retention period), found without copying or walking it first:
    70% of the parts of a register equal one met before.

    The key is one flat tuple, as in ``_key``: the types of the values (one tuple per
    combination) tell ``1`` from ``True``. Only its hash is kept, for as long as the part is
    shared, and a part found by it is compared with ``model`` before it is used: the tuples
    held 7 MiB at the end of loading 50,000 records, as much again as the parts they found."""
    given = tuple(model.__pydantic_fields_set__)
    digest = hash((type(model), kinds, _GIVEN.setdefault(given, given), *raw))
    found = _PARTS.get(digest)
    if found is None:
        found = _PARTS.keep(digest, _copy(model, _texts_of(raw), _fields_set(model)))
        _SHARED_PARTS.add(id(found))
    else:  # the same hash: the same part, unless another collides with it
        made, held = _reading(type(model))
        if (
            type(found) is not made
            or (values := held(found)) != raw
            or tuple(map(type, values)) != kinds
            or found.__pydantic_fields_set__ != model.__pydantic_fields_set__
        ):
            return _copy(model, _texts_of(raw), _fields_set(model))
    return found


def _texts_of(raw: tuple[Any, ...]) -> list[Any]:
    return [_text(value) if type(value) is str else value for value in raw]


@cache
def _reading(cls: type[BaseModel]) -> tuple[type[BaseModel], Callable[[Any], tuple[Any, ...]]]:
    """The class of a compact copy of ``cls`` and what reads the field values of one as a
    tuple (in C): what tells a shared part from another whose key has the same hash."""
    names = tuple(cls.model_fields)
    if len(names) == 1:
        name = names[0]
        return _compact_class(cls), lambda model: (getattr(model, name),)
    return _compact_class(cls), operator.attrgetter(*names)


def _key(cls: type[BaseModel], fields_set: set[str], values: list[Any]) -> tuple[Any, ...] | None:
    """What makes two parts interchangeable, or None when one of its values could change.

    One flat tuple, kept for as long as the part is shared: each value but a text follows its
    type (a type never equals a text, so no two different parts give equal tuples), a shared
    part is named by its id, and so is the shared set of the fields it was given. A mapping is
    followed by its items in order: mappings in another key order are equal, but the part must
    keep its own order (as ``_MAPPINGS``).
    """
    parts: list[Any] = [cls, id(fields_set)]
    for value in values:
        kind = type(value)
        if kind is str:
            parts.append(value)
        elif kind is FrozenDict:
            parts += (kind, tuple(value.items()))
        elif kind in _IMMUTABLE or isinstance(value, Enum):
            parts += (kind, value)
        elif kind is datetime:
            parts += (kind, value.isoformat())
        elif id(value) in _SHARED_PARTS:
            parts += (kind, id(value))  # alive as long as it is in _PARTS
        else:
            return None
    return tuple(parts)


@cache
def _nested(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that can hold models: the only ones worth looking into."""
    return frozenset(
        name for name, field in model.model_fields.items() if _holds_models(field.annotation)
    )


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


def _inside(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _part(value)
    if type(value) is list:  # made by pydantic for the instance being replaced: changed in place
        for index, item in enumerate(value):
            value[index] = _inside(item)
        return _list(value)
    if type(value) is dict:
        return {key: _inside(item) for key, item in value.items()}
    if type(value) is str:
        return _text(value)
    return value
