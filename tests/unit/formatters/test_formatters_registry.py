from __future__ import annotations

import io
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from complykit.formatters import FORMATTERS

if TYPE_CHECKING:
    from complykit.core.result import Result


def test_registry_names_every_format() -> None:
    """The registry offers exactly the six documented format names."""
    assert list(FORMATTERS) == ["text", "json", "github", "sarif", "junit", "markdown", "gitlab"]


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_every_formatter_renders_with_no_arguments(
    name: str, sample: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each formatter builds without arguments and writes something for a result."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    stream = io.StringIO()
    FORMATTERS[name]().render(sample, stream)
    assert stream.getvalue().endswith("\n")


def test_importing_formatters_leaves_rich_unloaded() -> None:
    """Importing the package does not import Rich, which only the text format needs."""
    code = "import sys, complykit.formatters; print('rich' in sys.modules)"
    completed = subprocess.run(  # noqa: S603 -- fixed arguments, our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "False"
