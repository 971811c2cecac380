"""Immutable records declared like frozen dataclasses, at a fifth of their creation cost.

``@dataclass(frozen=True, slots=True)`` compiles six methods from source text for each class
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and
builds the class twice to give it slots: 0.5-0.9 ms a class. A ``validate`` imports about 35
of them, 20-25 ms of every run before a record is read: a tenth of validating the bundled
example, and more than what a one-file edit of a 1,000-record workspace leaves to do. ``frozen``
compiles ``__init__`` only (it must be fast: some records are made a million times); the other
methods are shared functions reading a class's fields through one ``operator.attrgetter``.

What it offers is what complykit uses of dataclasses, with their meaning: fields from
annotations, in order, base classes' fields first; defaults, ``field(default_factory=...)``
and ``field(compare=False)``; ``__post_init__``; equality and hashing over the compared
fields, ``order=True`` sorting by them as a tuple; a repr naming every field; assignment and
deletion refused with ``FrozenInstanceError``; ``__match_args__``; pickling (the parse
workers send records through a pipe) and ``replace``. It is typed as a dataclass transform,
so mypy checks constructors and refuses assignment as it does for dataclasses.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["FrozenInstanceError", "field", "fields", "frozen", "replace"]

_T = TypeVar("_T")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """An attempt to assign to or delete a field of a frozen record."""


class _Field:
    __slots__ = ("compare", "default", "default_factory")

    def __init__(self, default: Any, default_factory: Any, *, compare: bool) -> None:
        self.default = default
        self.default_factory = default_factory
        self.compare = compare


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] = _MISSING,
    compare: bool = True,
) -> Any:
    """A field's default made afresh for each record (``default_factory``), or a field that
    equality, hashing and ordering leave out (``compare=False``)."""
    return _Field(default, default_factory, compare=compare)


@overload
def frozen(cls: type[_T], /) -> type[_T]: ...


@overload
def frozen(*, order: bool = False) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[_T] | None = None, /, *, order: bool = False) -> Any:
    """Make ``cls`` an immutable record with slots (see the module's docstring)."""

    def make(cls: type[_T]) -> type[_T]:
        return _make(cls, order)

    return make if cls is None else make(cls)


def fields(record_class: type) -> tuple[str, ...]:
    """The names of the fields of a record class, in order."""
    names: tuple[str, ...] = record_class.__record_fields__  # type: ignore[attr-defined]
    return names


def replace(record: _T, /, **changes: Any) -> _T:
    """A copy of ``record`` with the fields named in ``changes`` set to new values."""
    names = fields(type(record))
    values = dict(zip(names, _values(record, names), strict=True))
    values.update(changes)
    return type(record)(**values)


def _values(record: object, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in names)


def _make(cls: type[_T], order: bool) -> type[_T]:
    inherited: dict[str, _Field] = {}
    for base in reversed(cls.__mro__[1:]):
        inherited.update(base.__dict__.get("__record_specs__", {}))
    own = _own_fields(cls)
    specs = {**inherited, **own}
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in own and key not in ("__dict__", "__weakref__")
    }
    namespace["__slots__"] = tuple(own)
    namespace["__record_specs__"] = specs
    namespace["__record_fields__"] = tuple(specs)
    namespace["__match_args__"] = tuple(specs)
    namespace.update(
        (name, method)
        for name, method in _methods(cls, specs, order).items()
        if not _declared(cls, name)
    )
    metaclass: Any = type(cls)
    record_class: type[_T] = metaclass(cls.__name__, cls.__bases__, namespace)
    record_class.__qualname__ = cls.__qualname__
    return record_class


def _declared(cls: type, name: str) -> bool:
    """Whether the class body defines method ``name`` itself (a ``__hash__`` of None is what
    Python adds to a class that defines ``__eq__`` only: not a choice, as for dataclasses)."""
    if name == "__hash__":
        return cls.__dict__.get("__hash__") is not None
    return name in cls.__dict__


def _own_fields(cls: type) -> dict[str, _Field]:
    """The fields ``cls`` declares itself: its annotations but class variables, with their
    defaults read from the class body."""
    own: dict[str, _Field] = {}
    for name, annotation in inspect.get_annotations(cls).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        declared = cls.__dict__.get(name, _MISSING)
        own[name] = (
            declared if isinstance(declared, _Field) else _Field(declared, _MISSING, compare=True)
        )
    return own


def _methods(cls: type, specs: dict[str, _Field], order: bool) -> dict[str, Any]:
    compared = tuple(name for name, spec in specs.items() if spec.compare)
    key = _getter(compared)
    methods: dict[str, Any] = {
        "__init__": _init(cls, specs),
        "__repr__": _repr,
        "__eq__": _equal(key),
        "__hash__": _hash(key),
        "__setattr__": _refuse_set,
        "__delattr__": _refuse_delete,
        "__reduce__": _reduce,
    }
    if order:
        methods.update(_ordering(key))
    return methods


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        single = attrgetter(names[0])
        return lambda record: (single(record),)
    return lambda _record: ()


def _init(cls: type, specs: dict[str, _Field]) -> Callable[..., None]:
    """An ``__init__`` compiled for these fields: keyword or positional arguments, defaults
    bound in its namespace, each value set past the frozen ``__setattr__``."""
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    parameters, lines = ["self"], []
    for number, (name, spec) in enumerate(specs.items()):
        value = name
        if spec.default_factory is not _MISSING:
            namespace[f"_factory{number}"] = spec.default_factory
            parameters.append(f"{name}=_MISSING")
            value = f"_factory{number}() if {name} is _MISSING else {name}"
        elif spec.default is not _MISSING:
            namespace[f"_default{number}"] = spec.default
            parameters.append(f"{name}=_default{number}")
        else:
            parameters.append(name)
        lines.append(f"    _set(self, {name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + "\n".join(lines or ["    pass"])
    exec(source, namespace)  # noqa: S102 - source built above from field names only
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(self: object) -> str:
    names = fields(type(self))
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{type(self).__qualname__}({shown})"


def _equal(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[object, object], bool]:
    def __eq__(self: object, other: object) -> bool:  # noqa: N807 - becomes the method
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) == key(other)

    return __eq__


def _hash(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[object], int]:
    def __hash__(self: object) -> int:  # noqa: N807 - becomes the method
        return hash(key(self))

    return __hash__


def _ordering(key: Callable[[Any], tuple[Any, ...]]) -> dict[str, Callable[[Any, Any], bool]]:
    def __lt__(self: object, other: object) -> bool:  # noqa: N807 - becomes the method
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) < key(other)

    def __le__(self: object, other: object) -> bool:  # noqa: N807
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) <= key(other)

    def __gt__(self: object, other: object) -> bool:  # noqa: N807
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) > key(other)

    def __ge__(self: object, other: object) -> bool:  # noqa: N807
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) >= key(other)

    return {"__lt__": __lt__, "__le__": __le__, "__gt__": __gt__, "__ge__": __ge__}


def _refuse_set(_self: object, name: str, _value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(_self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: object) -> tuple[Callable[..., object], tuple[type, tuple[Any, ...]]]:
    record_class = type(self)
    return _rebuild, (record_class, _values(self, fields(record_class)))


def _rebuild(record_class: type[_T], values: tuple[Any, ...]) -> _T:
    record = object.__new__(record_class)
    for name, value in zip(fields(record_class), values, strict=True):
        object.__setattr__(record, name, value)
    return record
