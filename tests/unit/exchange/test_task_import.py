"""import tasks: a compliance calendar (jaarplanning, plan annuel, compliance-agenda) row by row
as task records; an interval, a day or a clause the calendar does not state is never made up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.exchange.outcome import Status
from complykit.exchange.table_import import import_table
from complykit.exchange.task_rows import TASKS
from complykit.validate.engine import run
from unit.exchange.imported import row_messages, written_record
from unit.exchange.task_calendars import agenda_csv, belgian_xlsx, isms_xlsx

AS_OF = date(2026, 12, 7)


def test_isms_calendar(workspace: Path, tmp_path: Path) -> None:
    """Excel dates become history, a month the plan names is next year's (said in a warning),
    the owner by role is the person, the norm a clause of the catalog, other cells notes."""
    report = import_table(TASKS, workspace, isms_xlsx(tmp_path / "jaarplanning.xlsx"))
    assert [(o.row, o.status) for o in report.outcomes] == [
        (3, Status.CREATED), (4, Status.CREATED), (5, Status.CREATED), (6, Status.INVALID),
        (7, Status.CREATED),
    ]  # fmt: skip
    assert report.unknown_columns == (("Jaarplanning 2026", "Opmerkingen"),)
    assert report.unused_sheets == (("Toelichting", "not the sheet with the table"),)
    assert written_record(workspace, "task-interne-audit-isms.yaml", "tasks") == {
        "kind": "task",
        "id": "task-interne-audit-isms",
        "title": "Interne audit ISMS",
        "description": "Audit van alle ISMS-processen door extern bureau",
        "type": "internal-audit",
        "cadence": "P1Y",
        "owner": "ciso",
        "history": [
            {"done_on": "2025-03-12", "evidence": ["evidence/audits/interne-audit-2025.pdf"]}
        ],
        "clause": "ISO/IEC 27001:2022 9.2",
        "notes": "Type as written in the calendar: Audit\n"
        "Planned as written in the calendar: maart\n"
        "Status as written in the calendar: Afgerond\n"
        "Opmerkingen: Bureau: Audit & Co",
    }
    assert row_messages(report, 3) == (
        "type 'Audit' is no task type; read as internal-audit from the title",
        (
            "planned 'maart' read as 2026-03-31, the last day of that month, the first to start "
            "after 2025-03-12 (no year given)"
        ),
        (
            "planned 'maart' (2026-03-31), but the next due date is derived from the last done "
            "date and the frequency: 2026-03-12; the plan is kept in notes"
        ),
    )


def test_a_quarter_is_its_last_day_when_never_done(workspace: Path, tmp_path: Path) -> None:
    """A task never done is first due on the plan's day: a quarter is read as its last day."""
    report = import_table(TASKS, workspace, isms_xlsx(tmp_path / "jaarplanning.xlsx"))
    review = written_record(workspace, "task-directiebeoordeling.yaml", "tasks")
    assert review["first_due"] == "2026-06-30"
    assert "history" not in review
    assert review["owner"] == "ciso"  # "Chris Smit"
    assert review["clause"] == "ISO/IEC 27001:2022 9.3"
    assert "planned 'Q2 2026' read as 2026-06-30, the last day of that quarter" in (
        row_messages(report, 4)
    )


def test_a_month_done_and_evidence_in_words(workspace: Path, tmp_path: Path) -> None:
    """A month with its year as last done is its first day; evidence that is no file or URL
    stays with that occurrence as notes; an owner who is no person is kept in notes."""
    report = import_table(TASKS, workspace, isms_xlsx(tmp_path / "jaarplanning.xlsx"))
    restore = written_record(workspace, "task-hersteltest-back-ups.yaml", "tasks")
    assert restore["type"] == "continuity-test"
    assert restore["cadence"] == "P3M"
    assert restore["history"] == [
        {
            "done_on": "2026-09-01",
            "notes": "Evidence as written in the calendar: Verslag in TOPdesk",
        }
    ]
    assert "owner" not in restore
    assert "Owner as written in the calendar: IT-beheer" in restore["notes"]
    assert row_messages(report, 5)[1:] == (
        (
            "owner 'IT-beheer' is no person in complykit.yaml (by id, name, e-mail or a role "
            "only one person holds); kept in notes"
        ),
        (
            "last done 'september 2026' read as 2026-09-01, the first day of that period, so "
            "the next due date is not put later than it may be"
        ),
        (
            "evidence 'Verslag in TOPdesk' is no file path in the repository or https URL; kept "
            "in the notes of the last occurrence"
        ),
    )


