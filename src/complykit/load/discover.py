"""Find the workspace root and the YAML files below it.

The walk is iterative and bounded: a folder nested deeper than ``MAX_FOLDER_DEPTH``, a folder
that cannot be listed (a path too long for the system, no permission) and a linked folder are
reported, never silently skipped, since a record that was not read must not look clean.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.load.files import FOLDER_VANISHED
from complykit.load.names import CONFIG_FILENAME, MAX_FOLDER_DEPTH, SKIPPED_DIRS, YAML_SUFFIXES
from complykit.load.roots import git_top, root_at_or_above, roots_below


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding complykit.yaml."""
    if not start.exists():
        raise ComplykitError(f"{start}: no such file or directory")
    found = root_at_or_above(str(start))
    if found is None:
        folder = start if start.is_dir() else start.parent
        if (folder / CONFIG_FILENAME).is_dir():
            raise ComplykitError(
                f"{folder / CONFIG_FILENAME} is a folder, not the workspace's configuration",
                hint="complykit.yaml must be a file: see the README for what it holds.",
            )
        raise ComplykitError(
            f"{start}: not inside a complykit workspace (no {CONFIG_FILENAME} here or above)",
            hint="Pass the workspace folder, or create complykit.yaml (see the README).",
        )
    return Path(found)


def find_root_or_below(start: Path) -> Path:
    """``find_root``, or else the one workspace in a folder up to three levels below ``start``.

    Lets ``complykit validate`` (and the pre-commit hook, which runs at the repository root)
    find ``compliance/complykit.yaml`` without being told; several candidates are a usage error.
    """
    try:
        return find_root(start)
    except ComplykitError as outside:
        found = sorted(Path(p) for p in roots_below(str(start.resolve())))
        if len(found) == 1:
            return found[0]
        if not found:
            raise outside from None
        names = ", ".join(str(p.relative_to(start.resolve())) for p in found)
        raise ComplykitError(
            f"{start}: several complykit workspaces below: {names}",
            hint="Name the one to validate as PATH.",
        ) from None


def git_top_level(start: Path) -> Path | None:
    """The top folder of the git working tree holding ``start``, if any (``.git`` dir or file)."""
    found = git_top(str(start))
    return Path(found) if found is not None else None


@frozen
class Skipped:
    """A folder below the root that was not read, and why."""

    path: PurePosixPath
    reason: str


class Discovery:
    """The YAML files found, in a stable order, and the folders that could not be read."""

    __slots__ = ("relatives", "root", "skipped")

    def __init__(self, root: Path) -> None:
        self.root = root
        self.relatives: list[str] = []
        """Each file's path below ``root`` as POSIX text, as findings and the cache name it."""
        self.skipped: list[Skipped] = []

    @property
    def files(self) -> list[Path]:
        """The files as paths to open, made when asked for: a run answered mostly from the
        cache opens a few, and making a path object for each of 10,000 files took 17 ms."""
        root = self.root
        return [root / relative for relative in self.relatives]


def relative(root: Path, path: Path) -> PurePosixPath:
    """``path`` below ``root``, as a POSIX path relative to it."""
    return PurePosixPath(relative_text(root, path))


def relative_text(root: Path, path: Path) -> str:
    """``relative`` as text. Cut as text where it can: ``relative_to`` parses both paths
    again, and a cached run and a diff ask for every file of the workspace."""
    prefix, text = f"{root}{os.sep}", str(path)
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def discover(root: Path, exclude: Iterable[str] = ()) -> Discovery:
    """Every record file below ``root`` minus the config and exclusions, and what was skipped."""
    patterns = tuple(exclude)
    found = Discovery(root)
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        subfolders = _scan(root, folder, found, patterns)
        if subfolders and depth >= MAX_FOLDER_DEPTH:
            reason = f"folders nested deeper than {MAX_FOLDER_DEPTH} levels are not read"
            found.skipped.append(Skipped(relative(root, folder), reason))
            continue
        stack.extend((sub, depth + 1) for sub in reversed(subfolders))
    return found


def _scan(root: Path, folder: Path, found: Discovery, patterns: tuple[str, ...]) -> list[Path]:
    """Add ``folder``'s YAML files to ``found``; return its subfolders, sorted."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except FileNotFoundError:  # it was found when its parent was listed
        found.skipped.append(Skipped(relative(root, folder), FOLDER_VANISHED))
        return []
    except OSError as error:
        reason = f"the folder cannot be read: {error.strerror or type(error).__name__}"
        found.skipped.append(Skipped(relative(root, folder), reason))
        return []
    subfolders = []
    # The folder's path relative to the root, once: relative_to per file cost as much as
    # the rest of discovery.
    inside = relative(root, folder).as_posix()
    prefix = "" if inside == "." else f"{inside}/"
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            if entry.name not in SKIPPED_DIRS:
                subfolders.append(Path(entry.path))
        elif entry.name.endswith(YAML_SUFFIXES) and not _excluded(prefix + entry.name, patterns):
            found.relatives.append(prefix + entry.name)
        elif _linked_folder(entry):
            reason = "a linked folder is not followed; move the records into the workspace"
            found.skipped.append(Skipped(relative(root, Path(entry.path)), reason))
    return subfolders


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _linked_folder(entry: os.DirEntry[str]) -> bool:
    return entry.is_symlink() and entry.name not in SKIPPED_DIRS and _links_to_dir(Path(entry.path))


def _links_to_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    return rel == CONFIG_FILENAME or any(fnmatch(rel, p) for p in patterns)


def record_files(root: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """Every record file below ``root`` in a stable order, minus the config and exclusions."""
    return discover(root, exclude).files


__all__ = [  # the names are re-exported: the library imports them from here
    "CONFIG_FILENAME",
    "MAX_FOLDER_DEPTH",
    "SKIPPED_DIRS",
    "YAML_SUFFIXES",
    "Discovery",
    "Skipped",
    "discover",
    "find_root",
    "find_root_or_below",
    "git_top_level",
    "record_files",
    "relative",
]
