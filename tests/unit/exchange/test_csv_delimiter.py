"""The delimiter of a CSV file is guessed (CSV does not say it); a wrong guess must not pass for
a missing header. Dutch Excel saves with semicolons and quotes only cells holding a semicolon,
so a cell full of commas stands unquoted in a semicolon file."""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.core.errors import ComplykitError
from complykit.exchange.register_import import import_register
from complykit.exchange.sheet import read_sheets
from complykit.exchange.supplier_rows import SUPPLIERS
from complykit.exchange.table_import import import_table
from complykit.exchange.vocabulary import field_of
from unit.exchange.imported import written_record

# Every data row has more commas than the header has semicolons.
COMMA_HEAVY = (
    "Naam;Doel;Grondslag;Betrokkenen\n"
    "Werving;Vacatures vullen, selecteren, aannemen, inwerken;6.1.b;"
    "Sollicitanten, stagiairs, uitzendkrachten\n"
    "Salaris;Salaris betalen, loonaangifte, pensioen;6.1.c;Medewerkers, oud-medewerkers\n"
)


def test_semicolon_csv_with_comma_heavy_cells(workspace: Path, tmp_path: Path) -> None:
    """The semicolon gives the header row, so it is the delimiter, however many commas the
    cells below hold."""
    source = tmp_path / "avg.csv"
    source.write_text(COMMA_HEAVY, encoding="utf-8")
    report = import_register(workspace, source)
    assert report.exit_code == 0
    werving = written_record(workspace, "pa-werving.yaml")
    purpose = "Vacatures vullen, selecteren, aannemen, inwerken"
    assert werving["purposes"] == [{"description": purpose, "legal_basis": "contract"}]
    assert werving["data_subjects"] == ["Sollicitanten", "stagiairs", "uitzendkrachten"]


def test_comma_heavy_cells_below_a_title_and_without_known_headers(tmp_path: Path) -> None:
    """With no header word known, the delimiter that splits most rows into one width wins:
    a title line and unquoted commas in cells do not outvote it."""
    source = tmp_path / "lijst.csv"
    source.write_text(
        "Overzicht 2026, concept, niet verspreiden\n"
        "A;B;C\n"
        "een, twee, drie, vier;x;y\n"
        "vijf, zes, zeven, acht;x;y\n",
        encoding="utf-8",
    )
    (sheet,) = read_sheets(source, workspace=tmp_path)
    assert sheet.delimiter == ";"
    assert sheet.rows[1].cells == ("A", "B", "C")


def test_semicolons_in_quoted_cells_do_not_count(tmp_path: Path) -> None:
    """A comma file whose quoted cells hold semicolons is read at its commas."""
    source = tmp_path / "ropa.csv"
    source.write_text('Name,Purpose\nCRM,"sales; marketing; support; billing"\n', encoding="utf-8")
    (sheet,) = read_sheets(source, workspace=tmp_path)
    assert sheet.delimiter == ","
    assert sheet.rows[1].cells == ("CRM", "sales; marketing; support; billing")


def test_no_header_names_the_delimiter_it_was_read_with(workspace: Path, tmp_path: Path) -> None:
    """When no header is found in a CSV file, the error says how the file was split, and the
    hint how to avoid the guess: a wrong delimiter is a likely cause."""
    source = tmp_path / "leveranciers.csv"
    source.write_text("Leverancier|Land\nCentric|NL\n", encoding="utf-8")
    with pytest.raises(ComplykitError) as raised:
        import_table(SUPPLIERS, workspace, source)
    assert "(the CSV file was read as separated by commas)" in raised.value.message
    assert "'CSV UTF-8 (comma delimited)'" in (raised.value.hint or "")


