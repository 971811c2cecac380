"""Record classes without pydantic, for a process that only validates.

A cold ``complykit validate`` spends about a third of its time on pydantic before it reads a
file: importing ``BaseModel`` and the modules it loads when the first model class is created,
and creating the ~100 record, configuration and catalog classes (pydantic collects and checks
every field of each). Validation itself needs none of that: the validators are compiled from
core schemas generated ahead (``model.prebuilt``), and pydantic-core fills an instance of any
class whose instances have a ``__dict__``.

So the command line's validate path (``cli.direct``) asks, before anything imports a model
module, for the model classes to be declared on ``PlainModel`` instead of ``BaseModel``
(``use_plain_records``). The model modules do not change: they import ``BaseModel``,
``Field`` and the rest from ``model.declaring``, which gives pydantic's names or, in such a
process, the stand-ins below. A record is then an instance of a class with the same name,
fields, methods and values, equal, hashing and printing as pydantic's does; what the loader,
the references walk and the rules read of a model (its fields, their annotations and
defaults, ``model_fields_set``) is here too. What only reports, exports and authoring use
(``model_dump``, JSON Schema, ``model_validate``) is not: those commands never run in such a
process. ``tests/unit/model/test_plain.py`` validates every rule case, the example and broken
copies of their documents both ways and requires the same findings.

Nothing here imports pydantic: that is the point.
"""

from __future__ import annotations

import functools
import operator
import sys
import typing
from collections.abc import Callable
from typing import Any, ClassVar

_DECLARING = "complykit.model.declaring"

PLAIN = False
"""Whether this process declares its model classes on ``PlainModel``; set only by
``use_plain_records`` before the first model module is imported."""


def use_plain_records() -> bool:
    """Declare the model classes without pydantic in this process, if it is not too late and
    the prebuilt validators can be used; whether they are declared so."""
    global PLAIN  # noqa: PLW0603 - one switch per process, thrown before the models exist
    if _DECLARING not in sys.modules and not PLAIN:
        from complykit.model.prebuilt import usable_everywhere  # noqa: PLC0415

        PLAIN = usable_everywhere()
    return PLAIN


class PlainField:
    """What the code reads of a pydantic ``FieldInfo``: the annotation without its top-level
    ``Annotated`` metadata, that annotation rebuilt with it, and the default."""

    __slots__ = ("annotation", "default", "metadata")

    def __init__(self, declared: Any, default: Any) -> None:
        if typing.get_origin(declared) is typing.Annotated:
            self.annotation: Any = declared.__origin__
            self.metadata: tuple[Any, ...] = declared.__metadata__
        else:
            self.annotation, self.metadata = declared, ()
        self.default = default

    def is_required(self) -> bool:
        """As pydantic's: no default, and no ``Field(default_factory=...)`` (a ``Field`` without
        a default stands here as its ``Metadata``)."""
        if isinstance(self.default, Metadata):
            return "default_factory" not in self.default.options
        return self.default is _MISSING

    def rebuild_annotation(self) -> Any:
        if not self.metadata:
            return self.annotation
        return typing.Annotated[(self.annotation, *self.metadata)]


class _PlainModelType(type):
    """Gives each class its fields, read from its annotations when first asked for."""

    @property
    def model_fields(cls) -> dict[str, PlainField]:
        fields: dict[str, PlainField] | None = cls.__dict__.get("_plain_fields")
        if fields is None:
            fields = _fields_of(cls)
            type.__setattr__(cls, "_plain_fields", fields)
        return fields

    @property
    def __pydantic_fields__(cls) -> dict[str, PlainField]:
        return cls.model_fields


