"""The one Jinja environment for reports: strict, autoescaped HTML, translated with Babel."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from functools import cache
from gettext import NullTranslations
from importlib import import_module
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context

from complykit.core.errors import ComplykitError
from complykit.core.frozen import replace
from complykit.escape import defuse_markup, plain
from complykit.reports import AUDIENCES, REPORTS, Report
from complykit.reports.compiled import compiled_source
from complykit.reports.escaping import OutputCodeGenerator
from complykit.reports.filters import filters
from complykit.reports.request import Request

if TYPE_CHECKING:
    from complykit.workspace.repository import Repository

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


class _ContextEnvironment(Environment):
    """Jinja's environment, looking up ``row.field`` as a key first when the row is a dict.

    Report contexts are TypedDicts. Jinja tries an attribute before a key, so every
    ``row.field`` raised and caught an AttributeError first: a sixth of an HTML report's time.
    Its templates write values without an extra copy of each (``reports.escaping``).
    """

    code_generator_class = OutputCodeGenerator

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            found = obj.get(attribute, _MISSING)
            if found is not _MISSING:
                return found
        return super().getattr(obj, attribute)


_MISSING = object()


class _SharedCode(BytecodeCache):
    """Compiled templates, shared by the environments of every language in this process.

    The environments differ only in their translations and filters, which templates look up
    when they run: the same template compiles to the same code (compiling the second
    language's templates again took 0.14 s before a pack's workers could start).
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """The bucket as Jinja asks for it; a template compiled in no environment yet is
        compiled from the Python made ahead (``reports.compiled``) when there is one."""
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is None:
            python = compiled_source(name, source)
            if python is not None:
                bucket.code = compile(python, filename or "<template>", "exec")
                self.dump_bytecode(bucket)  # for the other languages' environments
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # refused (reset) when the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _SharedCode()


@cache
def environment(lang: str) -> Environment:
    """The environment for one language: every filter and the translations installed once."""
    env = _ContextEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        auto_reload=False,  # templates ship with the package: compile each once, never re-stat
        bytecode_cache=_COMPILED,
        autoescape=select_autoescape(("html.j2",), ("md.j2",), default=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    messages = translations(lang)
    env.install_gettext_translations(messages, newstyle=True)  # type: ignore[attr-defined]
    installed = cast("Callable[..., str]", env.globals["gettext"])
    env.globals["gettext"] = env.globals["_"] = RememberingGettext(installed)
    env.filters.update(filters(lang, messages))
    return env


class RememberingGettext:
    """Jinja's gettext, remembering each message that has no placeholders.

    A register repeats the same few words ("yes", column labels) in every row; Jinja translates,
    marks safe and %-formats each one again, a third of the time an HTML report took. The
    templates read ``remembered`` directly for a constant label (``escaping.translated``).
    """

    def __init__(self, gettext: Callable[..., str]) -> None:
        self._gettext = gettext
        self.remembered: dict[tuple[str, bool], str] = {}

    @pass_context
    def __call__(self, context: Context, message: str, /, **variables: Any) -> str:
        if variables:
            return self._gettext(context, message, **variables)
        key = (message, context.eval_ctx.autoescape)
        found = self.remembered.get(key)
        if found is None:
            found = self.remembered[key] = self._gettext(context, message)
        return found


def prepare(lang: str, output_formats: Collection[str]) -> None:
    """Compile every report's templates and import its builders and the xlsx writer now.

    A pack does this before it forks its workers, so that they share the work instead of each
    doing it again.
    """
    env = environment(lang)
    for report in REPORTS.values():
        report.import_builders()
        for text_format in FORMATS.keys() & output_formats:
            env.get_template(f"{report.template}.{FORMATS[text_format]}")
    if "xlsx" in output_formats:
        import_module("complykit.reports.xlsx")


def build_context(
    name: str, repo: Repository, *, lang: str, request: Request | None = None
) -> Mapping[str, Any]:
    """The named report's typed context, for any format; ``request`` adds provenance etc."""
    request = replace(request or Request(), lang=lang)
    return _report(name, request).build(repo, request)


def render_report(
    name: str, repo: Repository, *, lang: str, output_format: str, request: Request | None = None
) -> str:
    """The named report of the workspace, as HTML or Markdown text in ``lang``."""
    context = build_context(name, repo, lang=lang, request=request)
    return render_text(name, context, lang=lang, output_format=output_format)


def render_text(name: str, context: Mapping[str, Any], *, lang: str, output_format: str) -> str:
    """A report's built context as HTML or Markdown text."""
    report = _report(name, Request(lang=lang))
    template = environment(lang).get_template(f"{report.template}.{FORMATS[output_format]}")
    text = template.render(context, lang=lang)
    # Fields are escaped by autoescape (HTML) and the `md` filter; this is the net below them,
    # for a value a template shows unfiltered.
    return defuse_markup(text) if output_format == "html" else plain(text)


def render_workbook(
    name: str, repo: Repository, *, lang: str, request: Request | None = None
) -> bytes:
    """The named report as an .xlsx workbook in ``lang``: an About sheet, a sheet per section."""
    context = build_context(name, repo, lang=lang, request=request)
    return render_binary_context(name, context, lang=lang, output_format="xlsx")


def render_pdf(name: str, repo: Repository, *, lang: str, request: Request | None = None) -> bytes:
    """The named report as a PDF: its HTML laid out for print."""
    context = build_context(name, repo, lang=lang, request=request)
    return render_binary_context(name, context, lang=lang, output_format="pdf")


def render_binary(
    name: str, repo: Repository, *, lang: str, output_format: str, request: Request | None = None
) -> bytes:
    """The named report in a binary format from BINARY_FORMATS."""
    context = build_context(name, repo, lang=lang, request=request)
    return render_binary_context(name, context, lang=lang, output_format=output_format)


def render_binary_context(
    name: str, context: Mapping[str, Any], *, lang: str, output_format: str
) -> bytes:
    """A report's built context as xlsx or PDF bytes."""
    if output_format == "pdf":
        from complykit.reports.pdf import html_to_pdf  # noqa: PLC0415 - optional, slow import

        html = render_text(name, context, lang=lang, output_format="html")
        return html_to_pdf(html, context["header"]["as_of"])
    from complykit.reports.xlsx import write  # noqa: PLC0415 - only xlsx output loads XlsxWriter
    from complykit.reports.xlsx_book import Words  # noqa: PLC0415

    report = _report(name, Request(lang=lang))
    return write(report.book(context, Words(lang, translations(lang))))


def _report(name: str, request: Request) -> Report:
    report = REPORTS.get(name)
    if report is None:
        raise ComplykitError(
            f"unknown report '{name}'", hint=f"Reports: {', '.join(sorted(REPORTS))}."
        )
    if request.lang not in LANGUAGES:
        raise ComplykitError(
            f"unknown language '{request.lang}'", hint=f"Use {' or '.join(LANGUAGES)}."
        )
    if request.audience not in report.audiences:
        known = ", ".join(a for a in AUDIENCES if a in report.audiences)
        raise ComplykitError(
            f"the {name} report has no '{request.audience}' audience", hint=f"Use {known}."
        )
    if request.record_id is not None and report.per_record is None:
        raise ComplykitError(
            f"the {name} report is one document for the whole workspace; --id does not apply",
            hint="Leave out --id.",
        )
    return report
