"""PDF reports: the HTML report laid out for print, in the report's language."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from complykit.core.errors import ComplykitError
from complykit.reports.pdf import html_to_pdf
from complykit.reports.render import render_binary
from complykit.workspace.open import open_repository
from conftest import EXAMPLE

AS_OF = date(2026, 11, 23)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def test_dutch_register_is_a_multi_page_pdf_in_dutch() -> None:
    """The Dutch register renders to a PDF with Dutch headings and the example's activities."""
    repo, _ = open_repository(EXAMPLE, AS_OF)
    pdf = render_binary("ropa", repo, lang="nl", output_format="pdf")
    text = _text(pdf)
    assert pdf.startswith(b"%PDF-")
    assert len(PdfReader(BytesIO(pdf)).pages) > 5
    assert "Register van verwerkingsactiviteiten" in text
    assert "Clinic user accounts, licences and customer administration" in text


def test_pdf_is_dated_by_as_of_not_by_the_clock() -> None:
    """The PDF's creation date in its metadata is the report's as-of date."""
    reader = PdfReader(BytesIO(html_to_pdf("<h1>x</h1>", date(2025, 2, 3))))
    assert reader.metadata is not None
    assert str(reader.metadata["/CreationDate"]).startswith("D:20250203")


def test_missing_weasyprint_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without WeasyPrint the PDF format stops with an install hint, not a traceback."""
    monkeypatch.setitem(__import__("sys").modules, "weasyprint", None)
    with pytest.raises(ComplykitError, match="PDF output is not available") as caught:
        html_to_pdf("<p>x</p>", AS_OF)
    assert "complykit[pdf]" in (caught.value.hint or "")
