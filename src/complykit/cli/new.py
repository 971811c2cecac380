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
    root = find_root_or_below(path)
    draft = new_record(root, kind, record_id, output)
    count = len(draft.fields)
    typer.echo(
        f"Created {_shown(draft.path)}: {draft.kind} {record_id}, "
        f"{count} required {'field' if count == 1 else 'fields'} to fill in."
    )
    typer.echo("Next: fill in the fields, then run `complykit validate`.")
    if draft.kind == "ai-system" and not _ai_act_in_scope(root):
        typer.echo(
            "Note: the AI Act's rules check AI systems only with eu-ai-act among the "
            "`frameworks` of complykit.yaml; add it, or validate says nothing of this system."
        )
    return 0


def _ai_act_in_scope(root: Path) -> bool:
    """Whether complykit.yaml puts the AI Act in scope; an unreadable one is left to validate."""
    from complykit.workspace.open import load_config  # noqa: PLC0415 - only for an AI system

    config, _ = load_config(root)
    return config is None or "eu-ai-act" in config.frameworks


def _shown(path: Path) -> str:
    """The path relative to the current directory when it lies below it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
