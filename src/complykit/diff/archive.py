"""Unpack a ``git archive`` tar safely: plain files and folders inside the target, nothing else."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path, PurePosixPath

from complykit.errors import ComplykitError

# Python 3.11.4 added extraction filters; before that, members are checked before extracting.
_DATA_FILTER = getattr(tarfile, "data_filter", None)


class UnsafeMemberError(tarfile.TarError):
    """An archive member that could write outside the target folder, or is not plain data."""

    def __init__(self, member: tarfile.TarInfo, reason: str) -> None:
        super().__init__(f"{member.name!r} {reason}")


def safe_member(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo:
    """A ``tarfile`` extraction filter: refuse links, devices, absolute paths and ``..``.

    The standard ``data`` filter, where Python has one, runs after it: it also drops
    permission bits and checks the final path against ``dest``.
    """
    name = PurePosixPath(member.name)
    if name.is_absolute() or Path(member.name).is_absolute():
        raise UnsafeMemberError(member, "has an absolute path")
    if ".." in name.parts:
        raise UnsafeMemberError(member, "points outside the archive with '..'")
    if member.issym() or member.islnk():
        raise UnsafeMemberError(member, "is a link")
    if not (member.isfile() or member.isdir()):
        raise UnsafeMemberError(member, "is not a plain file or folder")
    return _DATA_FILTER(member, dest) if _DATA_FILTER is not None else member


def extract(data: bytes, dest: Path) -> None:
    """Unpack the tar in ``data`` into ``dest``; refuse the whole archive on any unsafe member."""
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
            if _DATA_FILTER is not None:
                tar.extractall(dest, filter=safe_member)  # noqa: S202 - safe_member checks
            else:  # pragma: no cover - Python before 3.11.4
                members = [safe_member(m, str(dest)) for m in tar.getmembers()]
                tar.extractall(dest, members=members)  # noqa: S202 - every member checked above
    except tarfile.TarError as error:
        raise ComplykitError(
            f"refused to unpack the revision: {error}",
            hint="complykit diff reads plain files and folders only, e.g. no symbolic links.",
        ) from error
