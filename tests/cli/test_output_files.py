"""``--output`` files: never replacing what exists without --force, never half written."""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.cli.output_files import open_output
from complykit.core.errors import ComplykitError
from complykit.core.overwrite import refusal


def test_a_file_made_while_the_report_is_written_is_not_replaced(tmp_path: Path) -> None:
    """Without --force a file that appears meanwhile is refused at the end, left as it is, and
    nothing of the report stays behind."""
    target = tmp_path / "report.sarif"
    refused = pytest.raises(ComplykitError, match="already exists")
    with refused, open_output(target, force=False) as stream:
        stream.write("report\n")
        target.write_text("theirs\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]


def test_force_replaces_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old and longer\n", encoding="utf-8")
    with open_output(target, force=True) as stream:
        stream.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]


def test_the_refusal_is_known_before_anything_is_written(tmp_path: Path) -> None:
    """What a command asks before doing its work: a folder always, a file unless --force."""
    existing = tmp_path / "there.json"
    existing.write_text("{}", encoding="utf-8")
    assert refusal(tmp_path / "new.json", force=False) is None
    assert refusal(existing, force=True) is None
    assert "already exists" in str(refusal(existing, force=False))
    assert "is a folder" in str(refusal(tmp_path, force=True))


def test_a_missing_folder_is_named_not_the_temporary_file(tmp_path: Path) -> None:
    """The error names the file asked for and its missing folder, never the temporary file
    the report would have been written to first."""
    target = tmp_path / "no" / "such" / "out.json"
    with pytest.raises(ComplykitError) as refused, open_output(target, force=True):
        pass
    assert str(refused.value).startswith(f"{target}: No such file or directory")
    assert ".tmp" not in str(refused.value)
    assert not (tmp_path / "no").exists()
