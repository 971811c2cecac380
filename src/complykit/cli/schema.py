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
    """Write one JSON Schema per record kind (and complykit.yaml) into a folder."""
    from complykit.schema import write_schemas  # noqa: PLC0415 - keep --help fast

    for path in write_schemas(output):
        typer.echo(str(path))
    return 0