def test_a_frequency_without_an_interval_is_reported(workspace: Path, tmp_path: Path) -> None:
    """'ad hoc' names no interval; the model needs one and none is guessed: the row is
    reported with what to write, and nothing is written for it."""
    report = import_table(TASKS, workspace, isms_xlsx(tmp_path / "jaarplanning.xlsx"))
    assert row_messages(report, 6) == (
        (
            "frequency 'ad hoc' names no interval; a task needs the interval it recurs at: "
            "write e.g. 'jaarlijks', 'per kwartaal', 'elke 2 jaar' or P1Y"
        ),
    )
    assert not (workspace / "tasks" / "task-phishingsimulatie.yaml").exists()


def test_a_plan_that_agrees_with_the_due_date_says_nothing(workspace: Path, tmp_path: Path) -> None:
    """A planned day equal to last done plus the cadence is kept in notes without a warning; an
    https URL is evidence; a title gives the type when no type is written."""
    report = import_table(TASKS, workspace, isms_xlsx(tmp_path / "jaarplanning.xlsx"))
    access = written_record(workspace, "task-review-toegangsrechten.yaml", "tasks")
    assert access["type"] == "access-review"
    assert access["history"] == [
        {
            "done_on": "2026-10-05",
            "evidence": ["https://intranet.example.nl/isms/access-review-q3"],
        }
    ]
    assert access["clause"] == "ISO/IEC 27001:2022 A.5.18"
    assert row_messages(report, 7) == ()


def test_belgian_plan_in_french(workspace: Path, tmp_path: Path) -> None:
    """French headers and cells: annuel, tous les 2 ans, T2 2026, RGPD art. 30; a clause cell
    that names no clause is kept in notes."""
    report = import_table(TASKS, workspace, belgian_xlsx(tmp_path / "plan-annuel.xlsx"))
    assert {o.status for o in report.outcomes} == {Status.CREATED}
    register = written_record(workspace, "task-revue-du-registre-des-traitements.yaml", "tasks")
    assert register == {
        "kind": "task",
        "id": "task-revue-du-registre-des-traitements",
        "title": "Revue du registre des traitements",
        "type": "record-review",
        "cadence": "P1Y",
        "owner": "dpo",
        "history": [{"done_on": "2026-01-20"}],
        "clause": "GDPR Art. 30",
        "notes": "Status as written in the calendar: Fait",
    }
    continuity = written_record(workspace, "task-test-du-plan-de-continuite.yaml", "tasks")
    assert (continuity["type"], continuity["first_due"]) == ("continuity-test", "2026-06-30")
    suppliers = written_record(workspace, "task-revue-des-sous-traitants.yaml", "tasks")
    assert (suppliers["type"], suppliers["cadence"]) == ("supplier-review", "P2Y")
    assert "clause" not in suppliers
    assert row_messages(report, 4) == (
        (
            "clause 'Procédure interne' names no clause or control of one framework complykit "
            "knows; kept in notes (name the standard: 'ISO 27001 9.2', 'AVG art. 39')"
        ),
    )


