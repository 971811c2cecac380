"""Templates compiled from the Python made ahead render what Jinja's own compiling renders."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from complykit.reports import compiled, render
from complykit.reports.compiled import COMPILED, compiled_source, render_document
from complykit.reports.render import TEMPLATES, environment, render_report

if TYPE_CHECKING:
    from collections.abc import Iterator

    from complykit.workspace.repository import Repository


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    """Environments and compiled code made anew, before and after the test."""

    def clear() -> None:
        environment.cache_clear()
        render._COMPILED._code.clear()
        compiled._entries.cache_clear()

    clear()
    yield
    clear()


def test_the_committed_file_is_fresh() -> None:
    """reports/compiled.json is what `python -m complykit.reports.compiled` writes today."""
    stale = "stale: run `python -m complykit.reports.compiled` and commit reports/compiled.json"
    assert COMPILED.read_text(encoding="utf-8") == render_document(), stale


def test_every_template_has_its_python() -> None:
    for path in TEMPLATES.glob("*.j2"):
        assert compiled_source(path.name, path.read_text(encoding="utf-8")), path.name


def test_another_source_is_compiled_by_jinja() -> None:
    """An entry serves only the very source it was made from."""
    source = (TEMPLATES / "ropa.html.j2").read_text(encoding="utf-8")
    assert compiled_source("ropa.html.j2", source + " ") is None
    assert compiled_source("missing.html.j2", source) is None


@pytest.mark.usefixtures("fresh_environments")
@pytest.mark.parametrize(("report", "lang"), [("ropa", "nl"), ("soa", "en"), ("dpia", "en")])
def test_reports_render_the_same_with_and_without_it(
    report: str, lang: str, example_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead = render_report(report, example_repo, lang=lang, output_format="html")
    environment.cache_clear()
    render._COMPILED._code.clear()
    used: list[str] = []
    monkeypatch.setattr(render, "compiled_source", lambda name, _source: used.append(name))
    assert render_report(report, example_repo, lang=lang, output_format="html") == ahead
    assert used  # Jinja asked, and compiled the templates itself


@pytest.mark.usefixtures("fresh_environments")
def test_without_the_sources_that_make_it_nothing_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed without escaping.py and render.py (bytecode only), the entries cannot be
    checked, so none is used: Jinja compiles as before, and nothing fails."""

    def unreadable() -> str:
        raise FileNotFoundError("render.py")

    monkeypatch.setattr(compiled, "_makers", unreadable)
    source = (TEMPLATES / "ropa.html.j2").read_text(encoding="utf-8")
    assert compiled_source("ropa.html.j2", source) is None
