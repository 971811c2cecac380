"""Class 5: FIFOs, sockets and devices are never opened; deep and long paths are findings.

A record that was not read must never look clean: each case exits 1 with a finding naming
the place, rather than hanging, crashing or skipping silently.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from hostile.harness import run, run_process, workspace


def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    """A FIFO named *.yaml would block a reader forever; in a child process it is a finding."""
    root = workspace(tmp_path)
    os.mkfifo(root / "pipe.yaml")
    outcome = run_process("validate", str(root), cwd=tmp_path)
    outcome.assert_inert(allowed=(1,))
    assert "pipe.yaml" in outcome.stdout
    assert "named pipe (FIFO)" in outcome.stdout


def test_socket_is_skipped(tmp_path: Path) -> None:
    """A socket named *.yaml is reported, not read."""
    root = workspace(tmp_path)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(root / "s.yaml"))
        outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert "a socket, not a regular file" in outcome.stdout


def test_device_link_is_not_read(tmp_path: Path) -> None:
    """A link to /dev/zero (endless) or /dev/stdin is outside the workspace: a finding."""
    root = workspace(tmp_path)
    (root / "zero.yaml").symlink_to("/dev/zero")
    (root / "stdin.yaml").symlink_to("/dev/stdin")
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert outcome.stdout.count("outside the workspace") == 2


def test_device_inside_the_workspace_is_not_read(tmp_path: Path) -> None:
    """A link inside the workspace to a FIFO inside it is still no regular file."""
    root = workspace(tmp_path)
    os.mkfifo(root / "real-pipe")
    (root / "alias.yaml").symlink_to(root / "real-pipe")
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert "alias.yaml" in outcome.stdout


def test_very_deep_tree_is_a_finding(tmp_path: Path) -> None:
    """Folders nested deeper than the limit are named in a finding, not walked or skipped."""
    root = workspace(tmp_path)
    deep = root.joinpath(*["d"] * 60)
    deep.mkdir(parents=True)
    (deep / "r.yaml").write_text("kind: risk\n", encoding="utf-8")
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert "nested deeper than" in outcome.stdout


def test_path_longer_than_the_system_allows_is_a_finding(tmp_path: Path) -> None:
    """A folder whose path is longer than PATH_MAX cannot be listed: a finding says so."""
    root = workspace(tmp_path)
    parent = os.open(root, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 250 characters: past Linux's 4096
            os.mkdir("n" * 250, dir_fd=parent)
            child = os.open("n" * 250, os.O_RDONLY, dir_fd=parent)
            os.close(parent)
            parent = child
        descriptor = os.open("r.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=parent)
        os.write(descriptor, b"kind: risk\nid: far\n")
        os.close(descriptor)
    finally:
        os.close(parent)
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert "YAML009" in outcome.stdout


def test_a_loop_of_links_is_named_a_loop(tmp_path: Path) -> None:
    """A link to itself, or two links to each other, lead nowhere: YAML009 says it is a loop,
    not that it leads outside the workspace."""
    root = workspace(tmp_path)
    (root / "self.yaml").symlink_to("self.yaml")
    (root / "a.yaml").symlink_to("b.yaml")
    (root / "b.yaml").symlink_to("a.yaml")
    outcome = run("validate", str(root), "--no-cache", "--format", "json")
    outcome.assert_inert(allowed=(1,))
    findings = json.loads(outcome.stdout)["findings"]
    assert sorted(f["path"] for f in findings if f["code"] == "YAML009") == [
        "a.yaml",
        "b.yaml",
        "self.yaml",
    ]
    assert all("loop of links" in f["message"] for f in findings if f["code"] == "YAML009")


def test_a_folder_named_complykit_yaml_is_said_to_be_one(tmp_path: Path) -> None:
    """Not "no complykit.yaml here or above": the user sees what is wrong with the one there."""
    (tmp_path / "complykit.yaml").mkdir()
    outcome = run("validate", str(tmp_path))
    outcome.assert_inert(allowed=(2,))
    assert "complykit.yaml is a folder, not the workspace's configuration" in outcome.stderr


def test_a_link_out_of_the_workspace_is_told_what_to_do(tmp_path: Path) -> None:
    """A record file linked from elsewhere is told to be put in the workspace itself, not to
    check permissions it does not lack."""
    root = workspace(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("kind: risk\nid: risk-far\n", encoding="utf-8")
    (root / "far.yaml").symlink_to(outside)
    outcome = run("validate", str(root), "--no-cache", "--format", "json")
    outcome.assert_inert(allowed=(1,))
    (finding,) = [f for f in json.loads(outcome.stdout)["findings"] if f["code"] == "YAML009"]
    assert "outside the workspace" in finding["message"]
    assert "put the file or folder itself where a link stands" in finding["hint"]
