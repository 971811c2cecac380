"""register_import on whole registers shaped as Dutch and Belgian public bodies publish them
(published_registers.py builds them): the records written and the findings printed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.unit.exchange.published_registers import BUILDERS, municipality_xlsx

from complykit.exchange.outcome import ImportReport, Status
from complykit.exchange.register_import import import_register
from complykit.exchange.register_rows import Draft, draft_activity
from complykit.exchange.row_source import Source
from complykit.exchange.sheet import Row
from complykit.exchange.vocabulary import map_columns
from complykit.model.enums import LegalBasis


def _import(workspace: Path, source: Path) -> ImportReport:
    return import_register(workspace, source)


def _record(root: Path, name: str) -> dict[str, object]:
    data = yaml.safe_load((root / "register" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _messages(report: ImportReport, row: int) -> tuple[str, ...]:
    return next(o.messages for o in report.outcomes if o.row == row)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_row_becomes_a_record_or_a_told_remark(
    workspace: Path, tmp_path: Path, name: str
) -> None:
    """Each published shape imports without a reported row: every data row is a record, the
    notes under the table are told as remarks."""
    report = _import(workspace, BUILDERS[name](tmp_path / name))
    assert report.reported == ()
    assert {o.status for o in report.outcomes} <= {Status.CREATED, Status.SKIPPED}
    assert report.records >= 1


def test_merged_group_row_above_the_header(workspace: Path, tmp_path: Path) -> None:
    """A merged row grouping the columns ("Algemeen", "Verwerking", "Gegevens") sits between
    the title and the header; its "Verwerking" names a field by chance, yet the row under it,
    which names more, is the header, so the header is no activity and every column is read."""
    report = _import(workspace, municipality_xlsx(tmp_path / "gemeente.xlsx"))
    created = [o.path.name for o in report.outcomes if o.path is not None]
    assert created == [
        "pa-bijstandsverlening.yaml",
        "pa-huwelijk-en-geregistreerd-partnerschap.yaml",
        "pa-nieuwsbrief.yaml",
        "pa-parkeervergunningen.yaml",
    ]
    record = _record(workspace, "pa-bijstandsverlening.yaml")
    assert record["purposes"] == [
        {"description": "Vaststellen recht op bijstand", "legal_basis": "legal-obligation",
         "legal_provision": "Participatiewet art. 17"},
        {"description": "Terugvordering en verhaal", "legal_basis": "legal-obligation",
         "legal_provision": "Participatiewet art. 17"},
    ]  # fmt: skip
    assert record["retention"] == {"period": "P10Y", "trigger": "beëindiging uitkering"}
    skipped = next(o for o in report.outcomes if o.status is Status.SKIPPED)
    assert skipped.row == 10


def test_cell_under_no_header_is_kept_in_notes(workspace: Path, tmp_path: Path) -> None:
    """A value in a column whose header cell is blank (a merged header left it so) is kept in
    notes under its column letter, with a warning naming the column."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam verwerking", "Doel", None, None])
    sheet.append(["Werving", "Werving en selectie", "zie HR-beleid", None])
    source = tmp_path / "register.xlsx"
    book.save(source)
    report = _import(workspace, source)
    assert report.unknown_columns == ()
    assert "a value in column C, which has no header; kept in notes" in _messages(report, 2)
    assert _record(workspace, "pa-werving.yaml")["notes"] == "Column C (no header): zie HR-beleid"


def _draft(headers: Sequence[str], cells: Sequence[str]) -> Draft:
    """The activity one row drafts, read as the import reads a row under ``headers``."""
    source = Source("Register", Row(2, tuple(cells)), map_columns(headers))
    drafted = draft_activity(source)
    assert isinstance(drafted, Draft)
    return drafted


_POINTS = "abcdef"
_JOINERS = (" en ", ", ", " & ", " and ", " et ")


@given(
    points=st.lists(st.sampled_from(_POINTS), min_size=2, max_size=3, unique=True),
    joiner=st.sampled_from(_JOINERS),
    purposes=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=20).filter(
            lambda t: t.strip() and len(t.split()) == 1
        ),
        min_size=2,
        max_size=4,
        unique_by=lambda t: t.strip().casefold(),
    ),
)
def test_one_cell_naming_several_points_gives_every_purpose_every_basis(
    points: list[str], joiner: str, purposes: list[str]
) -> None:
    """``Art. 6 lid 1 sub b en c AVG`` beside several purposes on lines says which bases the
    row rests on, not which purpose rests on which: no basis is lost, each purpose gets each,
    and a warning asks to delete the pairs that do not hold."""
    cell = f"Art. 6 lid 1 sub {joiner.join(sorted(points))} AVG"
    draft = _draft(("Naam verwerking", "Doel(en)", "Grondslag"),
                   ("Test", "\n".join(purposes), cell))  # fmt: skip
    bases = [LegalBasis(next(b for b in LegalBasis if b.citation.endswith(f"({p})"))).value
             for p in sorted(points)]  # fmt: skip
    expected = [
        {"description": " ".join(p.split()), "legal_basis": basis}
        for p in purposes
        for basis in bases
    ]
    assert [{k: v for k, v in p.items() if k != "legal_provision"}
            for p in draft.fields["purposes"]] == expected  # fmt: skip
    assert any("each purpose is imported with each basis" in w for w in draft.warnings)


def test_sub_b_en_c_on_two_purposes(workspace: Path, tmp_path: Path) -> None:
    """The municipality's parking permits: two purposes, ``Art. 6 lid 1 sub b en c AVG``."""
    report = _import(workspace, municipality_xlsx(tmp_path / "gemeente.xlsx"))
    record = _record(workspace, "pa-parkeervergunningen.yaml")
    assert record["purposes"] == [
        {"description": "Verlenen parkeervergunning", "legal_basis": "contract"},
        {"description": "Verlenen parkeervergunning", "legal_basis": "legal-obligation"},
        {"description": "Handhaving parkeerregels", "legal_basis": "contract"},
        {"description": "Handhaving parkeerregels", "legal_basis": "legal-obligation"},
    ]
    assert (
        "2 purposes and one legal basis cell naming Art. 6(1)(b), Art. 6(1)(c): each purpose is "
        "imported with each basis; delete the pairs that do not hold"
    ) in _messages(report, 8)


def test_two_basis_lines_for_two_purposes_still_pair_in_order() -> None:
    """Bases on lines of their own, one per purpose, pair line by line as before."""
    cells = ("X", "Werving\nNieuwsbrief", "Art. 6 lid 1 sub b AVG\ntoestemming")
    draft = _draft(("Naam", "Doel", "Grondslag"), cells)
    assert draft.fields["purposes"] == [
        {"description": "Werving", "legal_basis": "contract"},
        {"description": "Nieuwsbrief", "legal_basis": "consent"},
    ]


def test_a_basis_line_not_understood_is_named() -> None:
    """Of two basis lines the first is not understood: a warning names it, and the cell is
    kept in notes as written."""
    draft = _draft(("Naam", "Doel", "Grondslag"),
                   ("X", "Werving\nNieuwsbrief", "sub b\ntoestemming"))  # fmt: skip
    assert "legal basis 'sub b' not understood; kept in notes" in draft.warnings
    assert "Legal basis as written in the register: sub b\ntoestemming" in draft.fields["notes"]
