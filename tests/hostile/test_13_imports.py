"""Class 13: what an import reads is a file of a pull request, and its cells are anyone's.

A CI job that imports ``data/register.csv`` reads whatever the pull request put there: a link
to ``/dev/zero`` or a named pipe where a spreadsheet should be, and cells no register holds.
Each is an ``error:`` line or a warning naming the row, never a hang, a memory error or a
traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.harness import fingerprint, run, run_process, workspace

NOT_FILES = {
    "/dev/zero as a CSV file": ("register", "zero.csv", "a character device"),
    "/dev/zero as a workbook": ("risks", "zero.xlsx", "a character device"),
    "/dev/zero as a PIA export": ("dpia", "zero.json", "a character device"),
    "/dev/zero as a Fides manifest": ("fides", "zero.yml", "a character device"),
    "/dev/zero as an Algoritmeregister download": (
        "algoritmeregister",
        "zero.json",
        "a character device",
    ),
    "a named pipe as a CSV file": ("incidents", "pipe.csv", "a named pipe (FIFO)"),
    "a named pipe as a PIA export": ("dpia", "pipe.json", "a named pipe (FIFO)"),
}


@pytest.mark.parametrize("case", NOT_FILES)
def test_an_import_source_that_is_no_file_is_refused_unread(tmp_path: Path, case: str) -> None:
    """The source is refused in one line before it is read: /dev/zero ran the process out of
    memory (exit 3 under the harness's limit), a named pipe blocked it until CI killed it."""
    kind, name, what = NOT_FILES[case]
    root = workspace(tmp_path)
    source = tmp_path / name
    if name.startswith("zero"):
        source.symlink_to("/dev/zero")
    else:
        os.mkfifo(source)
    before = fingerprint(root)
    outcome = run_process("import", kind, str(source), str(root), cwd=tmp_path)
    outcome.assert_inert(allowed=(2,))
    assert f"{source}: it is {what}, not a regular file, and is not read" in outcome.stderr
    assert fingerprint(root) == before


BREACHES = "Kenmerk;Datum constatering;Omschrijving;Gemeld bij AP;Datum melding AP;Status\n"


@pytest.mark.parametrize(
    ("row", "warning"),
    [
        (
            "DL-1;31-12-9999;Lek;Nee;;Open",
            (
                "row 2 not imported: no date the breach was discovered (discovered '31-12-9999' "
                "is the last day of the calendar, a placeholder rather than a date)"
            ),
        ),
        (
            "DL-1;01-03-2026;Lek;Ja;31-12-9999;Open",
            (
                "row 2: date notified to the authority '31-12-9999' is the last day of the "
                "calendar, a placeholder rather than a date; kept in notes"
            ),
        ),
    ],
    ids=["discovered", "notified"],
)
def test_a_breach_dated_on_the_last_day_of_the_calendar_is_a_warning(
    tmp_path: Path, row: str, warning: str
) -> None:
    """A date alone is read as a whole day, up to the start of the next one; 31-12-9999 (a
    placeholder some registers use for "not yet") has none, and the import ended in an
    OverflowError, exit 3."""
    root = workspace(tmp_path)
    source = tmp_path / "datalekken.csv"
    source.write_text(BREACHES + row + "\n", encoding="utf-8")
    outcome = run("import", "incidents", str(source), str(root))
    outcome.assert_inert(allowed=(0,))
    assert warning in outcome.stderr


@pytest.mark.parametrize("declarations", ["true", "1.0e+308", "'text'", "{a: 1}"])
def test_a_fides_system_whose_declarations_are_no_list_is_imported_with_a_warning(
    tmp_path: Path, declarations: str
) -> None:
    """A hand-edited manifest with ``privacy_declarations: true`` ended in a TypeError (exit
    3); the system is imported without them, and the import says what it left out."""
    root = workspace(tmp_path)
    manifest = tmp_path / "fides.yml"
    manifest.write_text(
        f"system:\n  - fides_key: crm\n    name: CRM\n    privacy_declarations: {declarations}\n",
        encoding="utf-8",
    )
    outcome = run("import", "fides", str(manifest), str(root))
    outcome.assert_inert(allowed=(0,))
    assert "'privacy_declarations' is not a list in the manifest" in outcome.stderr
    assert (root / "register" / "pa-crm.yaml").is_file()


def test_a_count_cell_of_spaces_is_read_at_once(tmp_path: Path) -> None:
    """A 'Betrokkenen' cell of a hundred thousand spaces between two words is read in one
    pass: the words for whom a count counts were tried from each space, and read the rest of
    the run every time (minutes for one cell; the installed command, with a minute to finish)."""
    root = workspace(tmp_path)
    source = tmp_path / "datalekken.csv"
    padding = " " * 99_000
    source.write_text(
        "Kenmerk;Datum constatering;Omschrijving;Betrokkenen\n"
        f"DL-1;01-03-2026;Lek;klanten{padding}thuis\n",
        encoding="utf-8",
    )
    outcome = run_process("import", "incidents", str(source), str(root), cwd=tmp_path)
    outcome.assert_inert(allowed=(0, 1))
    assert "1 row(s) read: 1 imported" in outcome.stdout + outcome.stderr
