"""Where records are written does not change the verdict on them.

Registers are kept one record to a file or many to a file; a record's findings must be the
same either way (only their paths and lines follow the record). Joining files also puts
records with a YAML problem beside valid ones, which the loader must still read.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from complykit.core.findings import Finding
from complykit.validate.validation import validate
from example_copies import generated_workspace

AS_OF = date(2026, 11, 23)


def _verdict(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.record, finding.message, finding.hint, finding.column)


def test_records_joined_into_files_of_several_are_judged_alike(tmp_path: Path) -> None:
    alone = generated_workspace(tmp_path / "alone", 300, 0.3)
    joined = generated_workspace(tmp_path / "joined", 300, 0.3, per_file=7)
    one_each = validate(alone, as_of=AS_OF, use_cache=False)
    together = validate(joined, as_of=AS_OF, use_cache=False)
    assert Counter(map(_verdict, together.findings)) == Counter(map(_verdict, one_each.findings))
    assert len(list(joined.rglob("*.yaml"))) * 3 < len(list(alone.rglob("*.yaml")))
    # A file with a duplicate key still gives its other records' findings.
    broken = {f.path for f in together.findings if f.code == "YAML002"}
    assert any(f.path in broken for f in together.findings if f.code.startswith("REF"))
