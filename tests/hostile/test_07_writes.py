"""Class 7: what complykit writes stays inside the workspace or the named output.

A pull request can replace a folder or file with a symbolic link to anywhere. Every writing
command refuses to follow it (exit 2, one line), and the place it pointed to is unchanged.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hostile.harness import fingerprint, run, workspace

CSV = "Naam;Doel;Grondslag;Rol\nCRM;Opvolging;gerechtvaardigd belang;controller\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_text("precious", encoding="utf-8")
    return folder


@pytest.mark.parametrize("folder", ["schemas", "register"])
def test_init_refuses_linked_folders(tmp_path: Path, outside: Path, folder: str) -> None:
    """init into a folder whose schemas/ or register/ links outside writes nothing."""
    target = tmp_path / "new"
    target.mkdir()
    (target / folder).symlink_to(outside, target_is_directory=True)
    before = fingerprint(outside)
    outcome = run("init", str(target), "--organisation", "X", "--headcount", "5")
    outcome.assert_inert(allowed=(2,))
    assert fingerprint(outside) == before
    assert not (target / "complykit.yaml").exists()


def test_soa_init_refuses_a_linked_folder(tmp_path: Path, outside: Path) -> None:
    """soa init into a soa/ folder that links outside writes nothing there."""
    root = workspace(tmp_path)
    (root / "soa").symlink_to(outside, target_is_directory=True)
    before = fingerprint(outside)
    run("soa", "init", "iso27001-2022", "--workspace", str(root)).assert_inert(allowed=(2,))
    assert fingerprint(outside) == before


def test_soa_init_refuses_a_dangling_link_in_its_place(tmp_path: Path, outside: Path) -> None:
    """A dangling link where the SoA would go is not written through."""
    root = workspace(tmp_path)
    (root / "soa").mkdir()
    (root / "soa" / "iso27001-2022.yaml").symlink_to(outside / "planted.yaml")
    run("soa", "init", "iso27001-2022", "--workspace", str(root)).assert_inert(allowed=(2,))
    assert not (outside / "planted.yaml").exists()


def test_import_refuses_a_linked_register_folder(tmp_path: Path, outside: Path) -> None:
    """import writes no row through a register/ folder that links outside."""
    root = workspace(tmp_path)
    (root / "register").symlink_to(outside, target_is_directory=True)
    source = tmp_path / "avg.csv"
    source.write_text(CSV, encoding="utf-8")
    before = fingerprint(outside)
    outcome = run("import", "register", str(source), str(root))
    outcome.assert_inert(allowed=(0, 1, 2))  # the row is reported, not written
    assert "links outside the workspace" in outcome.stderr
    assert fingerprint(outside) == before


@pytest.mark.parametrize(
    "command",
    [
        ("report", "ropa", "--format", "markdown"),
        ("report", "ropa", "--format", "markdown", "--force"),
        ("report", "ropa", "--format", "xlsx", "--force"),
        ("validate",),
        ("export", "algoritmeregister"),
    ],
)
def test_output_is_never_written_through_a_link(
    tmp_path: Path, outside: Path, command: tuple[str, ...]
) -> None:
    """--output naming a link is refused, or with --force the link itself is replaced: the
    file it pointed to keeps its text either way."""
    root = workspace(tmp_path)
    link = root / "out.file"
    link.symlink_to(outside / "victim.txt")
    before = fingerprint(outside)
    name, *rest = command
    outcome = run(name, *rest[:1], str(root), *rest[1:], "--output", str(link))
    outcome.assert_inert(allowed=(0, 2) if "--force" in command else (2,))
    assert fingerprint(outside) == before


def test_jobs_are_capped(tmp_path: Path) -> None:
    """An absurd --jobs does not start an absurd number of processes; validation works."""
    root = workspace(tmp_path, {"r.yaml": "kind: risk\nid: r\n"})
    run("validate", str(root), "--jobs", "100000").assert_inert(allowed=(1,))


@pytest.mark.parametrize("force", [(), ("--force",)])
@pytest.mark.parametrize(
    "command",
    [
        ("validate",),
        ("report", "summary", "--format", "markdown"),
        ("report", "ropa", "--format", "xlsx"),
        ("export", "ics"),
    ],
)
def test_a_device_named_as_output_is_written_into_never_replaced(
    tmp_path: Path, command: tuple[str, ...], force: tuple[str, ...]
) -> None:
    """`--output` naming a device (with or without --force) is written into as a shell's
    `>` would: moving a file into its place would replace the device, which as root is the
    system's /dev/null."""
    device = tmp_path / "null"  # a device of our own: a regression must not replace the real one
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is on Linux
    except (OSError, AttributeError):
        pytest.skip("making a device needs root on Linux")
    root = workspace(tmp_path)
    name, *rest = command
    outcome = run(name, *rest[:1], str(root), *rest[1:], "--output", str(device), *force)
    outcome.assert_inert(allowed=(0, 1))
    assert device.is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "ws"]


def test_a_pipe_named_as_output_receives_the_output(tmp_path: Path) -> None:
    """A FIFO stays a FIFO, and what is read from it is the report."""
    root = workspace(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    outcome = run("validate", str(root), "--format", "json", "--output", str(fifo))
    reader.join(timeout=30)
    outcome.assert_inert(allowed=(0,))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["summary"]["errors"] == 0


def test_a_socket_named_as_output_is_refused(tmp_path: Path) -> None:
    """A socket is neither a file nor a pipe: exit 2, and it is left where it was."""
    root = workspace(tmp_path)
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        outcome = run("validate", str(root), "--output", str(path), "--force")
    assert outcome.code == 2
    assert "is neither a file nor a pipe" in outcome.stderr
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_dev_stdout_redirected_to_a_file_is_written_through(tmp_path: Path) -> None:
    """`--output /dev/stdout > report.md` writes the report into report.md, as a shell user
    expects; the system's /dev/stdout link is neither refused as an existing file nor
    replaced."""
    standard = Path("/dev/stdout")
    if not standard.is_symlink():
        pytest.skip("no /dev/stdout link on this system")
    root = workspace(tmp_path)
    target = tmp_path / "report.md"
    command = [sys.executable, "-m", "complykit", "report", "summary", str(root)]
    with target.open("wb") as stream:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module
            [*command, "--format", "markdown", "--output", str(standard)],
            stdout=stream,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("<!-- Generated by complykit")
    assert standard.is_symlink()


@pytest.mark.parametrize("git", [True, False], ids=["checkout", "plain-folder"])
def test_schema_output_through_a_linked_folder_on_the_way_is_refused(
    tmp_path: Path, outside: Path, git: bool
) -> None:
    """``complykit schema -o site/schemas`` with ``site`` committed as a link wrote 19 schema
    files outside the checkout, exit 0: only the last part of the path was looked at."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    if git:
        (checkout / ".git").mkdir()
    (checkout / "site").symlink_to(outside, target_is_directory=True)
    before = fingerprint(outside)
    outcome = run("schema", "--output", "site/schemas", cwd=checkout)
    outcome.assert_inert(allowed=(2,))
    assert (
        f"site/schemas leads through a link outside the repository ({checkout}); nothing was "
        "written"
    ) in outcome.stderr
    assert fingerprint(outside) == before


def test_schema_output_named_outside_the_checkout_is_written(tmp_path: Path) -> None:
    """A folder the user names outside the checkout is the user's choice, as before."""
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    outcome = run("schema", "--output", str(tmp_path / "published"), cwd=checkout)
    outcome.assert_inert(allowed=(0,))
    assert (tmp_path / "published" / "config.schema.json").is_file()
