"""GitHub Actions workflow commands: one annotation per finding, plus a job summary."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.escape import one_line, plain
from complykit.formatters.citations import message_with_hint
from complykit.formatters.counts import summary_line
from complykit.formatters.markdown import markdown_summary
from complykit.formatters.notes import note_lines

if TYPE_CHECKING:
    from pathlib import PurePosixPath
    from typing import TextIO

    from complykit.core.findings import Finding
    from complykit.core.result import Result

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
WORKSPACE_ENV = "GITHUB_WORKSPACE"
# GitHub shows at most 10 annotations of each level per step and drops the rest; the job
# summary lists every finding.
MAX_ANNOTATIONS = 10


class GithubFormatter:
    """``::error file=…,line=…,col=…,title=CODE::message`` lines and a closing summary line.

    When ``GITHUB_STEP_SUMMARY`` names a file, the Markdown summary is appended to it.
    """

    def render(self, result: Result, stream: TextIO) -> None:
        checkout = checkout_folder()
        shown: Counter[Severity] = Counter()
        for finding in result.findings:
            shown[finding.severity] += 1
            if shown[finding.severity] <= MAX_ANNOTATIONS:
                path = annotation_path(result.root, finding.path, checkout)
                stream.write(annotation(finding, path))
                stream.write("\n")
        stream.writelines(plain(note) + "\n" for note in note_lines(result))
        stream.write(summary_line(result) + "\n")
        hidden = sum(max(0, n - MAX_ANNOTATIONS) for n in shown.values())
        if hidden:
            stream.write(
                f"{hidden} more finding(s) not annotated (GitHub shows {MAX_ANNOTATIONS} per "
                "severity); the job summary lists them all.\n"
            )
        _append_job_summary(result)


def annotation(finding: Finding, path: str) -> str:
    """One workflow command for ``finding``, with ``path`` as its ``file`` property."""
    properties = {
        "file": one_line(path),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": one_line(finding.code),
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(_message(finding))}"


def _message(finding: Finding) -> str:
    return plain(message_with_hint(finding))


def checkout_folder() -> Path:
    """The folder GitHub reads an annotation's ``file`` from: the workspace of the job.

    Not the working directory: a step with ``working-directory: compliance`` runs there, but
    the runner still resolves ``file`` from ``GITHUB_WORKSPACE``, so a path relative to the
    step's folder would point at a file that does not exist (actions/runner#765). Outside a
    workflow, the working directory.
    """
    workspace = os.environ.get(WORKSPACE_ENV, "")
    return Path(workspace) if Path(workspace).is_absolute() else Path.cwd()


def annotation_path(root: Path, path: PurePosixPath, checkout: Path) -> str:
    """``root / path`` relative to ``checkout`` when it lies under it, else in full."""
    full = root / path
    found = _relative(_absolute(full), _absolute(checkout))
    if found is None:
        try:
            found = _relative(full.resolve(), checkout.resolve())
        except (OSError, ValueError):  # a name the file system cannot encode, a link loop
            found = None
    return full.as_posix() if found is None else found


def _relative(candidate: Path, base: Path) -> str | None:
    return candidate.relative_to(base).as_posix() if candidate.is_relative_to(base) else None


def _absolute(path: Path) -> Path:
    # Unlike Path.resolve(), abspath drops ".." without following symbolic links.
    return Path(os.path.abspath(path))  # noqa: PTH100


def escape_data(value: str) -> str:
    return "".join(_DATA_ESCAPES.get(char, char) for char in value)


def escape_property(value: str) -> str:
    return "".join(_PROPERTY_ESCAPES.get(char, char) for char in value)


def _append_job_summary(result: Result) -> None:
    summary_file = os.environ.get(SUMMARY_ENV)
    if summary_file:
        with Path(summary_file).open("a", encoding="utf-8") as summary:
            summary.write(markdown_summary(result))
