"""The children a test forks, so that it can require them reaped.

Asking the kernel for any child at all (``waitpid(-1)``) also sees what other tests left for
``subprocess`` to reap later, which made such checks fail now and then on a loaded machine.
"""

from __future__ import annotations

import os

import pytest


class Forks:
    """Process ids forked while the test ran, by the code under test."""

    def __init__(self) -> None:
        self.pids: list[int] = []

    def all_reaped(self) -> bool:
        """Whether every child forked was waited for (a zombie or a live one is not)."""
        for pid in self.pids:
            try:
                os.waitpid(pid, os.WNOHANG)  # reaps a zombie: the check fails all the same
            except ChildProcessError:
                continue
            return False
        return True


def watch_forks(monkeypatch: pytest.MonkeyPatch) -> Forks:
    forks, fork = Forks(), os.fork

    def recorded() -> int:
        pid = fork()
        if pid:
            forks.pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded)
    return forks
