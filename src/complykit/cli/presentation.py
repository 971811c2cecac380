"""Everything the bytes of a rendered ``validate`` result depend on, besides the result.

A kept rendering (``cache/rendered.py``) is written again only for the same presentation: the
format and fail-on level, the workspace, the current and the git top folder and the job's
``GITHUB_WORKSPACE`` (paths in the CI formats), and for the text format what Rich reads to
decide colour and width (the variables below, whether stdout is a terminal, the terminal's
size, the encoding) and Rich's own files.
Built from plain strings: the start-up path computes it before importing anything heavy.
"""

from __future__ import annotations

import os
import sys

from complykit.load.roots import git_top

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing itself costs a millisecond on the start-up path
    from typing import TextIO

# What rich.console.Console reads from the environment (checked against Rich 13-15).
RICH_ENVIRONMENT = (
    "FORCE_COLOR",
    "NO_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "TERM",
    "COLORTERM",
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
)
# The github format also appends a summary to this file: a kept text cannot do that.
STEP_SUMMARY = "GITHUB_STEP_SUMMARY"
# Where the github format's annotations are relative to (formatters/github.checkout_folder).
JOB_WORKSPACE = "GITHUB_WORKSPACE"


def presentation(output_format: str, fail_on: str, root: str, stream: TextIO) -> str | None:
    """The presentation of a result of the workspace at the resolved ``root`` written to
    ``stream``, as one string; None when the output has effects beyond its text."""
    if output_format == "github" and os.environ.get(STEP_SUMMARY):
        return None
    parts = [output_format, fail_on, root, _current_folder(), git_top(root) or ""]
    if output_format == "github":
        parts.append(f"{JOB_WORKSPACE}={os.environ.get(JOB_WORKSPACE)}")
    if output_format == "text":
        parts += [_terminal(stream), _rich_files()]
        parts += [f"{name}={os.environ.get(name)}" for name in RICH_ENVIRONMENT]
    return "\0".join(parts)


def _current_folder() -> str:
    try:
        return os.getcwd()  # noqa: PTH109 - no pathlib on the start-up path
    except OSError:  # removed since the run started: a presentation of its own
        return "\0"


def _terminal(stream: TextIO) -> str:
    isatty = getattr(stream, "isatty", None)
    tty = bool(isatty()) if isatty is not None else False
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return f"tty={tty} size={_size()} encoding={encoding.lower()}"


def _size() -> str:
    # As Rich measures: the first standard stream that is a terminal.
    for descriptor in (0, 1, 2):
        try:
            columns, lines = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):
            continue
        return f"{columns}x{lines}"
    return ""


def _rich_files() -> str:
    """Where Rich would be imported from, with its size and time: an upgrade is a miss."""
    for folder in sys.path:
        module = os.path.join(folder or ".", "rich", "console.py")  # noqa: PTH118
        try:
            info = os.stat(module)  # noqa: PTH116
        except OSError:
            continue
        return f"{module}:{info.st_size}:{info.st_mtime_ns}"
    return ""
