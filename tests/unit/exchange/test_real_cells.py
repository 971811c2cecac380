"""Cells as published Dutch, Belgian and English registers write them: Windows-1252 CSV,
retention in words, day-first dates and pipe-separated lists."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from complykit.core.errors import ComplykitError
from complykit.exchange.outcome import Status
from complykit.exchange.register_import import import_register
from complykit.exchange.retention import (
    ParsedRetention,
    kept_for_good,
    parse_retention,
    unread_reason,
)
from complykit.exchange.risk_rows import RISKS
from complykit.exchange.row_source import read_date, split_items, split_lines
from complykit.exchange.sheet import read_sheets
from complykit.exchange.supplier_rows import SUPPLIERS
from complykit.exchange.table_import import import_table
from complykit.model.duration import Duration

# What Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)": Windows-1252.
CP1252 = (
    "Naam verwerking;Doel;Bewaartermijn\n"
    "Cliëntregistratie Wmo;Zorg \u2013 \u2018maatwerk\u2019;7 jaar\n"
)
SUPPLIERS_CSV = (
    "Naam verwerker;Vestigingsland;Verwerkersovereenkomst;Einddatum contract\n"
    "Centric;Nederland;01-05-2022;31.12.2026\n"
    "Stipter;NL;5/1/2022;31-02-2025\n"
    "Pinkroccade;NL;ja;13-13-2025\n"
)
RISKS_CSV = (
    "Risico;Kans;Impact;Datum vastgesteld;Laatst beoordeeld\n"
    "Datalek door phishing;4;4;12-01-2024;15/03/2025\n"
    "Uitval koppeling;3;3;30-02-2024;vorig jaar\n"
)
NOT_REAL = "is not a real date (read day first: dd-mm-yyyy); kept in notes"
NO_DATE = "is no date (write dd-mm-yyyy or yyyy-mm-dd); kept in notes"
PERMANENT = "is permanent retention, which complykit cannot record as a period"
NO_LIMIT = "sets no time limit for erasure"
# Text near the retention vocabulary: decimals, number words, brackets, plus, permanence.
_RETENTION_WORDS = st.lists(
    st.sampled_from(
        ["1,5", "1.5", "0,5", "2,25", "anderhalf", "een half", "zeven", "(7)", "(", ")", "jaar",
         "years", "maanden", "dag", "week", "uur", "+", "gedurende", "duur", "dienstverband",
         "blijvend", "permanent", "bewaren", "na", ";", "999,99", "1000", "P2Y", "en"]
    ),
    max_size=8,
).map(" ".join)  # fmt: skip


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_windows_1252_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    """A CSV file in Windows-1252 is read, and its sheet says so for the import to warn."""
    source = tmp_path / "register.csv"
    source.write_bytes(CP1252.encode("cp1252"))
    (sheet,) = read_sheets(source, workspace=tmp_path)
    assert sheet.rows[1].cells == (
        "Cliëntregistratie Wmo",
        "Zorg \u2013 \u2018maatwerk\u2019",
        "7 jaar",
    )
    assert sheet.warnings == (
        "read as Windows-1252 (not UTF-8); check accented letters, or save as CSV UTF-8",
    )


def test_windows_1252_register_imports(workspace: Path, tmp_path: Path) -> None:
    """A register saved by Dutch Excel as CSV imports instead of being refused."""
    source = tmp_path / "register.csv"
    source.write_bytes(CP1252.encode("cp1252"))
    report = import_register(workspace, source)
    assert [o.status for o in report.outcomes] == [Status.CREATED]
    record = _load(workspace / "register" / "pa-clientregistratie-wmo.yaml")
    assert record["name"] == "Cliëntregistratie Wmo"


def test_utf8_csv_has_no_warning(tmp_path: Path) -> None:
    """A UTF-8 CSV file, with or without a byte-order mark, is read without a warning."""
    source = tmp_path / "register.csv"
    source.write_text("\ufeff" + CP1252, encoding="utf-8")
    assert read_sheets(source, workspace=tmp_path)[0].warnings == ()


@pytest.mark.parametrize(
    "content",
    [
        b"Naam\nCaf\x81\n",  # 0x81 is undefined in Windows-1252
        b"Naam\n\x8d\x8f\x90\x9d\n",
        "Naam\nCafé\n".encode("utf-16"),  # NUL bytes: UTF-16, not Windows-1252
        b"\xef\xbb\xbfNaam\nCaf\xe9\n",  # a UTF-8 byte-order mark, then bytes that are not
    ],
)
def test_text_neither_utf8_nor_windows_1252_is_refused(tmp_path: Path, content: bytes) -> None:
    """Bytes Windows-1252 leaves undefined, UTF-16 or broken UTF-8 are refused as before."""
    source = tmp_path / "register.csv"
    source.write_bytes(content)
    with pytest.raises(ComplykitError, match="is not UTF-8 text"):
        read_sheets(source, workspace=tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5 jaar", ParsedRetention(Duration(months=18), None, leftover=False)),
        ("1.5 years", ParsedRetention(Duration(months=18), None, leftover=False)),
        ("anderhalf jaar", ParsedRetention(Duration(months=18), None, leftover=False)),
        ("een half jaar", ParsedRetention(Duration(months=6), None, leftover=False)),
        ("2,5 dag", ParsedRetention(Duration(hours=60), None, leftover=False)),
        ("zeven (7) jaar", ParsedRetention(Duration(years=7), None, leftover=False)),
        ("7 (zeven) jaar", ParsedRetention(Duration(years=7), None, leftover=False)),
        (
            "Gedurende dienstverband + 2 jaar",
            ParsedRetention(Duration(years=2), "einde dienstverband", leftover=False),
        ),
        (
            "duur dienstverband + 2 jaar",
            ParsedRetention(Duration(years=2), "einde dienstverband", leftover=False),
        ),
        (
            "gedurende het dienstverband + 2 jaar",
            ParsedRetention(Duration(years=2), "einde van het dienstverband", leftover=False),
        ),
        (
            "Duration of contract + 5 years",
            ParsedRetention(Duration(years=5), "end of contract", leftover=False),
        ),
        # complykit's own export writes "<ISO period> after <trigger>"; the trigger is free text.
        (
            (
                "P2Y after Date of the appointment. Tenant data is deleted within 90 days after "
                "the contract ends."
            ),
            ParsedRetention(
                Duration(years=2),
                (
                    "Date of the appointment. Tenant data is deleted within 90 days after the "
                    "contract ends."
                ),
                leftover=False,
            ),
        ),
        # What worked before keeps working.
        (
            "2 jaar na einde dienstverband",
            ParsedRetention(Duration(years=2), "einde dienstverband", leftover=False),
        ),
        ("Archiefwet: 10 jaar", ParsedRetention(Duration(years=10), None, leftover=True)),
        (
            "V 7 jaar na einde grafrecht",
            ParsedRetention(Duration(years=7), "einde grafrecht", leftover=True),
        ),
        ("14 maanden", ParsedRetention(Duration(months=14), None, leftover=False)),
        ("48 uur", ParsedRetention(Duration(hours=48), None, leftover=False)),
        ("P90D", ParsedRetention(Duration(days=90), None, leftover=False)),
        (
            "7 years after permanent closure",
            ParsedRetention(Duration(years=7), "permanent closure", leftover=False),
        ),
    ],
)
def test_retention_as_registers_write_it(text: str, expected: ParsedRetention) -> None:
    """Decimals, number words written twice and 'during X + N' give a period and trigger."""
    assert parse_retention(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Blijvend (bewaren)", PERMANENT),
        ("Blijvend bewaren", PERMANENT),
        ("Archiefwet: blijvend", PERMANENT),
        ("permanent", PERMANENT),
        ("kept indefinitely", NO_LIMIT),
        ("Onbeperkt", NO_LIMIT),
        ("forever", NO_LIMIT),
        ("for ever", NO_LIMIT),
        ("Voor altijd", NO_LIMIT),
        ("Durée illimitée", NO_LIMIT),
        ("7 jaar, daarna blijvend", "states both a period and permanent retention"),
        ("7 jaar, daarna onbeperkt", "states both a period and no time limit"),
        (
            "4 weken na einde procedure; met toestemming 1 jaar",
            "states more than one period (4 weken, 1 jaar)",
        ),
        (
            "48 uur (niet-overtreders); 5 jaar (naheffing)",
            "states more than one period (48 uur, 5 jaar)",
        ),
        (
            "4 weken na einde procedure (met toestemming 1 jaar)",
            "states more than one period (4 weken, 1 jaar)",
        ),
        ("P4W na einde procedure; met toestemming P1Y", "states more than one period (P4W, P1Y)"),
        ("zeven (8) jaar", "not understood"),
        ("1,5 week", "not understood"),
        ("1.000 dagen", "not understood"),
        ("zolang nodig", NO_LIMIT),
        ("tant que requis", NO_LIMIT),
    ],
)  # fmt: skip
def test_retention_without_one_period(text: str, reason: str) -> None:
    """Permanent retention, no limit, two periods or an inexact amount give no period, and a
    reason."""
    assert parse_retention(text) is None
    assert unread_reason(text) == reason


def test_two_periods_keep_the_cell_in_notes(workspace: Path, tmp_path: Path) -> None:
    """A retention cell with two periods is left out and kept whole in notes, with a warning."""
    source = tmp_path / "register.csv"
    cell = "4 weken na einde procedure; met toestemming 1 jaar"
    source.write_text(f'Naam;Doel;Bewaartermijn\nWerving;Vacatures;"{cell}"\n', encoding="utf-8")
    (outcome,) = import_register(workspace, source).outcomes
    record = _load(workspace / "register" / "pa-werving.yaml")
    assert "retention" not in record
    assert record["notes"] == f"Retention as written in the register: {cell}"
    assert any(m.startswith(f"retention '{cell}' ") for m in outcome.messages)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05-01-2022", date(2022, 1, 5)),
        ("5-1-2022", date(2022, 1, 5)),
        ("05/01/2022", date(2022, 1, 5)),
        ("5.1.2022", date(2022, 1, 5)),
        ("2022-01-05", date(2022, 1, 5)),
        ("29-02-2024", date(2024, 2, 29)),
        ("januari 2022", None),
        ("05-01-22", None),
        ("05-01/2022", None),
        ("ja", None),
    ],
)
def test_dates_are_read_day_first(text: str, expected: date | None) -> None:
    """Dates are ISO or day first, as the Netherlands and Belgium write them; never month first."""
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["31-02-2025", "13-13-2025", "03/15/2024", "2024-02-30"])
def test_impossible_dates_raise(text: str) -> None:
    """A cell written as a date that does not exist raises ValueError."""
    with pytest.raises(ValueError, match=r"day|month"):
        read_date(text)


def test_supplier_dates(workspace: Path, tmp_path: Path) -> None:
    """Day-first DPA and contract-end dates become ISO; every other cell warns and goes to
    notes."""
    source = tmp_path / "verwerkers.csv"
    source.write_text(SUPPLIERS_CSV, encoding="utf-8")
    report = import_table(SUPPLIERS, workspace, source)
    centric = _load(workspace / "suppliers" / "sup-centric.yaml")
    assert (centric["dpa"], centric["contract_end"]) == ({"signed_on": "2022-05-01"}, "2026-12-31")
    stipter = _load(workspace / "suppliers" / "sup-stipter.yaml")
    assert stipter["dpa"] == {"signed_on": "2022-01-05"}
    assert "contract_end" not in stipter
    assert stipter["notes"] == "Contract end as written in the register: 31-02-2025"
    pink = _load(workspace / "suppliers" / "sup-pinkroccade.yaml")
    assert "dpa" not in pink
    assert pink["notes"] == (
        "Data processing agreement as written in the register: ja\n"
        "Contract end as written in the register: 13-13-2025"
    )
    dated = [(o.row, tuple(m for m in o.messages if "date" in m)) for o in report.outcomes]
    assert dated == [
        (2, ()),
        (3, (f"contract end '31-02-2025' {NOT_REAL}",)),
        (4, (f"contract end '13-13-2025' {NOT_REAL}",)),
    ]
    # A DPA that is only a yes is no date to read: what is missing is said as such.
    assert "DPA 'ja' gives no day it was signed; add dpa.signed_on" in report.outcomes[2].messages


def test_risk_dates(workspace: Path, tmp_path: Path) -> None:
    """Day-first identified and last-assessed dates become ISO; others warn and go to notes."""
    source = tmp_path / "risico.csv"
    source.write_text(RISKS_CSV, encoding="utf-8")
    report = import_table(RISKS, workspace, source)
    phishing = _load(workspace / "risks" / "risk-datalek-door-phishing.yaml")
    assert (phishing["identified"], phishing["last_assessed"]) == ("2024-01-12", "2025-03-15")
    outage = _load(workspace / "risks" / "risk-uitval-koppeling.yaml")
    assert "identified" not in outage
    assert "last_assessed" not in outage
    assert outage["notes"].splitlines()[-2:] == [
        "Identified as written in the register: 30-02-2024",
        "Last assessed as written in the register: vorig jaar",
    ]
    assert report.outcomes[1].messages[-2:] == (
        f"identified '30-02-2024' {NOT_REAL}",
        f"last assessed 'vorig jaar' {NO_DATE}",
    )


def test_pipes_separate_items() -> None:
    """GRC exports separate list items with ' | ', as registers do with semicolons."""
    assert split_lines("Know your customer | Anti-money laundering") == [
        "Know your customer",
        "Anti-money laundering",
    ]
    assert split_items("First Name | Selfie (facial recognition, liveness)|BSN") == [
        "First Name",
        "Selfie (facial recognition, liveness)",
        "BSN",
    ]


def test_pipe_separated_purposes_import(workspace: Path, tmp_path: Path) -> None:
    """A purpose cell of a GRC export becomes one purpose per pipe-separated item."""
    source = tmp_path / "grc.csv"
    source.write_text(
        "Processing Activity,Purpose,Legal Basis,Data Subject Categories\n"
        "KYC,Know your customer | Anti-money laundering,Legal obligation,Customers | UBOs\n",
        encoding="utf-8",
    )
    import_register(workspace, source)
    record = _load(workspace / "register" / "pa-kyc.yaml")
    assert [p["description"] for p in record["purposes"]] == [
        "Know your customer",
        "Anti-money laundering",
    ]
    assert record["data_subjects"] == ["Customers", "UBOs"]


@given(st.one_of(st.text(max_size=60), _RETENTION_WORDS))
def test_retention_reads_or_explains(text: str) -> None:
    """Any text gives a period of at most 1000 of each unit, or a reason for the warning."""
    parsed = parse_retention(text)
    if parsed is None:
        assert unread_reason(text)
        return
    period = parsed.period
    parts = (period.years, period.months, period.weeks, period.days, period.hours)
    assert any(parts)
    assert max(parts) <= 1000


@given(st.dates(), st.sampled_from("-/."), st.booleans())
def test_day_first_dates_round_trip(day: date, separator: str, padded: bool) -> None:
    """Any date written day first, with or without leading zeros, reads back as that date."""
    width = 2 if padded else 1
    text = f"{day.day:0{width}}{separator}{day.month:0{width}}{separator}{day.year:04}"
    assert read_date(text) == day


@given(st.one_of(st.text(max_size=14), st.text(alphabet="0123456789-/. ", max_size=14)))
def test_dates_read_or_raise_value_error(text: str) -> None:
    """Any text gives None, ValueError, or a date it writes ISO or day first."""
    with contextlib.suppress(ValueError):
        found = read_date(text)
        if found is not None:
            days, months = (
                {str(found.day), f"{found.day:02}"},
                {str(found.month), f"{found.month:02}"},
            )
            written = {f"{d}{s}{m}{s}{found.year:04}" for d in days for m in months for s in "-/."}
            assert text.strip() in {found.isoformat(), *written}


@given(st.text(max_size=60))
def test_items_never_hold_a_separator(text: str) -> None:
    """Split items are never empty and never hold a pipe, semicolon or line break."""
    for items in (split_items(text), split_lines(text)):
        assert all(items)
        assert not any(set(item) & {"|", ";", "\n"} for item in items)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blijvend", {"permanent": True}),
        ("permanent", {"permanent": True}),
        (
            "Archiefwet: blijvend te bewaren",
            {"permanent": True, "legal_provision": "Archiefwet: blijvend te bewaren"},
        ),
        (
            "Blijvend (Selectielijst gemeenten 2020, cat. 1.1)",
            {"permanent": True, "legal_provision": "Selectielijst gemeenten 2020, cat. 1.1"},
        ),
        (
            "kept permanently (Archiefwet 1995 art. 3)",  # as complykit's workbook writes it
            {"permanent": True, "legal_provision": "Archiefwet 1995 art. 3"},
        ),
        ("7 jaar, daarna blijvend", None),
        ("7 years after permanent closure", None),
        ("7 jaar", None),
        ("Permanent bewaren", {"permanent": True}),
        # For ever leaves the limit undetermined, as "indefinitely" does: no permanent retention.
        ("forever", None),
        ("Voor altijd", None),
    ],
)
def test_retention_kept_for_good(text: str, expected: dict[str, object] | None) -> None:
    """A cell that says permanent and names no period is kept for good, with the law it
    names as its provision; a period anywhere in it is no permanent retention."""
    assert kept_for_good(text) == expected


def test_a_municipal_register_keeps_its_permanent_records(workspace: Path, tmp_path: Path) -> None:
    """'Blijvend' imports as permanent retention, asked for its law; with the Archiefwet named,
    that is its legal provision and nothing is asked."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam;Doel;Bewaartermijn\nBRP;Bijhouden van de BRP;Blijvend\n"
        "Raadsbesluiten;Besluitvorming;Archiefwet: blijvend te bewaren\n",
        encoding="utf-8",
    )
    report = import_register(workspace, source)
    brp = _load(workspace / "register" / "pa-brp.yaml")
    assert brp["retention"] == {"permanent": True}
    assert any("kept permanently; name the law" in m for m in report.outcomes[0].messages)
    council = _load(workspace / "register" / "pa-raadsbesluiten.yaml")
    assert council["retention"] == {
        "permanent": True,
        "legal_provision": "Archiefwet: blijvend te bewaren",
    }
    assert not [m for m in report.outcomes[1].messages if "retention" in m]


def test_a_csv_title_above_the_header_does_not_hide_the_delimiter(tmp_path: Path) -> None:
    """A title on a line of its own, with no delimiter in it, above a header with semicolons:
    the semicolon is still the delimiter."""
    source = tmp_path / "vvt.csv"
    source.write_text("Verklaring van toepasselijkheid\n\nControl;Van toepassing\nA.5.1;Ja\n")
    (sheet,) = read_sheets(source, workspace=tmp_path)
    assert [row.cells for row in sheet.rows if not row.empty] == [
        ("Verklaring van toepasselijkheid",),
        ("Control", "Van toepassing"),
        ("A.5.1", "Ja"),
    ]
