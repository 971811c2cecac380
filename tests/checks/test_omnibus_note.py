"""The Omnibus note is the same for every run, so it must be true with and without the switch."""

from __future__ import annotations

from complykit.facts.ai_act_index import OMNIBUS_BASIS, OMNIBUS_NOTE


def test_the_note_says_what_a_workspace_that_chooses_the_omnibus_gets() -> None:
    """A workspace with `ai_act: {dates: digital-omnibus}` reads the note too: it must not
    suggest that the switch is off, and it names the words its hints then carry."""
    assert "unless complykit.yaml sets `ai_act: {dates: digital-omnibus}`" in OMNIBUS_NOTE
    assert "a workspace that sets it is judged by the Omnibus dates" in OMNIBUS_NOTE
    assert OMNIBUS_BASIS.startswith("as amended by the Digital Omnibus")
    assert '"as amended by the Digital Omnibus"' in OMNIBUS_NOTE
