"""The run key sees every byte of the workspace and never blocks on special files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from complykit.cache import keys
from complykit.cache.keys import LINKED_FOLDER, Uncacheable, workspace_digests


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "complykit.yaml").write_text("complykit: 1\n", encoding="utf-8")
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "pa.yaml").write_text("kind: processing-activity\n")
    return tmp_path


def test_digests_follow_content_not_size(tmp_path: Path) -> None:
    """Two files of the same size and different bytes get different digests."""
    root = _workspace(tmp_path)
    before = workspace_digests(root)
    (root / "register" / "pa.yaml").write_text("kind: processing-activitx\n")
    after = workspace_digests(root)
    assert set(before) == {"complykit.yaml", "register/pa.yaml"}
    assert before["register/pa.yaml"] != after["register/pa.yaml"]
    assert before["complykit.yaml"] == after["complykit.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_makes_the_workspace_uncacheable_without_blocking(tmp_path: Path) -> None:
    """A named pipe with a YAML name is refused at once instead of waiting for a writer."""
    root = _workspace(tmp_path)
    os.mkfifo(root / "register" / "pipe.yaml")
    with pytest.raises(Uncacheable, match="not a regular file"):
        workspace_digests(root)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and links are POSIX here")
def test_a_link_to_a_fifo_is_refused_like_the_fifo(tmp_path: Path) -> None:
    """A linked file is judged by what it points to: its folder entry says only 'link'."""
    root = _workspace(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    (root / "register" / "linked.yaml").symlink_to(tmp_path / "pipe")
    with pytest.raises(Uncacheable, match="not a regular file"):
        workspace_digests(root)


def test_a_linked_file_is_hashed_by_its_content(tmp_path: Path) -> None:
    """An edit of the file a link points to changes the digest of the link's path."""
    root = _workspace(tmp_path)
    target = tmp_path / "elsewhere.yaml"
    target.write_text("kind: risk\n", encoding="utf-8")
    (root / "register" / "linked.yaml").symlink_to(target)
    before = workspace_digests(root)["register/linked.yaml"]
    target.write_text("kind: task\n", encoding="utf-8")
    assert workspace_digests(root)["register/linked.yaml"] != before


@pytest.mark.parametrize("size", [65_535, 65_536, 65_537, 300_000])
def test_every_byte_of_a_large_file_counts(tmp_path: Path, size: int) -> None:
    """Files read in several chunks: a change in the last byte changes the digest."""
    root = _workspace(tmp_path)
    big = root / "register" / "big.yaml"
    big.write_bytes(b"#" * (size - 1) + b"a")
    before = workspace_digests(root)["register/big.yaml"]
    big.write_bytes(b"#" * (size - 1) + b"b")
    assert workspace_digests(root)["register/big.yaml"] != before


def test_a_linked_folder_is_not_entered(tmp_path: Path) -> None:
    """As discovery, the walk does not follow a link to a folder; discovery reports it, so the
    link itself counts, as a marker (adding one must not replay the result from before)."""
    root = _workspace(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("kind: risk\n", encoding="utf-8")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    digests = workspace_digests(root)
    assert set(digests) == {"complykit.yaml", "register/pa.yaml", "linked"}
    assert digests["linked"] == LINKED_FOLDER


def test_another_install_of_a_reader_changes_the_code_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgrading PyYAML or pydantic (files rewritten) must not replay what the old one read."""
    before = keys.code_digest.__wrapped__()
    assert keys.code_digest.__wrapped__() == before
    upgraded = tmp_path / "site-packages"
    (upgraded / "pydantic").mkdir(parents=True)
    (upgraded / "pydantic" / "__init__.py").write_text("VERSION = 'next'\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(upgraded), *sys.path])
    assert sum(f.startswith(str(upgraded)) for f in keys._reader_files()) == 1
    assert keys.code_digest.__wrapped__() != before


@pytest.mark.parametrize(
    "generated",
    ["model/prebuilt.json", "reports/compiled.json", "reports/locales/nl/LC_MESSAGES/complykit.po"],
)
def test_the_data_generated_from_the_code_counts_as_code(generated: str) -> None:
    """A regenerated prebuilt.json validates records differently: a cache filled before it
    must not be replayed (found when a developer's cached run kept a stale SCH003)."""
    package = Path(keys.__file__).resolve().parents[1]
    assert str(package / generated) in set(keys._package_files())
