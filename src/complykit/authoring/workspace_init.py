"""``complykit init``: a new workspace with a valid complykit.yaml, folders and schemas.

Nothing is ever overwritten: an existing complykit.yaml stops the command before any write.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from complykit.authoring.config_words import config_words, scale_text
from complykit.authoring.extras import (
    CI_CHOICES,
    ci_files,
    demo_person,
    demo_records,
    repository_top,
)
from complykit.authoring.modeline import modeline, schema_file, schema_target, schema_url
from complykit.authoring.scaffold import scalar, write_new
from complykit.authoring.schema import refuse_foreign_schemas, write_schemas
from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.load.discover import CONFIG_FILENAME, git_top_level
from complykit.load.yaml_file import parse_yaml
from complykit.model.config import WorkspaceConfig

# Supervisory authorities complykit knows by country; elsewhere the user names theirs.
AUTHORITIES = {
    "NL": "Autoriteit Persoonsgegevens",
    "BE": "Gegevensbeschermingsautoriteit / Autorité de protection des données",
}
FOLDERS = (
    "register",
    "ai",
    "risks",
    "soa",
    "dpia",
    "incidents",
    "suppliers",
    "tasks",
    "controls",
    "waivers",
    "evidence",
)
_APPETITE = 8


@frozen
class NewWorkspace:
    """What ``complykit init`` asks for; everything else gets a sensible default to edit."""

    organisation: str
    country: str
    headcount: int
    sector: str = "private"
    """``private``, ``public-authority`` or ``public-body`` (``organisation.sector``)."""
    roles: Sequence[str] = ("controller",)
    frameworks: Sequence[str] = ("gdpr",)
    languages: Sequence[str] = ("en",)
    authority: str | None = None
    schema_url: str | None = None
    """A published, versioned schemas folder for modelines; None copies schemas/ in."""
    ci: str | None = None
    """``github`` or ``gitlab``: add a CI configuration at the repository's top."""
    pre_commit: bool = False
    demo: bool = False
    """Add a person and a few records of a small organisation, clean as written."""


def config_text(new: NewWorkspace) -> str:
    """A complykit.yaml that validates as written, with comments saying what to fill in."""
    authority = new.authority or AUTHORITIES.get(new.country)
    if authority is None:
        raise ComplykitError(
            f"complykit does not know the supervisory authority for {new.country}",
            hint="Pass --authority with its name.",
        )
    words = config_words(new.languages)
    return f"""\
{modeline(_config_schema(new))}
complykit: 1
organisation:
  name: {scalar(new.organisation)}
  country: {new.country}
  roles: [{", ".join(new.roles)}]
  sector: {new.sector}{_sector_comment(new, words.sector)}
  headcount: {new.headcount}
{_contact(words.contact)}
  supervisory_authority:
    name: {scalar(authority)}
    country: {new.country}
frameworks: [{", ".join(new.frameworks)}]
languages: [{", ".join(new.languages)}]
{_people(new, words.people)}
risk_method:  # {words.risk_method}
{scale_text(words, _APPETITE)}"""


def _sector_comment(new: NewWorkspace, comment: str) -> str:
    """The comment naming the other sectors, for the default only: a sector chosen on the
    command line needs no reminder."""
    return f"  # {comment}" if new.sector == "private" else ""


def _contact(words: tuple[str, str, str]) -> str:
    """The contact details an Art. 30 register opens with, as lines to fill in: without them
    the register a report prints names the organisation but no way to reach it."""
    comment, address, email = words
    return f"  # {comment}\n  # address: {address}\n  # privacy_contact: {email}"


def _people(new: NewWorkspace, comment: str) -> str:
    if new.demo:
        return "people:\n" + demo_person(_first(new.languages)).rstrip("\n")
    return f"people: []  # {comment}"


def _config_schema(new: NewWorkspace) -> str:
    if new.schema_url is None:
        return f"schemas/{schema_file('config')}"
    try:
        return schema_url(new.schema_url, "config")
    except ValueError as error:
        raise ComplykitError(str(error), hint="Pass --schema-url https://…/schemas") from None


def init_workspace(root: Path, new: NewWorkspace, today: date | None = None) -> list[Path]:
    """Create the workspace at ``root``; returns what was written. Refuses an existing one.

    Every check runs before the first write, so a refusal leaves the disk untouched.
    """
    config = root / CONFIG_FILENAME
    text = config_text(new)
    _check_valid(text)
    top, workspace = repository_top(root, git_top_level(root))
    extras = {top / name: body for name, body in _extra_files(new, workspace).items()}
    demo = [root / name for name in _DEMO_PATHS] if new.demo else []
    taken = [path for path in (config, *extras, *demo) if path.exists()]
    if taken:
        raise ComplykitError(
            f"{taken[0]} already exists; init never overwrites a file; nothing was written",
            hint="Edit the existing file, or start the workspace in another folder.",
        )
    _refuse_links(root, ["schemas", *FOLDERS])
    if new.schema_url is None:
        refuse_foreign_schemas(root / "schemas")
    write_new(config, text, inside=root)
    written = [config]
    if new.schema_url is None:
        written += write_schemas(root / "schemas")
    written += _keep_folders(root)
    for path, body in extras.items():
        write_new(path, body, inside=top)
        written.append(path)
    if new.demo:
        day = today or date.today()  # noqa: DTZ011 - a calendar day
        written += _write_demo(root, day, _first(new.languages))
    return written


_DEMO_PATHS = ("register/pa-newsletter.yaml", "suppliers/sup-mailer.yaml")


def _extra_files(new: NewWorkspace, workspace: PurePosixPath) -> dict[str, str]:
    if new.ci is not None and new.ci not in CI_CHOICES:
        raise ComplykitError(f"unknown CI '{new.ci}'", hint=f"Choose {' or '.join(CI_CHOICES)}.")
    return ci_files(new.ci, pre_commit=new.pre_commit, workspace=workspace)


def _keep_folders(root: Path) -> list[Path]:
    written = []
    for folder in FOLDERS:
        keep = root / folder / ".gitkeep"
        if not (root / folder).exists():
            keep.parent.mkdir(parents=True)
            keep.touch()
            written.append(keep)
    return written


def _first(languages: Sequence[str]) -> str:
    return languages[0] if languages else "en"


def _write_demo(root: Path, today: date, language: str) -> list[Path]:
    targets = {
        kind: schema_target(root, root / folder, kind)
        for kind, folder in (("processing-activity", "register"), ("supplier", "suppliers"))
    }
    written = []
    for name, body in demo_records(today, targets, language).items():
        write_new(root / name, body, inside=root)
        written.append(root / name)
    return written


def _refuse_links(root: Path, folders: list[str]) -> None:
    """init writes into these folders: none may be a link, which could lead anywhere."""
    for name in folders:
        if (root / name).is_symlink():
            raise ComplykitError(
                f"{root / name} is a symbolic link; init writes only into real folders",
                hint="Replace the link with a folder, or init the workspace elsewhere.",
            )


def _check_valid(text: str) -> None:
    """The generated config must validate; options that break it are usage errors."""
    parsed = parse_yaml(PurePosixPath(CONFIG_FILENAME), text.encode())
    try:
        WorkspaceConfig.model_validate(parsed.documents[0].data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ComplykitError(
            f"the options make an invalid complykit.yaml: {where}: {first['msg']}"
        ) from None
