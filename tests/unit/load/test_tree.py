"""Reading a revision's tree: paths stay below their folder, links are written last, as links."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from complykit.core.errors import ComplykitError
from complykit.load import tree
from complykit.load.limits import LoadLimits
from complykit.load.tree import (
    TreeEntry,
    TreeFile,
    list_tree,
    materialise,
    read_heads,
    safe_path,
    tree_files,
)
from unit.diff.gitrepo import GitRepo


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


def _listed(*lines: str) -> bytes:
    return b"".join(line.encode() + b"\0" for line in lines)


_OID = "a" * 40


@pytest.mark.parametrize(
    "names",
    [["h", "h/post-checkout"], ["a/b", "a/b/c/d.yaml"], ["x.yaml", "x.yaml"]],
    ids=["below a link", "below a file", "twice"],
)
def test_a_tree_git_would_never_write_is_refused(names: list[str]) -> None:
    """A path listed twice or below another entry: written out, it would go through a link."""
    output = _listed(*(f"120000 blob {_OID}       9\t{name}" for name in names))
    with pytest.raises(ComplykitError, match="listed twice or below another file"):
        tree.listing(output)


def test_a_blob_the_repository_lacks_is_a_clear_error() -> None:
    """``ls-tree -l`` prints BAD as the size of a missing object (a partial clone)."""
    with pytest.raises(ComplykitError, match="does not hold its content"):
        tree.listing(_listed(f"100644 blob {_OID}     BAD\trisks/a.yaml"))


def test_siblings_and_nested_folders_pass() -> None:
    output = _listed(
        f"100644 blob {_OID}       9\ta/b.yaml",
        f"100644 blob {_OID}       9\ta/bc/d.yaml",
        f"120000 blob {_OID}       9\tab",
    )
    assert [path.as_posix() for _, path, _, _ in tree.listing(output)] == [
        "a/b.yaml",
        "a/bc/d.yaml",
        "ab",
    ]


@pytest.mark.parametrize("link_first", [True, False])
def test_nothing_is_written_through_a_link(tmp_path: Path, link_first: bool) -> None:
    """Given entries below a link (not through ``listing``), writing refuses and leaves the
    link's target untouched, for a file or a link below it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "scratch"
    dest.mkdir()
    link = TreeFile(PurePosixPath("h"), link=True, size=0, data=str(outside).encode())
    below = [
        TreeFile(PurePosixPath("h/hook"), link=True, size=0, data=b"/bin/sh"),
        TreeFile(PurePosixPath("h/x/y.yaml"), link=False, size=2, data=b"x\n"),
    ]
    with pytest.raises(ComplykitError, match=r"not a folder|File exists"):
        materialise([link, *below] if link_first else [*below, link], dest)
    assert not list(outside.iterdir())


def test_an_oversized_blob_is_its_head_then_sparse(tmp_path: Path) -> None:
    """A blob over the limit is written as the head that was read, at its full size, for the
    loader to report the size and name the records of the head."""
    big = TreeFile(PurePosixPath("big.yaml"), link=False, size=10_000, data=b"id: a\n")
    materialise([big], tmp_path, LoadLimits(max_file_bytes=100))
    assert (tmp_path / "big.yaml").stat().st_size == 10_000
    assert (tmp_path / "big.yaml").read_bytes()[:7] == b"id: a\n\0"


def _committed(tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, list[TreeEntry]]:
    repo = GitRepo(tmp_path / "repo", workspace=".")
    for name, data in files.items():
        (repo.root / name).write_bytes(data)
    commit = repo.commit()
    return repo.root, list_tree(repo.root, commit)


def test_of_a_blob_over_the_limit_its_head_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of each oversized blob the first limit + 1 bytes are read, as the loader reads a file on
    disk, while the heads stay under their own budget; smaller blobs are read whole."""
    root, entries = _committed(
        tmp_path,
        {"a.yaml": b"kind: x\n" * 40, "b.yaml": b"id: b\n" * 40, "c.yaml": b"small\n"},
    )
    monkeypatch.setattr(tree, "MAX_HEAD_BYTES", 2 * 101)
    files = {f.path.name: f for f in tree_files(root, entries, LoadLimits(max_file_bytes=100))}
    assert files["a.yaml"].data == (b"kind: x\n" * 40)[:101]
    assert files["a.yaml"].size == 320
    assert files["b.yaml"].data == (b"id: b\n" * 40)[:101]
    assert files["c.yaml"].data == b"small\n"
    monkeypatch.setattr(tree, "MAX_HEAD_BYTES", 101)
    files = {f.path.name: f for f in tree_files(root, entries, LoadLimits(max_file_bytes=100))}
    assert (len(files["a.yaml"].data), files["b.yaml"].data) == (101, b"")


def test_heads_of_missing_objects_are_left_out(tmp_path: Path) -> None:
    root, entries = _committed(tmp_path, {"a.yaml": b"a: 1\n" * 10})
    assert read_heads(root, ["0" * 40, entries[0].oid], 4) == {entries[0].oid: b"a: 1"}