def test_semicolon_csv_in_windows_1252(workspace: Path, tmp_path: Path) -> None:
    """Dutch Excel's CSV: the encoding is said, accents survive, a week is its Sunday, an
    article with its paragraph is cited as such, NEN 7510 is no bundled clause."""
    report = import_table(TASKS, workspace, agenda_csv(tmp_path / "agenda.csv"))
    assert [w for _, w in report.sheet_warnings] == [
        "read as Windows-1252 (not UTF-8); check accented letters, or save as CSV UTF-8"
    ]
    dpia = written_record(workspace, "task-herbeoordeling-dpia-clientportaal.yaml", "tasks")
    assert dpia == {
        "kind": "task",
        "id": "task-herbeoordeling-dpia-clientportaal",
        "title": "Herbeoordeling DPIA cliëntportaal",
        "type": "dpia-review",
        "cadence": "P3Y",
        "owner": "dpo",
        "first_due": "2026-03-15",
        "clause": "GDPR Art. 35(11)",
        "notes": "Type as written in the calendar: Privacy",
    }
    training = written_record(workspace, "task-bewustwordingstraining-avg.yaml", "tasks")
    assert (training["type"], training["cadence"], training["clause"]) == (
        "training", "P6M", "GDPR Art. 39",
    )  # fmt: skip
    assert row_messages(report, 3)[0] == (
        "planned 'week 42' read as 2026-10-18, the Sunday that ends ISO week 42, the first to "
        "start after 2026-04-14 (no year given)"
    )
    pentest = written_record(workspace, "task-pentest-website.yaml", "tasks")
    assert (pentest["type"], pentest["cadence"]) == ("penetration-test", "P2Y")
    assert "Clause as written in the calendar: NEN 7510" in pentest["notes"]


def test_imported_tasks_meet_the_task_rules(workspace: Path, tmp_path: Path) -> None:
    """The imported records load cleanly, and TASK001 finds each task whose next due date has
    passed, citing the clause read from the calendar; nothing else is found."""
    for name in ("evidence/audits/interne-audit-2025.pdf", "evidence/pentest-2025.pdf"):
        (workspace / name).parent.mkdir(parents=True, exist_ok=True)
        (workspace / name).write_bytes(b"%PDF-1.4\n")
    import_table(TASKS, workspace, isms_xlsx(tmp_path / "jaarplanning.xlsx"))
    import_table(TASKS, workspace, belgian_xlsx(tmp_path / "plan-annuel.xlsx"))
    import_table(TASKS, workspace, agenda_csv(tmp_path / "agenda.csv"))
    result = run(workspace, as_of=AS_OF)
    assert result.records_checked == 10
    found = sorted((f.path.stem, f.code) for f in result.findings)
    assert found == [
        ("task-bewustwordingstraining-avg", "TASK001"),
        ("task-directiebeoordeling", "TASK001"),
        ("task-herbeoordeling-dpia-clientportaal", "TASK001"),
        ("task-hersteltest-back-ups", "TASK001"),
        ("task-interne-audit-isms", "TASK001"),
        ("task-test-du-plan-de-continuite", "TASK001"),
    ]
    audit = next(f for f in result.findings if f.path.stem == "task-interne-audit-isms")
    assert audit.message == "'Interne audit ISMS' was due on 2026-03-12 (270 days ago)"


def test_never_overwrites(workspace: Path, tmp_path: Path) -> None:
    """Importing the calendar again creates nothing and says why for each row."""
    source = agenda_csv(tmp_path / "agenda.csv")
    import_table(TASKS, workspace, source)
    again = import_table(TASKS, workspace, source)
    assert {o.status for o in again.outcomes} == {Status.EXISTS}
    assert again.outcomes[0].messages == (
        (
            "tasks/task-bewustwordingstraining-avg.yaml or a record with id "
            "'task-bewustwordingstraining-avg' already exists; not overwritten"
        ),
    )


