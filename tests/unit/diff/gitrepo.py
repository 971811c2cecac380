"""Small git repositories holding a complykit workspace, built in tmp_path for diff tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import BASE_CONFIG, EXAMPLE

GIT = shutil.which("git") or "git"
# Identity and signing as flags, so no global git config is needed or read for commits.
_COMMIT_FLAGS = (
    *("-c", "user.name=Test"),
    *("-c", "user.email=test@example.com"),
    *("-c", "commit.gpgsign=false"),
)

ACTIVITY = """\
kind: processing-activity
id: pa-newsletter
name: Newsletter
role: controller
purposes:
  - description: Sending the monthly newsletter
    legal_basis: consent
    consent:
      how_obtained: Unticked box on the sign-up form
      how_recorded: Mailing tool audit log
      how_withdrawn: Unsubscribe link in every mail
data_subjects: [subscribers]
personal_data:
  - name: contact details
retention:
  period: P2Y
  trigger: unsubscription
data_locations:
  - {system: Mailer, country: NL}
security_description: Access control and encryption at rest.
no_recipients: Only the marketing team reads the list, in a mailer we host ourselves.
"""

RISK = """\
kind: risk
id: risk-leak
title: Mailing list leaks
owner: ciso
category: privacy
inherent: {likelihood: 3, impact: 3}
treatment: mitigate
residual: {likelihood: 2, impact: 2}
treatment_plan: Double opt-in and a yearly clean-up of the list.
"""

# An extra category that GDPR013 reports: health data without an Art. 9(2) condition.
HEALTH = "  - name: allergies\n    special_category: health\n"
CONTACT = "  - name: contact details\n"
"""The line of ``ACTIVITY`` after which ``HEALTH`` goes."""

CONTROL = """\
kind: control
id: ctl-mfa
title: MFA everywhere
status: implemented
evidence: [evidence/mfa.md]
"""
"""A control whose evidence file the tests write, or not."""


class GitRepo:
    """A git working tree with a workspace in ``compliance/``; edits, commits and git calls."""

    def __init__(self, root: Path, workspace: str = "compliance") -> None:
        self.root = root
        self.workspace = root / workspace
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q")

    def git(self, *args: str) -> str:
        command = [GIT, *args]
        done = subprocess.run(command, cwd=self.root, capture_output=True, text=True, check=True)  # noqa: S603
        return done.stdout.strip()

    def write(self, name: str, text: str) -> None:
        path = self.workspace / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git(*_COMMIT_FLAGS, "commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.workspace / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def add_workspace(repo: GitRepo) -> None:
    """Write a clean workspace into the working tree: one activity and one risk."""
    repo.workspace.mkdir(parents=True, exist_ok=True)
    shutil.copy(BASE_CONFIG, repo.workspace / "complykit.yaml")
    repo.write("register/newsletter.yaml", ACTIVITY)
    repo.write("risks/leak.yaml", RISK)


def workspace_repo(root: Path) -> GitRepo:
    """A repository whose one commit holds the clean workspace of ``add_workspace``."""
    repo = GitRepo(root)
    add_workspace(repo)
    repo.commit("base")
    return repo


def example_repo(root: Path, message: str = "the register") -> GitRepo:
    """A repository whose one commit holds the bundled example in its workspace folder."""
    repo = GitRepo(root)
    shutil.copytree(EXAMPLE, repo.workspace)
    repo.commit(message)
    return repo
