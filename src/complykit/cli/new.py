"""``complykit new``: start a record of a kind, with its modeline and required fields."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.boundary import exits


@exits
def new(
    kind: Annotated[
        str, typer.Argument(help="The record kind, e.g. processing-activity, risk or supplier.")
    ],
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The new record's id.")],
    path: Annotated[
        Path,
        typer.Argument(
            help="A workspace folder, or any path inside one.",
            show_default="the workspace around the current directory, or the only one below it",
        ),
    ] = Path(),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="File to create. It must not exist yet.",
            show_default="<folder of the kind>/<id>.yaml in the workspace",
        ),
    ] = None,
) -> int:
    """Write a new record file with its modeline and every required field; never overwrites.

    Ids are unique across the workspace: an id a record already holds is refused.
    """
    from complykit.authoring.record_draft import new_record  # noqa: PLC0415
    from complykit.load.discover import find_root_or_below  # noqa: PLC0415 - keep --help fast

    # At the repository's top, right after `init compliance`, as validate finds it there too.
    draft = new_record(find_root_or_below(path), kind, record_id, output)
    count = len(draft.fields)
    typer.echo(
        f"Created {_shown(draft.path)}: {draft.kind} {record_id}, "
        f"{count} required {'field' if count == 1 else 'fields'} to fill in."
    )
    typer.echo("Next: fill in the fields, then run `complykit validate`.")
    return 0


def _shown(path: Path) -> str:
    """The path relative to the current directory when it lies below it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
