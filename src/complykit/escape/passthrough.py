"""A text stream that answers for the stream it wraps: whether it is a terminal, its file
descriptor and its encoding. Rich decides colour, width and box characters from these, so a
wrapper that filters or records the text must not change what Rich sees."""

from __future__ import annotations

from io import TextIOBase
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO


class StandIn(TextIOBase):
    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"
