"""The rendered output of a stored result, kept for one exact way of presenting it.

Decoding a result and rendering it costs more than hashing the workspace (Rich alone takes
longer to import than a cached run should take). So the text a run wrote is kept too, named by
the result entry it renders and by everything else the bytes depend on (the presentation: the
format, the fail-on level, folders, terminal and environment; see ``cli/presentation.py``).
A later run with the same presentation writes that text as it is. The entry carries the
result's probes, checked again, and is signed like every entry; reading it imports neither
pathlib nor the codec, nor json when there are no probes (the common case): its body is a
header line, the exit code, the probes as one line of JSON, then the text.
"""

from __future__ import annotations

import hashlib

from complykit.cache.entries import RENDERED_PREFIX, RESULT_PREFIX, trusted_body
from complykit.cache.keys import Uncacheable, day_key, workspace_digests
from complykit.load.roots import probe_inside

_HEADER = b"complykit-rendered-1"
_NO_PROBES = b"{}"
# Paths from the file system may hold lone surrogates (undecodable bytes): keep them exactly.
_ERRORS = "surrogatepass"

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing itself costs a millisecond on the start-up path
    from datetime import date
    from pathlib import Path

    from complykit.core.result import Result


def rendered_name(result_name: str, presentation: str) -> str:
    # The presentation names folders, which may hold escaped bytes (PEP 383).
    key = hashlib.sha256(f"{result_name}\0{presentation}".encode("utf-8", "surrogateescape"))
    return f"{RENDERED_PREFIX}{key.hexdigest()}.txt"


def replay(
    root: str, day: str, presentation: str, hashed: dict[str, dict[str, str]] | None = None
) -> tuple[str, int] | None:
    """The text and exit code kept for the workspace at the resolved ``root`` exactly as it is
    now, validated on ``day`` (``YYYY-MM-DD``) and presented so; None for anything else.

    ``hashed`` receives the workspace's digests by root, so a run that follows a miss need
    not hash every file again (a twentieth of a run with one file changed)."""
    try:
        digests = workspace_digests(root)
    except Uncacheable:
        return None
    if hashed is not None:
        hashed[root] = digests
    result_name = f"{RESULT_PREFIX}{day_key(digests, day)}.json"
    body = trusted_body(root, rendered_name(result_name, presentation))
    # The result entry must still be there and sound, or the full run has something to say.
    if body is None or trusted_body(root, result_name) is None:
        return None
    return _decoded(root, body)


def _decoded(root: str, body: bytes) -> tuple[str, int] | None:
    parts = body.split(b"\n", 3)
    if len(parts) != 4:  # header, exit code, probes, text
        return None
    header, code, probes, text = parts
    if header != _HEADER or not code.isdigit() or not _probes_hold(root, probes):
        return None
    try:
        return text.decode("utf-8", _ERRORS), int(code)
    except UnicodeDecodeError:
        return None


def _probes_hold(root: str, line: bytes) -> bool:
    """Every probe a check asked (a file here? a folder?) still holds, or still does not."""
    if line == _NO_PROBES:
        return True
    import json  # noqa: PLC0415 - only workspaces whose checks looked at files pay for it

    try:
        probes = json.loads(line)
    except ValueError:
        return False
    if not isinstance(probes, dict):
        return False
    return all(isinstance(v, bool) and probe_inside(root, k) == v for k, v in probes.items())


def remember(  # noqa: PLR0913 - what is kept, and for which workspace state
    root: Path,
    as_of: date,
    presentation: str,
    result: Result,
    text: str,
    *,
    digests: dict[str, str] | None = None,
) -> None:
    """Keep ``text`` as ``result`` rendered so, when ``result`` is exactly what the cache holds
    for the workspace as it is now (a file edited during the run makes that false).

    ``digests``: the files as hashed before the run that gave ``result`` read any of them.
    The text is then kept under those, where the run kept its result (only when every byte
    it read matched them): a later run finds it only if the workspace is again exactly so,
    which spares hashing every file a third time."""
    import json  # noqa: PLC0415 - not on the start-up path

    from complykit.cache.codec import encode_result  # noqa: PLC0415
    from complykit.cache.results import result_name  # noqa: PLC0415
    from complykit.cache.store import open_store  # noqa: PLC0415

    store = open_store(root)
    if isinstance(store, str):
        return
    try:
        name = result_name(digests if digests is not None else workspace_digests(root), as_of)
    except Uncacheable:
        return
    body = store.read(name)
    if not isinstance(body, dict) or store.notes or not isinstance(body.get("probes"), dict):
        return
    if body.get("result") != json.loads(json.dumps(encode_result(result))):
        return
    probes = json.dumps(body["probes"], ensure_ascii=True).encode()
    code = str(result.exit_code).encode()
    entry = b"\n".join((_HEADER, code, probes, text.encode("utf-8", _ERRORS)))
    store.write_bytes(rendered_name(name, presentation), entry)
