"""``complykit validate`` answered from the result cache before Typer is imported.

Importing Typer, the command modules and their options costs more than reading a stored result;
a pre-commit hook on an unchanged workspace should pay for neither. This path understands only
the plain options (PATH, ``--format``, ``--fail-on``, ``--as-of``, ``--jobs``) and only a clean
hit: anything else it does not understand, any cache note, any miss returns None, and the full
command runs as if this module did not exist. What it writes is what the full command writes,
through the same formatters.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.formatters import FORMATTERS

if TYPE_CHECKING:
    from complykit.core.result import Result

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OPTIONS = {
    "--format": "format",
    "-f": "format",
    "--fail-on": "fail_on",
    "--as-of": "as_of",
    "--jobs": "jobs",
    "-j": "jobs",
}


@dataclass(frozen=True, slots=True)
class Request:
    """The options of a ``validate`` command line this path can answer."""

    path: Path | None
    output_format: str
    fail_on: str
    as_of: date


def parse(arguments: list[str]) -> Request | None:
    """The request, or None for anything the full command must parse (and perhaps refuse)."""
    values: dict[str, str] = {}
    paths: list[str] = []
    words = iter(arguments)
    for word in words:
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name in _OPTIONS and _OPTIONS[name] not in values:
            values[_OPTIONS[name]] = value if equals else next(words, "")
        elif word.startswith("-") or paths:
            return None
        else:
            paths.append(word)
    return _request(paths, values)


def _request(paths: list[str], values: dict[str, str]) -> Request | None:
    output_format = values.get("format", _default_format()).lower()
    fail_on = values.get("fail_on", "error")
    jobs = values.get("jobs", "1")
    as_of = _day(values.get("as_of"))
    if output_format not in FORMATTERS or fail_on not in {"error", "warning"} or as_of is None:
        return None
    if not (jobs.isascii() and jobs.isdigit() and int(jobs) >= 1):
        return None
    return Request(Path(paths[0]) if paths else None, output_format, fail_on, as_of)


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _day(value: str | None) -> date | None:
    if value is None:
        return date.today()  # noqa: DTZ011 - a calendar date in the user's own zone is meant
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def answer(arguments: list[str]) -> int | None:
    """Write the stored result and return the exit code; None when the full command must run."""
    request = parse(arguments)
    if request is None:
        return None
    from complykit.cli.streams import prepare_streams  # noqa: PLC0415 - only on a hit

    try:
        result = _stored(request)
    except Exception:  # noqa: BLE001 - the full command reports every error properly
        return None
    if result is None:
        return None
    prepare_streams()
    return _render(result, request.output_format)


def _stored(request: Request) -> Result | None:
    from complykit.cache.results import stored_result  # noqa: PLC0415
    from complykit.core.findings import Severity  # noqa: PLC0415
    from complykit.load.discover import find_root, find_root_or_below  # noqa: PLC0415

    path = request.path if request.path is not None else find_root_or_below(Path.cwd())
    return stored_result(find_root(path), request.as_of, Severity(request.fail_on))


def _render(result: Result, output_format: str) -> int:
    """Write as the full command would, with the same error boundary."""
    from complykit.cli.result_output import write_result  # noqa: PLC0415

    try:
        write_result(result, output_format, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        from complykit.cli.boundary import silence_stdout  # noqa: PLC0415 - imports Typer

        silence_stdout()
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: one line, exit 3, as the full command
        from complykit.cli.boundary import report_bug  # noqa: PLC0415 - imports Typer

        return report_bug(error)
    return result.exit_code
