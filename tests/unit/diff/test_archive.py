"""The extraction filter refuses hostile archive members and unpacks plain ones."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from complykit.diff.archive import extract
from complykit.errors import ComplykitError


def _tar(*members: tarfile.TarInfo) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for member in members:
            data = b"kind: risk\n" if member.isfile() else b""
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data) if data else None)
    return buffer.getvalue()


def _member(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type, member.linkname = kind, link
    return member


HOSTILE = {
    "parent folder": (_member("ws/../../evil.yaml"), "'..'"),
    "absolute path": (_member("/srv/evil.yaml"), "absolute path"),
    "symbolic link": (_member("ws/link.yaml", tarfile.SYMTYPE, "/etc/passwd"), "is a link"),
    "hard link": (_member("ws/hard.yaml", tarfile.LNKTYPE, "ws/a.yaml"), "is a link"),
    "device": (_member("ws/dev", tarfile.CHRTYPE), "not a plain file or folder"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_member_is_refused(case: str, tmp_path: Path) -> None:
    """An archive with a member that could escape the folder is refused, and nothing escapes."""
    member, reason = HOSTILE[case]
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(ComplykitError, match="refused to unpack") as raised:
        extract(_tar(member), dest)
    assert reason in raised.value.message
    assert not (tmp_path / "evil.yaml").exists()


def test_plain_files_and_folders_are_unpacked(tmp_path: Path) -> None:
    """Folders and regular files land below the target with their contents."""
    extract(_tar(_member("ws", tarfile.DIRTYPE), _member("ws/risk.yaml")), tmp_path)
    assert (tmp_path / "ws" / "risk.yaml").read_text(encoding="utf-8") == "kind: risk\n"