def _fields_of(cls: type) -> dict[str, PlainField]:
    """The fields as pydantic collects them: every annotated name of the class and its bases,
    bases first, but class variables and private (underscored) names."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return {
        name: PlainField(hint, getattr(cls, name, _MISSING))
        for name, hint in hints.items()
        if not name.startswith("_")
        and typing.get_origin(hint) is not ClassVar
        and hint is not ClassVar
    }


class PlainModel(metaclass=_PlainModelType):
    """A frozen model instance as pydantic-core fills it: its fields in ``__dict__``, and the
    three attributes pydantic keeps beside them in slots."""

    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )
    __pydantic_extra__: dict[str, Any] | None
    __pydantic_fields_set__: set[str]
    __pydantic_private__: dict[str, Any] | None

    def __init__(self, /, **data: Any) -> None:
        from complykit.model.prebuilt import validator_for  # noqa: PLC0415

        validator_for(type(self)).validate_python(data, self_instance=self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PlainModel):
            return NotImplemented
        if not (
            model_class(self) is model_class(other)
            and getattr(self, "__pydantic_private__", None)
            == getattr(other, "__pydantic_private__", None)
            and (self.__pydantic_extra__ or {}) == (other.__pydantic_extra__ or {})
        ):
            return False
        # As pydantic: only the fields count, not what a cached_property stored beside them.
        return bool(self._field_values() == other._field_values())

    def __hash__(self) -> int:
        # As pydantic hashes a frozen model: its field values, taken in field order.
        return hash(self._field_values())

    def _field_values(self) -> Any:
        return _values_getter(model_class(self))(self)

    def _pairs(self) -> list[tuple[str, Any]]:
        """(name, value) of what pydantic would show and iterate: the instance dict as
        pydantic-core filled it, or the fields of a compact copy (``slotted``), which has none."""
        if type(self) in SLOTTED:
            return [(name, getattr(self, name)) for name in type(self).model_fields]
        return list(self.__dict__.items())

    def __iter__(self) -> typing.Iterator[tuple[str, Any]]:
        yield from [(k, v) for k, v in self._pairs() if not k.startswith("_")]
        yield from (self.__pydantic_extra__ or {}).items()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._shown())})"

    def __str__(self) -> str:
        return " ".join(self._shown())

    def _shown(self) -> list[str]:
        """``name=value`` for each field, in the order of ``__dict__``, as pydantic shows them."""
        fields = type(self).model_fields
        return [f"{name}={value!r}" for name, value in self._pairs() if name in fields]

    @property
    def model_fields_set(self) -> set[str]:
        return self.__pydantic_fields_set__


@functools.cache
def _values_getter(cls: type[PlainModel]) -> Callable[[PlainModel], Any]:
    """What pydantic hashes a frozen model by: its field values in field order (one field's
    value alone, as ``attrgetter`` gives it), made once per class."""
    names = tuple(cls.model_fields)
    return operator.attrgetter(*names) if names else lambda _model: 0


SLOTTED: set[type[Any]] = set()
"""The classes ``slotted`` made."""


def model_class(model: PlainModel) -> type[PlainModel]:
    """The class ``model`` was declared as: a compact copy's class is a subclass of it."""
    cls = type(model)
    return cls.__bases__[0] if cls in SLOTTED else cls


@functools.cache
def slotted(cls: type[PlainModel]) -> type[PlainModel]:
    """A subclass of ``cls`` that keeps its fields in slots: what a compact copy is made of.

    pydantic-core fills an instance's ``__dict__``. CPython shares one table of field names
    among the dicts of a class's instances (PEP 412) only up to 29 names, and only while no
    instance of the class breaks the pattern: a processing activity has 32 fields, so each held
    a table of its own (1.6 KB), and controls and AI systems, whose first instances in a run
    are kept as pydantic-core made them (``workspace.open.KEPT_AS_VALIDATED``), were measured
    to lose the sharing for every later copy. Slots hold 8 bytes a field whatever the class
    and whatever the Python version: 24 MiB less at the peak of 50,000 records.

    Same name, fields, defaults and methods; ``isinstance`` holds, and equality and hashing
    look at the declared class (``model_class``) and the field values only."""
    names = tuple(cls.model_fields)
    namespace = {
        "__slots__": names,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "_plain_fields": cls.model_fields,  # a slot would read as each field's default
    }
    made = typing.cast("type[PlainModel]", _PlainModelType(cls.__name__, (cls,), namespace))
    SLOTTED.add(made)
    return made


class _Missing:
    """The default of a field that has none (or is made by a factory for each instance)."""

    def __repr__(self) -> str:
        return "<no default>"


_MISSING: Any = _Missing()


class Metadata:
    """A stand-in for pydantic's annotation metadata (constraints, validators, schema hints):
    on the plain path the prebuilt core schemas hold what these say, so nothing reads them."""

    __slots__ = ("arguments", "options")

    def __init__(self, *arguments: Any, **options: Any) -> None:
        self.arguments, self.options = arguments, options


def field(default: Any = _MISSING, **options: Any) -> Any:
    """``pydantic.Field``: as a default, the default itself (what ``model_fields`` gives, and
    what the prebuilt schemas look a default instance up by); as metadata, a ``Metadata``."""
    return Metadata(**options) if default is _MISSING else default


def config(**options: Any) -> dict[str, Any]:
    """``pydantic.ConfigDict``."""
    return options


def validator(**_options: Any) -> typing.Callable[[Any], Any]:
    """``pydantic.model_validator`` and ``field_validator``: the function as it is, which is
    what the prebuilt schemas name and call."""
    return lambda function: function
