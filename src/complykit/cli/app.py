"""The ``complykit`` command: names its commands; imports each command's module only when used."""

from __future__ import annotations

from typing import Annotated

import typer

from complykit import __version__
from complykit.cli.lazy import LazyGroup, Place
from complykit.cli.streams import prepare_streams

# In the order `--help` lists them; a test checks each summary against the command's own help.
COMMANDS = {
    "init": Place(
        "complykit.cli.init",
        "init",
        "Create complykit.yaml, the record folders and the JSON Schemas; never overwrites.",
    ),
    "new": Place(
        "complykit.cli.new",
        "new",
        "Write a new record file with its modeline and every required field; never overwrites.",
    ),
    "validate": Place(
        "complykit.cli.validate",
        "validate",
        "Validate a workspace: YAML safety, schemas, references and compliance rules.",
    ),
    "schema": Place(
        "complykit.cli.schema",
        "schema",
        "Write one JSON Schema per record kind (and complykit.yaml) into a folder, and one per "
        "JSON output document (validate, diff, rules, catalog, coverage) into its output/ folder.",
    ),
    "coverage": Place(
        "complykit.cli.coverage",
        "coverage",
        "Show which requirements the implemented controls of your SoAs meet, via catalog mappings.",
    ),
    "diff": Place(
        "complykit.cli.diff",
        "diff",
        "Compare the workspace with a git revision: records, findings and notable changes.",
    ),
    "report": Place(
        "complykit.cli.report",
        "report",
        "Render an audit-ready report of the workspace in English or Dutch, or the audit pack.",
    ),
    "rules": Place(
        "complykit.cli.rules",
        "rules",
        "List every rule: code, name, severity, what it checks and what it cites.",
    ),
    "explain": Place(
        "complykit.cli.rules",
        "explain",
        "Explain one finding code: what it checks, when it fires, and the provisions it cites.",
    ),
    "catalog": Place(
        "complykit.cli.catalog",
        "app",
        "Browse the frameworks, controls and mappings complykit knows.",
    ),
    "soa": Place(
        "complykit.cli.soa",
        "app",
        "Work with Statements of Applicability (ISO/IEC 27001 clause 6.1.3 d)).",
    ),
    "export": Place(
        "complykit.cli.exchange",
        "export_app",
        "Export records in a format other registers take.",
    ),
    "import": Place(
        "complykit.cli.exchange",
        "import_app",
        "Import records from the spreadsheets and tools they were kept in before.",
    ),
}


class _Commands(LazyGroup):
    places = COMMANDS


app = typer.Typer(
    cls=_Commands,  # each command module is imported when its command runs
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="complykit",
    help="Compliance as code: GDPR/AVG registers, AI systems, risks and ISO Statements of "
    "Applicability as YAML, validated in CI.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # records hold personal data: never print locals
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, pwsh
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"complykit {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Compliance as code for GDPR/AVG, the EU AI Act and ISO management systems."""


def main() -> None:
    prepare_streams()
    # The same name in help and completion whether started as `complykit` or `python -m`.
    app(prog_name="complykit")
