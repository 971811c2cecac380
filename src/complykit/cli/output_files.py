"""``--output`` files, written beside their target and moved into place, under the policy of
``core.overwrite``; no Typer, so that ``validate``'s fast path (cli/direct.py) writes them as
the full command does."""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import TYPE_CHECKING

from complykit.core.overwrite import exists, refuse, streamed

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from typing import BinaryIO, TextIO


@contextmanager
def open_output(path: Path, *, force: bool) -> Iterator[TextIO]:
    """A UTF-8 text ``--output`` file, under the one overwrite policy (see `_replacing`); a
    device or a pipe is written in place (``core.overwrite.streamed``)."""
    if streamed(path):
        with path.open("w", encoding="utf-8") as stream:
            yield stream
        return
    with _replacing(path, force=force) as temp, temp.open("x", encoding="utf-8") as stream:
        yield stream


@contextmanager
def open_binary_output(path: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A binary ``--output`` file (xlsx, PDF), under the same policy."""
    if streamed(path):
        with path.open("wb") as stream:
            yield stream
        return
    with _replacing(path, force=force) as temp, temp.open("xb") as stream:
        yield stream


@contextmanager
def _replacing(path: Path, *, force: bool) -> Iterator[Path]:
    """Refuse an existing file without --force; write beside it, then move into place.

    A failed or interrupted run never leaves half a report where a good one was, and without
    --force a file created meanwhile is still refused (a hard link never replaces its target).
    """
    refuse(path, force=force)
    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        yield temp
        if force:
            temp.replace(path)
        else:
            try:
                os.link(temp, path)
            except FileExistsError:
                raise exists(path) from None
            except OSError:  # a file system without hard links: check, then move
                if path.exists():
                    raise exists(path) from None
                temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
