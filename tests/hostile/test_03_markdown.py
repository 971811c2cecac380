"""Class 3: Markdown reports and PR comments show every workspace field literally.

Every text field of every record in the bundled example is replaced by a payload (mentions,
raw HTML, javascript: and image links, pipes, newlines, headings, runner commands), then every
report in the registry is rendered as Markdown: new reports are covered without a new test.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import PurePosixPath
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from complykit.load.yaml_file import parse_yaml
from complykit.model.config import WorkspaceConfig
from complykit.model.validate import try_record
from complykit.reports import REPORTS
from complykit.reports.render import LANGUAGES, render_report
from complykit.workspace.open import open_repository
from complykit.workspace.repository import Repository
from conftest import EXAMPLE
from hostile.harness import assert_inert

MARKDOWN_PAYLOAD = (
    "@octocat @acme/security-team <img src=x onerror=alert(1)> <script>alert(1)</script> "
    "[click](javascript:alert(1)) ![pixel](https://track.example/p.png) a|b\n# heading\n"
    "&#64;octocat ::warning::INJECTED ##vso[task.complete]1 \x1b[2J\u202e"
)
_LIVE_MENTION = re.compile(r"(?<![A-Za-z0-9_\\])@[A-Za-z0-9]")
_RAW_HTML = re.compile(r"<(?!br>|!--|/?details>|/?summary>)[A-Za-z/!]")
Leaf = tuple[Any, Any]  # a container and the key or index of a string in it


def _leaves(value: Any) -> Iterator[Leaf]:
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in list(items):
        if isinstance(item, str):
            yield value, key
        elif isinstance(item, dict | list):
            yield from _leaves(item)


def poison(data: dict[str, Any], valid: Callable[[dict[str, Any]], bool]) -> int:
    """Put the payload in every string of ``data`` that still validates; how many took it."""
    taken = 0
    for container, key in _leaves(data):
        before = container[key]
        container[key] = MARKDOWN_PAYLOAD
        if valid(data):
            taken += 1
        else:
            container[key] = before
    return taken


def _valid_config(data: dict[str, Any]) -> bool:
    try:
        WorkspaceConfig.model_validate(data)
    except ValidationError:
        return False
    return True


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """The example with the payload in every text field that its model accepts."""
    root = tmp_path_factory.mktemp("poisoned") / "ws"
    shutil.copytree(EXAMPLE, root)
    taken = 0
    for path in sorted(root.rglob("*.yaml")):
        parsed = parse_yaml(PurePosixPath(path.name), path.read_bytes())
        documents = [document.data for document in parsed.documents]
        is_config = path.name == "complykit.yaml"
        for data in documents:
            if isinstance(data, dict):
                taken += poison(data, _valid_config if is_config else _valid_record)
        path.write_text(yaml.safe_dump_all(documents, allow_unicode=True), encoding="utf-8")
    assert taken > 100
    repo, errors = open_repository(root, date(2026, 12, 1))
    assert errors == 0
    return repo


def _valid_record(data: dict[str, Any]) -> bool:
    return try_record(data) is not None


def _tables_keep_their_columns(text: str) -> None:
    width = 0
    for line in text.splitlines():
        if not line.startswith("|"):
            width = 0
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        width = width or cells
        assert cells == width, line


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_field_of_every_report_is_literal(poisoned: Repository, name: str, lang: str) -> None:
    """No mention, tag, link, image, broken table, heading or command comes from a field."""
    text = render_report(name, poisoned, lang=lang, output_format="markdown")
    assert "INJECTED" in text, "the payload must reach the report to prove anything"
    assert_inert(text)
    assert not _LIVE_MENTION.search(text)
    assert not _RAW_HTML.search(text)
    assert "](" not in text.replace("\\](", "")
    assert not re.search(r"^#+ heading", text, re.MULTILINE)
    _tables_keep_their_columns(text)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_field_of_every_html_report_is_escaped(poisoned: Repository, name: str) -> None:
    """The HTML reports carry no tag, script or runner command from a field."""
    text = render_report(name, poisoned, lang="en", output_format="html")
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert_inert(text)
