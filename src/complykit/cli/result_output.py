"""How ``validate`` writes a result: the formatter by name, CI formats' paths from git's top.

Shared by the full command and the cached fast path, which must write the same bytes; it
imports no Typer, so the fast path stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.escape.passthrough import StandIn
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


def written_message(result: Result, output: Path) -> str:
    """What ``validate --output`` says on standard error once the file is written."""
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''}"
    return f"Wrote {len(result.findings)} finding(s) in {files} to {output}."


def rendered(result: Result, output_format: str, stream: TextIO) -> str:
    """The text ``write_result`` would write to ``stream``, without writing it there yet."""
    recording = _Recording(stream)
    write_result(result, output_format, recording)  # type: ignore[arg-type]
    return "".join(recording.parts)


class _Recording(StandIn):
    """Keeps what is written; a terminal or not, of the size and encoding of ``stream``, so
    that Rich renders for ``stream`` (colour, width, box characters) as if writing to it."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)
