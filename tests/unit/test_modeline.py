"""Modelines follow the workspace's choice: a relative schemas/ folder or a published URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.authoring.modeline import read_modeline, schema_target, schema_url, with_modeline

URL = "https://example.org/complykit/v0.1.0/schemas"


def _workspace(tmp_path: Path, config_modeline: str | None) -> Path:
    tmp_path.mkdir(exist_ok=True)
    head = f"# yaml-language-server: $schema={config_modeline}\n" if config_modeline else ""
    (tmp_path / "complykit.yaml").write_text(head + "complykit: 1\n", encoding="utf-8")
    return tmp_path


def test_a_url_in_the_config_modeline_is_followed(tmp_path: Path) -> None:
    """New files point at the same published, versioned schemas as complykit.yaml."""
    root = _workspace(tmp_path, f"{URL}/config.schema.json")
    target = schema_target(root, root / "risks", "risk")
    assert target == f"{URL}/risk.schema.json"


def test_a_relative_config_modeline_gives_a_relative_path(tmp_path: Path) -> None:
    """A schemas folder named relative to complykit.yaml is named relative to the new file."""
    (tmp_path / "shared" / "schemas").mkdir(parents=True)
    (tmp_path / "shared" / "schemas" / "task.schema.json").write_text("{}", encoding="utf-8")
    root = _workspace(tmp_path / "ws", "../shared/schemas/config.schema.json")
    assert schema_target(root, root / "tasks", "task") == "../../shared/schemas/task.schema.json"


def test_without_a_modeline_the_nearest_schemas_folder_is_used(tmp_path: Path) -> None:
    """A workspace whose config has no modeline still finds schemas/ at its root."""
    root = _workspace(tmp_path, None)
    (root / "schemas").mkdir()
    (root / "schemas" / "supplier.schema.json").write_text("{}", encoding="utf-8")
    assert schema_target(root, root / "suppliers", "supplier") == "../schemas/supplier.schema.json"
    assert schema_target(root, root / "risks", "risk") is None


def test_with_modeline_adds_one_line_once() -> None:
    """A modeline is added at the top, and never a second time."""
    text = with_modeline("kind: risk\n", "../schemas/risk.schema.json")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/risk.schema.json"
    assert with_modeline(text, "other.json") == text
    assert read_modeline(text) == "../schemas/risk.schema.json"
    assert with_modeline("kind: risk\n", None) == "kind: risk\n"


def test_schema_url_needs_http() -> None:
    """A base that is not an http(s) URL is refused rather than written into modelines."""
    with pytest.raises(ValueError, match="URL"):
        schema_url("ftp://example.org/schemas", "risk")
