"""Run git to read a repository, never to act on it: no shell, no pager, hooks or filters.

Whoever opens a pull request controls the files of the checkout, including ``.gitattributes``
and anything that looks like a repository inside it. complykit therefore only runs plumbing
commands that read objects (``rev-parse``, ``ls-tree``, ``cat-file``) and runs them with the
system and global config ignored and every config key that can start a program neutralised.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from complykit.core.errors import ComplykitError

_NO_REPO_HINT = "Run complykit inside a git checkout, or pass a workspace that is in one."
# Each key here can make git start a program or read beyond the repository.
_CLEAN_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.sshCommand=false",
    "core.untrackedCache=false",
    "credential.helper=",
    "diff.external=",
    "protocol.allow=never",
    "safe.bareRepository=explicit",  # a bare repository committed inside the checkout
    "uploadpack.packObjectsHook=",
)
# Variables that point git elsewhere or make it run something; the operator's GIT_DIR and
# GIT_WORK_TREE stay, since they choose the repository.
_DROPPED_ENV = ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS")
_HEX = frozenset("0123456789abcdef")


def _git_executable() -> str:
    found = shutil.which("git")
    if found is None:
        raise ComplykitError(
            "git was not found on PATH", hint="Install git: complykit reads revisions with it."
        )
    return found


def clean_environment() -> dict[str, str]:
    """The environment git runs in: no system or global config, no prompt, no pager."""
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED_ENV}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_LITERAL_PATHSPECS="1",  # a folder named ":(exclude)..." is just a folder
        # No transport at all: a repository's own protocol.ext.allow=always outranks the
        # command line's protocol.allow=never, and a partial clone fetches a missing object
        # through its remote (``ext::`` runs a command). Reading needs no network.
        GIT_ALLOW_PROTOCOL="",
        GIT_NO_LAZY_FETCH="1",
        PAGER="cat",
        LC_ALL="C",
    )
    return env


def git_command(*args: str) -> list[str]:
    """The full command line for ``git args`` with the clean configuration."""
    keys = (*_CLEAN_CONFIG, *(f"safe.directory={d}" for d in _operator_safe_directories()))
    config = [part for key in keys for part in ("-c", key)]
    return [_git_executable(), "--no-pager", *config, *args]


@functools.cache
def _operator_safe_directories() -> tuple[str, ...]:
    """``safe.directory`` from the operator's own global config, the one key kept from it.

    CI containers often check out as another user and mark the checkout safe globally;
    without the key git would refuse the repository. Reading config runs nothing.
    """
    try:
        done = subprocess.run(  # noqa: S603 - a fixed executable, no shell
            [_git_executable(), "config", "--global", "--get-all", "safe.directory"],
            cwd=Path.home() if Path.home().is_dir() else Path("/"),
            capture_output=True,
            check=False,
        )
    except OSError:
        return ()
    return tuple(line for line in done.stdout.decode("utf-8", "replace").splitlines() if line)


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``git args`` in ``cwd`` and return the completed process, whatever its exit status."""
    try:
        return subprocess.run(  # noqa: S603 - a fixed executable, no shell
            git_command(*args),
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=clean_environment(),
        )
    except OSError as error:
        raise ComplykitError(f"cannot run git: {error.strerror or error}") from error


def toplevel(path: Path) -> Path:
    """The root of the git working tree that holds ``path``."""
    done = git(path, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise ComplykitError(f"{path}: not inside a git repository", hint=_NO_REPO_HINT)
    return Path(os.fsdecode(done.stdout.rstrip(b"\n"))).resolve()


def resolve_commit(top: Path, revision: str) -> str:
    """The full commit id ``revision`` names: a branch, tag, sha, ``origin/main`` or ``HEAD~1``.

    A revision that git could read as an option (``--output=...``) is refused outright.
    """
    if not revision or revision.startswith("-") or not revision.isprintable():
        raise ComplykitError(f"{revision!r} is not a git revision")
    done = git(
        top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
    )
    if done.returncode != 0:
        raise ComplykitError(
            f"unknown git revision {revision!r}",
            hint="Fetch it first (e.g. git fetch origin main) or check the spelling.",
        )
    commit = done.stdout.decode("ascii", "replace").strip()
    if len(commit) not in {40, 64} or not _HEX.issuperset(commit):  # "^<sha>" of "^HEAD"
        raise ComplykitError(f"{revision!r} does not name one commit")
    return commit
