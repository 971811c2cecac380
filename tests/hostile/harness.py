"""What every hostile case needs: a workspace in a temporary folder, the CLI run in-process or
as a bounded subprocess, and the checks that no output is live and nothing changed."""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.escape import has_command
from conftest import BASE_CONFIG

MEMORY_LIMIT = 2 * 1024**3
TIME_LIMIT = 60
# Raw characters a terminal acts on or a reviewer is misled by: C0 but tab and newline, DEL,
# C1, bidi overrides and isolates, line and paragraph separators.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# The payload every case plants: a GitHub command on its own line, a legacy and an Azure
# command mid-line, an OSC 52 clipboard write, a CSI screen clear and a right-to-left override.
PAYLOAD = (
    "x\n::warning::INJECTED\n ##[error]INJECTED ##vso[task.setvariable variable=x]1 "
    "\x1b]52;c;SE9PSw==\x07\x1b[2J\u202eevil"
)

VALIDATE_FORMATS = ("text", "json", "github", "sarif", "junit", "markdown")


@dataclass(frozen=True, slots=True)
class Outcome:
    code: int
    stdout: str
    stderr: str

    def assert_inert(self, *, allowed: tuple[int, ...]) -> None:
        """The exit code is one of ``allowed``; no output line is live."""
        assert self.code in allowed, (self.code, self.stdout[-2000:], self.stderr[-2000:])
        assert_inert(self.stdout)
        assert_inert(self.stderr)


# complykit's own annotations in the github format: the properties hold no "::" of their own.
_OWN_ANNOTATION = re.compile(r"^::(?:error|warning|notice) file=(?:(?!::).)*::", re.MULTILINE)


def assert_inert(output: str) -> None:
    """No traceback, runner command, raw control character or internal error in ``output``.

    complykit's own ``::error file=...::`` annotations are the one command allowed; what
    follows their prefix must be inert like everything else.
    """
    output = _OWN_ANNOTATION.sub("", output)
    assert "Traceback" not in output
    assert "internal error" not in output
    commands = [line for line in output.split("\n") if has_command(line)]
    assert not commands, commands
    assert not RAW_CONTROL.search(output), RAW_CONTROL.findall(output)


def run(*args: str, cwd: Path | None = None) -> Outcome:
    """The CLI in-process, as a user would call it."""
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(previous)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def bounded() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Outcome:
    """The installed CLI in a child process, under a 2 GiB memory limit and a time limit."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", "from complykit.cli.app import main; main()", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        timeout=TIME_LIMIT,
        preexec_fn=bounded,
        check=False,
    )
    return Outcome(done.returncode, _decoded(done.stdout), _decoded(done.stderr))


def _decoded(data: bytes) -> str:
    return data.decode("utf-8", "backslashreplace")


def workspace(tmp_path: Path, files: Mapping[str, str | bytes] | None = None) -> Path:
    """A valid minimal workspace in ``tmp_path/ws`` plus ``files``."""
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def fingerprint(folder: Path) -> dict[str, str]:
    """Every entry below ``folder`` (links not followed) with a digest of what it holds."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = "link:" + str(path.readlink())
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[key] = "folder" if path.is_dir() else "special"
    return found


HOSTILE_RISK = """\
kind: risk
id: risk-hostile
title: {payload}
description: {payload}
category: privacy
inherent: {{likelihood: 3, impact: 3}}
treatment: mitigate
treatment_plan: {payload}
residual: {{likelihood: 2, impact: 2}}
"""
HOSTILE_CATALOG = """\
schema_version: 1
framework:
  id: acme-hostile
  name: {payload}
  edition: "1"
  publisher: ACME
  published: "2026"
  sources: [internal]
  licence: internal
  soa: true
items:
  - {{id: AB-1, kind: control, title: {payload}, summary: {payload}}}
"""
# A file name may hold anything but "/" and NUL: newlines and escapes included.
HOSTILE_NAME = "x\n::warning::FILENAME ##vso[task.complete]1 \x1b]8;;http://evil\x07\u202e.yaml"


def planted(root: Path) -> Path:
    """Put the payload in a record's text, a record's key, a file name and a catalog."""
    payload = json.dumps(PAYLOAD)  # a JSON string is a YAML double-quoted scalar
    files = {
        "risks/hostile.yaml": HOSTILE_RISK.format(payload=payload),
        "risks/hostile-key.yaml": f"kind: risk\nid: risk-key\n{payload}: 1\n",
        "catalogs/acme-hostile.yaml": HOSTILE_CATALOG.format(payload=payload),
        HOSTILE_NAME: f"kind: risk\nid: risk-name\ntitle: {payload}\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def git_commit_all(root: Path, message: str) -> None:
    """Commit everything in ``root`` (a new repository if needed), needing no git config."""
    flags = ("-c", "user.name=Test", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false")
    git = shutil.which("git") or "git"
    if not (root / ".git").exists():
        subprocess.run([git, "init", "-q", str(root)], check=True)  # noqa: S603
    subprocess.run([git, "-C", str(root), "add", "-A"], check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [git, "-C", str(root), *flags, "commit", "-q", "-m", message], check=True
    )
