"""The error boundary: expected errors exit 2 with one line, bugs exit 3 without a traceback."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec

import typer

P = ParamSpec("P")
DEBUG_ENV = "COMPLYKIT_DEBUG"


def _stderr(message: str) -> None:
    from complykit.escape import plain  # noqa: PLC0415 - keep start-up light

    # Error messages quote paths and values from the workspace: escape them like any output.
    typer.echo(plain(message), err=True)


def silence_stdout() -> None:
    """After the reader went away (``complykit ... | head``): stop quietly, as cat does."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def report_bug(error: Exception) -> int:
    """Say in one line that ``error`` is a bug and return exit code 3; re-raise when debugging."""
    if os.environ.get(DEBUG_ENV):
        raise error
    _stderr(f"internal error: {type(error).__name__}: {error}")
    _stderr(f"This is a bug in complykit. Rerun with {DEBUG_ENV}=1 for the traceback.")
    return 3


def exits(command: Callable[P, int]) -> Callable[P, None]:
    """Run a command that returns an exit code; turn errors into the documented exit codes."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        from complykit.core.errors import ComplykitError  # noqa: PLC0415 - keep start-up light

        try:
            code = command(*args, **kwargs)
        except ComplykitError as error:
            _stderr(f"error: {error.message}")
            if error.hint:
                _stderr(f"hint: {error.hint}")
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.BadParameter, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            silence_stdout()
            raise typer.Exit(1) from None
        except OSError as error:
            # Reading the workspace never raises (unreadable files are findings), so an OSError
            # here is about a path the user gave: an output file or folder.
            where = f": {error.filename}" if error.filename else ""
            _stderr(f"error: {error.strerror or error}{where}")
            raise typer.Exit(2) from None
        except Exception as error:  # noqa: BLE001 - a bug: one line, exit 3
            raise typer.Exit(report_bug(error)) from None
        raise typer.Exit(code)

    return wrapper
