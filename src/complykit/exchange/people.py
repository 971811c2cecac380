"""Who a table's owner cell names, among the people complykit.yaml lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from complykit.exchange.row_source import Notes
from complykit.model.config import PersonEntry


def person_named(text: str, people: Sequence[PersonEntry]) -> PersonEntry | None:
    """The person ``text`` names by id, name or e-mail address, or by a role only they hold
    (tables often name an owner by role: `CISO`, `Privacy officer`); None when no one or
    more than one person fits."""
    folded = " ".join(text.split()).casefold()
    if not folded:
        return None
    for person in people:
        if folded in {
            person.id.casefold(),
            person.name.casefold(),
            (person.email or "").casefold(),
        }:
            return person
    holding = [person for person in people if person.role.casefold() == folded]
    return holding[0] if len(holding) == 1 else None


def owner_field(
    text: str, people: Sequence[PersonEntry], fields: dict[str, Any], notes: Notes, table: str
) -> None:
    """Set ``fields["owner"]`` to the person the owner cell names; else keep the cell in notes
    with a warning, as written in the ``table`` ("register", "calendar")."""
    if not text:
        return
    person = person_named(text, people)
    if person is not None:
        fields["owner"] = person.id
    else:
        notes.add(f"Owner as written in the {table}: {text}")
        notes.warn(
            f"owner '{' '.join(text.split())}' is no person in complykit.yaml (by id, name, "
            "e-mail or a role only one person holds); kept in notes"
        )
