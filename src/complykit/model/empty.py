"""One empty list for every list field a record leaves empty.

A field declared ``tags: list[str] = []`` gets its own copy of the default in every instance:
pydantic deep-copies a default it cannot hash, with ``copy.deepcopy`` (0.65 µs each). A record
leaves a dozen such fields empty (its tags, recipients, transfers, processors of a processing
activity, the techniques of an AI system, ...): at 50,000 records that was 145,000 empty lists,
about 10 MiB held for the whole run and 0.1 s of copying.

``EMPTY`` is the one empty list they all hold instead. Records are frozen, and so is it: any
change raises ``TypeError``, as assigning to a record's field does. It hashes, so pydantic
uses it as it is rather than copying it, and equal parts that hold it can be shared
(``compact``). It is a ``list`` (``isinstance``, ``==``, iteration, JSON, ``model_dump``
all see ``[]``); code that needs a list it may change makes one (``list(record.tags)``).

The same holds for the non-empty lists and mappings a compacted record shares with others
(``FrozenList``, ``FrozenDict``): a ``list`` and a ``dict`` to every reader, equal to the
ones the user wrote, and refusing any change, since one change would reach every record that
holds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn, SupportsIndex

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import core_schema


class FrozenList(list[Any]):
    """A list that refuses every change and hashes by its items: what records of a process
    that compacts them hold (``compact``), so that one instance can serve every record that
    holds an equal list, as a frozen record's field can serve many."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override] # list is unhashable; this one never changes
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, tuple[list[Any]]]:
        return FrozenList, (list(self),)

    def _frozen(self, *_arguments: Any, **_options: Any) -> NoReturn:
        raise TypeError("a record's lists cannot be changed: make a list of your own")

    append = extend = insert = remove = pop = clear = sort = reverse = _frozen
    __setitem__ = __delitem__ = _frozen

    def __iadd__(self, _other: Any) -> NoReturn:  # type: ignore[misc] # never returns self
        self._frozen()

    def __imul__(self, _times: SupportsIndex) -> NoReturn:
        self._frozen()


class FrozenDict(dict[Any, Any]):
    """A mapping that refuses every change and hashes by its items, for the same reason as
    ``FrozenList``: the controls a record names, by framework, repeat from record to record."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override] # dict is unhashable; this one never changes
        # By the items as a set: dicts in another key order are equal, so they must hash equal.
        # Whoever shares mappings and must keep a record's key order keys them by their items
        # in order (``compact._lists_in``).
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, tuple[dict[Any, Any]]]:
        return FrozenDict, (dict(self),)

    def _frozen(self, *_arguments: Any, **_options: Any) -> NoReturn:
        raise TypeError("a record's mappings cannot be changed: make a dict of your own")

    clear = pop = popitem = setdefault = update = _frozen
    __setitem__ = __delitem__ = _frozen

    def __ior__(self, _other: Any) -> NoReturn:  # type: ignore[misc] # never returns self
        self._frozen()


class EmptyList(FrozenList):
    """An empty list that stays empty (see the module)."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override] # as FrozenList's, to the checker
        return 0

    def __reduce__(self) -> tuple[Any, tuple[()]]:  # type: ignore[override]
        return _empty, ()  # copies and pickles are the one instance again

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: Any, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # How a JSON Schema writes the default: an empty array, as for ``[]``. Imported here:
        # only pydantic building a model asks, and a validation on prebuilt validators never
        # imports the typed dicts of ``core_schema`` (``model.compiled``).
        from pydantic_core import core_schema  # noqa: PLC0415

        return core_schema.list_schema()


EMPTY = EmptyList()


def _empty() -> EmptyList:
    return EMPTY
