"""The real YAML language server (as in VS Code) accepts the example and flags broken records."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE, REPO
from lsp_client import LspClient

SERVER = (
    REPO / ".ci" / "npm" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
)
EDITOR_CASES = Path(__file__).parent / "editor"
SETTINGS = {
    "yaml": {"validate": True, "schemaStore": {"enable": False}, "format": {"enable": False}}
}

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not SERVER.exists(),
    reason="yaml-language-server is not installed: .ci/run installs it under .ci/npm",
)


@pytest.fixture(scope="module")
def server() -> Any:
    with LspClient(["node", str(SERVER), "--stdio"], SETTINGS) as client:
        client.initialize(REPO)
        yield client


def test_example_files_have_no_diagnostics(server: LspClient) -> None:
    """Every YAML file of the example opens without a single diagnostic."""
    files = sorted(EXAMPLE.rglob("*.yaml"))
    shown = server.diagnostics(files)
    assert {path.name: found for path, found in shown.items() if found} == {}
    assert len(shown) > 50


@pytest.mark.parametrize(
    ("name", "expected"),
    sorted(yaml.safe_load((EDITOR_CASES / "expected.yaml").read_text(encoding="utf-8")).items()),
)
def test_broken_records_are_flagged_where_they_break(
    server: LspClient, name: str, expected: dict[str, Any]
) -> None:
    """An invalid duration, an unknown field, a wrong enum and a retention period written as
    null each get one diagnostic there."""
    path = EDITOR_CASES / name
    [diagnostic] = server.diagnostics([path])[path]
    assert diagnostic["range"]["start"]["line"] + 1 == expected["line"]
    assert expected["message"] in diagnostic["message"]


def test_keys_written_as_null_are_no_value_to_the_editor(server: LspClient) -> None:
    """``{period: null, trigger: null, until: ...}`` is an until to the editor as to validate
    (the null-period case, which validate refuses, is among the broken records above)."""
    path = EDITOR_CASES / "retention-until-with-nulls.yaml"
    assert server.diagnostics([path])[path] == []
