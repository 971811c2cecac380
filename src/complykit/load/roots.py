"""Where a workspace's root is, found with plain strings.

:mod:`complykit.load.discover` wraps these for the library (with errors and paths); the cached
``complykit validate`` calls them directly before it imports pathlib, so both always agree on
which workspace a command line means.
"""

from __future__ import annotations

import os

from complykit.load.names import CONFIG_FILENAME, SKIPPED_DIRS

SEARCH_DEPTH = 3  # compliance/, or docs/compliance/: deep enough, and fast in a large repository


def root_at_or_above(start: str) -> str | None:
    """The resolved folder at or above ``start`` holding complykit.yaml, if there is one."""
    if not os.path.exists(start):  # noqa: PTH110 - no pathlib on the start-up path
        return None
    folder = os.path.realpath(start)
    if os.path.isfile(folder):  # noqa: PTH113
        parent = os.path.dirname(folder)  # noqa: PTH120
        if os.path.basename(folder) == CONFIG_FILENAME:  # noqa: PTH119
            return parent
        folder = parent
    while True:
        if os.path.isfile(os.path.join(folder, CONFIG_FILENAME)):  # noqa: PTH113, PTH118
            return folder
        parent = os.path.dirname(folder)  # noqa: PTH120
        if parent == folder:
            return None
        folder = parent


def roots_below(folder: str, depth: int = SEARCH_DEPTH) -> list[str]:
    """Workspace folders up to ``depth`` levels below ``folder`` (not in one another), unsorted;
    hidden, skipped and linked folders are not entered."""
    if depth == 0:
        return []
    try:
        names = os.listdir(folder)  # noqa: PTH208 - no pathlib on the start-up path
    except OSError:
        return []
    found: list[str] = []
    for name in sorted(names):
        child = os.path.join(folder, name)  # noqa: PTH118
        if name.startswith(".") or name in SKIPPED_DIRS or not _plain_folder(child):
            continue
        if os.path.isfile(os.path.join(child, CONFIG_FILENAME)):  # noqa: PTH113, PTH118
            found.append(child)
        else:
            found += roots_below(child, depth - 1)
    return found


def _plain_folder(path: str) -> bool:
    return os.path.isdir(path) and not os.path.islink(path)  # noqa: PTH112, PTH114


def git_top(start: str) -> str | None:
    """The top folder of the git working tree holding ``start``, if any (``.git`` dir or file)."""
    folder = os.path.realpath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):  # noqa: PTH110, PTH118
            return folder
        parent = os.path.dirname(folder)  # noqa: PTH120
        if parent == folder:
            return None
        folder = parent


def probe_inside(root: str, probe: str) -> bool:
    """Whether the probe ``probe`` holds in the workspace at ``root``: a relative path names a
    regular file there, or, written with a "/" after it, a folder ("./" for the top), reached
    through links that stay inside it.

    A link that leads out counts as nothing, whether or not its target exists: a pull request
    could otherwise ask, through a path it names as evidence, which files exist on the machine
    that validates it. The question is in the probe itself, so a cached verdict is checked
    again by asking exactly what the check asked."""
    if "\0" in probe:  # no file name holds a NUL; the system calls would raise ValueError
        return False
    folder = probe.endswith("/")
    real_root = os.path.realpath(root)
    real = os.path.realpath(os.path.join(real_root, probe.rstrip("/") or "."))  # noqa: PTH118
    inside = real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)
    if not inside:
        return False
    return os.path.isdir(real) if folder else os.path.isfile(real)  # noqa: PTH112, PTH113
