"""Class 8: diff reads git objects and runs nothing the repository names.

The repository's config and ``.gitattributes`` name a smudge filter, a textconv driver, an
fsmonitor, hooks and export-subst; each would leave a marker file if git ran it. diff must
read the committed bytes as they are, and refuse a revision that looks like an option.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from hostile.harness import fingerprint, git_commit_all, run, run_process, workspace

RISK = """\
kind: risk
id: risk-subst
title: "$Format:%H$"
category: privacy
inherent: {likelihood: 3, impact: 3}
treatment: mitigate
residual: {likelihood: 2, impact: 2}
treatment_plan: Review the list each quarter.
"""


@pytest.fixture
def booby_trapped(tmp_path: Path) -> Path:
    """A workspace repository whose config would run programs on checkout, diff or status."""
    root = workspace(tmp_path, {"risk.yaml": RISK})
    (root / ".gitattributes").write_text("* filter=evil diff=evil export-subst\n", encoding="utf-8")
    git_commit_all(root, "base")
    marker = tmp_path / "ran"
    hooks = root / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    for hook in ("post-checkout", "pre-commit", "reference-transaction"):
        (hooks / hook).write_text(f"#!/bin/sh\ntouch {marker}-{hook}\n", encoding="utf-8")
        (hooks / hook).chmod(0o755)
    settings = {
        "filter.evil.smudge": f"sh -c 'touch {marker}-smudge; cat'",
        "filter.evil.clean": f"sh -c 'touch {marker}-clean; cat'",
        "filter.evil.required": "true",
        "diff.evil.textconv": f"sh -c 'touch {marker}-textconv; cat'",
        "core.fsmonitor": f"sh -c 'touch {marker}-fsmonitor'",
        "core.pager": f"sh -c 'touch {marker}-pager; cat'",
    }
    for key, value in settings.items():
        subprocess.run(["git", "-C", str(root), "config", key, value], check=True)  # noqa: S603, S607
    (root / "risk.yaml").write_text(RISK.replace("3, impact: 3", "4, impact: 3"), "utf-8")
    return root


def test_diff_runs_nothing_the_repository_names(booby_trapped: Path) -> None:
    """No filter, textconv, fsmonitor, hook or pager runs; export-subst is not applied."""
    outcome = run("diff", "HEAD", str(booby_trapped), "--format", "json")
    outcome.assert_inert(allowed=(0, 1))
    assert not list(booby_trapped.parent.glob("ran-*"))
    report = ("report", "risks", str(booby_trapped), "--format", "markdown")
    run(*report, "--at", "HEAD").assert_inert(allowed=(0,))
    run(*report).assert_inert(allowed=(0,))  # provenance asks git whether the tree is dirty
    assert not list(booby_trapped.parent.glob("ran-*"))
    assert "$Format:%H$" not in outcome.stdout  # the title did not change: not in the diff
    assert '"inherent.likelihood"' in outcome.stdout or "likelihood" in outcome.stdout


@pytest.mark.parametrize(
    "revision", ["--output=/tmp/complykit-pwned", "-p", "--exec=touch x", "HEAD\n::warning::x"]
)
def test_an_option_like_revision_is_refused(booby_trapped: Path, revision: str) -> None:
    """A revision that git would read as an option is a usage error; nothing is written."""
    run("diff", revision, str(booby_trapped)).assert_inert(allowed=(2,))
    run("diff", "HEAD", str(booby_trapped), "--head", revision).assert_inert(allowed=(2,))
    report = ("report", "risks", str(booby_trapped), "--format", "markdown", "--at", revision)
    run(*report).assert_inert(allowed=(2,))
    assert not Path("/tmp/complykit-pwned").exists()  # noqa: S108 - the path an attack names


def test_a_committed_link_out_of_the_workspace_is_not_read(tmp_path: Path) -> None:
    """A record file committed as a link to /etc/passwd is a finding; its text never shows."""
    root = workspace(tmp_path)
    (root / "passwd.yaml").symlink_to("/etc/passwd")
    git_commit_all(root, "a link")
    (root / "passwd.yaml").unlink()
    outcome = run("diff", "HEAD", str(root), "--format", "json")
    outcome.assert_inert(allowed=(0, 1))
    assert "root:" not in outcome.stdout
    assert "outside the workspace" in outcome.stdout


def test_diff_leaves_the_working_tree_and_repository_as_they_were(tmp_path: Path) -> None:
    """Reading only the changed file from git writes nothing into the checkout or .git."""
    root = workspace(tmp_path, {"risk.yaml": RISK, "other.yaml": RISK.replace("subst", "other")})
    git_commit_all(root, "base")
    (root / "risk.yaml").write_text(RISK.replace("3, impact: 3", "4, impact: 3"), "utf-8")
    before = fingerprint(root)
    outcome = run_process("diff", "HEAD", str(root), "--format", "json", cwd=root)
    outcome.assert_inert(allowed=(0, 1))
    assert '"inherent.likelihood"' in outcome.stdout
    assert fingerprint(root) == before


def test_a_named_pipe_in_place_of_a_committed_record_is_not_waited_on(tmp_path: Path) -> None:
    """A FIFO where the base has a record file: hashing and loading neither block nor read it."""
    root = workspace(tmp_path, {"risk.yaml": RISK})
    git_commit_all(root, "base")
    (root / "risk.yaml").unlink()
    os.mkfifo(root / "risk.yaml")
    outcome = run_process("diff", "HEAD", str(root), "--format", "json", cwd=root)
    outcome.assert_inert(allowed=(1,))
    assert "named pipe" in outcome.stdout


def _git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(  # noqa: S603
        ["git", "-C", str(root), *args],  # noqa: S607
        input=stdin,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("ascii").strip()


def _object(root: Path, kind: str, data: bytes) -> str:
    """An object written as given: git's own commands would never make a tree like these."""
    return _git(root, "hash-object", "--literally", "-t", kind, "-w", "--stdin", stdin=data)


