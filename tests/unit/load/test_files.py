"""Reading the files of a run judges links and odd files as reading each one alone does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from complykit.load.files import InsideReader, read_inside
from complykit.load.limits import LoadLimits


@pytest.fixture
def root(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("token: x\n")
    root = tmp_path / "ws"
    (root / "sub").mkdir(parents=True)
    (root / "a.yaml").write_text("a: 1\n")
    (root / "sub" / "b.yaml").write_text("b: 2\n")
    (root / "link-in.yaml").symlink_to(root / "a.yaml")
    (root / "link-out.yaml").symlink_to(outside / "secret.yaml")
    (root / "linked").symlink_to(outside)
    os.mkfifo(root / "pipe.yaml")
    return root


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.yaml", b"a: 1\n"),
        ("sub/b.yaml", b"b: 2\n"),
        ("link-in.yaml", b"a: 1\n"),
        ("link-out.yaml", "outside the workspace"),
        ("linked/secret.yaml", "outside the workspace"),
        ("pipe.yaml", "a named pipe"),
        ("missing.yaml", "cannot read the file"),
    ],
)
def test_a_run_reads_as_single_reads_do(root: Path, name: str, expected: bytes | str) -> None:
    """Plain files are read, links out and special files refused, with the same sentence."""
    reader = InsideReader(root)
    read = reader.read(root / name)
    assert read == read_inside(root, root / name)
    assert read == expected if isinstance(expected, bytes) else expected in str(read)


def test_a_file_swapped_for_a_link_after_its_folder_was_judged_is_not_followed(root: Path) -> None:
    """Folders are resolved once, but each file is opened without following a link."""
    reader = InsideReader(root)
    assert reader.read(root / "a.yaml") == b"a: 1\n"
    (root / "a.yaml").unlink()
    (root / "a.yaml").symlink_to(root.parent / "outside" / "secret.yaml")
    assert "outside the workspace" in str(reader.read(root / "a.yaml"))


def test_a_file_growing_past_the_limit_is_read_to_one_byte_past_it(root: Path) -> None:
    """Reads stop one byte past the limit, wherever the file's size said it ended."""
    from complykit.load.files import _read_up_to  # noqa: PLC0415

    big = root / "big.yaml"
    big.write_bytes(b"x" * 300_000)
    descriptor = os.open(big, os.O_RDONLY)
    try:
        assert len(_read_up_to(descriptor, 10, 200_001)) == 200_001
    finally:
        os.close(descriptor)
    reader = InsideReader(root, LoadLimits(max_file_bytes=1000))
    assert reader.read(big) == b"x" * 1001
