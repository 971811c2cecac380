"""``complykit soa init`` through Typer's runner: a complete draft, never an overwrite."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.validate.engine import run
from conftest import BASE_CONFIG

runner = CliRunner()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    monkeypatch.chdir(root)
    return root


def _init(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["soa", "init", *args])
    return result.exit_code, result.stdout, result.stderr


def test_init_creates_a_complete_soa(workspace: Path) -> None:
    """soa init writes soa/iso27001-2022.yaml with all 93 controls still to decide."""
    code, out, _ = _init("iso27001-2022")
    data = yaml.safe_load((workspace / "soa" / "iso27001-2022.yaml").read_text(encoding="utf-8"))
    assert code == 0
    assert "Created soa/iso27001-2022.yaml: 93 controls of iso27001-2022." in out
    assert data["id"] == "soa-iso27001-2022"
    assert len(data["entries"]) == 93
    assert data["entries"][0] == {"control": "A.5.1", "applicable": None, "status": "to-decide"}


def test_init_output_validates(workspace: Path) -> None:
    """The drafted file gives no YAML or schema finding when the workspace is validated."""
    assert _init("iso42001-2023")[0] == 0
    result = run(workspace, as_of=date(2026, 11, 23))
    codes = {f.code for f in result.findings if f.path.as_posix() == "soa/iso42001-2023.yaml"}
    assert not {c for c in codes if c.startswith(("YAML", "SCH"))}


def test_second_run_exits_2_and_keeps_the_file(workspace: Path) -> None:
    """A second soa init exits 2, says why, and leaves the file byte-identical."""
    assert _init("iso27001-2022")[0] == 0
    target = workspace / "soa" / "iso27001-2022.yaml"
    target.write_bytes(target.read_bytes() + b"# my decisions\n")
    before = target.read_bytes()
    code, _, err = _init("iso27001-2022")
    assert code == 2
    assert "already exists" in err
    assert target.read_bytes() == before


def test_existing_soa_elsewhere_blocks_init(workspace: Path) -> None:
    """An SoA for the framework in another file blocks a draft at a new --output path."""
    assert _init("iso27001-2022", "--output", "isms/soa.yaml")[0] == 0
    code, _, err = _init("iso27001-2022")
    assert code == 2
    assert "isms/soa.yaml already has a record with id 'soa-iso27001-2022'" in err
    assert not (workspace / "soa").exists()


def test_framework_without_soa_exits_2(workspace: Path) -> None:
    """The GDPR takes no Statement of Applicability; init explains and exits 2."""
    code, _, err = _init("gdpr")
    assert code == 2
    assert "gdpr takes no Statement of Applicability" in err
    assert not (workspace / "soa").exists()


def test_workspace_option_and_outside_a_workspace(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a workspace init exits 2; the PATH argument points it at one."""
    monkeypatch.chdir(tmp_path)
    assert _init("iso27701-2019")[0] == 2
    code, out, _ = _init("iso27701-2019", str(workspace))
    assert code == 0
    assert (workspace / "soa" / "iso27701-2019.yaml").is_file()
    assert "49 controls" in out


def test_deprecated_workspace_option_still_works(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-w keeps working for existing scripts, with a warning naming the PATH argument."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["soa", "init", "iso27701-2019", "-w", str(workspace)])
    assert result.exit_code == 0
    assert "deprecated" in result.stderr
    assert "PATH argument" in result.stderr
    assert (workspace / "soa" / "iso27701-2019.yaml").is_file()
