"""``complykit validate`` with the plain options, run without Typer.

Importing Typer and building its parameters (each through a pydantic adapter) costs about
50 ms before a command starts; the cached path (cli/cached.py) has already parsed the plain
options, so a run it cannot answer from a kept text is run from here: the library validates
(with the result cache, or afresh with ``--no-cache``), warnings and the output are written as
the full command writes them, and the text is kept for the next run. Anything that goes wrong
before the output is written is left to the full command, which runs again and reports it
through its error boundary.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.cli.cached import write_text
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
    try:
        result = _validated(request, Path(root), day, digests)
    except Exception:  # noqa: BLE001 - the full command runs again and reports it
        return None
    if result.notes:
        from complykit.cli.output import say  # noqa: PLC0415 - imports Typer, for warnings only

        for note in result.notes:
            say(f"warning: {note}", err=True)
    same = digests if str(result.root) == root else None  # hashed for the root it validated
    return _render(result, request.output_format, None if result.notes else shown, same)


def _validated(request: Request, root: Path, day: date, digests: dict[str, str] | None) -> Result:
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
        hashed=(str(root), digests) if digests is not None else None,
    )


def _render(
    result: Result, output_format: str, shown: str | None, digests: dict[str, str] | None = None
) -> int:
    """Write as the full command would, with the same error boundary; keep the text."""
    from complykit.cache.rendered import remember  # noqa: PLC0415
    from complykit.cli.result_output import rendered  # noqa: PLC0415

    try:
        text = rendered(result, output_format, sys.stdout)
        code = write_text(text, result.exit_code)
        if shown is not None and code == result.exit_code:
            remember(result.root, result.as_of, shown, result, text, digests=digests)
    except Exception as error:  # noqa: BLE001 - a bug: one line, exit 3, as the full command
        from complykit.cli.boundary import report_bug  # noqa: PLC0415 - imports Typer

        return report_bug(error)
    return code
