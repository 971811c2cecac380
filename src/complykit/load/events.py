"""Build a file's documents straight from the parser's events: the fast path of the loader.

Composing a node tree first (what ``yaml.load`` does) costs a Python object per value and a
call into the resolver for each; the builder then walks the tree a second time. Building from
the events takes one pass, types plain scalars with the same strict resolver, and records each
value's place (see ``positions``) as it goes. Measured on the benchmark workspace, parsing
takes about 40% less time than composing and building.

This path only accepts plain, safe YAML. At the first thing it does not take on its own (an
alias, anchor or tag, a merge key, a duplicate key, a key holding a tab, a value past a
limit, a syntax error), it
gives up and the caller parses the file with the composing builder, which reports every
problem at its place. So the findings always come from one implementation, and a test checks
that both give the same data and places for every text this path accepts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from complykit.load.build import INTERN_UP_TO, SCALARS
from complykit.load.limits import LoadLimits
from complykit.load.positions import MAPPING, SCALAR, SEQUENCE, Places, PlacesRecorder
from complykit.load.pyyaml import yaml
from complykit.load.resolver import StrictResolver

DocumentEndEvent = yaml.events.DocumentEndEvent
DocumentStartEvent = yaml.events.DocumentStartEvent
MappingEndEvent = yaml.events.MappingEndEvent
MappingStartEvent = yaml.events.MappingStartEvent
ScalarEvent = yaml.events.ScalarEvent
SequenceEndEvent = yaml.events.SequenceEndEvent
SequenceStartEvent = yaml.events.SequenceStartEvent
StreamEndEvent = yaml.events.StreamEndEvent
StreamStartEvent = yaml.events.StreamStartEvent

Start = tuple[int, int, int]
"""Where a document's value starts: its offset in the text, its line and its column (from 0)."""


class GiveUp(Exception):  # noqa: N818 - control flow: "let the composing builder do it"
    """This file needs the composing builder."""


_RESOLVERS = StrictResolver.yaml_implicit_resolvers
_WILDCARD = tuple(_RESOLVERS.get(None, ()))
_BY_FIRST = {first: (*found, *_WILDCARD) for first, found in _RESOLVERS.items()}


class _EventBuilder:
    """One pass over the events; the hot paths (a scalar in a mapping or a list) are inlined
    into as few calls as the code allows, since they run once per value of the workspace."""

    def __init__(self, loader: Any, limits: LoadLimits) -> None:
        self.next: Callable[[], Any] = loader.get_event
        self.max_depth = limits.max_depth
        self.max_chars = limits.max_scalar_chars
        self.places = PlacesRecorder()

    def value(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if kind is ScalarEvent:
            return self.scalar(event, depth)
        if depth > self.max_depth or event.anchor is not None or event.tag is not None:
            raise GiveUp  # an alias has an anchor: the name it refers to
        mark = event.start_mark
        if kind is MappingStartEvent:
            self.places.put(MAPPING, mark.line, mark.column)
            built: Any = self.mapping(depth)
        elif kind is SequenceStartEvent:
            self.places.put(SEQUENCE, mark.line, mark.column)
            built = self.sequence(depth)
        else:
            raise GiveUp
        self.places.close()
        return built

    def scalar(self, event: Any, depth: int) -> Any:
        """A scalar typed as the strict resolver types it (as ``BaseResolver.resolve`` does)."""
        value = event.value
        if event.tag is not None or event.anchor is not None:
            raise GiveUp
        if depth > self.max_depth or len(value) > self.max_chars:
            raise GiveUp
        mark = event.start_mark
        self.places.put(SCALAR, mark.line, mark.column)
        for tag, pattern in _BY_FIRST.get(value[:1], _WILDCARD) if event.implicit[0] else ():
            if pattern.match(value):
                try:
                    return SCALARS[tag](value)
                except ValueError:
                    raise GiveUp from None
        return sys.intern(value) if len(value) <= INTERN_UP_TO else value

    def mapping(self, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        next_event, places, depth = self.next, self.places, depth + 1
        while type(event := next_event()) is not MappingEndEvent:
            if type(event) is not ScalarEvent or event.tag is not None or event.anchor is not None:
                raise GiveUp
            key = event.value
            if key in result or key == "<<" or "\t" in key:
                raise GiveUp
            mark: Any = event.start_mark
            places.key(key, mark.line, mark.column)
            event = next_event()
            if type(event) is ScalarEvent:
                result[key] = self.scalar(event, depth)
            else:
                result[key] = self.value(event, depth)
        return result

    def sequence(self, depth: int) -> list[Any]:
        items = []
        next_event, depth = self.next, depth + 1
        while type(event := next_event()) is not SequenceEndEvent:
            if type(event) is ScalarEvent:
                items.append(self.scalar(event, depth))
            else:
                items.append(self.value(event, depth))
        return items

    def document(self) -> tuple[Any, Places, Start] | None:
        """The next document's data, places and where its value starts in the text (offset,
        line and column, from 0), or None at the end of the stream."""
        event = self.next()
        if type(event) is StreamStartEvent:
            event = self.next()
        if type(event) is StreamEndEvent:
            return None
        if type(event) is not DocumentStartEvent:
            raise GiveUp
        self.places = PlacesRecorder()
        event = self.next()
        data = self.value(event, 0)
        if type(self.next()) is not DocumentEndEvent:
            raise GiveUp
        mark = event.start_mark
        return data, self.places.done(), (mark.index, mark.line, mark.column)


def build_from_events(loader: Any, limits: LoadLimits) -> list[tuple[Any, Places, Start]] | None:
    """Every non-empty document's data, places and start, or None when the composing builder
    must parse this text (see the module docstring)."""
    builder = _EventBuilder(loader, limits)
    documents: list[tuple[Any, Places, Start]] = []
    try:
        while (document := builder.document()) is not None:
            if len(documents) >= limits.max_documents:
                return None
            if document[0] is not None:  # an empty document holds no record
                documents.append(document)
    except (GiveUp, yaml.YAMLError, RecursionError):
        return None
    return documents


def build_first_document(loader: Any, limits: LoadLimits) -> tuple[Any, Places] | None:
    """The first document's data and places, or None when it is empty or this path would
    give up on it (the caller then parses the whole file, as a first reading did)."""
    try:
        document = _EventBuilder(loader, limits).document()
    except (GiveUp, yaml.YAMLError, RecursionError):
        return None
    if document is None or document[0] is None:
        return None
    return document[0], document[1]
