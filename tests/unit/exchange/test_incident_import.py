"""import incidents: a breach register (Art. 33(5) GDPR) row by row as incident records, the
organisation's own notification decisions kept as it recorded them, and never one made up."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.exchange.incident_rows import INCIDENTS
from complykit.exchange.outcome import Status
from complykit.exchange.table_import import import_table
from complykit.validate.engine import run
from unit.exchange.breach_registers import belgian_xlsx, care_xlsx, shop_csv
from unit.exchange.imported import row_messages

AS_OF = date(2025, 12, 1)


def _load(root: Path, record_id: str) -> dict[str, Any]:
    data = yaml.safe_load((root / "incidents" / f"{record_id}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_care_register(workspace: Path, tmp_path: Path) -> None:
    """Excel date-times and dates typed as text become moments on Dutch clocks; the
    notification, its number and the people told are the breach's; unmapped cells are notes."""
    report = import_table(INCIDENTS, workspace, care_xlsx(tmp_path / "datalekken.xlsx"))
    assert [(o.row, o.status) for o in report.outcomes] == [
        (3, Status.CREATED), (4, Status.CREATED), (5, Status.CREATED), (6, Status.CREATED),
    ]  # fmt: skip
    assert report.unknown_columns == (("Datalekken", "Verwerker"),)
    assert [w.split(";")[0] for _, w in report.sheet_warnings] == [
        (
            "times without a UTC offset are read as the time in Europe/Amsterdam (+01:00 in "
            "winter, +02:00 in summer), as the 72-hour clock of Art. 33(1) needs one"
        ),
        "no column for our role",
        "no column for the severity",
    ]
    assert _load(workspace, "inc-2025-001") == {
        "kind": "incident",
        "id": "inc-2025-001",
        "title": "E-mail met ontslagbrieven van 14 cliënten naar een verkeerde "
        "huisartsenpraktijk gestuurd",
        "description": "E-mail met ontslagbrieven van 14 cliënten naar een verkeerde "
        "huisartsenpraktijk gestuurd.\nDe ontvanger heeft de e-mail na een dag verwijderd.",
        "severity": "medium",
        "status": "closed",
        "occurred_at": "2025-03-11T00:00:00+01:00",
        "detected_at": "2025-03-12T14:05:00+01:00",
        "aware_at": "2025-03-12T14:05:00+01:00",
        "closed_at": "2025-04-01T00:00:00+02:00",
        "personal_data_involved": True,
        "breach": {
            "our_role": "controller",
            "nature": ["confidentiality"],
            "data_subject_categories": ["Cliënten"],
            "approximate_data_subjects": 14,
            "data_categories": ["NAW", "BSN", "diagnose"],
            "special_categories": True,
            "risk_to_individuals": "risk",
            "risk_reasoning": "not stated in the imported register",
            "likely_consequences": "Schaamte, misbruik van BSN",
            "authority": {
                "required": True,
                "notified_at": "2025-03-17T10:00:00+01:00",
                "to": "Autoriteit Persoonsgegevens",
                "reference": "M2025-00417",
            },
            "data_subjects": {"required": True, "notified_at": "2025-03-14T23:59:00+01:00"},
        },
        "root_cause": "Verkeerd adres gekozen bij automatisch aanvullen",
        "actions": ["Ontvanger gevraagd te verwijderen", "Automatisch aanvullen uitgezet"],
        "notes": "Start of the breach as written in the register: 2025-03-11 (no time of day; "
        "read as 00:00)\n"
        "Date people affected told as written in the register: 14-03-2025 (no time of day; read "
        "as "
        "23:59, the end of that day, so the deadline is judged as if it was made as late as it "
        "can have been)\n"
        "Closed as written in the register: 2025-04-01 (no time of day; read as 00:00)\n"
        "Special categories of personal data as written in the register: Ja (gezondheid)",
    }
    assert row_messages(report, 3) == (
        (
            "no risk assessment given; recorded as 'risk', since the breach was notified to the "
            "authority"
        ),
    )


