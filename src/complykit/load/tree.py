"""A folder as it is in a git commit, read with ``ls-tree`` and ``cat-file``, written as files.

``git archive`` and ``checkout`` would apply what ``.gitattributes`` names (filters, textconv,
export-subst); reading objects does not. Blobs are written under a fresh folder with the
final path checked first and symbolic links created last, as links, so that the loader's own
rule (a link out of the workspace is a finding, never read) judges them as it does on disk.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path, PurePosixPath
from typing import IO

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.load.git import clean_environment, git, git_command
from complykit.load.limits import DEFAULT_LIMITS, LoadLimits

_FILE_MODES = frozenset({"100644", "100755"})
_LINK_MODE = "120000"
MAX_ENTRIES = 100_000
MAX_HEAD_BYTES = 64 * 1024 * 1024
"""Of files over the size limit, this much is read in all (the first dozen or so): enough for
any real workspace, and a tree of countless large blobs is not held in memory."""
_SKIP = 1024 * 1024


@frozen
class TreeFile:
    """One file of the tree: a regular file or a symbolic link (whose data is its target).

    ``data`` is, of a file over the size limit, the part of it the loader reads of such a file
    on disk (its first ``max_file_bytes + 1`` bytes: the ids its whole lines declare are still
    known), or nothing beyond ``MAX_HEAD_BYTES`` of such parts; ``size`` is its real size.
    """

    path: PurePosixPath
    link: bool
    size: int
    data: bytes


@frozen
class TreeEntry:
    """One file of a tree as ``ls-tree`` lists it, before any blob is read.

    ``oid`` is the blob id, a hash of the content: two entries with the same id hold the same
    bytes, so comparing ids says which files changed without reading any of them.
    """

    path: PurePosixPath
    oid: str
    link: bool
    size: int


def list_tree(top: Path, commit: str, folder: PurePosixPath = PurePosixPath()) -> list[TreeEntry]:
    """Every regular file and link below ``folder`` in ``commit``, relative to ``folder``.

    Submodules are left out; an entry with an unsafe path refuses the whole tree. A folder
    that the commit does not have gives no entries.
    """
    treeish = f"{commit}^{{tree}}" if folder == PurePosixPath() else f"{commit}:{folder}"
    if git(top, "cat-file", "-t", treeish).stdout.strip() != b"tree":
        return []
    done = git(top, "ls-tree", "-r", "-z", "-l", "--end-of-options", treeish)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or "git ls-tree failed"
        raise ComplykitError(f"cannot read {folder} at {commit[:12]}: {message}")
    return [TreeEntry(path, oid, link, size) for oid, path, link, size in listing(done.stdout)]


def read_tree_at(top: Path, commit: str, folder: PurePosixPath = PurePosixPath()) -> list[TreeFile]:
    """Every regular file and link below ``folder`` in ``commit``, with its bytes."""
    return tree_files(top, list_tree(top, commit, folder))


def tree_files(
    top: Path, entries: list[TreeEntry], limits: LoadLimits = DEFAULT_LIMITS
) -> list[TreeFile]:
    """``entries`` with their bytes, read in one ``cat-file`` run; of a file over the size
    limit, the head the loader would read of it on disk, streamed (never the whole blob)."""
    most = limits.max_file_bytes
    blobs = read_blobs(top, [e.oid for e in entries if e.link or e.size <= most])
    oversized = [e.oid for e in entries if not e.link and e.size > most]
    heads = read_heads(top, oversized[: MAX_HEAD_BYTES // (most + 1)], most + 1)
    return [
        TreeFile(e.path, e.link, e.size, blobs[e.oid] if e.oid in blobs else heads.get(e.oid, b""))
        for e in entries
    ]


def listing(output: bytes) -> list[tuple[str, PurePosixPath, bool, int]]:
    """``ls-tree -r -z -l`` output as (blob id, path, is a link, size), submodules left out.

    A tree git would never write refuses the revision: a path listed twice, or a path below
    another entry (``h`` a link and ``h/x`` a file), which writing the files would follow
    through the link to wherever it points.
    """
    entries = [entry for entry in output.split(b"\0") if entry]
    if len(entries) > MAX_ENTRIES:
        raise ComplykitError(f"the revision holds over {MAX_ENTRIES:,} files; not read")
    listed, names = [], []
    for entry in entries:
        meta, _, raw_path = entry.partition(b"\t")
        mode, _kind, oid, size = meta.decode("ascii").split()
        if mode not in _FILE_MODES and mode != _LINK_MODE:
            continue  # a submodule: another repository, not part of this workspace
        name = os.fsdecode(raw_path)
        path = safe_path(name)
        if not size.isdigit():  # "BAD": git has no such object here
            raise ComplykitError(
                f"cannot read {name!r} from git: the repository does not hold its content",
                hint="A partial or shallow clone: fetch the revision in full first.",
            )
        listed.append((oid, path, mode == _LINK_MODE, int(size)))
        names.append(name)
    _refuse_overlaps(names)
    return listed


def _refuse_overlaps(names: list[str]) -> None:
    known = set(names)
    crafted = len(known) != len(names) or any(
        name[:cut] in known for name in names for cut in _folder_ends(name)
    )
    if crafted:
        raise ComplykitError(
            "refused to read the revision: a path is listed twice or below another file",
            hint="The commit holds a crafted tree; complykit reads plain trees only.",
        )


def _folder_ends(name: str) -> list[int]:
    """Where each folder of ``name`` ends: ``a/b/c`` gives the ends of ``a`` and ``a/b``."""
    return [index for index, character in enumerate(name) if character == "/"]


def safe_path(name: str) -> PurePosixPath:
    """``name`` as a relative path that stays below its folder, or a ComplykitError."""
    path = PurePosixPath(name)
    if path.is_absolute() or any(part in {"", ".", ".."} for part in name.split("/")):
        raise ComplykitError(
            f"refused to read the revision: the path {name!r} leaves its folder",
            hint="The commit holds a crafted tree; complykit reads plain paths only.",
        )
    return path


def read_blobs(top: Path, oids: list[str]) -> dict[str, bytes]:
    """The bytes of each blob in ``oids``, by id."""
    if not oids:
        return {}
    done = git(top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in oids).encode())
    if done.returncode != 0:
        raise ComplykitError("cannot read files from git: git cat-file failed")
    blobs: dict[str, bytes] = {}
    output, position = done.stdout, 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        oid, _kind, size = output[position:header_end].decode("ascii").split()
        start = header_end + 1
        blobs[oid] = output[start : start + int(size)]
        position = start + int(size) + 1
    return blobs


def read_heads(top: Path, oids: list[str], most: int) -> dict[str, bytes]:
    """The first ``most`` bytes of each blob in ``oids``, by id. ``cat-file`` streams each whole
    blob; what is past ``most`` is read and dropped in pieces, never held."""
    if not oids:
        return {}
    try:
        process = subprocess.Popen(  # noqa: S603 - a fixed executable, no shell
            git_command("cat-file", "--batch"),
            cwd=top,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=clean_environment(),
        )
    except OSError as error:
        raise ComplykitError(f"cannot run git: {error.strerror or error}") from error
    with process:  # on leaving, the pipes are closed (a git still writing stops) and it is reaped
        requests, output = process.stdin, process.stdout
        if requests is None or output is None:  # pragma: no cover - both are pipes
            return {}
        try:
            return _heads(requests, output, oids, most)
        finally:
            requests.close()


def _heads(requests: IO[bytes], output: IO[bytes], oids: list[str], most: int) -> dict[str, bytes]:
    """One object asked for at a time: git flushes each answer, so neither pipe fills up."""
    heads: dict[str, bytes] = {}
    for oid in oids:
        requests.write(f"{oid}\n".encode("ascii"))
        requests.flush()
        header = output.readline().decode("ascii", "replace").split()
        if len(header) != 3 or not header[2].isdigit():  # "<oid> missing", or git went away
            continue
        size = int(header[2])
        heads[oid] = output.read(min(size, most))
        left = size - len(heads[oid]) + 1  # and the newline after the object
        while left > 0:
            skipped = len(output.read(min(left, _SKIP)))
            if not skipped:
                break
            left -= skipped
    return heads


def materialise(files: list[TreeFile], dest: Path, limits: LoadLimits = DEFAULT_LIMITS) -> None:
    """Write ``files`` below ``dest``: regular files first, then the links, as links.

    Folders are made one part at a time and an existing part must be a folder, not a link:
    nothing is ever written through a link, even for a tree that did not come through
    ``listing`` (which refuses a path below another entry).
    """
    made: set[PurePosixPath] = {PurePosixPath()}
    try:
        for file in files:
            if not file.link:
                _write_file(dest, file, limits, made)
        for file in files:
            if file.link:
                _make_folder(dest, file.path.parent, made)
                (dest / file.path).symlink_to(os.fsdecode(file.data))
    except OSError as error:
        raise ComplykitError(
            f"cannot write the revision to a scratch folder: {error.strerror or error}"
        ) from error


def _make_folder(dest: Path, folder: PurePosixPath, made: set[PurePosixPath]) -> None:
    """``dest / folder`` made part by part; a part that is there already must be a folder."""
    if folder in made:
        return
    _make_folder(dest, folder.parent, made)
    where = dest / folder
    try:
        where.mkdir(mode=0o700)
    except FileExistsError:
        if not stat.S_ISDIR(where.lstat().st_mode):  # a link (or a file) in a folder's place
            raise ComplykitError(
                f"refused to write below {folder.as_posix()!r}: it is not a folder",
                hint="The commit holds a crafted tree; complykit reads plain trees only.",
            ) from None
    made.add(folder)


def _write_file(dest: Path, file: TreeFile, limits: LoadLimits, made: set[PurePosixPath]) -> None:
    _make_folder(dest, file.path.parent, made)
    target = dest / file.path
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, flags, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(file.data)
        if file.size > limits.max_file_bytes:
            stream.truncate(file.size)  # sparse past the head: the loader reports the size
