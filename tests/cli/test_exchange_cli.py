"""``complykit export algoritmeregister`` and ``import register`` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from typer.testing import CliRunner

from complykit.cli.app import app
from conftest import EXAMPLE

runner = CliRunner()

CSV = "Naam;Doel;Grondslag;Rol\nCRM;Opvolging;gerechtvaardigd belang;controller\n"
TRIAGE_CUT = (
    "warning: ai-triage-assistant: description_short has 540 characters; cut to the "
    "Algoritmeregister limit of 350\n"
)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_export_prints_json(tmp_path: Path) -> None:
    """The export prints a JSON list, one record per AI system, and warns of each cut."""
    code, out, err = _run("export", "algoritmeregister", str(EXAMPLE), "--standard", "register-api")
    records = json.loads(out)
    assert (code, err) == (0, TRIAGE_CUT)
    assert [r["name"] for r in records] == [
        "Selectiq CV screening",
        "Tulip Helpdesk chatbot",
        "Tulip Triage Assistant",
    ]


def test_export_writes_utf8_file(tmp_path: Path) -> None:
    """--output writes the JSON as UTF-8 without escapes for the named system only."""
    target = tmp_path / "register.json"
    code, out, err = _run(
        "export",
        "algoritmeregister",
        str(EXAMPLE),
        "-o",
        str(target),
        "--system",
        "ai-triage-assistant",
        "--standard",
        "register-api",
    )
    text = target.read_text(encoding="utf-8")
    assert (code, out, err) == (0, "", TRIAGE_CUT)
    assert [r["source_id"] for r in json.loads(text)] == ["ai-triage-assistant"]
    assert "\u2026" in text
    assert "\\u" not in text


def test_export_never_overwrites(tmp_path: Path) -> None:
    """An existing --output file is left alone and the command exits 2."""
    target = tmp_path / "register.json"
    target.write_text("keep", encoding="utf-8")
    code, _, err = _run("export", "algoritmeregister", str(EXAMPLE), "--output", str(target))
    assert (code, target.read_text(encoding="utf-8")) == (2, "keep")
    assert "already exists" in err


def test_export_unknown_system_exits_2() -> None:
    """An unknown --system id exits 2 with the ids that exist."""
    code, _, err = _run("export", "algoritmeregister", str(EXAMPLE), "--system", "ai-x")
    assert code == 2
    assert "no valid AI system 'ai-x'" in err


def test_import_creates_files(workspace: Path, tmp_path: Path) -> None:
    """A CSV register with valid rows creates one file per row and exits 0."""
    source = tmp_path / "avg.csv"
    source.write_text(CSV, encoding="utf-8")
    code, out, err = _run("import", "register", str(source), str(workspace))
    assert (code, out) == (0, "created register/pa-crm.yaml (sheet 'avg', row 2)\n")
    assert err == "1 row(s) read: 1 imported as 1 record(s), 0 reported.\n"
    assert (workspace / "register" / "pa-crm.yaml").is_file()


def test_import_reports_rows_and_strict_fails(workspace: Path, tmp_path: Path) -> None:
    """A row that cannot be imported is a warning with sheet and row; --strict makes it an
    error, writes nothing and exits 1."""
    source = tmp_path / "avg.csv"
    source.write_text(CSV + ";;;controller\n", encoding="utf-8")
    args = ("import", "register", str(source), str(workspace))
    code, _, err = _run(*args, "--strict")
    assert (code, err.splitlines()) == (
        1,
        [
            "error: sheet 'avg', row 3 not imported: no name, purpose or id for the activity",
            (
                "2 row(s) read: 1 would be imported as 1 record(s), 1 reported; "
                "nothing was written (--strict)."
            ),
        ],
    )
    assert not (workspace / "register").exists()
    code, _, err = _run(*args)
    assert (code, err.splitlines()) == (
        0,
        [
            "warning: sheet 'avg', row 3 not imported: no name, purpose or id for the activity",
            "2 row(s) read: 1 imported as 1 record(s), 1 reported.",
        ],
    )


def test_import_dry_run_prints_and_writes_nothing(workspace: Path, tmp_path: Path) -> None:
    """--dry-run prints each file's YAML and creates nothing."""
    source = tmp_path / "avg.csv"
    source.write_text(CSV, encoding="utf-8")
    code, out, _ = _run("import", "register", str(source), str(workspace), "--dry-run")
    assert code == 0
    assert out.startswith("would create register/pa-crm.yaml (sheet 'avg', row 2)\n# Imported by")
    assert "legal_basis: legitimate-interests" in out
    assert not (workspace / "register").exists()