def test_a_decision_not_to_notify_is_kept_with_its_reason(workspace: Path, tmp_path: Path) -> None:
    """A "Nee" with a reason is the decision not to notify: required false, and the risk it
    shows (none), said in a warning; the people's reason likewise."""
    report = import_table(INCIDENTS, workspace, care_xlsx(tmp_path / "datalekken.xlsx"))
    stick = _load(workspace, "inc-2025-002")
    reason = "Geen risico: stick versleuteld met AES-256, wachtwoord niet gelekt"
    assert stick["breach"]["authority"] == {"required": False, "reason": reason}
    assert stick["breach"]["risk_to_individuals"] == "none"
    assert stick["breach"]["risk_reasoning"] == reason
    assert stick["breach"]["approximate_data_subjects"] == 1200  # "ca. 1.200"
    assert stick["breach"]["nature"] == ["availability"]
    assert stick["breach"]["still_available"] == "Ja, de roosters staan in het roostersysteem"
    assert stick["breach"]["data_subjects"] == {
        "required": False,
        "reason": "Gegevens onleesbaar door versleuteling",
    }
    assert stick["detected_at"] == stick["aware_at"] == "2025-04-02T09:30:00+02:00"
    assert stick["status"] == "closed"
    assert (
        "no risk assessment given; recorded as 'none' from the reason the breach was not "
        f"notified: '{reason}'; check it"
    ) in row_messages(report, 4)


def test_a_no_without_a_reason_is_no_decision(workspace: Path, tmp_path: Path) -> None:
    """ "Nee" under "Gemeld bij AP" and no reason records no authority block: it stays in
    notes with a warning, and the risk is recorded as 'risk' until assessed."""
    report = import_table(INCIDENTS, workspace, care_xlsx(tmp_path / "datalekken.xlsx"))
    phishing = _load(workspace, "inc-2025-003")
    assert "authority" not in phishing["breach"]
    assert "approximate_data_subjects" not in phishing["breach"]
    assert phishing["breach"]["nature"] == ["confidentiality", "integrity"]
    assert phishing["aware_at"] == "2025-04-28T00:00:00+02:00"  # "28 april 2025"
    assert phishing["notes"].splitlines() == [
        "Discovered as written in the register: 28 april 2025 (no time of day; read as 00:00)",
        "Nature of the breach as written in the register: Vertrouwelijkheid, integriteit",
        "Number of people affected as written in the register: 100-200",
        "Notified to the authority as written in the register: Nee",
        "Verwerker: Zorgportaal B.V.",
    ]
    assert row_messages(report, 5) == (
        "number of people affected '100-200' is no single number; kept in notes",
        (
            "not notified to the authority ('Nee') and no reason given: that is no decision that "
            "notification was not required; kept in notes (add breach.authority with the reason, "
            "or notify)"
        ),
        (
            "no risk assessment given; recorded as 'risk' (a breach is notified unless it is "
            "unlikely to result in a risk, Art. 33(1)) until you assess it"
        ),
    )


def test_whole_days_cannot_tell_the_72_hours(workspace: Path, tmp_path: Path) -> None:
    """Discovered on 2 June and notified on 5 June, without times: it may have been late, so
    the notification is read at the end of its day (00:00 would be the reading most favourable
    to the organisation) and INC005 reports it; the warning says why and what to add."""
    report = import_table(INCIDENTS, workspace, care_xlsx(tmp_path / "datalekken.xlsx"))
    assert (
        "the register gives dates without times, so the authority may have been notified within "
        "72 hours or after them; recorded as late as the dates allow (the discovery at the start "
        "of its day, the notification at the end of its day), so INC005 reports it: add the "
        "times of discovery and notification, or a reason for the delay"
    ) in row_messages(report, 6)
    backup = _load(workspace, "inc-2025-004")
    assert backup["aware_at"] == "2025-06-02T00:00:00+02:00"
    assert backup["breach"]["authority"]["notified_at"] == "2025-06-05T23:59:00+02:00"
    # The data back on a date without a time: read as late as it can have been, as INC025
    # counts the 72 hours to it; "Nee" under "elders beschikbaar" records nothing.
    assert backup["breach"]["restored_at"] == "2025-06-04T23:59:00+02:00"
    assert "still_available" not in backup["breach"]
    assert (
        "Data available again as written in the register: 2025-06-04 (no time of day; "
        "read as 23:59, the end of that day, so the deadline is judged as if the data came "
        "back as late as it can have)"
    ) in backup["notes"].splitlines()


