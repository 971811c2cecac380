"""Find the workspace root and the YAML files below it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from complykit.errors import ComplykitError

CONFIG_FILENAME = "complykit.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# Folders that never hold records: VCS data, environments, and the workspace's own catalogs.
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "catalogs", "site"})


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


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                yield Path(folder, name)


def relative(root: Path, path: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(root).as_posix())


def record_files(root: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """Every record file below ``root`` in a stable order, minus the config and exclusions."""
    patterns = tuple(exclude)
    found = []
    for path in _walk(root):
        rel = relative(root, path).as_posix()
        if rel == CONFIG_FILENAME or any(fnmatch(rel, p) for p in patterns):
            continue
        found.append(path)
    return found
