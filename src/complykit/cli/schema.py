"""``complykit schema``: write the JSON Schemas generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.boundary import exits


@exits
def schema(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Folder to write the schemas to.", file_okay=False),
    ] = Path("schemas"),
) -> int:
    """Write one JSON Schema per record kind (and complykit.yaml) into a folder, and one per
    JSON output document (validate, diff, rules, catalog, coverage) into its output/ folder."""
    from complykit.authoring.schema import write_schemas  # noqa: PLC0415 - keep --help fast

    written = write_schemas(output, outputs=True)
    for path in written:
        typer.echo(str(path))
    typer.echo(f"Wrote {len(written)} JSON Schemas to {output}.", err=True)
    return 0
