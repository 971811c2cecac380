"""Reading a workspace: unreadable files and stray YAML become findings, not crashes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from complykit.validate.engine import run
from conftest import BASE_CONFIG


def _workspace(tmp_path: Path) -> Path:
    shutil.copy(BASE_CONFIG, tmp_path / "complykit.yaml")
    return tmp_path


def test_dangling_symlink_is_an_unreadable_file_finding(tmp_path: Path) -> None:
    """A record file that cannot be read gives YAML009 at line 1 and the run goes on."""
    root = _workspace(tmp_path)
    (root / "gone.yaml").symlink_to(root / "nowhere.yaml")
    result = run(root, as_of=date(2026, 11, 23))
    assert [(str(f.path), f.code, f.line) for f in result.findings] == [("gone.yaml", "YAML009", 1)]


def test_hidden_folders_and_catalogs_are_not_records(tmp_path: Path) -> None:
    """YAML under .git, .github-like hidden folders and catalogs/ is not read as records."""
    root = _workspace(tmp_path)
    for folder in (".github/workflows", "catalogs", "node_modules/x"):
        (root / folder).mkdir(parents=True)
        (root / folder / "ci.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (root / "catalogs" / "ci.yaml").unlink()
    assert run(root, as_of=date(2026, 11, 23)).findings == ()


def test_excluded_paths_are_skipped(tmp_path: Path) -> None:
    """Globs under paths.exclude in complykit.yaml keep non-record YAML out."""
    root = _workspace(tmp_path)
    config = root / "complykit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "paths:\n  exclude: ['mkdocs.yml']\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert run(root, as_of=date(2026, 11, 23)).findings == ()


def test_parallel_and_serial_loading_give_identical_results(tmp_path: Path) -> None:
    """Worker processes change nothing: same findings, records and order as a serial run."""
    root = _workspace(tmp_path)
    for index in range(30):
        (root / f"s{index:02}.yaml").write_text(
            f"kind: supplier\nid: sup-{index}\nname: Vendor {index}\nservices: [x]\n"
            f"role: processor\ncountry: {'NL' if index % 3 else 'UK'}\n"
            "dpa: {signed_on: 2025-01-10}\nbreach_notification: {within: PT24H}\n"
            + ("extra: field\n" if index % 7 == 0 else ""),
            encoding="utf-8",
        )
    serial = run(root, as_of=date(2026, 11, 23), jobs=1)
    parallel = run(root, as_of=date(2026, 11, 23), jobs=2)
    assert parallel.findings == serial.findings
    assert parallel.records_checked == serial.records_checked == 25
    assert {f.code for f in serial.findings} == {"SCH003", "REF006"}


def test_link_out_of_the_workspace_is_not_read(tmp_path: Path) -> None:
    """A record file that links outside the workspace is reported, and its target not read."""
    (tmp_path / "ws").mkdir()
    root = _workspace(tmp_path / "ws")
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (root / "leak.yaml").symlink_to(secret)
    result = run(root, as_of=date(2026, 11, 23))
    [finding] = result.findings
    assert (str(finding.path), finding.code) == ("leak.yaml", "YAML009")
    assert "outside the workspace" in finding.message


def test_link_inside_the_workspace_is_read(tmp_path: Path) -> None:
    """A link to another file in the same workspace is read like any record."""
    root = _workspace(tmp_path)
    (root / "real").mkdir()
    (root / "real" / "s.yaml").write_text(
        "kind: supplier\nid: s\nname: S\nservices: [x]\nrole: none\ncountry: NL\n", encoding="utf-8"
    )
    (root / "alias.yaml").symlink_to(root / "real" / "s.yaml")
    result = run(root, as_of=date(2026, 11, 23))
    assert [f.code for f in result.findings] == ["REF003"]


def test_spawned_pool_where_fork_is_missing_gives_the_serial_files(tmp_path: Path) -> None:
    """Without fork (Windows) a spawned pool parses; the files come back the same, in order."""
    from complykit.load.files import InsideReader  # noqa: PLC0415
    from complykit.load.parsing import read_hashed  # noqa: PLC0415
    from complykit.workspace import open as workspace  # noqa: PLC0415

    root = _workspace(tmp_path)
    for index in range(12):
        (root / f"t{index:02}.yaml").write_text(f"kind: task\nid: t-{index}\n", encoding="utf-8")
    files = sorted(root.glob("t*.yaml"))
    pooled = list(workspace._parse_in_pool(root, [p.name for p in files], 2))
    serial = [read_hashed(root, p, InsideReader(root)) for p in files]
    assert pooled == serial


def test_exclusions_match_paths_relative_to_the_root_at_any_depth(tmp_path: Path) -> None:
    """Globs match the path from the workspace root, in subfolders as at the top (``*`` also
    crosses folders, as fnmatch does); the config itself is never a record, while a file of
    the same name in a subfolder is."""
    from complykit.load.discover import discover  # noqa: PLC0415

    for name in ("a.yaml", "drafts/b.yaml", "drafts/deep/c.yaml", "x/drafts/d.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("kind: task\n", encoding="utf-8")
    (tmp_path / "complykit.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "x" / "complykit.yaml").write_text("x: 1\n", encoding="utf-8")
    found = discover(tmp_path, ["drafts/*.yaml", "x/drafts/*"]).files
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.yaml", "x/complykit.yaml"]
    found = discover(tmp_path, ["drafts/deep/*"]).files
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.yaml",
        "drafts/b.yaml",
        "x/complykit.yaml",
        "x/drafts/d.yaml",
    ]
    # The texts a cached run restores files by are the same paths, in the same order.
    discovery = discover(tmp_path, ["drafts/deep/*"])
    assert discovery.relatives == [p.relative_to(tmp_path).as_posix() for p in discovery.files]
