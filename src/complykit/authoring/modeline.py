"""Editor modelines: the first line that tells the YAML language server which schema a file has.

A workspace says once where its schemas live, in the modeline of its complykit.yaml: a relative
path (``schemas/config.schema.json``, the copy ``complykit init`` writes) or a URL of a published,
versioned copy (``https://example.org/complykit/v0.1.0/schemas/config.schema.json``). Every file
complykit writes afterwards (``new``, ``soa init``, ``import``) points at the same place.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from complykit.load.discover import CONFIG_FILENAME

PREFIX = "# yaml-language-server: $schema="
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")
# Visible ASCII only: the URL goes into a YAML comment line, which a line break (or a space
# and a `#`) would end, and a terminal shows it back. Other characters are percent-encoded.
_URL = re.compile(r"https?://[!-~]+\Z", re.IGNORECASE)
_HEAD_LINES = 5  # a modeline belongs at the top; comments above it are allowed


def schema_file(kind: str) -> str:
    """The file name of the schema for a record kind, or ``config`` for complykit.yaml."""
    return f"{kind}.schema.json"


def modeline(target: str) -> str:
    return f"{PREFIX}{target}"


def read_modeline(text: str) -> str | None:
    """The schema a file's modeline points at, if it has one near the top."""
    for line in text.splitlines()[:_HEAD_LINES]:
        match = _MODELINE.match(line.strip())
        if match:
            return match.group(1)
    return None


def with_modeline(text: str, target: str | None) -> str:
    """``text`` starting with a modeline for ``target``; unchanged when it has one or none fits."""
    if target is None or read_modeline(text) is not None:
        return text
    return f"{modeline(target)}\n{text}"


def schema_url(base: str, kind: str) -> str:
    """A schema's URL below a published base (``https://…/v0.1.0/schemas``)."""
    if not _URL.match(base):
        raise ValueError(f"not an http(s) URL of visible ASCII characters: {base!r}")
    return f"{base.rstrip('/')}/{schema_file(kind)}"


def schema_target(root: Path, folder: Path, kind: str) -> str | None:
    """What a new ``kind`` file in ``folder`` should point at, following the workspace's choice.

    The base comes from complykit.yaml's own modeline; without one, a ``schemas/`` folder at or
    above the workspace. None when neither exists, so no modeline points at nothing.
    """
    base = _configured_base(root)
    if isinstance(base, str):
        return schema_url(base, kind)
    schemas = base if base is not None else _schemas_folder(root)
    if schemas is None or not (schemas / schema_file(kind)).is_file():
        return None
    try:
        return Path(os.path.relpath(schemas / schema_file(kind), folder.resolve())).as_posix()
    except ValueError:  # another Windows drive: no relative path exists
        return None


def _configured_base(root: Path) -> str | Path | None:
    """The folder or URL that complykit.yaml's modeline points into, if it points anywhere."""
    config = root / CONFIG_FILENAME
    try:
        target = read_modeline(config.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    if target is None or not target.endswith(schema_file("config")):
        return None
    base = target.removesuffix(schema_file("config"))
    if _URL.match(target):
        return base
    return (root.resolve() / (base or ".")).resolve()


def _schemas_folder(root: Path) -> Path | None:
    for candidate in (root.resolve(), *root.resolve().parents):
        if (candidate / "schemas").is_dir():
            return candidate / "schemas"
    return None
