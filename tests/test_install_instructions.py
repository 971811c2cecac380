"""Install commands in the README, docs and templates work without complykit on PyPI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

FILES = [
    REPO / "README.md",
    *sorted((REPO / "docs").rglob("*.md")),
    *sorted((REPO / "templates").rglob("*.yml")),
    REPO / "action.yml",
]
# complykit from the package index: `pip install complykit`, `'complykit[pdf]'`, `complykit==1`,
# but not `"complykit @ git+..."`, which installs from a repository.
FROM_INDEX = re.compile(
    r"pip install(?:\s+-[-\w]+)*\s+['\"]?complykit(?:\[[a-z,]+\])?(?:==[\w.]+)?"
    r"(?=['\"]?(?:\s|$|`))(?!['\"]?\s*@)"
)
_CONTEXT = 300


def _occurrences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [
        text[max(0, m.start() - _CONTEXT) : m.end() + _CONTEXT] for m in FROM_INDEX.finditer(text)
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_index_installs_are_marked_once_published(path: Path) -> None:
    """`pip install complykit` from the index only appears as what works once it is published."""
    for context in _occurrences(path):
        assert re.search(r"once\s+(complykit\s+is\s+)?published", context, re.IGNORECASE), context


def test_the_check_sees_a_bare_index_install(tmp_path: Path) -> None:
    """The pattern catches the install commands it must catch, and not a git install."""
    assert FROM_INDEX.search("- run: pip install complykit\n")
    assert FROM_INDEX.search("pip install 'complykit[pdf]'")
    assert not FROM_INDEX.search('pip install "complykit @ git+https://example.org/x"')
    assert not FROM_INDEX.search('pip install "complykit[pdf] @ git+https://example.org/x"')
    assert not FROM_INDEX.search("pip install -e '.[test]'")
    assert not FROM_INDEX.search("pip install . && complykit validate examples/tulip-health")
    assert FROM_INDEX.search('python -m pip install --quiet "complykit==0.1.0"')
