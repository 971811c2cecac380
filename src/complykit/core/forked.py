"""A function run in a forked child while this process goes on, its result read back.

The child shares what this process built (a fork copies a page only when one side writes to
it), so work over the loaded records can run on the second core without shipping them
anywhere. The child sends back its pickled return value through a private pipe and leaves with
``os._exit``, never returning into the parent's code (no atexit handlers, no flushing of
buffers copied from it). A child that fails or is killed gives None, and the caller does the
work itself: the result is the same, only slower.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from contextlib import suppress
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a child would run beside this process: a fork, and a second core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class ForkedCall(Generic[T]):
    """A child computing ``work()``; ``result`` waits for it, ``abandon`` stops it."""

    __slots__ = ("pid", "reader")

    def __init__(self, pid: int, reader: int) -> None:
        self.pid = pid
        self.reader = reader

    @classmethod
    def start(cls, work: Callable[[], T]) -> ForkedCall[T] | None:
        """Fork a child that runs ``work``; None when no child could be started."""
        try:
            reader, writer = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:
            _in_child(work, reader, writer)
        os.close(writer)
        return cls(pid, reader)

    def result(self) -> T | None:
        """What ``work`` returned; None when the child did not finish cleanly."""
        with os.fdopen(self.reader, "rb") as stream:
            payload = stream.read()
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        # Our own child wrote this through a private pipe: it is not input from outside.
        found: T = pickle.loads(payload)  # noqa: S301
        return found

    def abandon(self) -> None:
        """Kill the child and reap it; its result is never read."""
        # Imported here: ``signal`` builds its enums on import (1 ms), and most runs never kill.
        import signal  # noqa: PLC0415

        with suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with suppress(OSError):
            os.close(self.reader)
        with suppress(OSError):
            os.waitpid(self.pid, 0)


def _in_child(work: Callable[[], object], reader: int, writer: int) -> NoReturn:
    code = 1
    try:
        os.close(reader)
        payload = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as stream:
            stream.write(payload)
        code = 0
    finally:
        os._exit(code)