def test_a_workbook_error_says_nothing_of_delimiters(workspace: Path, tmp_path: Path) -> None:
    """The delimiter sentence is for CSV files only."""
    from openpyxl import Workbook  # noqa: PLC0415 - only this test writes a workbook

    book = Workbook()
    book.active.append(["Leverancier|Land"])  # type: ignore[union-attr]
    source = tmp_path / "leveranciers.xlsx"
    book.save(source)
    with pytest.raises(ComplykitError) as raised:
        import_table(SUPPLIERS, workspace, source)
    assert "separated by" not in raised.value.message
    assert "CSV UTF-8" not in (raised.value.hint or "")


# A header cell that lists several fields, with commas, outvotes the semicolons: split at
# commas, the header names three known columns, split at semicolons only two.
AMBIGUOUS = (
    "Naam;Doel;Grondslag, betrokkenen, persoonsgegevens, bewaartermijn\n"
    "Werving;Vacatures vullen;6.1.b, sollicitanten, cv, 4 weken\n"
)


def test_delimiter_option_overrides_a_wrong_guess(workspace: Path, tmp_path: Path) -> None:
    """--delimiter semicolon reads the file as the user says it is written; the cell under
    the listing header is kept in the notes under that header, not split over columns."""
    source = tmp_path / "avg.csv"
    source.write_text(AMBIGUOUS, encoding="utf-8")
    (guessed,) = read_sheets(source, lambda c: field_of(c) is not None, workspace=workspace)
    assert guessed.delimiter == ","  # the guess this option is for
    report = import_register(workspace, source, delimiter="semicolon")
    assert report.exit_code == 0
    werving = written_record(workspace, "pa-werving.yaml")
    assert werving["purposes"][0]["description"] == "Vacatures vullen"
    assert "Grondslag, betrokkenen, persoonsgegevens, bewaartermijn: 6.1.b" in werving["notes"]


@pytest.mark.parametrize("told", ["pipe", "|", "PIPE"])
def test_a_pipe_file_is_read_when_told(workspace: Path, tmp_path: Path, told: str) -> None:
    """Pipes are never guessed (a pipe also separates items within a cell); named, they split."""
    source = tmp_path / "leveranciers.csv"
    source.write_text("Leverancier|Land\nCentric|NL\n", encoding="utf-8")
    report = import_table(SUPPLIERS, workspace, source, delimiter=told)
    assert report.records == 1


def test_a_tab_can_be_named_as_backslash_t(tmp_path: Path) -> None:
    source = tmp_path / "ropa.txt"
    source.write_text("Name\tPurpose\nCRM\tSales, support\n", encoding="utf-8")
    for told in ("tab", "\\t", "\t"):
        (sheet,) = read_sheets(source, workspace=tmp_path, delimiter=told)
        assert sheet.rows[1].cells == ("CRM", "Sales, support")


def test_an_unknown_delimiter_or_a_workbook_is_refused(workspace: Path, tmp_path: Path) -> None:
    """A delimiter the import does not know, or one given for a workbook, is an error, not a
    silent fallback to the guess."""
    source = tmp_path / "avg.csv"
    source.write_text(AMBIGUOUS, encoding="utf-8")
    with pytest.raises(ComplykitError) as raised:
        import_register(workspace, source, delimiter="colon")
    assert raised.value.message == "--delimiter 'colon' is none of: semicolon, comma, tab, pipe"
    from openpyxl import Workbook  # noqa: PLC0415 - only this test writes a workbook

    book = tmp_path / "avg.xlsx"
    Workbook().save(book)
    with pytest.raises(ComplykitError) as raised:
        import_register(workspace, book, delimiter=";")
    assert "--delimiter is for CSV files" in raised.value.message


def test_the_hint_names_the_option(workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "leveranciers.csv"
    source.write_text("Leverancier#Land\nCentric#NL\n", encoding="utf-8")
    with pytest.raises(ComplykitError) as raised:
        import_table(SUPPLIERS, workspace, source)
    assert "name it with --delimiter (semicolon, comma, tab or pipe)" in (raised.value.hint or "")
