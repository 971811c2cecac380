"""PDF layout: every table cell of the HTML is on a page (no clipped column), in both languages,
and two runs give the same bytes."""

from __future__ import annotations

import re
import subprocess
import sys
from io import BytesIO

import pytest
from pypdf import PdfReader

from complykit.reports import REPORTS
from complykit.reports.pdf import html_to_pdf
from complykit.reports.render import render_report
from complykit.reports.request import Request
from complykit.workspace.repository import Repository

from .conftest import AS_OF, GOLDEN_PROVENANCE
from .htmlcells import table_cells

pytest.importorskip("weasyprint")

_SPACE = re.compile(r"\s+")


def visible_text(pdf: bytes) -> str:
    """The text drawn inside each page's box; text pushed off the page is left out."""
    kept: list[str] = []
    for page in PdfReader(BytesIO(pdf)).pages:
        width = float(page.mediabox.width)

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            x = tm[4] * cm[0] + cm[4]
            if -1 <= x <= width - 1:  # noqa: B023 - called while this page is read
                kept.append(text)

        page.extract_text(visitor_text=visit)
    return _SPACE.sub("", "".join(kept))


def missing_cells(html: str) -> list[str]:
    """The table cells of ``html`` whose text its PDF does not show."""
    shown = visible_text(html_to_pdf(html, AS_OF))
    return [cell for cell in table_cells(html) if _SPACE.sub("", cell) not in shown]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", list(REPORTS))
def test_every_table_cell_is_in_the_pdf(example_repo: Repository, name: str, lang: str) -> None:
    """Each cell of each HTML table is printed inside a page of the report's PDF."""
    if lang == "en" and name in ("soa", "ropa"):
        pytest.skip("the Dutch text is longer and covers the same layout; keeps CI short")
    request = Request(lang, provenance=GOLDEN_PROVENANCE, findings=())
    html = render_report(name, example_repo, lang=lang, output_format="html", request=request)
    assert missing_cells(html) == []


def test_a_clipped_column_is_caught() -> None:
    """A table wider than the page loses its right-hand column, and the check says which."""
    wide = "x" * 300
    html = (
        "<html><body><table><tr><td style='white-space: nowrap'>"
        f"{wide}</td><td>right-hand column</td></tr></table></body></html>"
    )
    assert missing_cells(html) == ["right-hand column"]


PROBE = """
import sys
from complykit.reports.pdf import html_to_pdf
from datetime import date
sys.stdout.buffer.write(html_to_pdf(sys.stdin.read(), date(2026, 11, 23)))
"""


def test_pdf_bytes_do_not_depend_on_the_process(example_repo: Repository) -> None:
    """Two processes with different hash seeds write byte-identical PDFs of the same report."""
    request = Request("nl", provenance=GOLDEN_PROVENANCE, findings=())
    html = render_report("summary", example_repo, lang="nl", output_format="html", request=request)
    runs = [
        subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", PROBE],
            input=html.encode(),
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0].startswith(b"%PDF-")
    assert runs[0] == runs[1]
