"""An import source is read once, within a size stated in its message."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pytest

from complykit.core.errors import ComplykitError
from complykit.exchange import sheet as sheet_module
from complykit.exchange.fides_import import read_manifest
from complykit.exchange.sheet import read_sheets
from complykit.exchange.source_file import MAX_BYTES
from complykit.exchange.workbook_limits import check_workbook
from workbooks import xlsx


def test_a_workbook_swapped_after_its_checks_is_not_the_one_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The zip-bomb and extent checks and the parse read the same bytes: a workbook opened by
    name for each let a file swapped in between (a bomb after a harmless file) be parsed."""
    source = xlsx(tmp_path / "register.xlsx", {"Checked": [["Naam"], ["CRM"]]})
    swapped = xlsx(tmp_path / "swapped.xlsx", {"Swapped": [["Naam"], ["Other"]]})

    def check_then_swap(path: Path, data: IO[bytes]) -> None:
        check_workbook(path, data)
        source.write_bytes(swapped.read_bytes())

    monkeypatch.setattr(sheet_module, "check_workbook", check_then_swap)
    assert [s.name for s in read_sheets(source, workspace=tmp_path)] == ["Checked"]


@pytest.mark.parametrize("name", ["register.csv", "register.xlsx"])
def test_a_spreadsheet_over_the_limit_is_refused_with_the_limit_and_a_way_out(
    tmp_path: Path, name: str
) -> None:
    """The message said "is 52,428,971 bytes; a register is far smaller": no limit, and nothing
    to do about a real register swollen by embedded screenshots."""
    source = tmp_path / name
    with source.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written
    with pytest.raises(ComplykitError) as refused:
        read_sheets(source, workspace=tmp_path)
    assert refused.value.message == (
        f"{source} is 50,000,001 bytes, over complykit's limit of 50,000,000 bytes for an "
        "import source"
    )
    assert "Remove embedded images" in (refused.value.hint or "")


def test_a_fides_manifest_over_the_limit_is_called_too_large_not_no_manifest(
    tmp_path: Path,
) -> None:
    """A 6 MB manifest is a manifest, too large for the YAML parser's limit: it was refused as
    "not a Fides manifest"."""
    source = tmp_path / "fides.yml"
    source.write_text("system:\n" + "  - fides_key: crm\n" * 350_000, encoding="utf-8")
    with pytest.raises(ComplykitError) as refused:
        read_manifest(source, workspace=tmp_path)
    assert refused.value.message == (
        f"{source} is 6,650,008 bytes, over complykit's limit of 5,242,880 bytes for a Fides "
        "manifest"
    )
    assert refused.value.hint == "Split it into several files and import each one."
