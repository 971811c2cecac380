"""The pack's archive: files deflated where they were rendered, stored as ZipFile stores them."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from io import BytesIO

from hypothesis import given
from hypothesis import strategies as st

from complykit.publish.zipped import COMPRESS_LEVEL, archive, packed

_PATHS = st.builds(
    "{}/{}.{}".format,
    st.sampled_from(["en", "nl"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).map(
        lambda name: name.replace("/", "-")
    ),
    st.sampled_from(["html", "xlsx", "json", "pdf"]),
)
_FILES = st.dictionaries(_PATHS, st.binary(max_size=3000) | st.text().map(str.encode), max_size=6)
_DAYS = st.dates(min_value=date(1970, 1, 1), max_value=date(2107, 12, 31))


def _written_by_zipfile(files: dict[str, bytes], day: date) -> bytes:
    """The archive as ZipFile.writestr makes it, entry by entry."""
    day = max(day, date(1980, 1, 1))
    written = BytesIO()
    with zipfile.ZipFile(written, "w") as zipped:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, (day.year, day.month, day.day, 0, 0, 0))
            deflate = not path.endswith(".xlsx")
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            info.create_system, info.external_attr = 3, 0o100644 << 16
            zipped.writestr(info, files[path], compresslevel=COMPRESS_LEVEL)
    return written.getvalue()


@given(_FILES, _DAYS)
def test_the_archive_is_the_one_zipfile_writes(files: dict[str, bytes], day: date) -> None:
    """Files deflated apart make the same bytes as ZipFile writing them one by one."""
    made = archive(reversed([packed(path, data) for path, data in files.items()]), day)
    assert made == _written_by_zipfile(files, day)
    with zipfile.ZipFile(BytesIO(made)) as zipped:
        assert zipped.testzip() is None
        assert {info.filename: zipped.read(info) for info in zipped.infolist()} == files


def test_a_packed_file_knows_its_digest_and_size() -> None:
    """The manifest's digest and size are those of the file, not of its deflated bytes."""
    data = b"<p>x</p>" * 100
    file = packed("en/ropa.html", data)
    assert (file.size, file.sha256) == (800, hashlib.sha256(data).hexdigest())
    assert len(file.stored) < file.size
    assert packed("en/ropa.xlsx", b"PK\x03\x04").stored == b"PK\x03\x04"