def _crafted_commit(root: Path, links: list[tuple[str, str]]) -> str:
    """HEAD's tree plus ``links`` (name, target), entries in the order given."""
    entries = [line.split("\t", 1) for line in _git(root, "ls-tree", "HEAD").splitlines() if line]
    raw = b"".join(
        f"{meta.split()[0].lstrip('0') or '0'} {name}".encode()
        + b"\0"
        + bytes.fromhex(meta.split()[2])
        for meta, name in entries
    )
    for name, target in links:
        raw += (
            f"120000 {name}".encode()
            + b"\0"
            + bytes.fromhex(_object(root, "blob", target.encode()))
        )
    tree = _object(root, "tree", raw)
    return _git(root, "-c", "user.name=a", "-c", "user.email=a@b", "commit-tree", tree, "-m", "x")


def test_a_tree_with_a_path_below_a_link_plants_nothing_outside(tmp_path: Path) -> None:
    """A crafted base tree holds a link ``h`` to the repository's hooks and ``h/post-checkout``
    below it: written out, the second would land in ``.git/hooks`` and run on the next git
    command. diff and report --at refuse the revision; nothing appears outside the scratch."""
    root = workspace(tmp_path, {"risk.yaml": RISK})
    git_commit_all(root, "base")
    hooks, outside = root / ".git" / "hooks", tmp_path / "outside"
    outside.mkdir()
    evil = _crafted_commit(
        root,
        [
            ("h", str(hooks)),
            ("h/post-checkout", str(root / "risk.yaml")),
            ("k", str(outside)),
            ("k/deep/config", str(root / "risk.yaml")),
        ],
    )
    before = sorted(p.name for p in hooks.iterdir())
    diff = run("diff", evil, str(root), "--format", "json")
    diff.assert_inert(allowed=(2,))
    assert "crafted tree" in diff.stderr
    at = run("report", "risks", str(root), "--format", "markdown", "--at", evil)
    at.assert_inert(allowed=(2,))
    assert sorted(p.name for p in hooks.iterdir()) == before
    assert not list(outside.iterdir())


def test_a_partial_clone_fetches_nothing_and_runs_nothing(tmp_path: Path) -> None:
    """A repository configured as a partial clone whose remote is an ``ext::`` command, with
    a blob of the base missing: git would run the command to fetch it. complykit allows no
    transport, and says the content is missing (exit 2, not a crash)."""
    root = workspace(tmp_path, {"risk.yaml": RISK})
    git_commit_all(root, "base")
    blob = _git(root, "rev-parse", "HEAD:risk.yaml")
    (root / "risk.yaml").write_text(RISK.replace("3, impact: 3", "4, impact: 3"), "utf-8")
    git_commit_all(root, "head")
    marker = tmp_path / "ran"
    settings = {
        "core.repositoryformatversion": "1",
        "extensions.partialClone": "origin",
        "remote.origin.promisor": "true",
        "remote.origin.url": f"ext::sh -c touch% {marker}",
        "protocol.ext.allow": "always",
    }
    for key, value in settings.items():
        _git(root, "config", key, value)
    (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    outcome = run("diff", "HEAD~1", str(root))
    outcome.assert_inert(allowed=(2,))
    assert "does not hold its content" in outcome.stderr
    run("report", "risks", str(root), "--at", "HEAD~1").assert_inert(allowed=(2,))
    assert not marker.exists()


def test_a_negated_revision_is_not_a_commit(booby_trapped: Path) -> None:
    """``^HEAD`` makes rev-parse print ``^<sha>``; it names no single commit: exit 2."""
    outcome = run("diff", "^HEAD", str(booby_trapped))
    outcome.assert_inert(allowed=(2,))
    assert "does not name one commit" in outcome.stderr
