"""Small workspaces that several test modules build."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BASE_CONFIG

SOA_27701 = """\
kind: statement-of-applicability
id: soa-iso27701-2019
framework: iso27701-2019
entries:
  - control: A.7.2.2
    applicable: true
    status: implemented
  - control: A.7.2.3
    applicable: true
    status: partially-implemented
  - control: A.7.2.8
    applicable: false
    justification: Not a controller for this scope.
    status: not-applicable
  - control: A.7.2.1
    applicable:
    status: implemented
"""


def write_workspace(root: Path, soa: str | None = SOA_27701) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    if soa is not None:
        (root / "soa").mkdir()
        (root / "soa" / "iso27701-2019.yaml").write_text(soa, encoding="utf-8")
    return root
