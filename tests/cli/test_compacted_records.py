"""Reports, exports and diff read compacted records exactly as they read validated ones.

A load keeps its first ``KEPT_AS_VALIDATED`` (500) records as pydantic made them and compacts
the rest (``model.compact``): frozen, shared lists and mappings, shared parts. Only workspaces
larger than the bundled example are compacted, so nothing else would notice an output that
changed with it. Here compaction starts at the first record, and every output must be the
same as without it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.workspace import open as workspace_open
from conftest import EXAMPLE
from unit.diff.gitrepo import GitRepo, example_repo

runner = CliRunner()
AS_OF = ("--as-of", "2026-11-23")
SOAS = ("soa-iso27001-2022", "soa-iso27701-2019", "soa-iso42001-2023")
EXPORTS: tuple[tuple[str, ...], ...] = (
    ("fides",),
    ("ics",),
    ("algoritmeregister",),
    *(("oscal", "--soa", soa) for soa in SOAS),
    ("oscal", "--model", "component-definition"),
)


class _Run:
    """Runs commands with compaction on or off, each on a cold cache of its own (a warm one
    would restore records instead of validating them), and notes which loads compacted."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, compact: bool) -> None:
        self.tmp_path, self.monkeypatch, self.compact = tmp_path, monkeypatch, compact
        self.flags: list[bool] = []
        self.exit_codes: list[int] = []
        self.runs = 0

    def __call__(self, *args: str) -> bytes:
        self.runs += 1
        self.monkeypatch.setenv("XDG_CACHE_HOME", str(self.tmp_path / f"cache-{self.runs}"))
        self.monkeypatch.setattr(
            workspace_open, "KEPT_AS_VALIDATED", 0 if self.compact else 1_000_000
        )
        load = workspace_open._records

        def noting(parsed: Any, *, compact: bool = True) -> Any:
            self.flags.append(compact)
            return load(parsed, compact=compact)

        self.monkeypatch.setattr(workspace_open, "_records", noting)
        try:
            result = runner.invoke(app, list(args))
        finally:
            self.monkeypatch.setattr(workspace_open, "_records", load)
        assert result.exit_code in (0, 1), (args, result.output)  # 1: diff's new errors
        self.exit_codes.append(result.exit_code)
        return result.stdout_bytes


def _outputs(run: _Run, repo: GitRepo) -> Iterator[tuple[str, bytes]]:
    """Every report (in each language and format, in one pack), export and diff."""
    pack = run.tmp_path / f"pack-{run.compact}.zip"
    run("report", "pack", str(EXAMPLE), "-o", str(pack), "-f", "html", "-f", "markdown",
        "-f", "xlsx", *AS_OF)  # fmt: skip
    with zipfile.ZipFile(pack) as archive:
        yield from ((name, archive.read(name)) for name in sorted(archive.namelist()))
    for export in EXPORTS:
        yield " ".join(export), run("export", export[0], str(EXAMPLE), *export[1:])
    for form in ("text", "json", "markdown"):
        yield f"diff {form}", run("diff", "HEAD", str(repo.workspace), "-f", form, *AS_OF)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The example committed, then changed: lists, mappings and findings that differ."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = example_repo(tmp_path / "repo", "base")
    repo.edit("risks/risk-chatbot-prompt-injection.yaml", "[A.8.29]", "[A.8.29, A.8.28]")
    repo.edit("register/pa-client-records.yaml", "  - Referring GPs and other care providers\n", "")
    repo.edit("register/pa-clinic-support.yaml", "    legal_basis: contract\n", "")
    repo.edit("register/pa-customer-accounts.yaml", "      assessed: 2026-02-11\n", "")
    lia = "      document: evidence/assessments/lia-customer-accounts.md\n"
    repo.edit("register/pa-customer-accounts.yaml", lia, "")
    return repo


def test_every_output_is_the_same_from_compacted_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repo: GitRepo
) -> None:
    """Every report file, export and diff is byte for byte what uncompacted records give (none
    of them holds the time it was made: reports and diff take --as-of, and the exports'
    dates come from the records)."""
    plain_run = _Run(tmp_path, monkeypatch, compact=False)
    compact_run = _Run(tmp_path, monkeypatch, compact=True)
    plain = dict(_outputs(plain_run, repo))
    compacted = dict(_outputs(compact_run, repo))
    # Each run loaded records, the first never compacting them and the second always.
    assert set(plain_run.flags) == {False}
    assert set(compact_run.flags) == {True}
    assert list(compacted) == list(plain)
    assert compact_run.exit_codes == plain_run.exit_codes
    differing = [name for name in plain if compacted[name] != plain[name]]
    assert differing == []
