"""``complykit export`` and ``complykit import``: the Algoritmeregister, spreadsheet registers."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.options import (
    DelimiterOption,
    DryRunOption,
    ExportOutputOption,
    PathArgument,
    SheetOption,
    StrictOption,
)
from complykit.cli.output import ForceOption, say
from complykit.cli.output_files import open_binary_output

if TYPE_CHECKING:
    from complykit.exchange.outcome import ImportReport, Outcome

export_app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="export",
    help="Export records in a format other registers take.",
    no_args_is_help=True,
)
import_app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="import",
    help="Import records from the spreadsheets and tools they were kept in before.",
    no_args_is_help=True,
)

MESSAGE_LIMIT = 2_000


class Standard(StrEnum):
    PUBLICATIESTANDAARD = "publicatiestandaard"
    REGISTER_API = "register-api"


@export_app.command("algoritmeregister")
@exits
def algoritmeregister(
    path: PathArgument = Path(),
    output: ExportOutputOption = None,
    system: Annotated[
        list[str] | None,
        typer.Option(
            "--system",
            metavar="ID",
            help="An AI system id to export; repeat it for several.",
            show_default="all",
        ),
    ] = None,
    standard: Annotated[
        Standard,
        typer.Option(
            "--standard",
            help="The published Publicatiestandaard 1.0.0, or the register backend's vocabulary.",
        ),
    ] = Standard.PUBLICATIESTANDAARD,
    register_url: Annotated[
        str | None,
        typer.Option(
            "--register-url",
            metavar="URL",
            help="Where the workspace's register of processing activities is published; a "
            "linked activity's entry is URL/<activity id>.",
        ),
    ] = None,
    force: ForceOption = False,
) -> int:
    """Export AI systems as Algoritmeregister publication records in JSON."""
    import json  # noqa: PLC0415 - keep --help fast

    from complykit.exchange.algoritmeregister import export_algoritmeregister  # noqa: PLC0415
    from complykit.exchange.publicatiestandaard import export_publicatiestandaard  # noqa: PLC0415
    from complykit.workspace.open import open_repository  # noqa: PLC0415

    exporters = {
        Standard.PUBLICATIESTANDAARD: export_publicatiestandaard,
        Standard.REGISTER_API: export_algoritmeregister,
    }
    _check_url(register_url)
    repo, errors = open_repository(path, date.today())  # noqa: DTZ011 - dates play no part
    _warn_errors(errors)
    exported = exporters[standard](repo, system or (), register_url)
    for warning in exported.warnings:
        say(f"warning: {warning}", err=True)
    for skipped in exported.skipped:
        say(f"error: {skipped}", err=True)
    if exported.skipped and not exported.records:  # an empty list would only stand in the way
        say("error: no AI system could be exported; nothing written", err=True)
        return 1
    data = (json.dumps(exported.records, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    _emit(data, output, force=force)
    return 1 if exported.skipped else 0


def _check_url(url: str | None) -> None:
    from urllib.parse import urlsplit  # noqa: PLC0415

    from complykit.core.errors import ComplykitError  # noqa: PLC0415

    # The scheme is case-insensitive (RFC 3986 3.1): HTTPS://Example.org is an https URL.
    parts = urlsplit(url) if url is not None else None
    if parts is not None and (parts.scheme.lower() != "https" or not parts.netloc):
        raise ComplykitError(f"--register-url must be an https:// URL, not '{url}'")


class OscalModel(StrEnum):
    SSP = "ssp"
    COMPONENT_DEFINITION = "component-definition"


class OscalVersion(StrEnum):
    V1_1_2 = "1.1.2"
    V1_2_1 = "1.2.1"


@export_app.command("oscal")
@exits
def oscal(
    path: PathArgument = Path(),
    model: Annotated[
        OscalModel, typer.Option("--model", help="The OSCAL model to write.")
    ] = OscalModel.SSP,
    soa: Annotated[
        str | None,
        typer.Option(
            "--soa",
            metavar="ID",
            help="The Statement of Applicability the SSP describes.",
            show_default="the only one",
        ),
    ] = None,
    oscal_version: Annotated[
        OscalVersion, typer.Option("--oscal-version", help="The OSCAL version to declare.")
    ] = OscalVersion.V1_1_2,
    output: ExportOutputOption = None,
    force: ForceOption = False,
) -> int:
    """Export an OSCAL System Security Plan or component definition as JSON."""
    import json  # noqa: PLC0415 - keep --help fast

    from complykit.exchange.oscal.component import component_definition  # noqa: PLC0415
    from complykit.exchange.oscal.ssp import choose_soa, ssp  # noqa: PLC0415
    from complykit.workspace.open import open_repository  # noqa: PLC0415

    repo, errors = open_repository(path, date.today())  # noqa: DTZ011 - last-modified is today
    _warn_errors(errors)
    if model is OscalModel.SSP:
        document = ssp(repo, choose_soa(repo, soa), oscal_version.value)
    else:
        document = component_definition(repo, oscal_version.value)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    _emit(text.encode("utf-8"), output, force=force)
    return 0


@export_app.command("ics")
@exits
def ics(
    path: PathArgument = Path(),
    output: ExportOutputOption = None,
    force: ForceOption = False,
) -> int:
    """Export reviews, tasks, expiries, breach deadlines and AI Act dates as an iCalendar file."""
    from complykit.exchange.ics_export import export_ics  # noqa: PLC0415
    from complykit.workspace.open import open_repository  # noqa: PLC0415

    repo, errors = open_repository(path, date.today())  # noqa: DTZ011 - the user's today
    _warn_errors(errors)
    _emit(export_ics(repo).encode("utf-8"), output, force=force)
    return 0


def _warn_errors(errors: int) -> None:
    if errors:
        say(
            f"warning: {errors} error(s) in the workspace; the export uses the records that "
            "loaded. Run `complykit validate` for details.",
            err=True,
        )


def _emit(data: bytes, output: Path | None, *, force: bool) -> None:
    if output is None:
        # JSON is written with ensure_ascii off; its non-ASCII unsafe characters and `##` are
        # escaped the JSON way before a log sees them. The calendar has no such escape.
        data = _inert_json(data)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        with open_binary_output(output, force=force) as stream:
            stream.write(data)


def _inert_json(data: bytes) -> bytes:
    from complykit.escape import defuse, defuse_json  # noqa: PLC0415

    text = data.decode("utf-8")
    inert = defuse_json(text) if text.lstrip().startswith(("{", "[")) else defuse(text)
    return inert.encode("utf-8")


@import_app.command("register")
@exits
def register(
    source: Annotated[
        Path,
        typer.Argument(
            help="The register: a workbook (.xlsx, .ods) or a CSV file with a header row.",
            dir_okay=False,
        ),
    ],
    path: PathArgument = Path(),
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="The sheet with one activity per row; the other sheets join to it.",
            show_default="found by its headers",
            metavar="SHEET",
        ),
    ] = None,
    delimiter: DelimiterOption = None,
    dry_run: DryRunOption = False,
    strict: StrictOption = False,
) -> int:
    """Create a processing activity in register/ for each row of a spreadsheet register."""
    from complykit.exchange.register_import import import_register  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    report = import_register(
        find_root(path), source, sheet, dry_run=dry_run, strict=strict, delimiter=delimiter
    )
    _print_report(report, dry_run=dry_run)
    return report.exit_code


def _print_report(report: ImportReport, *, dry_run: bool) -> None:
    from complykit.exchange.outcome import Status  # noqa: PLC0415
    from complykit.exchange.shown import shown  # noqa: PLC0415

    def tell(message: str, *, err: bool = True) -> None:
        say(shown(message, MESSAGE_LIMIT), err=err)

    level = "error" if report.strict else "warning"
    for sheet, column in report.unknown_columns:
        tell(f"warning: sheet '{sheet}': column '{column}' is no register field; kept in notes")
    for sheet, label in report.unknown_labels:
        tell(f"warning: sheet '{sheet}': label '{label}' is no register field; kept in notes")
    for sheet, reason in report.unused_sheets:
        tell(f"warning: sheet '{sheet}' not used: {reason}")
    for sheet, warning in report.sheet_warnings:
        tell(f"warning: sheet '{sheet}': {warning}")
    for outcome in report.outcomes:
        container, unit = report.places
        where = f"{container} '{outcome.sheet}', {unit} {outcome.row}"
        if outcome.status in {Status.CREATED, Status.WOULD_CREATE}:
            verb = "created" if outcome.status is Status.CREATED else "would create"
            tell(f"{verb} {outcome.path} ({where})", err=False)
            if dry_run and outcome.text:
                say(outcome.text)
        prefix = _prefix(outcome, where, level)
        for message in outcome.messages if prefix else ():
            tell(f"{prefix}{message}")
    say(_summary(report, dry_run=dry_run), err=True)


def _prefix(outcome: Outcome, where: str, level: str) -> str | None:
    """How the import prints an outcome's messages (a reported one at ``level``); None: it
    prints none (a row joined to an activity)."""
    from complykit.exchange.outcome import Status  # noqa: PLC0415

    if outcome.status in {Status.CREATED, Status.WOULD_CREATE}:
        return f"warning: {where}: "
    if outcome.status is Status.SKIPPED:
        return f"{'warning' if outcome.warned else 'note'}: {where} skipped: "
    return f"{level}: {where} not imported: " if outcome.reported else None


def _summary(report: ImportReport, *, dry_run: bool) -> str:
    rows = len(report.outcomes)
    reported = len(report.reported)
    imported = rows - reported - report.skipped
    verb = "would be imported" if dry_run or not report.written else "imported"
    records = f"{report.records} record(s)"
    skipped = f", {report.skipped} skipped as remarks or headings" if report.skipped else ""
    tail = "; nothing was written (--strict)" if report.strict and reported else ""
    unit = report.places[1]
    return (
        f"{rows} {unit}(s) read: {imported} {verb} as {records}, {reported} reported"
        f"{skipped}{tail}."
    )


@import_app.command("dpia")
@exits
def dpia(
    source: Annotated[
        Path,
        typer.Argument(help="A CNIL PIA tool export (.json).", dir_okay=False),
    ],
    path: PathArgument = Path(),
    dry_run: DryRunOption = False,
    strict: StrictOption = False,
) -> int:
    """Create a DPIA in dpia/ and a control per measure in controls/ from a CNIL PIA export."""
    from complykit.exchange.pia_import import import_pia  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    report = import_pia(find_root(path), source, dry_run=dry_run, strict=strict)
    _print_report(report, dry_run=dry_run)
    return report.exit_code


@import_app.command("fides")
@exits
def fides(
    source: Annotated[
        Path,
        typer.Argument(help="A Fides manifest (.yml or .json) with systems.", dir_okay=False),
    ],
    path: PathArgument = Path(),
    dry_run: DryRunOption = False,
    strict: StrictOption = False,
) -> int:
    """Create a processing activity in register/ for each system of a Fides manifest."""
    from complykit.exchange.fides_import import import_fides  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    report = import_fides(find_root(path), source, dry_run=dry_run, strict=strict)
    _print_report(report, dry_run=dry_run)
    return report.exit_code


@export_app.command("fides")
@exits
def fides_export(
    path: PathArgument = Path(),
    output: ExportOutputOption = None,
    force: ForceOption = False,
) -> int:
    """Export the processing activities as a Fides manifest (systems and their taxonomy)."""
    from complykit.exchange.fides_export import export_fides  # noqa: PLC0415 - keep --help fast
    from complykit.exchange.yaml_dump import dump_text  # noqa: PLC0415
    from complykit.workspace.open import open_repository  # noqa: PLC0415

    repo, errors = open_repository(path, date.today())  # noqa: DTZ011 - dates play no part
    _warn_errors(errors)
    text = dump_text(export_fides(repo))
    _emit(text.encode("utf-8"), output, force=force)
    return 0


def _table_command(name: str) -> Callable[..., int]:
    def command(
        source: Annotated[
            Path,
            typer.Argument(
                help="A workbook (.xlsx, .ods) or CSV file with a header row.", dir_okay=False
            ),
        ],
        path: PathArgument = Path(),
        sheet: SheetOption = None,
        delimiter: DelimiterOption = None,
        dry_run: DryRunOption = False,
        strict: StrictOption = False,
    ) -> int:
        from complykit.exchange.incident_rows import INCIDENTS  # noqa: PLC0415
        from complykit.exchange.risk_rows import RISKS  # noqa: PLC0415
        from complykit.exchange.supplier_rows import SUPPLIERS  # noqa: PLC0415
        from complykit.exchange.table_import import import_table  # noqa: PLC0415
        from complykit.exchange.task_rows import TASKS  # noqa: PLC0415
        from complykit.load.discover import find_root  # noqa: PLC0415

        tables = {"suppliers": SUPPLIERS, "risks": RISKS, "incidents": INCIDENTS, "tasks": TASKS}
        table = tables[name]
        root = find_root(path)
        report = import_table(
            table, root, source, sheet, dry_run=dry_run, strict=strict, delimiter=delimiter
        )
        _print_report(report, dry_run=dry_run)
        return report.exit_code

    return command


@import_app.command("algoritmeregister")
@exits
def algoritmeregister_import(
    source: Annotated[
        Path,
        typer.Argument(
            help="A download of the Algoritmeregister: CSV (.csv) or JSON (.json).",
            dir_okay=False,
        ),
    ],
    path: PathArgument = Path(),
    dry_run: DryRunOption = False,
    strict: StrictOption = False,
) -> int:
    """Create an AI system in ai/ for each description of an Algoritmeregister download."""
    from complykit.exchange.register_bulk_import import import_register_download  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    report = import_register_download(find_root(path), source, dry_run=dry_run, strict=strict)
    _print_report(report, dry_run=dry_run)
    return report.exit_code


import_app.command(
    "suppliers", help="Create a supplier in suppliers/ for each row of a supplier register."
)(exits(_table_command("suppliers")))
import_app.command("risks", help="Create a risk in risks/ for each row of a risk register.")(
    exits(_table_command("risks"))
)
import_app.command(
    "incidents",
    help="Create an incident in incidents/ for each row of a breach register (Art. 33(5) GDPR).",
)(exits(_table_command("incidents")))
import_app.command(
    "tasks",
    help="Create a task in tasks/ for each row of a compliance calendar (jaarplanning): "
    "recurring audits, reviews, trainings and tests.",
)(exits(_table_command("tasks")))


@import_app.command("soa")
@exits
def soa_import(
    source: Annotated[
        Path,
        typer.Argument(
            help="A Statement of Applicability kept as a table (.xlsx, .ods, .csv): a control "
            "per row.",
            dir_okay=False,
        ),
    ],
    path: PathArgument = Path(),
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="The framework the table's controls belong to: id or alias. Default: the "
            "framework whose controls most rows name.",
            metavar="FRAMEWORK",
        ),
    ] = None,
    sheet: SheetOption = None,
    delimiter: DelimiterOption = None,
    dry_run: DryRunOption = False,
    strict: StrictOption = False,
) -> int:
    """Create the Statement of Applicability in soa/ from a table with a control per row."""
    from complykit.exchange.soa_import import import_soa  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    root = find_root(path)
    report = import_soa(
        root, source, framework, sheet, dry_run=dry_run, strict=strict, delimiter=delimiter
    )
    _print_report(report, dry_run=dry_run)
    return report.exit_code
