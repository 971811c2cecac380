"""Standard streams made fit for any operator environment before a command runs.

A CI job may give complykit a closed stdout (``>&-``) or a pipe in cp1252 or latin-1. Text
the encoding cannot hold is written as a backslash escape rather than raising, and a missing
stream is replaced by the null device, so neither becomes a traceback or exit code 3.
"""

from __future__ import annotations

import io
import os
import sys


def prepare_streams() -> None:
    """Make stdout and stderr safe to write to, whatever the process was given."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115, PTH123
        elif isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
