"""Reading a revision's tree: paths stay below their folder, links are written last, as links."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from complykit.core.errors import ComplykitError
from complykit.load.limits import LoadLimits
from complykit.load.tree import TreeFile, materialise, safe_path


@pytest.mark.parametrize("name", ["../evil.yaml", "a/../../evil.yaml", "/etc/passwd", "a//b", "."])
def test_a_path_that_leaves_its_folder_is_refused(name: str) -> None:
    """A crafted tree entry with '..', an absolute or an empty part refuses the revision."""
    with pytest.raises(ComplykitError, match="leaves its folder"):
        safe_path(name)


def test_plain_paths_pass() -> None:
    """Ordinary nested paths, odd characters included, are kept as they are."""
    assert safe_path("risks/a b\n::x.yaml") == PurePosixPath("risks/a b\n::x.yaml")


def test_links_are_written_as_links_after_the_files(tmp_path: Path) -> None:
    """A link named before a file in the same folder does not redirect that file's write."""
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "scratch"
    dest.mkdir()
    files = [
        TreeFile(PurePosixPath("a.yaml"), link=True, size=0, data=str(outside / "a.yaml").encode()),
        TreeFile(PurePosixPath("b.yaml"), link=False, size=3, data=b"b: 1"[:3]),
    ]
    materialise(files, dest)
    assert (dest / "a.yaml").is_symlink()
    assert (dest / "b.yaml").read_bytes() == b"b: "
    assert not list(outside.iterdir())


def test_an_oversized_blob_is_sparse_and_unread(tmp_path: Path) -> None:
    """A blob over the limit is written with its size only, for the loader to report."""
    big = TreeFile(PurePosixPath("big.yaml"), link=False, size=10_000, data=b"")
    materialise([big], tmp_path, LoadLimits(max_file_bytes=100))
    assert (tmp_path / "big.yaml").stat().st_size == 10_000
