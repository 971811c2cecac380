"""``complykit validate`` with the plain options, run without Typer.

Importing Typer and building its parameters (each through a pydantic adapter) costs about
50 ms before a command starts; the cached path (cli/cached.py) has already parsed the plain
options, so a run it cannot answer from a kept text is run from here: the library validates
(with the result cache, or afresh with ``--no-cache``), warnings and the output are written as
the full command writes them, and the text is kept for the next run. Anything that goes wrong
before the output is written is left to the full command, which runs again and reports it
through its error boundary.

Such a process only validates, so its records are plain classes rather than pydantic models
(``model.plain``): about a third of a cold validation of a small workspace is pydantic's
import and class creation, which validating through the prebuilt validators does not need.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.cli.cached import write_text
from complykit.cli.output_files import open_output
from complykit.core.overwrite import refusal
from complykit.formatters import FORMATTERS

if TYPE_CHECKING:
    from complykit.cli.cached import Request
    from complykit.core.result import Result


def validate_directly(
    request: Request, root: str, shown: str | None, digests: dict[str, str] | None = None
) -> int | None:
    """Validate and write as ``complykit validate`` would; None to leave it to the full command.

    ``digests``: the workspace's files as hashed a moment ago, looking for a kept text."""
    if request.output_format not in FORMATTERS:
        return None
    try:
        day = date.fromisoformat(request.day)
    except ValueError:  # 2026-02-30: the full command says why
        return None
    if request.output is not None and refusal(Path(request.output), force=request.force):
        return None  # the full command refuses it, before validating
    hashed = {str(Path(root)): digests} if digests is not None else {}
    try:
        result = _validated(request, Path(root), day, hashed)
    except Exception:  # noqa: BLE001 - the full command runs again and reports it
        return None
    if result.notes:
        from complykit.cli.output import say  # noqa: PLC0415 - imports Typer, for warnings only

        for note in result.notes:
            say(f"warning: {note}", err=True)
    if request.output is not None:
        return _write_file(result, request.output_format, Path(request.output), request.force)
    same = hashed.get(str(result.root))  # hashed for the root it validated, before reading
    return _render(result, request.output_format, None if result.notes else shown, same)


def _validated(
    request: Request, root: Path, day: date, hashed: dict[str, dict[str, str]]
) -> Result:
    from complykit.core.findings import Severity  # noqa: PLC0415
    from complykit.validate.validation import validate  # noqa: PLC0415

    severity = Severity(request.fail_on)
    use_cache = not request.no_cache
    return validate(
        root,
        as_of=day,
        fail_on=severity,
        jobs=request.jobs,
        use_cache=use_cache,
        hashed=hashed,
        plain_records=True,  # this process only validates: no pydantic model classes
    )


def _render(
    result: Result, output_format: str, shown: str | None, digests: dict[str, str] | None = None
) -> int:
    """Write as the full command would, with the same error boundary; keep the text."""
    from complykit.cli.result_output import rendered  # noqa: PLC0415

    try:
        text = rendered(result, output_format, sys.stdout)
        code = write_text(text, result.exit_code)
        if shown is not None and code == result.exit_code:  # None: --no-cache
            from complykit.cache.rendered import remember  # noqa: PLC0415

            remember(result.root, result.as_of, shown, result, text, digests=digests)
    except Exception as error:  # noqa: BLE001 - a bug: one line, exit 3, as the full command
        from complykit.cli.boundary import report_bug  # noqa: PLC0415 - imports Typer

        return report_bug(error)
    return code


def _write_file(result: Result, output_format: str, path: Path, force: bool) -> int | None:
    """Write to ``--output`` as the full command does, then say so on standard error; None
    when the file cannot be written, for the full command to report why (nothing is left)."""
    from complykit.cli.result_output import write_result, written_message  # noqa: PLC0415
    from complykit.core.errors import ComplykitError  # noqa: PLC0415

    try:
        with open_output(path, force=force) as stream:
            write_result(result, output_format, stream)
    except (OSError, ComplykitError):
        return None
    except Exception as error:  # noqa: BLE001 - a bug: one line, exit 3, as the full command
        from complykit.cli.boundary import report_bug  # noqa: PLC0415 - imports Typer

        return report_bug(error)
    _say_on_stderr(written_message(result, path))
    return result.exit_code


def _say_on_stderr(message: str) -> None:
    """``say(message, err=True)`` without Typer: one line, controls made inert."""
    from complykit.escape import plain  # noqa: PLC0415

    sys.stderr.write(plain(message) + "\n")
    sys.stderr.flush()
