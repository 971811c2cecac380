"""The generated reference pages match the registry and the models."""

from __future__ import annotations

from complykit.reference_docs import pages
from conftest import REPO


def test_reference_pages_are_fresh() -> None:
    """Each committed page equals what `python -m complykit.reference_docs` writes now."""
    for name, text in pages().items():
        committed = REPO / "docs" / "reference" / name
        assert committed.read_text(encoding="utf-8") == text, f"regenerate {name}"


def test_rules_page_lists_every_code() -> None:
    """The rules page has a row for every registered code, with its citation."""
    page = pages()["rules.md"]
    assert "| SOA001 | `soa-missing` | error |" in page
