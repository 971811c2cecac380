"""Who an owner cell names: by id, name, e-mail, or a role only one person holds."""

from __future__ import annotations

import pytest

from complykit.exchange.people import person_named
from complykit.model.config import PersonEntry

PEOPLE = (
    PersonEntry(id="ciso", name="Chris Smit", role="CISO", email="chris@example.nl"),
    PersonEntry(id="dev-1", name="Dana Peters", role="Developer"),
    PersonEntry(id="dev-2", name="Eva Jansen", role="Developer"),
)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("ciso", "ciso"),
        ("  Chris   Smit ", "ciso"),
        ("CHRIS@example.nl", "ciso"),
        ("Ciso", "ciso"),
        ("Dana Peters", "dev-1"),
        ("developer", None),  # two people hold the role: which is not said
        ("IT", None),
        ("", None),
    ],
)
def test_person_named(text: str, person: str | None) -> None:
    found = person_named(text, PEOPLE)
    assert (found.id if found else None) == person
