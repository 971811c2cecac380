"""Run the rules over both sides of a diff at once: the base's in a forked child process.

A diff needs every rule's findings on both sides, and the rules are a sixth of a validation.
The child shares the loaded records with this process (a fork copies a page only when one side
writes to it) and sends back its findings alone. Where there is no fork, one core only, or the
child fails, the base is checked here after the head, with the same result.
"""

from __future__ import annotations

import os
import pickle
import signal
from contextlib import suppress
from dataclasses import dataclass
from typing import NoReturn

from complykit.core.findings import Finding
from complykit.diff.snapshot import checked
from complykit.workspace.repository import Repository

Findings = tuple[Finding, ...]
Side = tuple[Repository, Findings]
"""A loaded side: its repository and its loading findings."""


@dataclass(frozen=True, slots=True)
class _Child:
    pid: int
    reader: int


def check_sides(head: Side, base: Side) -> tuple[Findings, Findings]:
    """The findings of ``head`` and of ``base``, each as ``validate`` reports them."""
    child = _fork(base) if _can_fork() else None
    try:
        head_found = checked(*head)
    except BaseException:
        if child is not None:
            _abandon(child)
        raise
    base_found = _collect(child) if child is not None else None
    return head_found, checked(*base) if base_found is None else base_found


def _can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def _fork(side: Side) -> _Child | None:
    try:
        reader, writer = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        _in_child(side, reader, writer)
    os.close(writer)
    return _Child(pid, reader)


def _in_child(side: Side, reader: int, writer: int) -> NoReturn:
    code = 1
    try:
        os.close(reader)
        with os.fdopen(writer, "wb") as stream:
            stream.write(pickle.dumps(checked(*side)))
        code = 0
    finally:
        # Never return into the parent's code: no atexit handlers, no flushing its buffers.
        os._exit(code)


def _collect(child: _Child) -> Findings | None:
    """The child's findings; None when it did not finish cleanly."""
    with os.fdopen(child.reader, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    # Our own child wrote this through a private pipe: it is not input from outside.
    found = pickle.loads(payload)  # noqa: S301
    if not isinstance(found, tuple) or not all(isinstance(f, Finding) for f in found):
        return None
    return found


def _abandon(child: _Child) -> None:
    with suppress(OSError):
        os.kill(child.pid, signal.SIGKILL)
    with suppress(OSError):
        os.close(child.reader)
        os.waitpid(child.pid, 0)
