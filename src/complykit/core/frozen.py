"""Immutable records declared like frozen dataclasses, at a third of their creation cost.

``@dataclass(frozen=True, slots=True)`` compiles six methods from source text for each class
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and
builds the class twice to give it slots: 0.5-0.9 ms a class. A ``validate`` imports about 35
of them, 20-25 ms of every run before a record is read: a tenth of validating the bundled
example, and more than what a one-file edit of a 1,000-record workspace leaves to do. ``frozen``
compiles ``__init__``, ``__eq__`` and ``__hash__`` (and the ordering, when asked) from one
source text, with one ``exec``: they must be as fast as the dataclass's, since findings and
references are made, hashed and sorted by the hundred thousand. The repr, the refusal to
assign and pickling are functions shared by every class.

What it offers is what complykit uses of dataclasses, with their meaning: fields from
annotations, in order, base classes' fields first; defaults, ``field(default_factory=...)``
and ``field(compare=False)``; ``__post_init__``; equality and hashing over the compared
fields, ``order=True`` sorting by them as a tuple; a repr naming every field; assignment and
deletion refused with ``FrozenInstanceError``; ``__match_args__``; pickling (the parse
workers send records through a pipe) and ``replace``. It is typed as a dataclass transform,
so mypy checks constructors and refuses assignment as it does for dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from types import MemberDescriptorType
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["FrozenInstanceError", "astuple", "field", "fields", "frozen", "replace"]

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
    values = dict(zip(fields(type(record)), astuple(record), strict=True))
    values.update(changes)
    return type(record)(**values)


def astuple(record: object) -> tuple[Any, ...]:
    """The values of every field of ``record`` in order, those equality leaves out too."""
    values: tuple[Any, ...] = type(record).__record_values__(record)  # type: ignore[attr-defined]
    return values


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """``astuple`` for records with these fields: one ``attrgetter`` call (pickling a record
    for the parse workers' pipe reads its values this way)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda _record: ()


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
    methods, compiled_in = _methods(cls, specs, order)
    namespace.update((name, method) for name, method in methods.items() if not _declared(cls, name))
    metaclass: Any = type(cls)
    record_class: type[_T] = metaclass(cls.__name__, cls.__bases__, namespace)
    record_class.__qualname__ = cls.__qualname__
    setters = tuple(_setter(record_class, name) for name in specs)
    record_class.__record_setters__ = setters  # type: ignore[attr-defined]
    record_class.__record_values__ = _values_getter(tuple(specs))  # type: ignore[attr-defined]
    # The compiled __init__ finds its setters among its globals when it runs: the slots they
    # write exist only now that the class does.
    compiled_in.update((f"_set{number}", setter) for number, setter in enumerate(setters))
    return record_class


def _setter(record_class: type, name: str) -> Callable[[Any, Any], None]:
    """What writes field ``name`` of a record past the frozen ``__setattr__``: the slot's own
    descriptor, a third cheaper per field than ``object.__setattr__`` (which looks the name up
    along the class's MRO on every call); records are made by the hundred thousand."""
    slot = next((c.__dict__[name] for c in record_class.__mro__ if name in c.__dict__), None)
    if isinstance(slot, MemberDescriptorType):
        return slot.__set__

    def set_field(record: Any, value: Any) -> None:  # a field a base class without slots holds
        object.__setattr__(record, name, value)

    return set_field


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
    # The class's own annotations, as ``inspect.get_annotations`` reads them: importing
    # ``inspect`` (ast, dis, tokenize) cost 6-9 ms of every run, more than a cached one does.
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        declared = cls.__dict__.get(name, _MISSING)
        own[name] = (
            declared if isinstance(declared, _Field) else _Field(declared, _MISSING, compare=True)
        )
    return own


def _methods(
    cls: type, specs: dict[str, _Field], order: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The methods every record class gets, and the namespace the compiled ones run in."""
    methods, namespace = _compiled(cls, specs, order)
    methods.update(
        __repr__=_repr,
        __setattr__=_refuse_set,
        __delattr__=_refuse_delete,
        __reduce__=_reduce,
    )
    return methods, namespace


_ORDERING = (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">="))


def _compiled(
    cls: type, specs: dict[str, _Field], order: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``__init__``, ``__eq__``, ``__hash__`` and, for ``order``, the four comparisons,
    compiled from one source text (one ``exec``: it is the compiling that costs): keyword or
    positional arguments with their defaults bound in its namespace, each value set past the
    frozen ``__setattr__`` by the slot's setter (bound in the namespace once the class exists,
    see ``_make``); equality, hashing and order over a tuple of the compared fields,
    written out as ``dataclasses`` does, since records are sorted and hashed by the
    hundred thousand."""
    namespace: dict[str, Any] = {"_MISSING": _MISSING}
    source = _init_source(cls, specs, namespace)
    compared = [name for name, spec in specs.items() if spec.compare]
    mine = "".join(f"self.{name}," for name in compared)
    theirs = "".join(f"other.{name}," for name in compared)
    operators = [("__eq__", "=="), *(_ORDERING if order else ())]
    for method, operator in operators:
        source += (
            f"def {method}(self, other):\n"
            "    if other.__class__ is not self.__class__:\n"
            "        return NotImplemented\n"
            f"    return ({mine}) {operator} ({theirs})\n"
        )
    source += f"def __hash__(self):\n    return hash(({mine}))\n"
    exec(source, namespace)  # noqa: S102 - source built here from field names only
    names = ["__init__", "__hash__", *(method for method, _ in operators)]
    for name in names:
        namespace[name].__qualname__ = f"{cls.__qualname__}.{name}"
    return {name: namespace[name] for name in names}, namespace


def _init_source(cls: type, specs: dict[str, _Field], namespace: dict[str, Any]) -> str:
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
        lines.append(f"    _set{number}(self, {value})\n")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()\n")
    return f"def __init__({', '.join(parameters)}):\n" + ("".join(lines) or "    pass\n")


def _repr(self: object) -> str:
    names = fields(type(self))
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{type(self).__qualname__}({shown})"


def _refuse_set(_self: object, name: str, _value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(_self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: object) -> tuple[Callable[..., object], tuple[type, tuple[Any, ...]]]:
    record_class = type(self)
    return _rebuild, (record_class, astuple(self))


def _rebuild(record_class: type[_T], values: tuple[Any, ...]) -> _T:
    record = object.__new__(record_class)
    setters = record_class.__record_setters__  # type: ignore[attr-defined]
    for setter, value in zip(setters, values, strict=True):
        setter(record, value)
    return record