def test_belgian_register_in_french(workspace: Path, tmp_path: Path) -> None:
    """French headers and dates in words; the hour the clocks skip is read as winter time,
    with a warning."""
    report = import_table(INCIDENTS, workspace, belgian_xlsx(tmp_path / "registre.xlsx"))
    assert report.unknown_columns == ()
    members = _load(workspace, "inc-v-2025-01")
    assert members["aware_at"] == "2025-03-01T14:05:00+01:00"
    assert members["breach"]["authority"]["notified_at"] == "2025-03-03T09:00:00+01:00"
    assert members["breach"]["approximate_data_subjects"] == 230
    assert members["status"] == "closed"
    assert "data_subjects" not in members["breach"]
    assert "people affected not told ('Non') and no reason given; kept in notes" in (
        row_messages(report, 2)
    )
    ransomware = _load(workspace, "inc-v-2025-02")
    assert ransomware["aware_at"] == "2025-03-30T02:30:00+01:00"
    assert ransomware["status"] == "open"
    assert ransomware["breach"]["approximate_data_subjects"] == 40  # "environ 40"
    assert (
        "discovered '30-03-2025 02:30': that hour is skipped when the clocks go forward; read "
        "as winter time (+01:00)"
    ) in row_messages(report, 3)


def test_semicolon_csv_in_windows_1252(workspace: Path, tmp_path: Path) -> None:
    """Dutch Excel's CSV: the decoding is told, a date that does not exist makes no record,
    and a column no field claims is kept in notes."""
    report = import_table(INCIDENTS, workspace, shop_csv(tmp_path / "datalekken.csv"))
    assert [(o.row, o.status) for o in report.outcomes] == [
        (3, Status.CREATED), (4, Status.INVALID),
    ]  # fmt: skip
    assert row_messages(report, 4) == (
        (
            "no date the breach was discovered (discovered '31-02-2025' is not a real date or time "
            "(dates are read day first: dd-mm-yyyy)); an incident record needs it"
        ),
    )
    assert report.sheet_warnings[0][1].startswith("read as Windows-1252")
    shop = _load(workspace, "inc-dl-24-07")
    assert shop["title"] == "Klantenbestand per abuis gedeeld via een openbare link"
    assert shop["aware_at"] == "2025-03-12T14:05:00+01:00"
    assert shop["breach"]["authority"]["notified_at"] == "2025-03-14T11:30:00+01:00"
    assert shop["breach"]["approximate_data_subjects"] == 3400
    assert shop["notes"] == (
        "Number in the register: DL-24-07\n"
        "Nature of the breach as written in the register: Lezen (vertrouwelijkheid)\n"
        "Opmerkingen: Link na 2 uur ingetrokken"
    )


