"""PyYAML, imported once for the loader, without compiling patterns that are never matched.

PyYAML compiles its regular expressions as it is imported. The pure-Python reader's test for
non-printable characters (a class spanning all of Unicode) takes 5-6 ms alone, about 2% of
validating a 1,000-record workspace, and the C parser complykit reads with never runs it; the
implicit tag resolvers (complykit resolves plain scalars with its own, ``load.resolver``) and
the timestamp pattern take 1 ms more. While PyYAML is imported here, ``re.compile`` hands out
patterns that compile on first use, so the pure-Python fallback parser and PyYAML's own
loaders, where they run, match exactly as before.

Every module of the loader imports PyYAML through this one (an import-linter contract in
``pyproject.toml`` keeps it so): the first import decides, and one made elsewhere first would
compile everything again.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["c_parser", "yaml"]


class _CompiledOnFirstUse:
    """A stand-in for ``re.compile(pattern, flags)``: compiled the first time it is used."""

    __slots__ = ("_arguments", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._arguments = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Only names the stand-in lacks come here: every method and attribute of a pattern.
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(*self._arguments)
        return getattr(compiled, name)


_compile = re.compile
re.compile = _CompiledOnFirstUse  # type: ignore[assignment]
try:
    import yaml
    import yaml.composer
    import yaml.events
    import yaml.nodes
    import yaml.parser
    import yaml.reader
    import yaml.resolver
    import yaml.scanner
finally:
    re.compile = _compile


def c_parser() -> Any | None:
    """PyYAML's C parser (libyaml's), or None where PyYAML was built without it."""
    return getattr(getattr(yaml, "_yaml", None), "CParser", None)
