"""A kept text is written again only where it would be rendered the same."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from complykit.cli.presentation import RICH_ENVIRONMENT, STEP_SUMMARY, presentation
from complykit.formatters.github import SUMMARY_ENV


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _shown(stream: io.StringIO, output_format: str = "text") -> str | None:
    return presentation(output_format, "error", "/ws", stream)


def test_a_terminal_and_a_pipe_are_different_presentations() -> None:
    """Rich colours a terminal and not a pipe."""
    assert _shown(_Terminal()) != _shown(io.StringIO())


@pytest.mark.parametrize("name", RICH_ENVIRONMENT)
def test_each_variable_rich_reads_changes_the_text_presentation(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """NO_COLOR, FORCE_COLOR, TERM, COLUMNS, ...: each can change what Rich writes."""
    monkeypatch.delenv(name, raising=False)
    before = _shown(io.StringIO())
    monkeypatch.setenv(name, "1")
    assert _shown(io.StringIO()) != before


def test_formats_without_rich_ignore_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON is the same bytes at a terminal or in a pipe, coloured or not."""
    before = _shown(io.StringIO(), "json")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert _shown(_Terminal(), "json") == before


def test_the_current_folder_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub annotations name files relative to the folder the run starts in."""
    before = _shown(io.StringIO(), "github")
    monkeypatch.chdir(tmp_path)
    assert _shown(io.StringIO(), "github") != before


def test_annotations_with_a_job_summary_are_never_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """The github format also appends to GITHUB_STEP_SUMMARY, which a kept text cannot do."""
    assert STEP_SUMMARY == SUMMARY_ENV
    monkeypatch.setenv(STEP_SUMMARY, os.devnull)
    assert _shown(io.StringIO(), "github") is None
    assert _shown(io.StringIO(), "json") is not None


def test_every_variable_rich_reads_is_part_of_the_presentation() -> None:
    """Guards a Rich upgrade: a new variable Rich reads must join RICH_ENVIRONMENT."""
    import re  # noqa: PLC0415

    import rich.console  # noqa: PLC0415

    source = Path(rich.console.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r"""(?:environ\.get|getenv)\(\s*["']([A-Z_]+)["']""", source))
    notebooks_only = {"DATABRICKS_RUNTIME_VERSION"}  # consulted only inside IPython
    assert read - notebooks_only <= set(RICH_ENVIRONMENT)
    assert len(read) >= len(RICH_ENVIRONMENT)
