"""``--output`` files, written beside their target and moved into place; no Typer, so that
``validate``'s fast path (cli/direct.py) writes them as the full command does."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from typing import BinaryIO, TextIO


@contextmanager
def open_output(path: Path, *, force: bool) -> Iterator[TextIO]:
    """A UTF-8 text ``--output`` file, under the one overwrite policy (see `_replacing`)."""
    with _replacing(path, force=force) as temp, temp.open("x", encoding="utf-8") as stream:
        yield stream


@contextmanager
def open_binary_output(path: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A binary ``--output`` file (xlsx, PDF), under the same policy."""
    with _replacing(path, force=force) as temp, temp.open("xb") as stream:
        yield stream


@contextmanager
def _replacing(path: Path, *, force: bool) -> Iterator[Path]:
    """Refuse an existing file without --force; write beside it, then move into place.

    A failed or interrupted run never leaves half a report where a good one was, and without
    --force a file created meanwhile is still refused (a hard link never replaces its target).
    """
    from complykit.core.errors import ComplykitError  # noqa: PLC0415 - keep --help fast

    refusal = ComplykitError(
        f"{path} already exists; nothing was written", hint="Add --force to overwrite it."
    )
    if path.is_dir():
        raise ComplykitError(f"{path} is a folder; nothing was written", hint="Name a file.")
    if path.exists() and not force:
        raise refusal
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temp
        if force:
            temp.replace(path)
        else:
            try:
                os.link(temp, path)
            except FileExistsError:
                raise refusal from None
            except OSError:  # a file system without hard links: check, then move
                if path.exists():
                    raise refusal from None
                temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def refused(path: Path, *, force: bool) -> bool:
    """Whether ``open_output`` would refuse ``path`` before anything is written (checked by a
    command that would rather not do its work first)."""
    return path.is_dir() or (path.exists() and not force)
