"""Class 24: the Statement of Applicability that `soa init` drafts from a workspace catalog.

A catalog in catalogs/ is a file of the pull request. Its control titles went into the draft's
comments as they were: YAML refuses a control character even in a comment, so an escape in a
title made the whole draft unreadable (YAML006), and a right-to-left override or a zero-width
space sat raw in a file people open in editors and terminals. The framework's name went into
the title with its overrides raw. Both are now written as escapes, which the title reads back
as the catalog's own name.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from hostile.harness import HOSTILE_CATALOG, RAW_CONTROL, run, workspace

TEXT = "T\x1b[2J \u202eRLO\u202c \u200bZW \x7f\ufffe \x85NEL \u2028LS \U000e0041tag end"


def test_a_draft_from_a_hostile_catalog_reads_back(tmp_path: Path) -> None:
    quoted = json.dumps(TEXT).replace("\\udb40\\udc41", "\\U000e0041")  # YAML's own escape
    catalog = HOSTILE_CATALOG.format(payload=quoted)
    root = workspace(tmp_path, {"catalogs/acme-hostile.yaml": catalog})
    run("soa", "init", "acme-hostile", str(root)).assert_inert(allowed=(0,))
    draft = (root / "soa" / "acme-hostile.yaml").read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(draft), RAW_CONTROL.findall(draft)
    assert not any(char in draft for char in "\u200b\ufffe\U000e0041")
    assert "\\u202eRLO" in draft
    assert yaml.safe_load(draft)["title"] == f"Statement of Applicability, {TEXT}"
    outcome = run("validate", str(root), "--format", "json")
    codes = {finding["code"] for finding in json.loads(outcome.stdout)["findings"]}
    assert codes <= {"SOA007"}, codes
