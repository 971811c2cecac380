"""``complykit init``: start a workspace."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from complykit.cli.boundary import exits
from complykit.cli.output import say


class SectorChoice(StrEnum):
    PRIVATE = "private"
    PUBLIC_AUTHORITY = "public-authority"
    PUBLIC_BODY = "public-body"


class CiChoice(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"


@exits
def init(
    path: Annotated[
        Path, typer.Argument(help="Folder for the new workspace, or an existing one.")
    ] = Path(),
    organisation: Annotated[
        str | None,
        typer.Option(
            help="The organisation's legal name (required for a new workspace).", metavar="NAME"
        ),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            help="Where it is established (ISO code). Default: NL.",
            metavar="CC",
            show_default=False,
        ),
    ] = None,
    headcount: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Staff count (GDPR Art. 30(5) depends on it; required for a new workspace).",
            metavar="N",
        ),
    ] = None,
    sector: Annotated[
        SectorChoice | None,
        typer.Option(
            case_sensitive=False,
            help="public-authority for a ministry, municipality, province or water board; "
            "public-body for another body governed by public law. Public bodies must "
            "designate a DPO (GDPR Art. 37(1)(a)) and assess fundamental rights before using "
            "a high-risk AI system (AI Act Art. 27). Default: private.",
            show_default=False,
        ),
    ] = None,
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
    """Create complykit.yaml, the record folders and the JSON Schemas; never overwrites.

    In an existing workspace, --ci and --pre-commit add the files that are missing and leave
    every file that exists as it is.
    """
    from complykit.authoring import workspace_extras  # noqa: PLC0415

    if workspace_extras.is_workspace(path):
        given = {
            "--organisation": organisation,
            "--country": country,
            "--headcount": headcount,
            "--sector": sector,
            "--role": role,
            "--framework": framework,
            "--language": language,
            "--authority": authority,
            "--schema-url": schema_url,
            "--demo": demo or None,
        }
        return _extend(path, ci, pre_commit=pre_commit, given=given)
    from complykit.authoring.workspace_init import NewWorkspace, init_workspace  # noqa: PLC0415

    if organisation is None or headcount is None:
        _refuse_without(organisation=organisation, headcount=headcount)
    new = NewWorkspace(
        organisation=organisation,
        country=(country or "NL").upper(),
        headcount=headcount,
        sector=sector.value if sector else "private",
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
    say(_next_steps(demo=demo))
    return 0


def _next_steps(*, demo: bool) -> str:
    """What to do next, naming the command that starts a record: a new user has no other way
    to learn of `complykit new` from the screen."""
    people = (
        "replace the demo person in complykit.yaml with your own people"
        if demo
        else "add people to complykit.yaml"
    )
    return (
        f"Next: {people}, then start each record with `complykit new <kind> <id>` "
        "(e.g. `complykit new processing-activity pa-payroll`); run `complykit validate`."
    )


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


def _refuse_without(**required: object) -> NoReturn:
    from complykit.core.errors import ComplykitError  # noqa: PLC0415

    missing = " and ".join(f"--{name}" for name, value in required.items() if value is None)
    raise ComplykitError(
        f"{missing} {'is' if ' and ' not in missing else 'are'} required to start a workspace",
        hint='e.g. `complykit init --organisation "Acme B.V." --headcount 40`; in an existing '
        "workspace, init only adds the files of --ci and --pre-commit.",
    )


def _extend(
    root: Path, ci: CiChoice | None, *, pre_commit: bool, given: Mapping[str, object]
) -> int:
    from complykit.authoring.workspace_extras import add_extras, guide  # noqa: PLC0415

    named = [name for name, value in given.items() if value is not None]
    added = add_extras(root, ci.value if ci else None, pre_commit=pre_commit, given=named)
    names = ", ".join(os.path.relpath(p, root) for p in added.written)
    say(f"Added to the workspace in {root}: {names}." if names else "Nothing added.")
    for path in added.skipped:
        say(
            f"Skipped {os.path.relpath(path, root)}: it exists and was left as it is "
            f"({guide(path)} shows what complykit needs in it)."
        )
    if added.written:
        files = "file" if len(added.written) == 1 else "files"
        say(f"Next: replace OWNER in the new {files} with the account that hosts complykit.")
    return 0
