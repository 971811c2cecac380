"""``complykit init``: start a workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.output import say


@exits
def init(
    path: Annotated[Path, typer.Argument(help="Folder for the new workspace.")] = Path(),
    organisation: Annotated[str, typer.Option(help="The organisation's legal name.")] = ...,  # type: ignore[assignment]
    country: Annotated[str, typer.Option(help="Where it is established (ISO code).")] = "NL",
    headcount: Annotated[
        int, typer.Option(min=0, help="Staff count (GDPR Art. 30(5) depends on it).")
    ] = ...,  # type: ignore[assignment]
    role: Annotated[
        list[str] | None, typer.Option(help="controller and/or processor; repeat for both.")
    ] = None,
    framework: Annotated[
        list[str] | None, typer.Option(help="A catalog id in scope; repeat. Default: gdpr.")
    ] = None,
    language: Annotated[
        list[str] | None, typer.Option(help="Report language, en or nl; repeat.")
    ] = None,
    authority: Annotated[
        str | None, typer.Option(help="The supervisory authority, outside NL and BE.")
    ] = None,
) -> int:
    """Create complykit.yaml, the record folders and the JSON Schemas; never overwrites."""
    from complykit.workspace_init import NewWorkspace, init_workspace  # noqa: PLC0415

    new = NewWorkspace(
        organisation=organisation,
        country=country.upper(),
        headcount=headcount,
        roles=tuple(role or ("controller",)),
        frameworks=tuple(framework or ("gdpr",)),
        languages=tuple(language or ("en",)),
        authority=authority,
    )
    written = init_workspace(path, new)
    say(f"Created a complykit workspace in {path} ({len(written)} files).")
    say("Next: add people to complykit.yaml, then records; run `complykit validate`.")
    return 0
