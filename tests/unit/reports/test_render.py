"""Rendering: escaping, Markdown cells, ordering, the SoA's HTML structure and lookups."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import StrictUndefined

from builders import write_workspace
from complykit.core.errors import ComplykitError
from complykit.reports import REPORTS
from complykit.reports.render import FORMATS, TEMPLATES, environment, render_report
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF

HOSTILE = """\
kind: processing-activity
id: pa-hostile
name: "<script>alert('x')</script> | pipes"
role: controller
purposes:
  - description: "Line one\\nline two | with a pipe"
    legal_basis: consent
"""


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Repository:
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "pa-hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return repo


def test_html_escapes_record_text(hostile_repo: Repository) -> None:
    """A <script> tag in a record name reaches the HTML only as escaped text."""
    html = render_report("ropa", hostile_repo, lang="en", output_format="html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | pipes" in html


def test_markdown_cells_escape_pipes_and_newlines(hostile_repo: Repository) -> None:
    """Pipes are escaped, tags neutralised and newlines folded inside Markdown table cells."""
    text = render_report("ropa", hostile_repo, lang="en", output_format="markdown")
    assert "### &lt;script&gt;alert('x')&lt;/script&gt; \\| pipes" in text
    assert "| Line one line two \\| with a pipe — **consent** (Art. 6(1)(a)) |" in text


def test_empty_sections_say_so(hostile_repo: Repository) -> None:
    """A workspace without processor activities says the Art. 30(2) section is empty."""
    text = render_report("ropa", hostile_repo, lang="nl", output_format="markdown")
    processor_section = text.split("(art. 30 lid 2 AVG)")[1]
    assert "Geen verwerkingsactiviteiten in deze rol." in processor_section


def test_ropa_puts_controller_before_processor(example_repo: Repository) -> None:
    """Controller activities come first, sorted by name, then the processor activities."""
    text = render_report("ropa", example_repo, lang="en", output_format="markdown")
    controller, processor = text.split("## Processing activities as processor")
    names = re.findall(r"^### (.+)$", controller, flags=re.MULTILINE)
    assert names == sorted(names, key=str.casefold)
    assert "| Our role | processor |" in processor
    assert "| Our role | processor |" not in controller


def test_soa_html_has_a_section_and_a_row_per_control(example_repo: Repository) -> None:
    """Each SoA is one section whose control table has a row per catalog control."""
    html = render_report("soa", example_repo, lang="nl", output_format="html")
    sections = re.findall(r'<section id="(soa-[^"]+)">(.*?)</section>', html, flags=re.DOTALL)
    expected = {"soa-iso27001-2022": 93, "soa-iso27701-2019": 49, "soa-iso42001-2023": 38}
    tables = {
        name: re.search(r'<table class="controls">(.*?)</table>', body, re.DOTALL)
        for name, body in sections
    }
    assert {name: m.group(1).count("<tr>") - 1 for name, m in tables.items() if m} == expected
    assert html.count("<th>Beheersmaatregel</th>") == 0  # headers carry scope="col"
    assert html.count('<th scope="col">Beheersmaatregel</th>') == 3
    assert "Verklaringen van toepasselijkheid" in html


def test_risks_are_sorted_by_residual_score(example_repo: Repository) -> None:
    """The risk register lists the highest residual score first."""
    text = render_report("risks", example_repo, lang="en", output_format="markdown")
    residual = [
        int(s)
        for s in re.findall(
            r"^\|[^|]+\|[^|]+\| \*\*\d+\*\*[^|]*\| \*\*(\d+)\*\*", text, flags=re.MULTILINE
        )
    ]
    assert residual
    assert residual == sorted(residual, reverse=True)


def test_unknown_report_names_the_known_ones(example_repo: Repository) -> None:
    """Asking for a report that does not exist lists the reports that do."""
    with pytest.raises(ComplykitError) as caught:
        render_report("nope", example_repo, lang="en", output_format="html")
    assert caught.value.hint == f"Reports: {', '.join(sorted(REPORTS))}."


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_has_both_templates(name: str) -> None:
    """Each registered report has an HTML and a Markdown template."""
    for suffix in FORMATS.values():
        assert (TEMPLATES / f"{REPORTS[name].template}.{suffix}").is_file()


def test_environment_is_strict() -> None:
    """An undefined name in a template is an error, not an empty string."""
    env = environment("en")
    assert env.undefined is StrictUndefined
    with pytest.raises(Exception, match="'missing' is undefined"):
        env.from_string("{{ missing }}").render()
