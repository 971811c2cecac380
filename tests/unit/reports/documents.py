"""Small workspaces for report tests, and the text of every cell of a rendered workbook."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook

from builders import write_workspace
from complykit.reports.render import render_workbook
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF


def workspace_with(tmp_path: Path, files: dict[str, str]) -> Repository:
    """A workspace of the base config plus ``files`` (relative path: YAML text), opened."""
    root = write_workspace(tmp_path / "ws", soa=None)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return repo


def workbook_cells(report: str, repo: Repository, lang: str) -> list[str]:
    """Every cell of the report's workbook, as text, sheet by sheet and row by row."""
    book = load_workbook(BytesIO(render_workbook(report, repo, lang=lang)))
    return [str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r]
