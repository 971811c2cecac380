"""The one Jinja environment for reports: strict, autoescaped HTML, translated with Babel."""

from __future__ import annotations

from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from complykit.errors import ComplykitError
from complykit.escape import defuse_markup, plain
from complykit.reports import REPORTS, Report
from complykit.reports.filters import filters

if TYPE_CHECKING:
    from complykit.repository import Repository

LANGUAGES = ("en", "nl")
FORMATS = {"html": "html.j2", "markdown": "md.j2"}
BINARY_FORMATS = ("xlsx", "pdf")  # written by render_binary, never to a terminal
DOMAIN = "complykit"
TEMPLATES = Path(__file__).parent / "templates"
LOCALES = Path(__file__).parent / "locales"


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The language's messages, compiled from its .po file in memory (no .mo is committed)."""
    path = po_path(lang)
    if not path.is_file():
        return NullTranslations()  # English: the msgids are the text
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def environment(lang: str) -> Environment:
    """The environment for one language: every filter and the translations installed once."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(("html.j2",), ("md.j2",), default=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    messages = translations(lang)
    env.install_gettext_translations(messages, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(filters(lang, messages))
    return env


def render_report(name: str, repo: Repository, *, lang: str, output_format: str) -> str:
    """The named report of the workspace, as HTML or Markdown text in ``lang``."""
    report = _report(name, lang)
    suffix = FORMATS[output_format]
    template = environment(lang).get_template(f"{report.template}.{suffix}")
    text = template.render(report.build(repo, lang), lang=lang)
    # Fields are escaped by autoescape (HTML) and the `md` filter; this is the net below them,
    # for a value a template shows unfiltered.
    return defuse_markup(text) if output_format == "html" else plain(text)


def render_workbook(name: str, repo: Repository, *, lang: str) -> bytes:
    """The named report as an .xlsx workbook in ``lang``: an About sheet, a sheet per section."""
    from complykit.reports.xlsx import workbook  # noqa: PLC0415 - only xlsx output loads openpyxl

    report = _report(name, lang)
    return workbook(report.name, repo, lang=lang, messages=translations(lang))


def render_pdf(name: str, repo: Repository, *, lang: str) -> bytes:
    """The named report as a PDF: its HTML laid out for print."""
    from complykit.reports.pdf import html_to_pdf  # noqa: PLC0415 - optional, slow to import

    return html_to_pdf(render_report(name, repo, lang=lang, output_format="html"), repo.as_of)


def render_binary(name: str, repo: Repository, *, lang: str, output_format: str) -> bytes:
    """The named report in a binary format from BINARY_FORMATS."""
    renderers = {"xlsx": render_workbook, "pdf": render_pdf}
    return renderers[output_format](name, repo, lang=lang)


def _report(name: str, lang: str) -> Report:
    report = REPORTS.get(name)
    if report is None:
        raise ComplykitError(
            f"unknown report '{name}'", hint=f"Reports: {', '.join(sorted(REPORTS))}."
        )
    if lang not in LANGUAGES:
        raise ComplykitError(f"unknown language '{lang}'", hint=f"Use {' or '.join(LANGUAGES)}.")
    return report
