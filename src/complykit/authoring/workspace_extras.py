"""``complykit init --ci`` or ``--pre-commit`` in a workspace that exists: add what is missing.

A workspace started without CI gets it later the same way a new one does. complykit.yaml and
the record folders are not touched; each CI or pre-commit file that already exists is left as
it is and named as skipped, so a pipeline someone wrote is never replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from complykit.authoring.extras import ci_files, repository_top
from complykit.authoring.scaffold import write_new
from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.load.discover import CONFIG_FILENAME, git_top_level

_ADD_LATER = (
    "to add CI or pre-commit files to it, run `complykit init --ci github` (or gitlab) "
    "or `complykit init --pre-commit` in it."
)


@frozen
class Added:
    """What init added to an existing workspace, and the files it found there already."""

    written: tuple[Path, ...]
    skipped: tuple[Path, ...]


def is_workspace(root: Path) -> bool:
    return (root / CONFIG_FILENAME).exists()


def add_extras(root: Path, ci: str | None, *, pre_commit: bool, given: Sequence[str]) -> Added:
    """Write the CI and pre-commit files asked for that do not exist yet; skip the others.

    ``given`` names the options that only shape a new workspace; any of them is refused, as
    is asking for nothing, before anything is written.
    """
    config = root / CONFIG_FILENAME
    if ci is None and not pre_commit:
        raise ComplykitError(
            f"{config} already exists; init never overwrites a file; nothing was written",
            hint=f"Edit the existing file; {_ADD_LATER}",
        )
    if given:
        raise ComplykitError(
            f"{config} already exists, so {', '.join(given)} would change nothing; "
            "nothing was written",
            hint="Edit complykit.yaml to change the workspace; "
            "pass only --ci or --pre-commit to add their files.",
        )
    top, workspace = repository_top(root, git_top_level(root))
    files = {
        top / name: text
        for name, text in ci_files(ci, pre_commit=pre_commit, workspace=workspace).items()
    }
    # A link counts as a file: never write through it, wherever it leads.
    skipped = [path for path in files if path.exists() or path.is_symlink()]
    written = []
    for path, text in files.items():
        if path not in skipped:
            write_new(path, text, inside=top)
            written.append(path)
    return Added(tuple(written), tuple(skipped))


def guide(path: Path) -> str:
    """The page that shows how to add complykit to an existing CI or pre-commit file."""
    return (
        "docs/guides/pre-commit.md"
        if path.name == ".pre-commit-config.yaml"
        else "docs/guides/ci.md"
    )
