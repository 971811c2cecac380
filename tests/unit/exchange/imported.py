"""What an import wrote and said, read back the way a test asserts it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from complykit.exchange.outcome import ImportReport


def written_record(root: Path, name: str, folder: str = "register") -> dict[str, Any]:
    """The record the import wrote to ``folder/name`` below ``root``, as data."""
    data = yaml.safe_load((root / folder / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def row_messages(report: ImportReport, row: int) -> tuple[str, ...]:
    """What the import said about the row numbered ``row``."""
    return next(outcome.messages for outcome in report.outcomes if outcome.row == row)
