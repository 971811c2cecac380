"""Report templates compiled ahead: the Python that Jinja makes of each, shipped as data.

Jinja turns a template into Python source (lexing, parsing and generating code) and then
compiles that source; the first step is five sixths of the work, 0.25 s for every report
template and 170 ms of an audit pack's main process before its render workers can fork.
``compiled.json`` holds that source for every template, written by
``python -m complykit.reports.compiled``; a run only compiles it. An entry is used for the
very template it came from (the SHA-256 of its source), under the Jinja version that made it,
and with the code generator and environment that make it (the digests of
``reports/escaping.py`` and ``reports/render.py``); anything else, or a missing or damaged
file, means Jinja compiles the template as before: slower, never different. A test checks the
file is fresh.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import jinja2

from complykit.core.generated import generated_document

COMPILED = Path(__file__).with_name("compiled.json")
FORMAT = 1
_MAKERS = ("escaping.py", "render.py")
"""The modules whose code decides what Jinja generates: the code generator, the environment."""


def compiled_source(name: str, source: str) -> str | None:
    """The Python Jinja makes of template ``name`` with ``source``, or None when the file has
    none for exactly that source, Jinja and environment."""
    entry = _entries().get(name)
    if not isinstance(entry, dict) or entry.get("sha256") != _digest(source.encode("utf-8")):
        return None
    code = entry.get("python")
    return code if isinstance(code, str) else None


@functools.cache
def _entries() -> dict[str, Any]:
    document = generated_document(COMPILED, FORMAT)
    try:
        makers = _makers()
    except OSError:  # installed without its sources: nothing says the entries still hold
        return {}
    if document.get("jinja2") != jinja2.__version__ or document.get("makers") != makers:
        return {}
    templates = document.get("templates")
    return templates if isinstance(templates, dict) else {}


def _makers() -> str:
    here = Path(__file__).parent
    return _digest(b"".join((here / name).read_bytes() for name in _MAKERS))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_document() -> str:
    """The text of ``compiled.json`` for the templates as they are now."""
    from complykit.reports.render import TEMPLATES, environment  # noqa: PLC0415 - a cycle

    env = environment("en")  # every language's environment makes the same code
    templates = {}
    for path in sorted(TEMPLATES.glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        python = env.compile(source, path.name, None, raw=True)
        templates[path.name] = {"sha256": _digest(source.encode("utf-8")), "python": python}
    document = {
        "format": FORMAT,
        "jinja2": jinja2.__version__,
        "makers": _makers(),
        "templates": templates,
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    COMPILED.write_text(render_document(), encoding="utf-8")


if __name__ == "__main__":
    main()
