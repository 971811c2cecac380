"""``complykit init``: a new workspace that validates, and never over an existing one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.engine import run

runner = CliRunner()
OPTIONS = ["--organisation", "Acme Zorg B.V.", "--headcount", "12"]


def test_init_creates_a_workspace_that_validates(tmp_path: Path) -> None:
    """The new workspace has config, folders and schemas, and validates with no findings."""
    target = tmp_path / "compliance"
    result = runner.invoke(
        app,
        [
            "init",
            str(target),
            *OPTIONS,
            "--role",
            "controller",
            "--role",
            "processor",
            "--language",
            "nl",
        ],
    )
    config = (target / "complykit.yaml").read_text(encoding="utf-8")
    assert result.exit_code == 0
    assert "roles: [controller, processor]" in config
    assert "name: Autoriteit Persoonsgegevens" in config
    assert (target / "register" / ".gitkeep").exists()
    assert (target / "schemas" / "processing-activity.schema.json").exists()
    assert run(target, as_of=date(2026, 11, 23)).findings == ()


def test_init_never_overwrites_a_workspace(tmp_path: Path) -> None:
    """A second init exits 2 and leaves the existing complykit.yaml byte for byte."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    before = (tmp_path / "complykit.yaml").read_bytes()
    result = runner.invoke(
        app, ["init", str(tmp_path), "--organisation", "Other", "--headcount", "1"]
    )
    assert result.exit_code == 2
    assert "never overwrites" in result.stderr
    assert (tmp_path / "complykit.yaml").read_bytes() == before


def test_unknown_authority_country_needs_the_authority(tmp_path: Path) -> None:
    """Outside NL and BE init asks for --authority and writes nothing until it has it."""
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), *OPTIONS, "--country", "DE"])
    assert result.exit_code == 2
    assert "--authority" in result.stderr
    assert not (tmp_path / "ws").exists()
    named = ["--country", "DE", "--authority", "Der Bundesbeauftragte für den Datenschutz"]
    assert runner.invoke(app, ["init", str(tmp_path / "ws"), *OPTIONS, *named]).exit_code == 0


def test_invalid_options_write_nothing(tmp_path: Path) -> None:
    """An option the config cannot hold (an unknown role) is a usage error; nothing is written."""
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), *OPTIONS, "--role", "owner"])
    assert result.exit_code == 2
    assert "organisation.roles" in result.stderr
    assert not (tmp_path / "ws").exists()


def test_init_with_a_schema_url_writes_url_modelines(tmp_path: Path) -> None:
    """--schema-url puts a versioned URL in the modelines and copies no schemas in."""
    url = "https://example.org/complykit/v0.1.0/schemas/"
    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS, "--schema-url", url])
    config = (tmp_path / "complykit.yaml").read_text(encoding="utf-8")
    assert result.exit_code == 0, result.output
    assert config.startswith(f"# yaml-language-server: $schema={url}config.schema.json\n")
    assert not (tmp_path / "schemas").exists()
    assert "complykit.yaml, 11 record folders" in result.stdout
    result = runner.invoke(app, ["soa", "init", "iso27001-2022", str(tmp_path)])
    soa = (tmp_path / "soa" / "iso27001-2022.yaml").read_text(encoding="utf-8")
    assert soa.startswith(f"# yaml-language-server: $schema={url}statement-of-applicability")


def test_init_says_what_it_wrote(tmp_path: Path) -> None:
    """The closing message counts the config, the schemas and the folders it created."""
    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    assert "complykit.yaml, 11 JSON Schemas in schemas/, 11 record folders" in result.stdout
