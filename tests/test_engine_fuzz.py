"""The whole pipeline never raises on hostile record files."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.validate.engine import run
from conftest import BASE_CONFIG
from strategies import yaml_like_text

_RECORD_START = st.sampled_from(
    [
        "",
        "kind: supplier\nid: s\n",
        "kind: risk\nid: r\n",
        "kind: processing-activity\nid: p\nrole: controller\n",
        "kind: task\nid: t\ncadence: ",
    ]
)


@settings(max_examples=80, deadline=None)
@given(_RECORD_START, yaml_like_text)
def test_any_record_text_gives_findings_never_an_exception(start: str, text: str) -> None:
    """Whatever a record file holds, validation returns a result whose findings are located."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copy(BASE_CONFIG, root / "complykit.yaml")
        (root / "x.yaml").write_bytes((start + text).encode("utf-8", "surrogatepass"))
        result = run(root, as_of=date(2026, 11, 23))
        assert all(f.line >= 1 and f.column >= 1 for f in result.findings)
