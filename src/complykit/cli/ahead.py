"""Parse the working tree's files while a command imports the models, rules and writers.

Importing what loading and checking need takes 0.1-0.2 s, and until parse workers exist the
second core sits idle through it. ``validate`` forks its workers first (``load.early``); the
other commands that load the working tree do the same through ``parsed_ahead``. The workers
are only a head start, never trusted: loading takes them over when it loads the same root
with the same exclusions, and whatever was not taken is stopped when the command ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def parsed_ahead(path: Path, *, working_tree: bool = True) -> Iterator[None]:
    """Start parsing the files of the workspace around ``path`` (unless the command reads
    another revision instead of the working tree), and stop workers left untaken."""
    from complykit.load import early  # noqa: PLC0415 - imports PyYAML: not for --help

    if working_tree:
        from complykit.core.errors import ComplykitError  # noqa: PLC0415
        from complykit.load.discover import find_root  # noqa: PLC0415

        with suppress(ComplykitError, OSError):  # reported by the command itself, in its place
            early.start(find_root(path))
    try:
        yield
    finally:
        early.discard()
