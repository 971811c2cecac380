"""The generated reference pages match the registry and the models."""

from __future__ import annotations

from complykit.reference.docs import pages
from conftest import REPO


def test_reference_pages_are_fresh() -> None:
    """Each committed page equals what `python -m complykit.reference.docs` writes now."""
    for name, text in pages().items():
        committed = REPO / "docs" / "reference" / name
        assert committed.read_text(encoding="utf-8") == text, f"regenerate {name}"


def test_rules_page_lists_every_code() -> None:
    """The rules page has a row for every registered code, with its citation."""
    page = pages()["rules.md"]
    assert "| SOA001 | `soa-missing` | error |" in page


def test_cli_reference_is_fresh() -> None:
    """docs/reference/cli.md equals what `python -m complykit.cli.reference` writes now."""
    from complykit.cli.reference import cli_reference  # noqa: PLC0415 - imports the whole app

    committed = REPO / "docs" / "reference" / "cli.md"
    assert committed.read_text(encoding="utf-8") == cli_reference(), "regenerate cli.md"


def test_cli_reference_has_every_command() -> None:
    """Every command, sub-commands included, has its own section with its options."""
    from complykit.cli.reference import cli_reference  # noqa: PLC0415

    page = cli_reference()
    for title in ("complykit validate", "complykit soa init", "complykit catalog show"):
        assert f"## `{title}`" in page
    assert "--force" in page
    assert "<bool>" not in page
