"""Every HTML report, in both languages, in a real headless Chromium: it loads without console
errors, and no table is wider than the printable width of its A4 page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from complykit.reports import REPORTS
from complykit.reports.render import LANGUAGES, render_report
from complykit.reports.request import Request
from complykit.workspace.repository import Repository

from .conftest import GOLDEN_PROVENANCE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=5000",
    "--dump-dom",
)
# A4 less the @page margins of base.html.j2 (12 mm left and right), in millimetres.
PRINTABLE = {"portrait": 210 - 24, "landscape": 297 - 24}
# Lays the page out at its printable width, then lists every table or cell that sticks out.
MEASURE = """
<script>
addEventListener("load", () => {
  const body = document.body;
  Object.assign(body.style, {width: "%(width)smm", maxWidth: "none", margin: "0", padding: "0"});
  const limit = body.getBoundingClientRect().right + 1;
  const wide = [...document.querySelectorAll("table, th, td")]
    .filter((el) => el.getBoundingClientRect().right > limit || el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.tagName + ": " + el.textContent.trim().slice(0, 60));
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify(wide);
  body.appendChild(out);
});
</script>
"""
_MEASURED = re.compile(r'<pre id="measured">(.*?)</pre>', re.DOTALL)


def _orientation(html: str) -> str:
    return "landscape" if "size: A4 landscape" in html else "portrait"


def _open(html: str, tmp_path: Path) -> tuple[list[str], list[str]]:
    """The elements wider than the printable width, and the console messages."""
    page = tmp_path / "report.html"
    width = PRINTABLE[_orientation(html)]
    page.write_text(html.replace("</body>", MEASURE % {"width": width} + "</body>"), "utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(  # noqa: S603 - Debian's chromium, our own file
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = _MEASURED.search(done.stdout)
    assert found is not None, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")), console


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(REPORTS))
def test_report_fits_the_page_without_console_errors(
    example_repo: Repository, tmp_path: Path, name: str, lang: str
) -> None:
    """The report loads with no console message and every table fits the printable width."""
    request = Request(lang, provenance=GOLDEN_PROVENANCE, findings=())
    html = render_report(name, example_repo, lang=lang, output_format="html", request=request)
    wide, console = _open(html, tmp_path)
    assert (wide, console) == ([], [])


def test_a_table_wider_than_the_page_is_caught(tmp_path: Path) -> None:
    """A table with an unbreakable line wider than A4 is reported."""
    html = "<html><body><table><tr><td style='white-space: nowrap'>" + "x" * 400
    wide, _ = _open(html + "</td></tr></table></body></html>", tmp_path)
    assert wide[:1] == ["TABLE: " + "x" * 60]


def test_a_console_error_is_caught(tmp_path: Path) -> None:
    """A script error on the page shows up among the console messages."""
    _, console = _open("<html><body><script>undefinedFn();</script></body></html>", tmp_path)
    assert any("undefinedFn is not defined" in line for line in console)
