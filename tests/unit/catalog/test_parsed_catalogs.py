"""The bundled catalogs' JSON is used only for the very bytes it was made from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from complykit.catalog import bundled_dir, read_file
from complykit.catalog.load import catalog_files
from complykit.catalog.parsed import PARSED_NAME, ParsedCatalogs, render


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "catalogs"
    shutil.copytree(bundled_dir(), target)
    return target


def test_the_committed_json_is_fresh() -> None:
    """catalogs/parsed.json is what `python -m complykit.catalog.parsed` writes today."""
    directory = bundled_dir()
    expected = render(directory, catalog_files(directory))
    assert (directory / PARSED_NAME).read_text(encoding="utf-8") == expected


def test_every_bundled_file_gives_the_model_of_its_yaml() -> None:
    """Each bundled file is built from the JSON, into the same model the YAML gives."""
    parsed = ParsedCatalogs(bundled_dir())
    for path in catalog_files(bundled_dir()):
        assert parsed.model(path) == read_file(path), path


def test_an_edited_catalog_is_read_from_its_yaml(folder: Path) -> None:
    """One changed byte makes that file's JSON unused; the other files still use theirs."""
    gdpr = folder / "gdpr.yaml"
    gdpr.write_bytes(gdpr.read_bytes().replace(b"Regulation", b"Regulatiom", 1))
    parsed = ParsedCatalogs(folder)
    assert parsed.model(gdpr) is None
    assert parsed.model(folder / "iso27001-2022.yaml") == read_file(folder / "iso27001-2022.yaml")


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 99, "files": {}}', b"[]"])
def test_a_missing_or_foreign_json_means_yaml_for_all(folder: Path, content: bytes) -> None:
    """Nothing in parsed.json is trusted unless it has this version's shape."""
    (folder / PARSED_NAME).write_bytes(content)
    assert ParsedCatalogs(folder).model(folder / "gdpr.yaml") is None


def test_json_that_fails_validation_falls_back_to_yaml(folder: Path) -> None:
    """A JSON text that no longer validates (say, after a model change) is not an error."""
    document = (folder / PARSED_NAME).read_text(encoding="utf-8")
    (folder / PARSED_NAME).write_text(
        document.replace('\\"schema_version\\":1', '\\"schema_version\\":"one"'), encoding="utf-8"
    )
    assert ParsedCatalogs(folder).model(folder / "gdpr.yaml") is None
