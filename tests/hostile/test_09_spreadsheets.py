"""Hostile spreadsheets: zip bombs, DTDs, huge sheets and forged output are refused or escaped.

Every refusal is an `error:` line and exit code 2, decided from the zip directory and a streamed
pass over the XML before python-calamine reads the file (calamine aborts the whole process when a
sheet's rectangle does not fit in memory, so a refusal must come first).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from workbooks import ods, ods_content, rewrite_part, xlsx

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1 if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return xlsx(tmp_path / "base.xlsx", {"Register": [["Naam", "Rol"], ["CRM", "controller"]]})


def _sheet_xml(base: Path) -> str:
    with zipfile.ZipFile(base) as archive:
        return archive.read(SHEET).decode("utf-8")


def _import(workspace: Path, source: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["import", "register", str(source), str(workspace)])
    return result.exit_code, result.stdout, result.stderr


def _refused(workspace: Path, source: Path, reason: str) -> None:
    code, out, err = _import(workspace, source)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {source}: refused: {reason}"), err
    assert not (workspace / "register").exists()


def test_entity_expansion_is_refused(workspace: Path, base: Path, tmp_path: Path) -> None:
    """A sheet with a DTD (billion laughs) is refused before any entity is expanded."""
    body = _sheet_xml(base).split("?>", 1)[-1]
    bomb = body.replace("<t>CRM</t>", "<t>&lol9;</t>")
    source = rewrite_part(base, tmp_path / "laughs.xlsx", SHEET, LAUGHS + bomb)
    _refused(workspace, source, "an XML part declares a DTD")


def test_external_entity_is_refused(workspace: Path, base: Path, tmp_path: Path) -> None:
    """A shared-strings part naming a local file as an external entity is refused."""
    body = _sheet_xml(base).split("?>", 1)[-1]
    xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + body
    source = rewrite_part(base, tmp_path / "xxe.xlsx", SHEET, xxe.replace("CRM", "&e;"))
    _refused(workspace, source, "an XML part declares a DTD")


def test_zip_bomb_is_refused_by_its_ratio(workspace: Path, base: Path, tmp_path: Path) -> None:
    """A part that inflates a thousandfold is refused as a zip bomb."""
    source = tmp_path / "bomb.xlsx"
    shutil.copy(base, source)
    with zipfile.ZipFile(source, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * 20_000_000)
    _refused(workspace, source, "a part expands")


def test_declared_size_is_checked_before_reading(
    workspace: Path, base: Path, tmp_path: Path
) -> None:
    """A zip directory declaring 4 GB uncompressed is refused without inflating anything."""
    data = bytearray(base.read_bytes())
    central = data.find(b"PK\x01\x02")
    # The central directory's uncompressed size sits 24 bytes into each entry.
    struct.pack_into("<I", data, central + 24, 0xFFFF_FFF0)
    source = tmp_path / "declared.xlsx"
    source.write_bytes(bytes(data))
    _refused(workspace, source, "the parts declare 4,294,")


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ('<row r="1048576"><c r="A1048576"><v>1</v></c></row>', "a sheet in xl/worksheets/"),
        ('<row r="1"><c r="XFD1"><v>1</v></c></row>', "a sheet in xl/worksheets/"),
        ('<row r="3000"><c r="ZZ3000"><v>1</v></c></row>', "a sheet in xl/worksheets/"),
        ('<row r="99999999999"><c><v>1</v></c></row>', "a row number or repeat count"),
    ],
    ids=["last-row", "last-column", "rectangle", "overflow"],
)
def test_far_cells_are_refused(
    workspace: Path, base: Path, tmp_path: Path, cells: str, reason: str
) -> None:
    """A cell far from the others is refused before calamine allocates the rectangle to it."""
    text = _sheet_xml(base).replace("</sheetData>", cells + "</sheetData>")
    source = rewrite_part(base, tmp_path / "far.xlsx", SHEET, text)
    _refused(workspace, source, reason)


def test_relocated_sheet_is_measured_too(workspace: Path, base: Path, tmp_path: Path) -> None:
    """A sheet the relationships place outside xl/worksheets/ is measured like any other."""
    cell = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    far = _sheet_xml(base).replace("</sheetData>", cell + "</sheetData>")
    source = tmp_path / "moved.xlsx"
    with zipfile.ZipFile(base) as original, zipfile.ZipFile(source, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            name = info.filename
            if name == SHEET:
                name, data = "xl/elsewhere/data.xml", far.encode("utf-8")
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"worksheets/sheet1.xml", b"elsewhere/data.xml")
            copy.writestr(name, data, zipfile.ZIP_DEFLATED)
    _refused(workspace, source, "a sheet in xl/elsewhere/data.xml reaches row 1,048,576")


def test_declared_dimension_is_refused(workspace: Path, base: Path, tmp_path: Path) -> None:
    """A sheet declaring the whole grid as its dimension is refused."""
    text = _sheet_xml(base).replace('<dimension ref="A1:B2"', '<dimension ref="A1:XFD1048576"')
    source = rewrite_part(base, tmp_path / "dimension.xlsx", SHEET, text)
    _refused(workspace, source, "a sheet in xl/worksheets/sheet1.xml reaches row 1,048,576")


def test_far_cell_never_reaches_calamine(workspace: Path, base: Path, tmp_path: Path) -> None:
    """The installed command refuses a cell at XFD1048576 in a separate process, exit 2."""
    cell = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    text = _sheet_xml(base).replace("</sheetData>", cell + "</sheetData>")
    source = rewrite_part(base, tmp_path / "far.xlsx", SHEET, text)
    executable = str(Path(sys.executable).parent / "complykit")
    command = [executable, "import", "register", str(source), str(workspace)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)  # noqa: S603 - our own interpreter
    assert (done.returncode, done.stdout) == (2, "")
    assert "refused: a sheet in xl/worksheets/sheet1.xml reaches row 1,048,576" in done.stderr


def test_ods_repeated_rows_are_counted(workspace: Path, tmp_path: Path) -> None:
    """An ODS row with content repeated a million times is refused; trailing empty ones are not."""
    header = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Naam</text:p>'
        "</table:table-cell></table:table-row>"
    )
    repeated = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )
    source = ods_content(
        tmp_path / "rows.ods", f'<table:table table:name="R">{header}{repeated}</table:table>'
    )
    _refused(workspace, source, "a sheet in content.xml reaches row 1,000,001")
    fine = ods(tmp_path / "fine.ods", {"Register": [["Naam", "Rol"], ["CRM", "controller"]]})
    assert _import(workspace, fine)[0] == 0


def test_not_a_zip_is_an_error(workspace: Path, tmp_path: Path) -> None:
    """A .xlsx that is no zip archive is an error naming the file, exit 2."""
    source = tmp_path / "fake.xlsx"
    source.write_bytes(b"<html>not a workbook</html>")
    code, out, err = _import(workspace, source)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {source}: not a readable workbook")


FORGED = "CRM\n::error file=x.py,line=1::forged\u202e"


def _printed(*args: str) -> str:
    result = runner.invoke(app, ["import", "register", *args])
    return result.stdout + result.stderr


def _assert_escaped(output: str) -> None:
    assert "\x1b" not in output
    assert "\u202e" not in output
    assert not [line for line in output.splitlines() if line.startswith("::")]


def test_csv_cells_are_escaped_in_messages(workspace: Path, tmp_path: Path) -> None:
    """Cell text is printed escaped: no CI command, terminal escape or bidi control."""
    source = tmp_path / "forged.csv"
    forged = FORGED + "\x1b[31m"
    source.write_text(f'Naam;Rol;Extra\n"{forged}";"{forged}";x\n', encoding="utf-8")
    output = _printed(str(source), str(workspace))
    _assert_escaped(output)
    assert "forged\\u202e\\x1b[31m' not understood" in output


def test_sheet_names_are_escaped_in_messages(workspace: Path, tmp_path: Path) -> None:
    """A sheet name with a bidi control is printed escaped when the sheet is listed."""
    source = xlsx(tmp_path / "forged.xlsx", {"Reg\u202eister": [["Naam"], [FORGED]]})
    output = _printed(str(source), str(workspace), "--sheet", "X")
    _assert_escaped(output)
    assert "Reg\\u202eister" in output


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Activity;Purpose\n" + "A;B\n" * 100_000, "it reaches row 100,001 (limit 100,000)"),
        ("Activity" + ";x" * 1_100 + "\n", "row 1 has 1,101 columns (limit 1,024)"),
        (("a;" * 1_000 + "\n") * 2_000, "it holds more than 2,000,000 cells by row 1,999"),
    ],
)
def test_a_csv_file_passes_the_limits_of_a_sheet(
    workspace: Path, tmp_path: Path, text: str, reason: str
) -> None:
    """A CSV file is held to the rows, columns and cells of a workbook's sheet, as it is read:
    refused in a moment rather than imported for minutes."""
    source = tmp_path / "register.csv"
    source.write_text(text, encoding="utf-8")
    _refused(workspace, source, reason)


def test_cells_built_to_make_patterns_backtrack_import_at_once(
    workspace: Path, tmp_path: Path
) -> None:
    """Recipient, legal basis, law and retention cells of a hundred thousand spaces, dashes or
    brackets are read in one pass each: a pattern tried from every position would take minutes
    (the installed command, in a separate process, with a minute to finish). "6 lid 1" and
    spaces took more than five minutes once a law column was read for a basis; "2 jaar",
    "Account life + 2 years" and "gedurende ... + 2 jaar" read each run of spaces again for
    every space in it."""
    padding = " " * 99_000  # a value of 100,000 characters or more is refused before
    rows = [
        ["Naam", "Doel", "Grondslag", "Wet/artikel", "Ontvangers", "Bewaartermijn"],
        ["A", "Doel", f"6 lid 1{padding}x", "", f"x{padding}y", f"tot{padding}"],
        ["B", "Doel", "6(1)" * 10_000, "", "a-" * 20_000, "(a" * 20_000],
        ["C", "Doel", "", "", "", f"2 jaar{padding}x"],
        ["D", "Doel", "", "", "", f"a{padding}b 2 jaar"],
        ["E", "Doel", "", "", "", f"gedurende a{padding}b + 2 jaar"],
        ["F", "Doel", "", "", "", f"during a{padding}b + 2 years"],
        ["G", "Doel", "", f"6 lid 1{padding}x", "", ""],
        ["H", "Doel", "", f"art. 9 lid 2{padding}x", "", ""],
    ]
    source = tmp_path / "register.csv"
    source.write_text("\n".join(";".join(row) for row in rows), encoding="utf-8")
    executable = str(Path(sys.executable).parent / "complykit")
    command = [executable, "import", "register", str(source), str(workspace)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)  # noqa: S603 - our own interpreter
    assert done.returncode in (0, 1), done.stderr
    assert "8 row(s) read: 8 imported" in done.stdout + done.stderr
