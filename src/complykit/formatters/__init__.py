"""Output formats for ``complykit validate``, chosen by name.

The CLI builds its ``--format`` choices from the keys of :data:`FORMATTERS`, so a new
formatter needs a module and one line here, and no CLI edit. Importing this package must
stay cheap: the Rich-based text formatter imports Rich only when it renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from complykit.formatters.github import GithubFormatter
from complykit.formatters.gitlab import GitlabFormatter
from complykit.formatters.json import JsonFormatter
from complykit.formatters.junit import JunitFormatter
from complykit.formatters.markdown import MarkdownFormatter
from complykit.formatters.sarif import SarifFormatter
from complykit.formatters.text import TextFormatter

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.core.result import Result


class Formatter(Protocol):
    """Writes one validation result to a text stream in one output format."""

    def render(self, result: Result, stream: TextIO) -> None: ...


FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "github": GithubFormatter,
    "sarif": SarifFormatter,
    "junit": JunitFormatter,
    "markdown": MarkdownFormatter,
    "gitlab": GitlabFormatter,
}

# Formats read by tools that resolve paths from the repository root (GitHub annotations, code
# scanning, GitLab Code Quality); `validate` writes their paths from the git top level by default.
REPOSITORY_PATH_FORMATS = frozenset({"github", "sarif", "gitlab"})

__all__ = [
    "FORMATTERS",
    "REPOSITORY_PATH_FORMATS",
    "Formatter",
    "GithubFormatter",
    "GitlabFormatter",
    "JsonFormatter",
    "JunitFormatter",
    "MarkdownFormatter",
    "SarifFormatter",
    "TextFormatter",
]
