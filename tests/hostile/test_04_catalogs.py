"""Class 4: a workspace's catalogs/ folder is untrusted input like any record.

Each hostile catalog file is a located finding (exit 1, never 2 or 3), the file is left out,
and nothing from outside the workspace is read or echoed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.harness import fingerprint, run, workspace

SECRET = "TOP-SECRET-OUTSIDE"  # noqa: S105 - a marker, not a password
_HEADER = (
    "schema_version: 1\nframework:\n  id: acme-x\n  name: X\n  edition: '1'\n  publisher: A\n"
    "  published: '2026'\n  sources: [s]\n  licence: l\n  soa: true\n"
)
HOSTILE_FILES: dict[str, tuple[str | bytes, str]] = {
    "python tag": ("!!python/object/apply:os.system ['echo pwned']\n", "YAML004"),
    "alias bomb": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "YAML003"),
    "duplicate key": (_HEADER + "items: []\nitems: []\n", "YAML002"),
    "too deep": ("a: " + "[" * 200 + "]" * 200 + "\n", "YAML005"),
    "not a mapping": ("- just\n- a list\n", "SCH007"),
    "wrong schema": (_HEADER + "items: [{id: 1}]\n", "SCH002"),
    "clash with a bundled id": (
        _HEADER.replace("acme-x", "gdpr") + "items: [{id: R-1, kind: article, title: T}]\n",
        "SCH007",
    ),
    "mapping to nothing": (
        (
            "schema_version: 1\nmapping:\n  source_framework: gdpr\n"
            "  target_framework: nowhere\n  sources: [s]\nrows: []\n"
        ),
        "SCH00",
    ),
    "not UTF-8": (b"kind: \xff\xfe\n", "YAML006"),
}


@pytest.mark.parametrize("case", HOSTILE_FILES)
def test_hostile_catalog_file_is_a_located_finding(tmp_path: Path, case: str) -> None:
    """validate exits 1 with a finding on the catalog file; catalog list still works."""
    text, code = HOSTILE_FILES[case]
    root = workspace(tmp_path, {"catalogs/evil.yaml": text})
    before = fingerprint(tmp_path)
    outcome = run("validate", str(root), "--format", "json")
    outcome.assert_inert(allowed=(1,))
    assert '"path": "catalogs/evil.yaml"' in outcome.stdout
    assert f'"code": "{code}' in outcome.stdout
    run("catalog", "list", "--workspace", str(root)).assert_inert(allowed=(0,))
    assert fingerprint(tmp_path) == before


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"framework: {{id: {SECRET}}}\n", encoding="utf-8")
    return outside


def test_a_catalog_linking_outside_is_not_read(tmp_path: Path) -> None:
    """A catalog file that links outside the workspace is a finding; its text is never shown."""
    outside = _outside(tmp_path)
    root = workspace(tmp_path)
    (root / "catalogs").mkdir()
    (root / "catalogs" / "leak.yaml").symlink_to(outside / "secret.yaml")
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert "catalogs/leak.yaml" in outcome.stdout
    assert SECRET not in outcome.stdout + outcome.stderr


@pytest.mark.parametrize("folder", ["catalogs", "catalogs/mappings"])
def test_a_catalog_folder_linking_outside_is_not_listed(tmp_path: Path, folder: str) -> None:
    """A linked catalogs/ or mappings/ folder is one finding; no outside file name is shown."""
    outside = _outside(tmp_path)
    root = workspace(tmp_path)
    (root / folder).parent.mkdir(parents=True, exist_ok=True)
    (root / folder).symlink_to(outside, target_is_directory=True)
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert folder in outcome.stdout
    assert "secret" not in outcome.stdout + outcome.stderr


def test_a_catalog_fifo_is_never_opened(tmp_path: Path) -> None:
    """A FIFO named like a catalog is reported without blocking on it."""
    root = workspace(tmp_path)
    (root / "catalogs").mkdir()
    os.mkfifo(root / "catalogs" / "pipe.yaml")
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert "named pipe" in outcome.stdout
