"""``complykit report`` through Typer's runner: output, languages, files and exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from builders import write_workspace
from complykit.cli.app import app
from complykit.cli.report import REPORT_NAMES, Audience, Language, ReportFormat
from complykit.reports import AUDIENCES, REPORTS
from complykit.reports.render import BINARY_FORMATS, FORMATS, LANGUAGES
from conftest import EXAMPLE

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-23"]


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_ropa_markdown_goes_to_stdout() -> None:
    """Without --output the report is printed, in the config's first language."""
    code, out, err = _run("ropa", str(EXAMPLE), "--format", "markdown", *AS_OF)
    assert (code, err) == (0, "")
    assert "# Register of processing activities" in out
    assert "- **As of:** 23 November 2026" in out


def test_lang_nl_gives_dutch_headings() -> None:
    """--lang nl renders the Dutch headings, dates and labels."""
    code, out, _ = _run("soa", str(EXAMPLE), "--lang", "nl", "--format", "markdown", *AS_OF)
    assert code == 0
    assert "# Verklaringen van toepasselijkheid" in out
    assert "- **Peildatum:** 23 november 2026" in out
    assert "| geïmplementeerd |" in out


def test_html_is_the_default_format() -> None:
    """The report is an HTML document unless --format says otherwise."""
    code, out, _ = _run("risks", str(EXAMPLE), *AS_OF)
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "<h1>Risk register</h1>" in out


def test_output_writes_a_file(tmp_path: Path) -> None:
    """--output writes the report to the file and prints nothing."""
    target = tmp_path / "ropa.html"
    code, out, err = _run("ropa", str(EXAMPLE), "--output", str(target), *AS_OF)
    assert (code, out, err) == (0, "", "")
    assert "<h1>Register of processing activities</h1>" in target.read_text(encoding="utf-8")


