"""Expected, user-facing errors that stop a run before any finding exists (exit code 2)."""

from __future__ import annotations


class ComplykitError(Exception):
    """A usage, configuration or I/O problem; the message is shown to the user as is."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
