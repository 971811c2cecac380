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


SECRET = "aws_secret_access_key = SECRET-abc123"  # noqa: S105 - a planted fake
# Each kind of import, with a file of its kind that it would import.
LINKED_SOURCES = {
    "register": ("register.csv", "Naam;Doel\nA;Doel\n"),
    "dpia": ("pia.json", '{"pia": {"name": "A"}}'),
    "fides": ("fides.yml", "system:\n  - fides_key: crm\n    name: CRM\n"),
    "algoritmeregister": ("download.json", '[{"name": "A"}]'),
    "incidents": (
        "datalekken.csv",
        "Kenmerk;Datum constatering;Omschrijving\nDL-1;01-03-2026;Lek\n",
    ),
}


def _repository(tmp_path: Path) -> tuple[Path, Path]:
    """A checkout (its ``.git`` folder holding the token ``actions/checkout`` leaves there) with
    the workspace in ``ws/``, and a secret outside it."""
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / ".git" / "config").write_text(f"[http]\n\textraheader = {SECRET}\n")
    root = workspace(repository)
    (repository / "data").mkdir()
    secret = tmp_path / "credentials"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return repository, root


# A workbook is read by name by the libraries that check and parse it: refused all the same.
LINKED_NAMES = {**{kind: name for kind, (name, _) in LINKED_SOURCES.items()}, "risks": "risks.xlsx"}


@pytest.mark.parametrize("kind", LINKED_NAMES)
@pytest.mark.parametrize("target", ["outside", "git-config", "linked-folder"])
def test_an_import_source_linked_out_of_the_repository_is_refused(
    tmp_path: Path, kind: str, target: str
) -> None:
    """A pull request commits ``data/register.csv`` as a link to a runner's credentials (or its
    folder ``data`` as a link out, or the file as a link to the checkout's ``.git/config``): the
    import copied the file into a record, exit 0. It is refused, naming the path, unread."""
    repository, root = _repository(tmp_path)
    name = LINKED_NAMES[kind]
    source = repository / "data" / name
    if target == "outside":
        source.symlink_to(tmp_path / "credentials")
    elif target == "git-config":
        source.symlink_to(Path("..") / ".git" / "config")
    else:
        (repository / "data").rmdir()
        (repository / "data").symlink_to(tmp_path)
        (tmp_path / name).symlink_to(tmp_path / "credentials")
    before = fingerprint(root)
    outcome = run("import", kind, "data/" + name, "ws", cwd=repository)
    outcome.assert_inert(allowed=(2,))
    assert f"data/{name}: it links to a file outside the repository ({repository})" in (
        outcome.stderr
    )
    assert "commit the file itself" in outcome.stderr
    assert "SECRET" not in outcome.stdout + outcome.stderr
    assert fingerprint(root) == before


@pytest.mark.parametrize("kind", LINKED_SOURCES)
def test_a_source_named_outside_the_repository_or_linked_inside_it_is_read(
    tmp_path: Path, kind: str
) -> None:
    """What the user names outside the checkout (``~/Downloads/register.csv``, itself a link)
    and a link from one file of the checkout to another are read as before."""
    repository, _root = _repository(tmp_path)
    name, text = LINKED_SOURCES[kind]
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / ("real-" + name)).write_text(text, encoding="utf-8")
    (downloads / name).symlink_to(downloads / ("real-" + name))
    (repository / "data" / ("real-" + name)).write_text(text, encoding="utf-8")
    (repository / "data" / name).symlink_to("real-" + name)
    for source in (str(downloads / name), "data/" + name):
        outcome = run("import", kind, "--dry-run", source, "ws", cwd=repository)
        outcome.assert_inert(allowed=(0, 1))
        assert "outside the repository" not in outcome.stderr


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
    kind = {"true": "a yes/no", "1.0e+308": "a number", "'text'": "a text"}.get(
        declarations, "a set of named fields"
    )
    assert (
        f"'privacy_declarations' is {kind} in the manifest, not a list of declarations; left out"
    ) in outcome.stderr
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
