"""``complykit init``: start a workspace."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.output import say


class CiChoice(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"


@exits
def init(
    path: Annotated[Path, typer.Argument(help="Folder for the new workspace.")] = Path(),
    organisation: Annotated[
        str, typer.Option(help="The organisation's legal name.", metavar="NAME")
    ] = ...,  # type: ignore[assignment]
    country: Annotated[
        str, typer.Option(help="Where it is established (ISO code).", metavar="CC")
    ] = "NL",
    headcount: Annotated[
        int, typer.Option(min=0, help="Staff count (GDPR Art. 30(5) depends on it).", metavar="N")
    ] = ...,  # type: ignore[assignment]
    role: Annotated[
        list[str] | None,
        typer.Option(
            help="controller and/or processor; repeat for both.", metavar="controller|processor"
        ),
    ] = None,
    framework: Annotated[
        list[str] | None,
        typer.Option(help="A catalog id in scope; repeat. Default: gdpr.", metavar="FRAMEWORK"),
    ] = None,
    language: Annotated[
        list[str] | None, typer.Option(help="Report language, en or nl; repeat.", metavar="en|nl")
    ] = None,
    authority: Annotated[
        str | None,
        typer.Option(help="The supervisory authority, outside NL and BE.", metavar="NAME"),
    ] = None,
    schema_url: Annotated[
        str | None,
        typer.Option(
            help="Point editor modelines at published schemas (a versioned https URL of a "
            "schemas/ folder) instead of copying schemas/ into the workspace.",
            show_default=False,
            metavar="URL",
        ),
    ] = None,
    ci: Annotated[
        CiChoice | None,
        typer.Option(
            "--ci",
            case_sensitive=False,
            help="Add a CI configuration at the top of the git repository: a GitHub workflow "
            "using the complykit action, or a .gitlab-ci.yml including the GitLab template.",
            show_default=False,
        ),
    ] = None,
    pre_commit: Annotated[
        bool,
        typer.Option("--pre-commit", help="Add a .pre-commit-config.yaml with the complykit hook."),
    ] = False,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo", help="Add a person and two records of a small organisation, clean as written."
        ),
    ] = False,
) -> int:
    """Create complykit.yaml, the record folders and the JSON Schemas; never overwrites."""
    from complykit.authoring.workspace_init import NewWorkspace, init_workspace  # noqa: PLC0415

    new = NewWorkspace(
        organisation=organisation,
        country=country.upper(),
        headcount=headcount,
        roles=tuple(role or ("controller",)),
        frameworks=tuple(framework or ("gdpr",)),
        languages=tuple(language or ("en",)),
        authority=authority,
        schema_url=schema_url,
        ci=ci.value if ci else None,
        pre_commit=pre_commit,
        demo=demo,
    )
    written = init_workspace(path, new)
    say(f"Created a complykit workspace in {path}: {_summary(path, written)}.")
    say("Next: add people to complykit.yaml, then records; run `complykit validate`.")
    return 0


def _summary(root: Path, written: list[Path]) -> str:
    """What init wrote, counted by what it is: the config, schemas, record folders."""
    names = [os.path.relpath(p, root) for p in written]
    schemas = sum(1 for n in names if n.startswith("schemas/"))
    folders = sum(1 for n in names if n.endswith("/.gitkeep"))
    parts = ["complykit.yaml"]
    parts += [f"{schemas} JSON Schemas in schemas/"] if schemas else []
    parts += [f"{folders} record folders"] if folders else []
    parts += [n for n in names[1:] if not n.startswith("schemas/") and not n.endswith("/.gitkeep")]
    return ", ".join(parts)