def test_imported_breaches_meet_the_incident_rules(workspace: Path, tmp_path: Path) -> None:
    """The imported records load cleanly, and the INC rules find what the register shows:
    the lost stick held a copy of the rosters, which the register says are still in the
    roster system, so INC025 does not doubt its 'no risk';
    a notification after 72 hours without a reason (INC005, also for one dated without a time
    that may have been late), a breach with no decision on
    notifying (INC016), a decision not to notify whose reason assesses no risk (INC003: the
    import reads no 'none' into it), thin documentation (INC021), and nothing on the others."""
    import_table(INCIDENTS, workspace, care_xlsx(tmp_path / "datalekken.xlsx"))
    import_table(INCIDENTS, workspace, belgian_xlsx(tmp_path / "registre.xlsx"))
    import_table(INCIDENTS, workspace, shop_csv(tmp_path / "datalekken.csv"))
    result = run(workspace, as_of=AS_OF)
    assert result.records_checked == 7
    found = sorted((f.path.stem, f.code) for f in result.findings)
    assert found == [
        ("inc-2025-001", "INC005"),
        ("inc-2025-003", "INC016"),
        ("inc-2025-003", "INC021"),
        ("inc-2025-004", "INC005"),
        ("inc-dl-24-07", "INC021"),
        ("inc-v-2025-02", "INC003"),
    ]


def test_never_overwrites(workspace: Path, tmp_path: Path) -> None:
    """Importing the register again creates nothing and says why for each row."""
    source = care_xlsx(tmp_path / "datalekken.xlsx")
    import_table(INCIDENTS, workspace, source)
    again = import_table(INCIDENTS, workspace, source)
    assert {o.status for o in again.outcomes} == {Status.EXISTS}
    assert again.outcomes[0].messages == (
        (
            "incidents/inc-2025-001.yaml or a record with id 'inc-2025-001' already exists; not "
            "overwritten"
        ),
    )


