"""Find the workspace root and the YAML files below it.

The walk is iterative and bounded: a folder nested deeper than ``MAX_FOLDER_DEPTH``, a folder
that cannot be listed (a path too long for the system, no permission) and a linked folder are
reported, never silently skipped, since a record that was not read must not look clean.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from complykit.core.errors import ComplykitError

CONFIG_FILENAME = "complykit.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# Folders that never hold records: VCS data, environments, and the workspace's own catalogs.
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "catalogs", "site"})
MAX_FOLDER_DEPTH = 32


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding complykit.yaml."""
    if not start.exists():
        raise ComplykitError(f"{start}: no such file or directory")
    folder = start.resolve()
    if folder.is_file():
        if folder.name == CONFIG_FILENAME:
            return folder.parent
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILENAME).is_file():
            return candidate
    raise ComplykitError(
        f"{start}: not inside a complykit workspace (no {CONFIG_FILENAME} here or above)",
        hint="Pass the workspace folder, or create complykit.yaml (see the README).",
    )


_SEARCH_DEPTH = 3  # compliance/, or docs/compliance/: deep enough, and fast in a large repository


def find_root_or_below(start: Path) -> Path:
    """``find_root``, or else the one workspace in a folder up to three levels below ``start``.

    Lets ``complykit validate`` (and the pre-commit hook, which runs at the repository root)
    find ``compliance/complykit.yaml`` without being told; several candidates are a usage error.
    """
    try:
        return find_root(start)
    except ComplykitError as outside:
        found = sorted(_configs_below(start.resolve(), _SEARCH_DEPTH))
        if len(found) == 1:
            return found[0]
        if not found:
            raise outside from None
        names = ", ".join(str(p.relative_to(start.resolve())) for p in found)
        raise ComplykitError(
            f"{start}: several complykit workspaces below: {names}",
            hint="Name the one to validate as PATH.",
        ) from None


def _configs_below(folder: Path, depth: int) -> Iterator[Path]:
    if depth == 0:
        return
    try:
        children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return
    for child in children:
        if child.name.startswith(".") or child.name in SKIPPED_DIRS:
            continue
        if (child / CONFIG_FILENAME).is_file():
            yield child
        else:
            yield from _configs_below(child, depth - 1)


def git_top_level(start: Path) -> Path | None:
    """The top folder of the git working tree holding ``start``, if any (``.git`` dir or file)."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A folder below the root that was not read, and why."""

    path: PurePosixPath
    reason: str


@dataclass(slots=True)
class Discovery:
    """The YAML files found, in a stable order, and the folders that could not be read."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def relative(root: Path, path: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(root).as_posix())


def discover(root: Path, exclude: Iterable[str] = ()) -> Discovery:
    """Every record file below ``root`` minus the config and exclusions, and what was skipped."""
    patterns = tuple(exclude)
    found = Discovery()
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
    except OSError as error:
        reason = f"the folder cannot be read: {error.strerror or type(error).__name__}"
        found.skipped.append(Skipped(relative(root, folder), reason))
        return []
    subfolders = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            if entry.name not in SKIPPED_DIRS:
                subfolders.append(path)
        elif entry.name.endswith(YAML_SUFFIXES) and not _excluded(root, path, patterns):
            found.files.append(path)
        elif entry.is_symlink() and _links_to_dir(path) and entry.name not in SKIPPED_DIRS:
            reason = "a linked folder is not followed; move the records into the workspace"
            found.skipped.append(Skipped(relative(root, path), reason))
    return subfolders


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _links_to_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _excluded(root: Path, path: Path, patterns: tuple[str, ...]) -> bool:
    rel = relative(root, path).as_posix()
    return rel == CONFIG_FILENAME or any(fnmatch(rel, p) for p in patterns)


def record_files(root: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """Every record file below ``root`` in a stable order, minus the config and exclusions."""
    return discover(root, exclude).files
