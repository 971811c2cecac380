"""Output formats for ``complykit validate``, chosen by name.

The CLI builds its ``--format`` choices from the keys of :data:`FORMATTERS`, so a new
formatter needs a module and one line here, and no CLI edit. Importing this package must
stay cheap (``--help`` lists the names): each formatter's module is imported only when that
format is asked for, and the Rich-based text formatter imports Rich only when it renders.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.core.result import Result


class Formatter(Protocol):
    """Writes one validation result to a text stream in one output format."""

    def render(self, result: Result, stream: TextIO) -> None: ...


class _LazyClasses(Mapping[str, type[Formatter]]):
    """Names known at once; a class imported from ``module:Class`` when it is looked up."""

    def __init__(self, places: dict[str, str]) -> None:
        self._places = places

    def __getitem__(self, name: str) -> type[Formatter]:
        module, _, attribute = self._places[name].partition(":")
        return cast("type[Formatter]", getattr(importlib.import_module(module), attribute))

    def __contains__(self, name: object) -> bool:  # Mapping's would import the class
        return name in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


FORMATTERS: Mapping[str, type[Formatter]] = _LazyClasses(
    {
        "text": "complykit.formatters.text:TextFormatter",
        "json": "complykit.formatters.json:JsonFormatter",
        "github": "complykit.formatters.github:GithubFormatter",
        "sarif": "complykit.formatters.sarif:SarifFormatter",
        "junit": "complykit.formatters.junit:JunitFormatter",
        "markdown": "complykit.formatters.markdown:MarkdownFormatter",
        "gitlab": "complykit.formatters.gitlab:GitlabFormatter",
    }
)

# Formats read by tools that resolve paths from the repository root (GitHub annotations, code
# scanning, GitLab Code Quality); `validate` writes their paths from the git top level by default.
REPOSITORY_PATH_FORMATS = frozenset({"github", "sarif", "gitlab"})

__all__ = ["FORMATTERS", "REPOSITORY_PATH_FORMATS", "Formatter"]