def test_cli_dry_run_and_strict(workspace: Path, tmp_path: Path) -> None:
    """`complykit import tasks --dry-run` prints the records and writes none; `--strict`
    writes nothing when a row is reported."""
    source = isms_xlsx(tmp_path / "jaarplanning.xlsx")
    result = CliRunner().invoke(app, ["import", "tasks", str(source), str(workspace), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert (
        "would create tasks/task-interne-audit-isms.yaml (sheet 'Jaarplanning 2026', row 3)"
    ) in result.stdout
    assert "cadence: P1Y" in result.stdout
    assert not (workspace / "tasks").exists()
    assert result.stderr.splitlines()[-1] == (
        "5 row(s) read: 4 would be imported as 4 record(s), 1 reported."
    )
    strict = CliRunner().invoke(app, ["import", "tasks", str(source), str(workspace), "--strict"])
    assert strict.exit_code == 1
    assert not (workspace / "tasks").exists()
    assert "error: sheet 'Jaarplanning 2026', row 6 not imported: frequency 'ad hoc'" in (
        strict.stderr
    )


def test_guide_lists_the_calendar_headers() -> None:
    """The header table of the guide's compliance calendar section lists exactly the headers
    the import reads."""
    from complykit.exchange.task_rows import HEADERS  # noqa: PLC0415
    from complykit.exchange.vocabulary import plain_header  # noqa: PLC0415
    from conftest import REPO  # noqa: PLC0415

    guide = (REPO / "docs" / "guides" / "import-export.md").read_text(encoding="utf-8")
    section = guide.split("## Import a compliance calendar", 1)[1].split("\n## ", 1)[0]
    table = section.split("| Field | Headers |", 1)[1].split("\n\n", 1)[0]
    rows = [row.split("|")[2] for row in table.strip().splitlines()[1:]]
    documented = [tuple(plain_header(h) for h in row.split("`")[1::2]) for row in rows]
    assert documented == list(HEADERS.values())


def test_without_a_frequency_column_the_table_says_so(workspace: Path, tmp_path: Path) -> None:
    """A list of activities without a frequency says so once for the table, and each row is
    reported: a task's interval is never made up."""
    source = tmp_path / "taken.csv"
    source.write_text("Taak;Eigenaar\nInterne audit;CISO\n", encoding="utf-8")
    report = import_table(TASKS, workspace, source)
    assert [w for _, w in report.sheet_warnings] == [
        (
            "no column for the frequency ('Frequentie', 'Periodiciteit', 'Frequency'); a task "
            "needs one, so no row can be imported"
        )
    ]
    assert row_messages(report, 2) == (
        (
            "no frequency given; a task needs the interval it recurs at: write e.g. "
            "'jaarlijks', 'per kwartaal', 'elke 2 jaar' or P1Y"
        ),
    )


def test_a_quarter_done_and_a_clause_partly_read(workspace: Path, tmp_path: Path) -> None:
    """A quarter as last done is its first day; evidence partly a file is that file, the cell
    kept with the occurrence; a clause cell with one id no catalog holds
    keeps the ids it could read, and the whole cell in notes, naming the part it could not."""
    source = tmp_path / "planning.csv"
    source.write_text(
        "Taak;Frequentie;Laatste keer;Norm;Bewijs\n"
        "Review beleid;jaarlijks;Q3 2026;ISO 27001 A.5.1 en NEN 7510;beleid.pdf, Notulen MT\n",
        encoding="utf-8",
    )
    report = import_table(TASKS, workspace, source)
    policy = written_record(workspace, "task-review-beleid.yaml", "tasks")
    assert policy["type"] == "policy-review"
    assert policy["history"] == [
        {
            "done_on": "2026-07-01",
            "evidence": ["beleid.pdf"],
            "notes": "Evidence as written in the calendar: beleid.pdf, Notulen MT",
        }
    ]
    assert policy["clause"] == "ISO/IEC 27001:2022 A.5.1"
    assert "Clause as written in the calendar: ISO 27001 A.5.1 en NEN 7510" in policy["notes"]
    assert (
        "clause 'ISO 27001 A.5.1 en NEN 7510': 'nen 7510' names 'nen 7510', which complykit "
        "has no catalog for; kept in notes, not cited as a clause of another standard or law"
    ) in row_messages(report, 2)
    assert (
        "evidence 'beleid.pdf, Notulen MT' is partly no file path in the repository or https "
        "URL; kept in the notes of the last occurrence"
    ) in row_messages(report, 2)
