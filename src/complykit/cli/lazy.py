"""Commands imported when they are used: ``--help`` lists them from data.

Typer builds a Click command from every registered function at start-up (reading signatures
and evaluating annotations), and the command modules import their own helpers; for 13 commands
that is most of what ``complykit --help`` costs beyond importing Typer. Here each command is a
place (module, attribute) and a summary: the group knows its names at once, imports and builds
a command the first time it is looked up, and lists the ones not built yet by their summaries.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from typing import ClassVar

import typer
from typer import _click as click  # Typer's own Click, whose classes its groups are made of
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo

from complykit.core.frozen import frozen


@frozen
class Place:
    """Where a command lives, and the first paragraph of its help (shown by ``--help``)."""

    module: str
    attribute: str
    summary: str

    def build(self) -> click.Command:
        target = getattr(importlib.import_module(self.module), self.attribute)
        if isinstance(target, typer.Typer):
            return typer.main.get_group(target)
        info = CommandInfo(callback=target)
        # The settings of the app this replaces: plain help, short pretty exceptions.
        return typer.main.get_command_from_info(
            info, pretty_exceptions_short=True, rich_markup_mode=None
        )


class LazyCommands(MutableMapping[str, click.Command]):
    """Commands by name, each built on first access; the names need no import."""

    def __init__(self, places: Mapping[str, Place]) -> None:
        self._places = places
        self._built: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._built:
            self._built[name] = self._places[name].build()
        return self._built[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        raise TypeError(f"the command {name!r} cannot be removed")

    def __contains__(self, name: object) -> bool:  # Mapping's would build the command
        return name in self._places or name in self._built

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._places, *self._built]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._places, *self._built]))

    def listed(self, name: str) -> click.Command:
        """The built command, or a stand-in carrying only the name and the summary."""
        if name in self._built or name not in self._places:
            return self[name]
        return TyperCommand(name, help=self._places[name].summary)


class LazyGroup(TyperGroup):
    """A Typer group whose commands are ``places``, imported when they are used."""

    places: ClassVar[Mapping[str, Place]] = {}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.commands = LazyCommands(self.places)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = self.commands
        listing = {
            name: commands.listed(name) if isinstance(commands, LazyCommands) else commands[name]
            for name in commands
        }
        TyperGroup(name=self.name, commands=listing).format_commands(ctx, formatter)
