"""What ``complykit report`` does, apart from parsing options: one document, or the pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.core.overwrite import refuse
from complykit.publish.document import Source, open_source, render
from complykit.publish.output import write_atomically
from complykit.publish.pack import pack
from complykit.reports import REPORTS
from complykit.reports.render import BINARY_FORMATS, FORMATS, LANGUAGES, prepare

PACK = "pack"
ALL_FORMATS = (*FORMATS, *BINARY_FORMATS)
EXIT_UNREADABLE = 1


@frozen
class Order:
    """The command line, parsed: which document, from which revision, to where."""

    name: str
    path: Path
    as_of: date
    languages: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    output: Path | None = None
    force: bool = False
    revision: str | None = None
    record_id: str | None = None
    audience: str = "internal"
    partial: bool = False


@frozen
class Outcome:
    """What the command prints and its exit code; files are already written."""

    exit_code: int = 0
    text: str | None = None
    warnings: tuple[str, ...] = ()


def run(order: Order) -> Outcome:
    """Render the ordered document (or pack) and write it; refuse before any work if unsafe."""
    _check(order)
    check = order.name == PACK or REPORTS[order.name].checks
    if order.name == PACK:
        # Compiled now, while the parse worker started ahead reads the files, rather than on
        # one core between loading and rendering (0.18 s at 10,000 records). Languages share
        # the compiled code, so the one given first, or English, compiles every template.
        prepare(order.languages[0] if order.languages else LANGUAGES[0], _pack_formats(order))
    with open_source(order.path, order.as_of, order.revision, check=check) as source:
        if source.unreadable and not order.partial:
            return _refused(source)
        warnings = _warnings(source)
        if order.name == PACK:
            assert order.output is not None  # noqa: S101 - _check demands it
            languages = order.languages or tuple(source.languages)
            write_atomically(
                order.output, pack(source, languages, _pack_formats(order)), force=order.force
            )
            return Outcome(warnings=warnings)
        return _single(order, source, warnings)


def _single(order: Order, source: Source, warnings: tuple[str, ...]) -> Outcome:
    lang = order.languages[0] if order.languages else source.languages[0]
    output_format = order.formats[0] if order.formats else "html"
    request = source.request(lang, order.audience, order.record_id)
    data = render(order.name, source, request, output_format)
    if order.output is None:
        return Outcome(text=data.decode("utf-8"), warnings=warnings)
    write_atomically(order.output, data, force=order.force)
    return Outcome(warnings=warnings)


def _pack_formats(order: Order) -> tuple[str, ...]:
    return order.formats or ALL_FORMATS


def _check(order: Order) -> None:
    if order.name != PACK and order.name not in REPORTS:
        names = ", ".join([*REPORTS, PACK])
        raise ComplykitError(f"unknown report '{order.name}'", hint=f"Reports: {names}.")
    if order.name != PACK:
        _check_single(order)
    elif order.output is None:
        raise ComplykitError(
            "report pack writes a zip archive, not text for the terminal",
            hint="Name the file with --output, e.g. --output audit.zip.",
        )
    for lang in order.languages:
        if lang not in LANGUAGES:
            raise ComplykitError(
                f"unknown language '{lang}'", hint=f"Use {' or '.join(LANGUAGES)}."
            )
    if order.output is not None:
        refuse(order.output, force=order.force)


def _check_single(order: Order) -> None:
    if len(order.languages) > 1 or len(order.formats) > 1:
        raise ComplykitError(
            "one report is rendered in one language and one format",
            hint="Give --lang and --format once, or use `complykit report pack` for several.",
        )
    output_format = order.formats[0] if order.formats else "html"
    if output_format in BINARY_FORMATS and order.output is None:
        raise ComplykitError(
            f"--format {output_format} writes a binary file, not text for the terminal",
            hint=f"Name the file with --output, e.g. --output {order.name}.{output_format}.",
        )


def _refused(source: Source) -> Outcome:
    lines = [f"{u.path}:{u.line}: {u.code} {u.message}" for u in source.unreadable]
    summary = (
        f"error: {len(source.unreadable)} problem(s) kept records out of the report; nothing "
        "was written. Fix them (complykit validate), or add --partial to render the records "
        "that loaded; the document then lists what is missing."
    )
    return Outcome(exit_code=EXIT_UNREADABLE, warnings=(*lines, summary))


def _warnings(source: Source) -> tuple[str, ...]:
    if not source.unreadable:
        return ()
    count = len(source.unreadable)
    return (
        f"warning: {count} problem(s) kept records out of the report; the document lists them.",
    )
