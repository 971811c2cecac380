"""The ``complykit`` command: joins the command modules; imports nothing heavy at start-up."""

from __future__ import annotations

from typing import Annotated

import typer

from complykit import __version__
from complykit.cli import catalog, exchange, soa
from complykit.cli.coverage import coverage
from complykit.cli.diff import diff
from complykit.cli.init import init
from complykit.cli.new import new
from complykit.cli.report import report
from complykit.cli.rules import explain, rules
from complykit.cli.schema import schema
from complykit.cli.streams import prepare_streams
from complykit.cli.validate import validate

app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="complykit",
    help="Compliance as code: GDPR/AVG registers, AI systems, risks and ISO Statements of "
    "Applicability as YAML, validated in CI.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # records hold personal data: never print locals
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, pwsh
)
app.command()(init)
app.command()(new)
app.command()(validate)
app.command()(schema)
app.add_typer(catalog.app)
app.add_typer(soa.app)
app.add_typer(exchange.export_app)
app.add_typer(exchange.import_app)
app.command()(coverage)
app.command()(diff)
app.command()(report)
app.command()(rules)
app.command()(explain)


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
