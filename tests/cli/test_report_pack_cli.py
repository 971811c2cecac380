"""``complykit report pack``: every report in one reproducible zip with a checked manifest."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.reports import REPORTS
from conftest import EXAMPLE

runner = CliRunner()
AS_OF = ("--as-of", "2026-11-23")
FAST = ("-f", "html", "-f", "markdown", "-f", "xlsx")


def _pack(target: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", "pack", str(EXAMPLE), "-o", str(target), *args, *AS_OF])
    return result.exit_code, result.stdout, result.stderr


def test_two_packs_are_byte_identical(tmp_path: Path) -> None:
    """Packing the same commit and as-of date twice gives the same bytes."""
    assert _pack(tmp_path / "a.zip", *FAST)[0] == 0
    assert _pack(tmp_path / "b.zip", *FAST)[0] == 0
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_manifest_hashes_match_the_files(tmp_path: Path) -> None:
    """The manifest lists every other file with its SHA-256, plus the as-of date and version."""
    assert _pack(tmp_path / "a.zip", *FAST)[0] == 0
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = sorted(set(archive.namelist()) - {"manifest.json"})
        hashes = {n: hashlib.sha256(archive.read(n)).hexdigest() for n in names}
        dates = {info.date_time for info in archive.infolist()}
    assert {f["path"]: f["sha256"] for f in manifest["files"]} == hashes
    assert manifest["as_of"] == "2026-11-23"
    assert manifest["organisation"] == "Tulip Health B.V."
    assert manifest["git"]["in_repository"] is True
    assert len(manifest["git"]["commit"]) == 40
    assert dates == {(2026, 11, 23, 0, 0, 0)}


def test_pack_holds_every_report_language_and_format(tmp_path: Path) -> None:
    """Each report is there in both configured languages and each format asked for."""
    assert _pack(tmp_path / "a.zip", *FAST)[0] == 0
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        names = set(archive.namelist())
    for name in REPORTS:
        for lang in ("en", "nl"):
            for ext in ("html", "md", "xlsx"):
                assert any(
                    n.startswith(f"{lang}/{name}") and n.endswith(f".{ext}") for n in names
                ), (name, lang, ext)


def test_pack_never_overwrites_without_force(tmp_path: Path) -> None:
    """An existing archive is kept, byte for byte, unless --force is given."""
    target = tmp_path / "audit.zip"
    target.write_bytes(b"keep")
    code, _, err = _pack(target, "-f", "markdown")
    assert code == 2
    assert "already exists" in err
    assert target.read_bytes() == b"keep"
    assert _pack(target, "-f", "markdown", "--force")[0] == 0
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["audit.zip"]  # no temporary file is left


def test_pack_needs_an_output(tmp_path: Path) -> None:
    """Without --output the pack exits 2: a zip is not for the terminal."""
    result = runner.invoke(app, ["report", "pack", str(EXAMPLE), *AS_OF])
    assert result.exit_code == 2
    assert "--output" in result.stderr
