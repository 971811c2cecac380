"""The register names the organisation's representative in the Union (GDPR Art. 27)."""

from __future__ import annotations

from pathlib import Path

from builders import write_workspace
from complykit.reports.render import render_report
from complykit.workspace.open import open_workspace

from .conftest import AS_OF

REPRESENTATIVE = (
    "  headcount: 40\n"
    "  eu_representative: {name: Rep Europe B.V., country: NL, contact: rep@rep.example}\n"
)


def test_register_shows_the_representative_in_dutch(tmp_path: Path) -> None:
    """The Dutch register header lists the Art. 27 representative with contact and country."""
    root = write_workspace(tmp_path / "ws", soa=None)
    config = root / "complykit.yaml"
    text = config.read_text(encoding="utf-8").replace("  headcount: 40\n", REPRESENTATIVE, 1)
    config.write_text(text.replace("  country: NL\n", "  country: US\n", 1), encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    page = render_report("ropa", repo, lang="nl", output_format="markdown")
    assert (
        "**Vertegenwoordiger in de Unie (art. 27 AVG):** Rep Europe B.V., rep@rep.example (NL)"
        in page
    )


def test_register_without_representative_leaves_the_line_out(tmp_path: Path) -> None:
    """An organisation inside the EEA gets no representative line."""
    repo = open_workspace(write_workspace(tmp_path / "ws", soa=None), AS_OF).repo
    assert repo is not None
    page = render_report("ropa", repo, lang="en", output_format="markdown")
    assert "Representative in the Union" not in page
