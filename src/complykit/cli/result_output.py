"""How ``validate`` writes a result: the formatter by name, CI formats' paths from git's top.

Shared by the full command and the cached fast path, which must write the same bytes; it
imports no Typer, so the fast path stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.formatters import FORMATTERS, REPOSITORY_PATH_FORMATS

if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO

    from complykit.core.result import Result


def write_result(
    result: Result, output_format: str, stream: TextIO, path_base: Path | None = None
) -> None:
    """Render ``result`` in ``output_format``; paths relative to ``path_base`` when given, else
    to the git top level for the formats CI reads from the repository root."""
    from complykit.core.result import rebased  # noqa: PLC0415
    from complykit.load.discover import git_top_level  # noqa: PLC0415 - keep --help fast

    formatter = FORMATTERS[output_format]()
    in_repository = output_format in REPOSITORY_PATH_FORMATS
    base = path_base or (git_top_level(result.root) if in_repository else None)
    formatter.render(rebased(result, base) if base is not None else result, stream)
