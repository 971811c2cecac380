"""Register layouts and cell wordings met in Dutch, Belgian and German registers.

Where a fixture follows a published template, the comment beside it names the source and says
which parts are taken from it (headers) and which are reconstructed (rows): the templates were
read as published pages, not as their own workbooks.
"""

from __future__ import annotations

from pathlib import Path

from complykit.exchange.register_import import import_register
from unit.exchange.imported import row_messages, written_record
from workbooks import Cell, xlsx

RANGES: list[list[Cell]] = [
    ["Naam", "Doel", "Grondslag", "Bewaartermijn"],
    ["Werving", "Vacatures vullen", "6.1.b", "12\u201324 mnd"],
    ["Salaris", "Loon betalen", "6.1.c", "2 tot 7 jaar na uitdiensttreding"],
    ["Klantcontact", "Vragen beantwoorden", "6.1.f", "1/2 jaar"],
]


def test_a_retention_range_keeps_the_text_and_says_which_end(
    workspace: Path, tmp_path: Path
) -> None:
    """A range ("12 to 24 mnd" with an en dash) used to become 24 months without a word: the
    longer end is still the period (Art. 30(1)(f) asks for the time limit, and the longer one
    is not understated), but the import now says so, and the cell stays in the notes as written."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": RANGES}))
    werving = written_record(workspace, "pa-werving.yaml")
    assert werving["retention"]["period"] == "P24M"
    assert "Retention as written in the register: 12\u201324 mnd" in werving["notes"]
    assert (
        "retention '12\u201324 mnd' gives a range; its longer end was recorded as the period "
        "(P24M) and the cell kept in notes; record the shorter end if the data is erased then"
    ) in row_messages(report, 2)
    salaris = written_record(workspace, "pa-salaris.yaml")
    assert salaris["retention"] == {"period": "P7Y", "trigger": "uitdiensttreding"}
    assert any("gives a range" in m for m in row_messages(report, 3))


def test_half_a_year_written_as_a_fraction_is_not_two_years(
    workspace: Path, tmp_path: Path
) -> None:
    """ "1/2 jaar" was read as 2 years (the "2 jaar" after the slash): a fraction is not read,
    so the cell is kept with a warning instead of recording four times the period."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": RANGES}))
    klant = written_record(workspace, "pa-klantcontact.yaml")
    assert "retention" not in klant
    assert "Retention as written in the register: 1/2 jaar" in klant["notes"]
    assert any("retention '1/2 jaar'" in m for m in row_messages(report, 4))


# A published municipal-style register with a title above the header and a count below the
# table; reconstructed, with the header words of the registers in test_real_registers.py.
COUNTED: list[list[Cell]] = [
    ["Register van verwerkingen gemeente Voorbeeld, versie 2026"],
    [],
    ["Naam", "Doel", "Grondslag", "Betrokkenen", "Aantal betrokkenen"],
    ["Salarisadministratie", "Salaris betalen", "6.1.c", "Medewerkers", 412],
    ["Aantal bezoekers tellen", "Drukte meten", "6.1.e", "Bezoekers", None],
    [],
    ["Totaal: 2 verwerkingen"],
    ["Totaal", None, None, None, 412],
]


def test_a_total_row_is_no_activity(workspace: Path, tmp_path: Path) -> None:
    """A count under the table ("Totaal: 2 verwerkingen", "Totaal | 412") was imported as an
    activity named after it, a record with no purpose that validate then reports. It is
    skipped as a total, told with its text; an activity whose name starts with "Aantal" and
    holds no number is still one."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": COUNTED}))
    assert sorted(p.name for p in (workspace / "register").iterdir()) == [
        "pa-aantal-bezoekers-tellen.yaml",
        "pa-salarisadministratie.yaml",
    ]
    assert row_messages(report, 7) == ("a total row, not an activity: 'Totaal: 2 verwerkingen'",)
    assert row_messages(report, 8) == ("a total row, not an activity: 'Totaal | 412'",)
    assert report.skipped == 2
