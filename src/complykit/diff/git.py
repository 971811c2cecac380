"""The few git commands ``diff`` needs, run without a shell; failures become ComplykitError."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

from complykit.errors import ComplykitError

_NO_REPO_HINT = "Run complykit diff inside a git checkout, or pass a workspace that is in one."


def _git_executable() -> str:
    found = shutil.which("git")
    if found is None:
        raise ComplykitError(
            "git was not found on PATH", hint="Install git: complykit diff reads revisions with it."
        )
    return found


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``git args`` in ``cwd`` and return the completed process, whatever its exit status."""
    command = [_git_executable(), *args]
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, check=False)  # noqa: S603
    except OSError as error:
        raise ComplykitError(f"cannot run git: {error.strerror or error}") from error


def toplevel(path: Path) -> Path:
    """The root of the git working tree that holds ``path``."""
    done = git(path, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise ComplykitError(f"{path}: not inside a git repository", hint=_NO_REPO_HINT)
    return Path(done.stdout.decode().strip()).resolve()


def resolve_commit(top: Path, revision: str) -> str:
    """The full commit id ``revision`` names: a branch, tag, sha, ``origin/main`` or ``HEAD~1``."""
    # A leading dash would be read as an option (git archive --output=... writes files).
    if not revision or revision.startswith("-"):
        raise ComplykitError(f"{revision!r} is not a git revision")
    done = git(
        top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
    )
    if done.returncode != 0:
        raise ComplykitError(
            f"unknown git revision {revision!r}",
            hint="Fetch it first (e.g. git fetch origin main) or check the spelling.",
        )
    return done.stdout.decode().strip()


def has_file(top: Path, commit: str, path: PurePosixPath) -> bool:
    """Whether ``path`` (relative to the repository root) exists in ``commit``."""
    return git(top, "cat-file", "-e", f"{commit}:{path.as_posix()}").returncode == 0


def archive(top: Path, commit: str, folder: PurePosixPath) -> bytes:
    """A tar of ``folder`` (relative to the repository root) as it is in ``commit``."""
    pathspec = [] if folder == PurePosixPath() else ["--", folder.as_posix()]
    done = git(top, "archive", "--format=tar", commit, *pathspec)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip() or "git archive failed"
        raise ComplykitError(f"cannot read {folder} at {commit[:12]}: {message}")
    return done.stdout
