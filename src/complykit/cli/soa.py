"""``complykit soa``: draft a Statement of Applicability from a framework's catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.options import DeprecatedWorkspaceOption, PathArgument, workspace_argument
from complykit.cli.output import say

app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="soa",
    help="Work with Statements of Applicability (ISO/IEC 27001 clause 6.1.3 d)).",
    no_args_is_help=True,
)


@app.command("init")
@exits
def init(
    framework: Annotated[
        str, typer.Argument(help="Framework id or alias, e.g. iso27001-2022 or iso42001-2023.")
    ],
    path: PathArgument = Path(),
    workspace: DeprecatedWorkspaceOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="File to create. It must not exist yet.",
            show_default="soa/<framework>.yaml in the workspace",
        ),
    ] = None,
) -> int:
    """Add a Statement of Applicability listing every control, each still to decide."""
    from complykit.authoring.scaffold import init_soa  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415 - keep --help fast

    root = find_root(workspace_argument(path, workspace))
    draft = init_soa(root, framework, output)
    say(f"Created {_shown(draft.path)}: {draft.controls} controls of {draft.framework}.")
    say("Next: decide `applicable` and `status` per control, then run `complykit validate`.")
    return 0


def _shown(path: Path) -> str:
    """The path relative to the current directory when it lies below it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