def test_cli_dry_run(workspace: Path, tmp_path: Path) -> None:
    """`complykit import incidents --dry-run` prints the records and writes none."""
    source = shop_csv(tmp_path / "datalekken.csv")
    result = CliRunner().invoke(
        app, ["import", "incidents", str(source), str(workspace), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "would create incidents/inc-dl-24-07.yaml (sheet 'datalekken', row 3)" in result.stdout
    assert "aware_at: '2025-03-12T14:05:00+01:00'" in result.stdout
    assert not (workspace / "incidents").exists()
    assert result.stderr.splitlines()[-1] == (
        "2 row(s) read: 1 would be imported as 1 record(s), 1 reported."
    )


def test_no_personal_data_keeps_the_breach_cells_in_notes(workspace: Path, tmp_path: Path) -> None:
    """A security incident the register says involved no personal data gets no breach block;
    what the row says of notifying is kept in notes."""
    source = tmp_path / "incidenten.csv"
    source.write_text(
        "Nr;Datum ontdekking;Omschrijving;Persoonsgegevens betrokken;Gemeld bij AP;Ernst\n"
        "7;5-1-2025 08:00;DDoS op de website;Nee;Nee;Hoog\n",
        encoding="utf-8",
    )
    report = import_table(INCIDENTS, workspace, source)
    assert report.outcomes[0].status is Status.CREATED
    ddos = _load(workspace, "inc-7")
    assert ddos["personal_data_involved"] is False
    assert "breach" not in ddos
    assert ddos["severity"] == "high"
    assert ddos["notes"] == "Notified to the authority as written in the register: Nee"


def test_a_time_column_beside_the_date(workspace: Path, tmp_path: Path) -> None:
    """`Tijdstip ontdekking` gives the time of the date beside it; the weekday and the month in
    words are read too."""
    source = tmp_path / "datalekken.csv"
    source.write_text(
        "Kenmerk;Datum ontdekking;Tijdstip ontdekking;Omschrijving;Gemeld bij AP;"
        "Datum melding AP;Tijdstip melding AP;Risico\n"
        "DL-1;woensdag 12 mrt. 2025;14u05;Laptop gestolen;Ja;15-03-2025;9:00;laag\n",
        encoding="utf-8",
    )
    report = import_table(INCIDENTS, workspace, source)
    laptop = _load(workspace, "inc-dl-1")
    assert laptop["aware_at"] == "2025-03-12T14:05:00+01:00"
    assert laptop["breach"]["authority"]["notified_at"] == "2025-03-15T09:00:00+01:00"
    assert laptop["breach"]["risk_to_individuals"] == "risk"
    assert (
        "risk 'laag' read as 'risk': Art. 33(1) spares only a breach unlikely to result in a "
        "risk; if that is what was meant, set risk_to_individuals: none"
    ) in report.outcomes[0].messages


def test_guide_lists_the_breach_register_headers() -> None:
    """The header table of the guide's breach register section lists exactly the headers the
    import reads."""
    from complykit.exchange.incident_rows import HEADERS  # noqa: PLC0415
    from complykit.exchange.vocabulary import plain_header  # noqa: PLC0415
    from conftest import REPO  # noqa: PLC0415

    guide = (REPO / "docs" / "guides" / "import-export.md").read_text(encoding="utf-8")
    section = guide.split("## Import a breach register", 1)[1].split("\n## ", 1)[0]
    table = section.split("| Field | Headers |", 1)[1].split("\n\n", 1)[0]
    rows = [row.split("|")[2] for row in table.strip().splitlines()[1:]]
    documented = [tuple(plain_header(h) for h in row.split("`")[1::2]) for row in rows]
    assert documented == list(HEADERS.values())


def test_times_elsewhere_need_their_offset(workspace: Path, tmp_path: Path) -> None:
    """Outside the EU's clocks complykit knows no clock to read a time on: a moment without an
    offset is not placed (the row is reported), one with an offset is."""
    config = workspace / "complykit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("country: NL", "country: US"), encoding="utf-8"
    )
    source = tmp_path / "breaches.csv"
    source.write_text(
        "Ref;Date discovered;Description\n"
        "B-1;2025-03-12 14:05;Laptop stolen\n"
        "B-2;2025-03-12T14:05Z;Mail to the wrong person\n",
        encoding="utf-8",
    )
    report = import_table(INCIDENTS, workspace, source)
    assert [o.status for o in report.outcomes] == [Status.INVALID, Status.CREATED]
    assert report.outcomes[0].messages == (
        (
            "no date the breach was discovered (discovered '2025-03-12 14:05' has no UTC offset, "
            "and complykit knows no time zone for US (write it like 2025-03-12T14:05+01:00)); an "
            "incident record needs it"
        ),
    )
    assert _load(workspace, "inc-b-2")["aware_at"] == "2025-03-12T14:05:00+00:00"
    assert not [w for _, w in report.sheet_warnings if "UTC offset" in w]


def test_data_still_available_is_read_as_the_register_says(workspace: Path, tmp_path: Path) -> None:
    """Where the register says the lost data stayed, the record says it as written; a bare
    "Ja" names no place, so it records nothing and warns to say where (recorded, it would
    silence INC025's question when the data was back), and an unknown records nothing."""
    source = tmp_path / "datalekken.csv"
    source.write_text(
        "Kenmerk;Datum ontdekking;Omschrijving;Aard;Gemeld bij AP;Reden niet gemeld;"
        "Elders beschikbaar;Hersteld op\n"
        "DL-1;12-3-2025 14:05;Laptop kwijt;Verlies;Nee;Versleuteld;in het CRM;\n"
        "DL-2;12-3-2025 14:05;Stick kwijt;Verlies;Nee;Versleuteld;Ja;\n"
        "DL-3;12-3-2025 14:05;Doos kwijt;Verlies;Nee;Oud archief;onbekend;13-3-2025 10:00\n",
        encoding="utf-8",
    )
    report = import_table(INCIDENTS, workspace, source)
    assert _load(workspace, "inc-dl-1")["breach"]["still_available"] == "in het CRM"
    assert "still_available" not in _load(workspace, "inc-dl-2")["breach"]
    assert (
        "data still available elsewhere 'Ja' does not say where; kept in notes (say where the "
        "data stayed in use in breach.still_available)"
    ) in report.outcomes[1].messages
    box = _load(workspace, "inc-dl-3")["breach"]
    assert "still_available" not in box
    assert box["restored_at"] == "2025-03-13T10:00:00+01:00"
    assert "data still available elsewhere 'onbekend' not understood; kept in notes" in (
        report.outcomes[2].messages
    )
