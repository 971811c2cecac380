"""Every report of the worked example, in both languages and formats, against its golden file."""

from __future__ import annotations

import pytest

from complykit.reports import REPORTS
from complykit.reports.render import LANGUAGES, render_report
from complykit.reports.request import Request
from complykit.workspace.repository import Repository

from .conftest import GOLDEN_PROVENANCE, CheckGolden

EXTENSIONS = {"html": "html", "markdown": "md"}
# The SoA in HTML is 180 table rows per language; its Markdown golden covers the same
# content, and test_render.py asserts the HTML's structure.
NOT_GOLDEN = {("soa", "html")}
CASES = [
    (name, audience, lang, fmt)
    for name, report in REPORTS.items()
    for audience in report.audiences
    for lang in LANGUAGES
    for fmt in EXTENSIONS
    if (name, fmt) not in NOT_GOLDEN
]


@pytest.mark.parametrize("case", CASES, ids="-".join)
def test_report_matches_golden(
    example_repo: Repository, check_golden: CheckGolden, case: tuple[str, str, str, str]
) -> None:
    """The rendered report equals its reviewed golden file."""
    name, audience, lang, fmt = case
    request = Request(lang, audience, provenance=GOLDEN_PROVENANCE, findings=())
    text = render_report(name, example_repo, lang=lang, output_format=fmt, request=request)
    stem = name if audience == "internal" else f"{name}-{audience}"
    check_golden(f"{stem}.{lang}.{EXTENSIONS[fmt]}", text)
