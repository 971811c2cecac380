"""Class 22: an OSCAL export stays a valid document, and its links lead nowhere a stranger chose.

A party's name, a role and a plan's version are OSCAL strings, whose pattern forbids line
breaks and white space at either end: a name written over two lines in complykit.yaml made the
whole SSP invalid, and a GRC tool refused it. Evidence was copied into a link's ``href`` as it
was written: ``javascript:alert(1)`` or ``file:///etc/passwd``, which REF007 reads as (missing)
paths in the workspace, became a script link and a local-file link in whatever viewer shows
the plan, and ``//evil.example/x`` a link to another host.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import EXAMPLE
from hostile.harness import run
from oscal_schemas import OSCAL, oscal_errors

pytestmark = pytest.mark.skipif(not OSCAL.is_dir(), reason="needs ../shared/schemas/oscal")

EVIDENCE = ["javascript:alert(1)", "file:///etc/passwd", "//evil.example/x", "evidence/a b.md"]
# RFC 3986: unreserved and reserved characters, and percent-encoded octets.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("oscal") / "ws"
    shutil.copytree(EXAMPLE, root)
    config = root / "complykit.yaml"
    _replace(config, "name: Tulip Health B.V.", 'name: "Tulip Health B.V. "')
    _replace(config, "name: Sanne de Vries", 'name: "Sanne\\nde Vries"')
    _replace(config, "role: Chief Executive Officer", 'role: "Chief Executive\\u2028Officer"')
    _replace(root / "soa" / "soa-iso27001-2022.yaml", 'version: "5.1"', 'version: " 5.1\\n"')
    control = root / "controls" / "ctl-access-reviews.yaml"
    _replace(control, "  - evidence/policies/access-control-policy.md\n", "".join(
        f"  - {json.dumps(item)}\n" for item in EVIDENCE
    ))  # fmt: skip
    return root


@pytest.mark.parametrize("model", ["ssp", "component-definition"])
def test_the_export_is_valid_whatever_the_names(hostile: Path, model: str) -> None:
    options = ["--soa", "soa-iso27001-2022"] if model == "ssp" else []
    outcome = run("export", "oscal", str(hostile), "--model", model, *options)
    outcome.assert_inert(allowed=(0,))
    document = json.loads(outcome.stdout)
    assert oscal_errors(document, model, "1.1.2") == []
    assert "Sanne de Vries" in outcome.stdout


@pytest.mark.parametrize("model", ["ssp", "component-definition"])
def test_evidence_links_are_paths_in_the_workspace(hostile: Path, model: str) -> None:
    options = ["--soa", "soa-iso27001-2022"] if model == "ssp" else []
    outcome = run("export", "oscal", str(hostile), "--model", model, *options)
    hrefs = re.findall(r'"href": "([^"]*)"', outcome.stdout)
    evidence = [href for href in hrefs if not href.startswith("#")]
    assert len(evidence) >= len(EVIDENCE)
    for href in evidence:
        parts = urlsplit(href)
        assert URI_REFERENCE.match(href), href
        assert parts.scheme in ("", "https"), href
        assert parts.scheme or not parts.netloc, href
    assert "evidence/a%20b.md" in evidence