def test_import_unknown_sheet_exits_2(workspace: Path, tmp_path: Path) -> None:
    """An unknown --sheet exits 2 and writes nothing."""
    source = tmp_path / "avg.xlsx"
    book = Workbook()
    book.save(source)
    code, _, err = _run("import", "register", str(source), str(workspace), "--sheet", "AVG")
    assert code == 2
    assert "has no sheet 'AVG'" in err
    assert not (workspace / "register").exists()


def test_imported_records_get_the_workspace_modeline(workspace: Path, tmp_path: Path) -> None:
    """An imported file points at the same schemas as complykit.yaml, here a published URL."""
    url = "https://example.org/complykit/v0.1.0/schemas"
    config = workspace / "complykit.yaml"
    modeline = f"# yaml-language-server: $schema={url}/config.schema.json\n"
    config.write_text(modeline + config.read_text(encoding="utf-8"), encoding="utf-8")
    source = tmp_path / "avg.csv"
    source.write_text(CSV, encoding="utf-8")
    code, _, _ = _run("import", "register", str(source), str(workspace))
    text = (workspace / "register" / "pa-crm.yaml").read_text(encoding="utf-8")
    assert code == 0
    assert text.startswith(
        f"# yaml-language-server: $schema={url}/processing-activity.schema.json\n# Imported by"
    )


def test_import_of_a_dutch_excel_csv_tells_what_it_did(workspace: Path, tmp_path: Path) -> None:
    """A register saved by Dutch Excel (Windows-1252, ';') with a remark row below the table:
    imported with its accents, a warning that says how it was read, the remark skipped with a
    note, and --strict still writing the activities (a remark is not a broken row)."""
    source = tmp_path / "verwerkingsregister.csv"
    text = (
        "Nr.;Naam verwerking;Doel(en) van de verwerking;Grondslag\n"
        "1;Cliëntregistratie;Zorg verlenen;Wettelijke verplichting (WGBO)\n"
        "Toelichting: vastgesteld door het college op 17-12-2024;;;\n"
    )
    source.write_bytes(text.encode("cp1252"))
    code, _, err = _run("import", "register", str(source), str(workspace), "--strict")
    assert code == 0, err
    assert "read as Windows-1252 (not UTF-8)" in err
    assert "note: sheet 'verwerkingsregister', row 3 skipped: a remark, not an activity" in err
    assert err.endswith(
        "2 row(s) read: 1 imported as 1 record(s), 0 reported, 1 skipped as remarks or headings.\n"
    )
    record = next((workspace / "register").iterdir()).read_text(encoding="utf-8")
    assert "Cliëntregistratie" in record
    assert "legal_provision: WGBO" in record


def test_import_warns_of_a_row_taken_for_a_heading(workspace: Path, tmp_path: Path) -> None:
    """A lone cell taken for a section heading is told as a warning naming its row, not as a
    note, since the user may have meant it as an activity; a lone name that is not clearly a
    heading is imported as an activity."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Nr.;Naam verwerking;Doel;Grondslag\n"
        "2. Sociaal domein;;;\n"
        "1;Jeugdhulp;Toegang jeugdhulp;publieke taak\n"
        ";Camerabewaking;;\n"
        "2;Schuldhulp;Schuldhulpverlening;publieke taak\n",
        encoding="utf-8",
    )
    code, out, err = _run("import", "register", str(source), str(workspace))
    assert code == 0, err
    assert (
        "warning: sheet 'register', row 2 skipped: taken for a section heading, not an activity: "
        "'2. Sociaal domein'"
    ) in err
    assert "created register/pa-camerabewaking.yaml (sheet 'register', row 4)" in out
    assert err.endswith(
        "4 row(s) read: 3 imported as 3 record(s), 0 reported, 1 skipped as remarks or headings.\n"
    )


def test_import_takes_a_delimiter(workspace: Path, tmp_path: Path) -> None:
    """--delimiter names what separates a CSV file's cells, for a file the guess gets wrong."""
    source = tmp_path / "avg.csv"
    source.write_text(CSV.replace(";", "|"), encoding="utf-8")
    code, out, _ = _run("import", "register", str(source), str(workspace), "--delimiter", "pipe")
    assert (code, out) == (0, "created register/pa-crm.yaml (sheet 'avg', row 2)\n")
