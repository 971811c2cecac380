"""Every report of the worked example, in both languages and formats, against its golden file."""

from __future__ import annotations

import pytest

from complykit.reports import REPORTS
from complykit.reports.render import LANGUAGES, render_report
from complykit.reports.request import Request
from complykit.repository import Repository

from .conftest import GOLDEN_PROVENANCE, CheckGolden

EXTENSIONS = {"html": "html", "markdown": "md"}
# The SoA in HTML is 180 table rows per language; its Markdown golden covers the same
# content, and test_render.py asserts the HTML's structure.
NOT_GOLDEN = {("soa", "html")}
CASES = [
    (name, lang, fmt)
    for name in REPORTS
    for lang in LANGUAGES
    for fmt in EXTENSIONS
    if (name, fmt) not in NOT_GOLDEN
]


@pytest.mark.parametrize(("name", "lang", "fmt"), CASES)
def test_report_matches_golden(
    example_repo: Repository, check_golden: CheckGolden, name: str, lang: str, fmt: str
) -> None:
    """The rendered report equals its reviewed golden file."""
    request = Request(lang, provenance=GOLDEN_PROVENANCE)
    text = render_report(name, example_repo, lang=lang, output_format=fmt, request=request)
    check_golden(f"{name}.{lang}.{EXTENSIONS[fmt]}", text)
