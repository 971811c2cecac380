"""Whether a path that enters a repository leaves it again through a link.

A pull request can commit a link anywhere in its tree: ``data/register.csv`` to a runner's
credentials, ``site`` to a folder outside the checkout. A path that never enters the repository
(``~/Downloads/register.xlsx``) is what the user chose; one that enters it must stay inside, and
out of its ``.git`` folder (where ``actions/checkout`` leaves the token it fetched with).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from complykit.load.roots import git_top


def git_repository(folder: Path | str) -> Path | None:
    """The real git working tree around ``folder``, if there is one."""
    top = git_top(os.path.realpath(folder))
    return Path(top) if top is not None else None


def repository(folder: Path | str) -> Path:
    """The real git working tree around ``folder``, or the real folder where it is in none."""
    return git_repository(folder) or Path(os.path.realpath(folder))


def area_left(path: Path, areas: Iterable[Path]) -> Path | None:
    """The first of ``areas`` (real paths) that ``path``, followed one part at a time, enters and
    then leaves through a link, or leaves into its ``.git`` folder; None when there is none.
    Going up with ``..`` is the path as written, not a link, and leaves nothing."""
    return next((area for area in areas if _leaves(path, area)), None)


def _leaves(path: Path, area: Path) -> bool:
    git_folder = area / ".git"
    absolute = path.absolute()
    current = Path(absolute.anchor)
    entered = False
    for part in absolute.parts[1:]:
        try:
            current = (current / part).resolve()
        except (OSError, RuntimeError):  # a loop of links: reading or writing it says so
            return False
        inside = current.is_relative_to(area) and not current.is_relative_to(git_folder)
        if part == ".." or not entered:
            entered = inside
        elif not inside:
            return True
    return False
