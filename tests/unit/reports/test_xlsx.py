"""Spreadsheet reports: sheets, translated headers, one row per record, real dates, same bytes."""

from __future__ import annotations

from datetime import date, datetime, time
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from builders import write_workspace
from complykit.reports import REPORTS
from complykit.reports.render import LANGUAGES, build_context, render_workbook, translations
from complykit.reports.xlsx import sheet_titles, write
from complykit.reports.xlsx_book import Book, Sheet, Words
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF

ROPA_EN = [
    "Name",
    "Description",
    "Our role",
    "Joint controllers",
    "Purposes and legal basis",
    "Categories of data subjects",
    "Categories of personal data",
    "Sources of the data",
    "Recipients",
    "Processors",
    "Transfers to third countries",
    "Where the data is stored",
    "Retention period",
    "Technical and organisational security measures",
    "Automated decision-making (Art. 22)",
    "DPIA screening",
    "DPIA",
    "AI systems",
    "Risks",
    "Owner",
    "Next review",
    "Art. 30(5) exemption claimed",
    "Record id",
]
SOA_CONTROLS = {
    "en": [
        "Control",
        "Title",
        "Applicable",
        "Justification",
        "Status",
        "Owner",
        "Reasons",
        "Risks and measures",
        "Evidence",
    ],
    "nl": [
        "Beheersmaatregel",
        "Titel",
        "Van toepassing",
        "Rechtvaardiging",
        "Status",
        "Eigenaar",
        "Redenen",
        "Risico's en maatregelen",
        "Bewijs",
    ],
}
SOA_SIZES = {"iso27001-2022": 93, "iso27701-2019": 49, "iso42001-2023": 38}
RECRUITMENT = "Recruitment and selection, including AI-assisted CV screening"
HOSTILE = """\
kind: processing-activity
id: pa-hostile
name: "=HYPERLINK(\\"https://example.com\\", \\"click\\")"
role: controller
purposes:
  - description: "@SUM(1+1)"
    legal_basis: consent
"""


def _book(repo: Repository, name: str, lang: str) -> Workbook:
    return load_workbook(BytesIO(render_workbook(name, repo, lang=lang)))


def _header(sheet: Worksheet) -> list[object]:
    return [cell.value for cell in sheet[1]]


def _row(sheet: Worksheet, record_id: str) -> dict[object, object]:
    """The row whose last cell is ``record_id``, keyed by the header labels."""
    rows = list(sheet.iter_rows(values_only=True))
    match = next(row for row in rows[1:] if row[-1] == record_id)
    return dict(zip(rows[0], match, strict=True))


