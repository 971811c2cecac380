"""A JSON file handed to an import: read whole, within a size, or refused with a reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.exchange.shown import shown
from complykit.exchange.source_file import read_source


def read_json_file(source: Path, max_bytes: int, what: str, *, workspace: Path, hint: str) -> Any:
    """The value of the JSON in ``source`` (UTF-8, perhaps with a byte order mark); raises
    ComplykitError naming the file when it is unreadable, larger than ``max_bytes`` or not
    JSON that Python can hold: a whole number longer than the interpreter converts (4,300
    digits) or nesting deeper than its recursion limit is refused like a syntax error."""
    raw = read_source(source, max_bytes, workspace=workspace, what=what, hint=hint)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:  # decoding, syntax, a number too long
        raise ComplykitError(f"{source} is not JSON ({shown(str(error))})") from None