def test_output_never_overwrites_without_force(tmp_path: Path) -> None:
    """An existing --output file is kept and the command exits 2 unless --force is given."""
    target = tmp_path / "ropa.md"
    target.write_text("keep me", encoding="utf-8")
    code, out, err = _run("ropa", str(EXAMPLE), "-f", "markdown", "-o", str(target), *AS_OF)
    assert (code, out) == (2, "")
    assert err == (
        f"error: {target} already exists; nothing was written\nhint: Add --force to overwrite it.\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = _run("ropa", str(EXAMPLE), "-f", "markdown", "-o", str(target), "--force", *AS_OF)
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("<!--")


def test_unknown_report_exits_2_with_the_list() -> None:
    """An unknown report name exits 2 and lists the reports there are."""
    code, out, err = _run("nope", str(EXAMPLE), *AS_OF)
    assert (code, out) == (2, "")
    assert err == (
        f"error: unknown report 'nope'\nhint: Reports: {', '.join([*REPORTS, 'pack'])}.\n"
    )


def test_path_outside_a_workspace_exits_2(tmp_path: Path) -> None:
    """A folder that is not in a workspace exits 2 with one line."""
    code, _, err = _run("ropa", str(tmp_path), *AS_OF)
    assert code == 2
    assert err.startswith(f"error: {tmp_path}: not inside a complykit workspace")


def test_workspace_errors_render_with_partial(tmp_path: Path) -> None:
    """With --partial, records that fail validation are left out, with a warning and a list."""
    root = write_workspace(tmp_path / "ws", soa=None)
    shutil.copy(EXAMPLE / "register" / "pa-recruitment.yaml", root / "good.yaml")
    (root / "bad.yaml").write_text(
        "kind: processing-activity\nid: pa-bad\nrole: nobody\n", encoding="utf-8"
    )
    code, out, err = _run("ropa", str(root), "-f", "markdown", "--partial", *AS_OF)
    assert code == 0
    assert err == "warning: 2 problem(s) kept records out of the report; the document lists them.\n"
    assert "### Recruitment and selection" in out
    assert out.count("| bad.yaml |") == 2


def test_bad_as_of_is_a_usage_error() -> None:
    """A malformed --as-of date exits 2 before anything is read."""
    code, _, err = _run("ropa", str(EXAMPLE), "--as-of", "23-11-2026")
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_choices_match_the_library() -> None:
    """The CLI's report names, languages and formats are those the library knows."""
    assert set(REPORT_NAMES) == {*REPORTS, "pack"}
    assert {audience.value for audience in Audience} == set(AUDIENCES)
    assert {lang.value for lang in Language} == set(LANGUAGES)
    assert {fmt.value for fmt in ReportFormat} == {*FORMATS, *BINARY_FORMATS}


def test_xlsx_needs_an_output_file() -> None:
    """--format xlsx without --output exits 2 and writes nothing to the terminal."""
    code, out, err = _run("ropa", str(EXAMPLE), "--format", "xlsx", *AS_OF)
    assert (code, out) == (2, "")
    assert err == (
        "error: --format xlsx writes a binary file, not text for the terminal\n"
        "hint: Name the file with --output, e.g. --output ropa.xlsx.\n"
    )


def test_xlsx_output_is_a_workbook(tmp_path: Path) -> None:
    """--format xlsx --output writes a zip archive that opens as a workbook in the language."""
    target = tmp_path / "soa.xlsx"
    code, out, err = _run(
        "soa", str(EXAMPLE), "-f", "xlsx", "--lang", "nl", "-o", str(target), *AS_OF
    )
    assert (code, out, err) == (0, "", "")
    assert zipfile.is_zipfile(target)
    assert load_workbook(target).sheetnames[1:] == [
        "Samenvatting",
        "iso27001-2022",
        "iso27701-2019",
        "iso42001-2023",
    ]


def test_xlsx_never_overwrites_without_force(tmp_path: Path) -> None:
    """An existing file is kept unless --force is given, and then it becomes the workbook."""
    target = tmp_path / "risks.xlsx"
    target.write_bytes(b"keep me")
    args = ("risks", str(EXAMPLE), "-f", "xlsx", "-o", str(target), *AS_OF)
    code, _, err = _run(*args)
    refused = f"error: {target} already exists; nothing was written\n"
    assert (code, err) == (2, refused + "hint: Add --force to overwrite it.\n")
    assert target.read_bytes() == b"keep me"
    code, _, _ = _run(*args, "--force")
    assert code == 0
    assert zipfile.is_zipfile(target)


PROBE = """
import sys
import zipfile
from complykit.cli.app import app
try:
    app(["report", "--help"])
except SystemExit:
    pass
print("HEAVY:" + ",".join(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})))
"""


@pytest.mark.parametrize("heavy", [("jinja2", "babel", "yaml")])
def test_help_imports_nothing_heavy(heavy: tuple[str, ...]) -> None:
    """`report --help` loads neither Jinja, Babel nor the YAML loader."""
    code = PROBE.format(heavy=set(heavy))
    command = [sys.executable, "-c", code]
    out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_help_does_not_import_openpyxl() -> None:
    """`report --help` leaves openpyxl unloaded: only writing a workbook imports it."""
    code = PROBE.format(heavy={"openpyxl", "et_xmlfile"})
    command = [sys.executable, "-c", code]
    out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_pdf_needs_an_output_file_and_writes_a_pdf(tmp_path: Path) -> None:
    """--format pdf refuses the terminal, and with --output writes a PDF file."""
    code, out, _ = _run("risks", str(EXAMPLE), "--format", "pdf", *AS_OF)
    assert (code, out) == (2, "")
    target = tmp_path / "risks.pdf"
    code, out, err = _run("risks", str(EXAMPLE), "-f", "pdf", "-o", str(target), *AS_OF)
    assert (code, out, err) == (0, "", "")
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_report_into_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    """Refused before any work, naming the file and its missing folder (once it named the
    temporary file it would have written first), as validate --output does."""
    target = tmp_path / "no" / "such" / "ropa.md"
    code, out, err = _run("ropa", str(EXAMPLE), "-f", "markdown", "-o", str(target), *AS_OF)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {target}: No such file or directory (no folder ")
    assert ".tmp" not in err
    assert not (tmp_path / "no").exists()