def _values(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def _ids(sheet: Worksheet) -> list[object]:
    return [row[-1].value for row in sheet.iter_rows()]


def _is_date(cell: Cell | MergedCell) -> bool:
    """A real Excel date: a number shown with the date format, not text that looks like one."""
    return isinstance(cell, Cell) and cell.is_date and cell.number_format == "yyyy-mm-dd"


def _midnight(day: date) -> datetime:
    """The naive datetime openpyxl reads an Excel date cell as."""
    return datetime.combine(day, time())


def _nl(msgid: str) -> str:
    return translations("nl").gettext(msgid)


def test_ropa_has_an_about_sheet_and_a_sheet_per_role(example_repo: Repository) -> None:
    """The register opens with About, then the Art. 30(1) and Art. 30(2) sheets."""
    assert _book(example_repo, "ropa", "en").sheetnames == [
        "About",
        "Controller (Art. 30(1))",
        "Processor (Art. 30(2))",
    ]
    assert _book(example_repo, "ropa", "nl").sheetnames == [
        _nl("About"),
        _nl("Controller (Art. 30(1))"),
        _nl("Processor (Art. 30(2))"),
    ]


def test_ropa_headers_follow_the_language(example_repo: Repository) -> None:
    """Column labels are the templates' labels, in Dutch for nl; the processor sheet adds one."""
    controller, processor = _book(example_repo, "ropa", "en").worksheets[1:]
    assert _header(controller) == ROPA_EN
    controllers = "Controllers on whose behalf we process"
    assert _header(processor) == [*ROPA_EN[:3], controllers, *ROPA_EN[3:]]
    dutch = _header(_book(example_repo, "ropa", "nl").worksheets[1])
    assert dutch[1:6] == [
        "Omschrijving",
        "Onze rol",
        "Gezamenlijke verwerkingsverantwoordelijken",
        "Doeleinden en grondslag",
        "Categorieën van betrokkenen",
    ]
    assert dutch[-3:] == [
        "Volgende beoordeling",
        "Beroep op de uitzondering van art. 30 lid 5",
        "Record-id",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ropa_has_a_row_per_activity(example_repo: Repository, lang: str) -> None:
    """Each processing activity of the example is one row on its role's sheet."""
    controller, processor = _book(example_repo, "ropa", lang).worksheets[1:]
    assert (controller.max_row - 1, processor.max_row - 1) == (11, 6)
    activities = {row[-1] for sheet in (controller, processor) for row in _values(sheet)}
    files = Path(example_repo.root, "register").glob("pa-*.yaml")
    assert activities == {path.stem for path in files}


@pytest.mark.parametrize(
    ("lang", "role", "legal_basis"),
    [
        ("en", "controller", "consent (Art. 6(1)(a))"),
        ("nl", "verwerkingsverantwoordelijke", "toestemming (art. 6 lid 1 sub a AVG)"),
    ],
)
def test_ropa_cells_translate_labels_not_records(
    example_repo: Repository, lang: str, role: str, legal_basis: str
) -> None:
    """Roles and legal bases are translated; names and purposes stay as the record has them."""
    sheet = _book(example_repo, "ropa", lang).worksheets[1]
    row = _row(sheet, "pa-recruitment")
    assert row[sheet["A1"].value] == RECRUITMENT
    assert row[sheet["C1"].value] == role
    purposes = str(row[sheet["E1"].value]).splitlines()
    assert (
        purposes[2] == f"Keeping applicants in a talent pool for future vacancies — {legal_basis}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_are_excel_dates(example_repo: Repository, lang: str) -> None:
    """Next review and the as-of date are date cells with a date format, not text."""
    about, controller, _ = _book(example_repo, "ropa", lang).worksheets
    column = _header(controller).index("Next review" if lang == "en" else "Volgende beoordeling")
    review = controller.cell(row=1 + _ids(controller).index("pa-recruitment"), column=1 + column)
    assert review.value == _midnight(date(2027, 2, 15))
    assert _is_date(review)
    label, as_of = next(row for row in about.iter_rows() if _is_date(row[1]))
    assert label.value == ("Peildatum" if lang == "nl" else "As of")
    assert as_of.value == _midnight(AS_OF)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_table_is_frozen_filtered_and_wrapped(example_repo: Repository, name: str) -> None:
    """Each data sheet freezes its header row, filters all its columns and wraps its text."""
    for sheet in _book(example_repo, name, "en").worksheets[1:]:
        last = sheet.cell(row=sheet.max_row, column=sheet.max_column).coordinate
        assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", f"A1:{last}")
        assert sheet["A1"].font.bold
        assert sheet.max_row == 1 or sheet["A2"].alignment.wrap_text  # an empty table has no A2
        columns = range(1, sheet.max_column + 1)
        widths = [sheet.column_dimensions[get_column_letter(i)].width for i in columns]
        # The stored width adds the cell's padding (5 pixels) to the characters Excel shows.
        assert all(10 <= int(width) <= 50 for width in widths)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_table_prints_landscape_one_page_wide(example_repo: Repository, name: str) -> None:
    """Each data sheet prints on landscape A4, one page wide, its header row on every page."""
    for sheet in _book(example_repo, name, "nl").worksheets[1:]:
        setup = sheet.page_setup
        fit = sheet.sheet_properties.pageSetUpPr
        # An absent fitToWidth means 1 in the OOXML schema.
        assert (setup.orientation, setup.paperSize, setup.fitToWidth or 1, setup.fitToHeight) == (
            "landscape",
            9,
            1,
            0,
        )
        assert fit is not None
        assert fit.fitToPage
        assert sheet.print_title_rows == "$1:$1"


def test_about_names_the_report_and_the_organisation(example_repo: Repository) -> None:
    """About holds the title, the generated-by note, the organisation and the as-of date."""
    about = _book(example_repo, "soa", "nl")[_nl("About")]
    assert about["A1"].value == "Verklaringen van toepasselijkheid"
    assert str(about["A2"].value).startswith("Gegenereerd door complykit")
    rows = {row[0]: row[1] for row in about.iter_rows(min_row=4, values_only=True)}
    assert rows["Organisatie"] == "Tulip Health B.V."
    assert rows["Peildatum"] == _midnight(date(2026, 11, 23))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_soa_has_a_summary_and_a_sheet_per_framework(example_repo: Repository, lang: str) -> None:
    """The SoA has a summary, then one sheet per statement with a row per catalog control."""
    book = _book(example_repo, "soa", lang)
    summary = "Summary" if lang == "en" else "Samenvatting"
    assert book.sheetnames == [book.worksheets[0].title, summary, *SOA_SIZES]
    assert {name: book[name].max_row - 1 for name in SOA_SIZES} == SOA_SIZES
    assert all(_header(book[name]) == SOA_CONTROLS[lang] for name in SOA_SIZES)


@pytest.mark.parametrize(
    ("lang", "applicable", "status", "total"),
    [("en", "yes", "implemented", "Total"), ("nl", "ja", "geïmplementeerd", "Totaal")],
)
def test_soa_cells_and_summary(
    example_repo: Repository, lang: str, applicable: str, status: str, total: str
) -> None:
    """Controls show translated yes/no and status; the summary counts them per status."""
    book = _book(example_repo, "soa", lang)
    first = [cell.value for cell in book["iso27001-2022"][2]]
    assert first[:3] == ["A.5.1", "Policies for information security", applicable]
    assert first[4] == status
    summary = _row(book.worksheets[1], "soa-iso27001-2022")
    assert (summary[status], summary[total]) == (91, 93)
    approval = book.worksheets[1]["F2"]
    assert approval.value == _midnight(date(2026, 11, 16))
    assert _is_date(approval)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_is_byte_identical_across_runs(example_repo: Repository, name: str) -> None:
    """Two runs give the same bytes: properties dated as of the report, zip entries 1980-01-01."""
    first = render_workbook(name, example_repo, lang="nl")
    assert render_workbook(name, example_repo, lang="nl") == first
    with ZipFile(BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = load_workbook(BytesIO(first)).properties
    assert properties.created == properties.modified == _midnight(date(2026, 11, 23))


def test_record_text_never_becomes_a_formula(tmp_path: Path) -> None:
    """A record name that starts with "=" is written as text, not as a formula."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "pa-hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    sheet = _book(repo, "ropa", "en").worksheets[1]
    assert (sheet["A2"].data_type, sheet["A2"].value) == (
        "s",
        '=HYPERLINK("https://example.com", "click")',
    )


def test_sheet_titles_are_valid_and_unique() -> None:
    """Sheet names lose the characters Excel forbids, fit in 31 characters and never repeat."""
    titles = sheet_titles(["ISO/IEC 27001:2022 Annex A [draft]", "Risks", "risks", "x" * 40])
    assert titles == ["ISO-IEC 27001-2022 Annex A -dra", "Risks", "risks (2)", "x" * 31]


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_row_fills_every_column(example_repo: Repository, name: str) -> None:
    """Each row of every sheet has exactly one cell per column."""
    context = build_context(name, example_repo, lang="en")
    book = REPORTS[name].book(context, Words("en", translations("en")))
    assert all(len(row) == len(sheet.columns) for sheet in book.sheets for row in sheet.rows)


def test_every_report_has_a_workbook() -> None:
    """Each registered report names a spreadsheet builder that exists."""
    assert all(callable(getattr(report, "book", None)) for report in REPORTS.values())


HOSTILE_CELLS: tuple[str, ...] = (
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(1)",
    "-2",
    "0042",
    "https://example.com",
    "_x0041_",
    "<b>&amp;</b>",
)


def test_cell_text_is_written_as_text_never_as_a_formula() -> None:
    """Formula, number, link and escape look-alikes stay the text they were, with no formula."""
    sheet = Sheet("Hostile", tuple(f"c{i}" for i in range(len(HOSTILE_CELLS))), [HOSTILE_CELLS])
    data = write(Book("T", AS_OF, "About", [], [sheet], []))
    with ZipFile(BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet2.xml").decode()
    row = load_workbook(BytesIO(data)).worksheets[1][2]
    assert [(cell.value, cell.data_type) for cell in row] == [(v, "s") for v in HOSTILE_CELLS]


def test_control_characters_are_escaped_in_cells() -> None:
    """Characters XML cannot hold, and overrides that reorder text, are shown as escapes (as
    the HTML report shows them), so Excel opens the file without repairs and nothing is lost."""
    sheet = Sheet("S", ("c",), [("bell\x07 and\x1b escape \u202eback",)])
    data = write(Book("T", AS_OF, "About", [], [sheet], []))
    cell = load_workbook(BytesIO(data)).worksheets[1]["A2"].value
    assert cell == "bell\\x07 and\\x1b escape \\u202eback"
