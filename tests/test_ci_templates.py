"""The CI templates parse, and every complykit option they use is one the CLI has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from conftest import REPO

TEMPLATES = sorted((REPO / "templates").rglob("*.yml"))
runner = CliRunner()


def test_there_are_templates() -> None:
    """The repository ships CI templates for GitHub and GitLab."""
    assert {p.parent.name for p in TEMPLATES} == {"github", "gitlab"}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_is_yaml_using_real_options(template: Path) -> None:
    """Each template is valid YAML and its complykit options appear in the command's help."""
    text = template.read_text(encoding="utf-8")
    assert isinstance(yaml.safe_load(text), dict)
    for name, rest in re.findall(r"complykit (validate|diff)([^\n]*)", text.replace("\\\n", " ")):
        help_text = runner.invoke(app, [name, "--help"]).stdout
        for option in re.findall(r"(--[a-z-]+)", rest):
            assert option in help_text, (template.name, name, option)
