"""The rendered output of a stored result, kept for one exact way of presenting it.

Decoding a result and rendering it costs more than hashing the workspace (Rich alone takes
longer to import than a cached run should take). So the text a run wrote is kept too, named by
the result entry it renders and by everything else the bytes depend on (the presentation: the
format, the fail-on level, folders, terminal and environment; see ``cli/presentation.py``).
A later run with the same presentation writes that text as it is. The entry carries the
result's probes, checked again, and is signed like every entry; reading it imports neither
pathlib nor the codec.
"""

from __future__ import annotations

import hashlib
import json
import os

from complykit.cache.entries import RENDERED_PREFIX, RESULT_PREFIX, trusted_body
from complykit.cache.keys import Uncacheable, day_key, workspace_digests

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing itself costs a millisecond on the start-up path
    from datetime import date
    from pathlib import Path

    from complykit.core.result import Result


def rendered_name(result_name: str, presentation: str) -> str:
    key = hashlib.sha256(f"{result_name}\0{presentation}".encode()).hexdigest()
    return f"{RENDERED_PREFIX}{key}.json"


def replay(root: str, day: str, presentation: str) -> tuple[str, int] | None:
    """The text and exit code kept for the workspace at the resolved ``root`` exactly as it is
    now, validated on ``day`` (``YYYY-MM-DD``) and presented so; None for anything else."""
    try:
        digests = workspace_digests(root)
    except Uncacheable:
        return None
    result_name = f"{RESULT_PREFIX}{day_key(digests, day)}.json"
    body = trusted_body(root, rendered_name(result_name, presentation))
    # The result entry must still be there and sound, or the full run has something to say.
    if body is None or trusted_body(root, result_name) is None:
        return None
    try:
        entry = json.loads(body)
    except ValueError:
        return None
    return _checked(root, entry)


def _checked(root: str, entry: object) -> tuple[str, int] | None:
    if not isinstance(entry, dict):
        return None
    text, code, probes = entry.get("text"), entry.get("exit"), entry.get("probes")
    if not (isinstance(text, str) and type(code) is int and isinstance(probes, dict)):
        return None
    for path, existed in probes.items():
        if not isinstance(existed, bool) or _exists(root, path) != existed:
            return None
    return text, code


def _exists(root: str, relative: str) -> bool:
    return os.path.exists(os.path.join(root, relative))  # noqa: PTH110, PTH118


def remember(root: Path, as_of: date, presentation: str, result: Result, text: str) -> None:
    """Keep ``text`` as ``result`` rendered so, when ``result`` is exactly what the cache holds
    for the workspace as it is now (a file edited during the run makes that false)."""
    from complykit.cache.codec import encode_result  # noqa: PLC0415 - not on the start-up path
    from complykit.cache.results import result_name  # noqa: PLC0415
    from complykit.cache.store import open_store  # noqa: PLC0415

    store = open_store(root)
    if isinstance(store, str):
        return
    try:
        name = result_name(workspace_digests(root), as_of)
    except Uncacheable:
        return
    body = store.read(name)
    if not isinstance(body, dict) or store.notes or not isinstance(body.get("probes"), dict):
        return
    if body.get("result") != json.loads(json.dumps(encode_result(result))):
        return
    entry = {"text": text, "exit": result.exit_code, "probes": body["probes"]}
    store.write(rendered_name(name, presentation), entry)
