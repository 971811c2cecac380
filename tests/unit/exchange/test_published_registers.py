"""register_import on whole registers shaped as Dutch and Belgian public bodies publish them
(published_registers.py builds them): the records written and the findings printed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from complykit.exchange.outcome import ImportReport, Status
from complykit.exchange.record_files import validation_problems, yaml_text
from complykit.exchange.register_import import import_register
from complykit.exchange.register_rows import Draft, Known, draft_activity
from complykit.exchange.row_source import Source
from complykit.exchange.sheet import WINDOWS_1252, Row
from complykit.exchange.vocabulary import field_of, map_columns
from complykit.model.config import PersonEntry
from complykit.model.enums import LegalBasis
from unit.exchange.imported import row_messages, written_record
from unit.exchange.published_registers import (
    BELGIAN_FRENCH_ROWS,
    BUILDERS,
    MUNICIPALITY_HEADER,
    belgian_french_xlsx,
    municipality_xlsx,
    water_board_csv,
)


def _import(workspace: Path, source: Path) -> ImportReport:
    return import_register(workspace, source)


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
    record = written_record(workspace, "pa-bijstandsverlening.yaml")
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
    assert "a value in column C, which has no header; kept in notes" in row_messages(report, 2)
    assert (
        written_record(workspace, "pa-werving.yaml")["notes"]
        == "Column C (no header): zie HR-beleid"
    )


def _draft(headers: Sequence[str], cells: Sequence[str], known: Known | None = None) -> Draft:
    """The activity one row drafts, read as the import reads a row under ``headers``."""
    source = Source("Register", Row(2, tuple(cells)), map_columns(headers))
    drafted = draft_activity(source, known or Known())
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
    record = written_record(workspace, "pa-parkeervergunningen.yaml")
    assert record["purposes"] == [
        {"description": "Verlenen parkeervergunning", "legal_basis": "contract"},
        {"description": "Verlenen parkeervergunning", "legal_basis": "legal-obligation"},
        {"description": "Handhaving parkeerregels", "legal_basis": "contract"},
        {"description": "Handhaving parkeerregels", "legal_basis": "legal-obligation"},
    ]
    assert (
        "2 purposes and one legal basis cell naming Art. 6(1)(b), Art. 6(1)(c): each purpose is "
        "imported with each basis; delete the pairs that do not hold"
    ) in row_messages(report, 8)


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


_PEOPLE = (
    PersonEntry(id="jdevries", name="Jan de Vries", role="Teamleider Inkomen"),
    PersonEntry(id="dpo", name="Dana Peters", role="Functionaris gegevensbescherming"),
)
_OWNED = ("Naam verwerking", "Proceseigenaar", "DPIA uitgevoerd", "Restrisico")


@pytest.mark.parametrize("written", ["Teamleider Inkomen", "Jan de Vries", "jdevries"])
def test_process_owner_who_is_a_person_is_the_owner(written: str) -> None:
    """``Proceseigenaar`` names a person of complykit.yaml by role, name or id: the owner."""
    draft = _draft(_OWNED, ("Bijstand", written, "", ""), Known(_PEOPLE))
    assert draft.fields["owner"] == "jdevries"
    assert "notes" not in draft.fields


def test_process_owner_who_is_no_person_is_kept_in_notes() -> None:
    draft = _draft(_OWNED, ("Bijstand", "Hoofd Beveiliging", "", ""), Known(_PEOPLE))
    assert "owner" not in draft.fields
    assert draft.fields["notes"] == "Owner as written in the register: Hoofd Beveiliging"
    assert (
        "owner 'Hoofd Beveiliging' is no person in complykit.yaml (by id, name, e-mail or a role "
        "only one person holds); kept in notes"
    ) in draft.warnings


@pytest.mark.parametrize(
    "written", ["dpia-bijstand", "Ja, zie DPIA-Bijstand", "Ja (dpia-bijstand)"]
)
def test_dpia_named_by_its_record_id_is_linked(written: str) -> None:
    known = Known(dpias=frozenset({"dpia-bijstand", "dpia-bijstand-2"}))
    draft = _draft(_OWNED, ("Bijstand", "", written, ""), known)
    assert draft.fields["dpia"] == "dpia-bijstand"
    assert "notes" not in draft.fields


@pytest.mark.parametrize(
    ("written", "warned"),
    [
        ("Ja", "the register says a DPIA was done ('Ja')"),
        ("Yes", "the register says a DPIA was done ('Yes')"),
        ("Oui", "the register says a DPIA was done ('Oui')"),
        ("12-03-2023", "the register says a DPIA was done ('12-03-2023')"),
        ("Gepland Q3", "DPIA 'Gepland Q3' kept in notes; link its dpia record under dpia"),
        ("Nee", None),
        ("n.v.t.", None),
        ("Non", None),
    ],
)
def test_dpia_cell_without_a_record_is_kept_in_notes(written: str, warned: str | None) -> None:
    """A yes cannot fill ``dpia``, which names a DPIA record: the cell is kept in notes, and a
    yes (or a date) is warned about, since only the record shows the DPIA; a no is noted."""
    draft = _draft(_OWNED, ("Bijstand", "", written, ""))
    assert "dpia" not in draft.fields
    assert draft.fields["notes"] == f"DPIA as written in the register: {written}"
    dpia_warnings = [w for w in draft.warnings if "DPIA" in w]
    if warned is None:
        assert dpia_warnings == []
    else:
        assert len(dpia_warnings) == 1
        assert dpia_warnings[0].startswith(warned)


def test_residual_risk_is_kept_in_notes_as_what_a_dpia_holds() -> None:
    """The activity has no residual-risk field (a DPIA record has): the cell is in notes, named
    for what it is, and the column is not reported as unknown."""
    draft = _draft(_OWNED, ("Bijstand", "", "", "Middel"))
    assert draft.fields["notes"] == (
        "Residual risk as written in the register (a dpia record's residual_risk): Middel"
    )
    assert map_columns(_OWNED).unknown == {}


_LAW_HEADERS = ("Verwerking", "Doel", "Rechtsgrond", "Wet/artikel")


def test_law_column_is_the_provision_of_legal_obligation_and_public_task() -> None:
    """``Wet/artikel`` beside ``Art. 6 lid 1 sub b en c AVG`` is the law of the (c) purposes
    only: a contract rests on no law (Art. 6(3))."""
    cells = ("Parkeren", "Vergunning", "Art. 6 lid 1 sub b en c AVG", "Wegenverkeerswet")
    draft = _draft(_LAW_HEADERS, cells)
    assert draft.fields["purposes"] == [
        {"description": "Vergunning", "legal_basis": "contract"},
        {"description": "Vergunning", "legal_basis": "legal-obligation",
         "legal_provision": "Wegenverkeerswet"},
    ]  # fmt: skip
    assert "notes" not in draft.fields


def test_law_column_without_a_purpose_resting_on_law_is_kept_in_notes() -> None:
    draft = _draft(_LAW_HEADERS, ("Nieuwsbrief", "Versturen", "toestemming", "Telecommunicatiewet"))
    assert draft.fields["purposes"] == [{"description": "Versturen", "legal_basis": "consent"}]
    assert draft.fields["notes"] == "Law as written in the register: Telecommunicatiewet"
    assert any(
        w.startswith("law 'Telecommunicatiewet' named, but no purpose") for w in draft.warnings
    )


def test_law_column_differing_from_the_law_in_the_basis_cell_is_kept_in_notes() -> None:
    """The basis cell's own law stays the provision; the column's other law is in notes."""
    cells = ("P", "Salaris", "wettelijke verplichting (Ambtenarenwet)", "Wet LB 1964")
    draft = _draft(_LAW_HEADERS, cells)
    assert draft.fields["purposes"][0]["legal_provision"] == "Ambtenarenwet"
    assert "Law as written in the register: Wet LB 1964" in draft.fields["notes"]


def test_hospital_register_links_owner_and_dpia_from_the_workspace(
    workspace: Path, tmp_path: Path
) -> None:
    """End to end: a DPIA record and a person in the workspace are what the hospital's
    ``DPIA uitgevoerd`` and ``Proceseigenaar`` cells reach; the files say so."""
    config = workspace / "complykit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "people:\n",
            "people:\n  - {id: cmio, name: Carla Mol, role: Chief Medical Information Officer}\n",
        ),
        encoding="utf-8",
    )
    (workspace / "dpia").mkdir()
    (workspace / "dpia" / "dpia-epd.yaml").write_text(
        "kind: dpia\nid: dpia-epd\ntitle: EPD\n", encoding="utf-8"
    )
    source = tmp_path / "ziekenhuis.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Verwerkingsactiviteit", "Proceseigenaar", "DPIA uitgevoerd", "Restrisico"])
    sheet.append(["EPD", "Chief Medical Information Officer", "Ja, dpia-epd", "Hoog"])
    book.save(source)
    report = _import(workspace, source)
    assert report.unknown_columns == ()
    record = written_record(workspace, "pa-epd.yaml")
    assert record["owner"] == "cmio"
    assert record["dpia"] == "dpia-epd"
    assert record["notes"] == (
        "Residual risk as written in the register (a dpia record's residual_risk): Hoog"
    )


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Ja (gezondheid)", ["gezondheid"]),
        ("Ja, gezondheidsgegevens", ["gezondheidsgegevens"]),
        ("Ja: medische gegevens; religie", ["medische gegevens", "religie"]),
        ("Oui (données de santé)", ["données de santé"]),
    ],
)
def test_special_data_yes_then_which(written: str, names: list[str]) -> None:
    """``Ja (gezondheid)`` in a special-data column is a yes and the category it names: the
    category is imported, not a category called ``Ja (gezondheid)``."""
    draft = _draft(("Naam", "Bijzondere persoonsgegevens"), ("EPD", written))
    assert [c["name"] for c in draft.fields["personal_data"]] == names
    assert all("special_category" in c for c in draft.fields["personal_data"])
    assert "notes" not in draft.fields


@pytest.mark.parametrize(
    "written", ["zolang nodig", "Zolang noodzakelijk", "As long as necessary",
                "aussi longtemps que nécessaire"],
)  # fmt: skip
def test_as_long_as_needed_is_reported_as_no_period(written: str) -> None:
    """``zolang nodig`` restates Art. 5(1)(e) and sets no limit: left out, kept in notes, and
    the warning says why instead of 'not understood'."""
    draft = _draft(("Naam", "Bewaartermijn"), ("Personeelsdossier", written))
    assert "retention" not in draft.fields
    assert draft.fields["notes"] == f"Retention as written in the register: {written}"
    assert (
        f"retention '{written}' sets no time limit for erasure; left out, kept in notes"
    ) in draft.warnings


_HEADERS = (*MUNICIPALITY_HEADER, "Wet/artikel", "Rechtsgrond", "Bron", "Verwerker(s)")
_CELL = st.one_of(
    st.text(max_size=40),
    st.sampled_from([
        "Ja", "Nee", "n.v.t.", "art. 6 lid 1 sub c AVG", "Art. 6 lid 1 sub b en c AVG",
        "wettelijke verplichting (Participatiewet art. 17)", "toestemming",
        "publiekrechtelijke taak", "7 jaar na beëindiging", "tot 2 jaar na afhandeling",
        "zolang nodig", "permanent (Archiefwet)", "Ja (gezondheid)", "Ja, VS (SCC)", "Middel",
        "Verlenen\nHandhaving", "BSN\nNAW", "", "-", "(", "Ja (", "art. 9 lid 2 sub h",
    ]),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_CELL, min_size=len(_HEADERS), max_size=len(_HEADERS)))
def test_any_row_drafts_a_valid_record_or_a_reason(cells: list[str]) -> None:
    """Whatever the cells of a municipality's row hold, drafting it raises nothing, and a
    drafted record passes the models as the import would write it."""
    source = Source("Register", Row(2, tuple(cells)), map_columns(_HEADERS))
    drafted = draft_activity(source, Known(_PEOPLE, frozenset({"dpia-x"})))
    if isinstance(drafted, Draft):
        data = {"kind": "processing-activity", "id": "pa-fuzz", **drafted.fields}
        text = yaml_text("fuzz", data)
        assert validation_problems(PurePosixPath("register/pa-fuzz.yaml"), text) == ()


@pytest.mark.parametrize("dpia", ["(", "*", ":", "()"])
def test_a_dpia_cell_of_signs_alone_is_kept_in_notes(dpia: str) -> None:
    """A DPIA cell holding no word ('(' left from a half-typed note) raised IndexError; it is
    kept in notes, and the row imports."""
    cells = {"Naam verwerking": "Parkeervergunningen", "DPIA uitgevoerd": dpia}
    row = tuple(cells.get(header, "") for header in _HEADERS)
    source = Source("Register", Row(2, row), map_columns(_HEADERS))
    drafted = draft_activity(source, Known(_PEOPLE, frozenset({"dpia-x"})))
    assert isinstance(drafted, Draft)
    assert f"DPIA as written in the register: {dpia}" in drafted.fields["notes"]


@given(
    stem=st.sampled_from(["medewerker", "patiënt", "leerling", "bewoner", "student", "klant"]),
    plural=st.sampled_from(["s", "en"]),
    source_form=st.sampled_from(["{}", "{}s", "{}en", "de {} zelf", "{}S"]),
)
def test_source_naming_the_rows_data_subjects_is_the_data_subject(
    stem: str, plural: str, source_form: str
) -> None:
    """``Bron: Medewerker`` beside ``Categorieën betrokkenen: Medewerkers`` is the person
    concerned (Art. 13), not a third party (Art. 14), in singular or plural."""
    subject = (stem + plural).capitalize()
    written = source_form.format(stem)
    draft = _draft(("Naam", "Betrokkenen", "Bron"), ("Dossier", subject, written))
    assert draft.fields["sources"] == [{"type": "data-subject", "description": written}]


def test_source_that_only_shares_a_word_with_the_subjects_stays_a_third_party() -> None:
    draft = _draft(("Naam", "Betrokkenen", "Bron"), ("Uitkering", "UWV-klanten", "UWV"))
    assert draft.fields["sources"] == [{"type": "third-party", "description": "UWV"}]


@pytest.mark.parametrize(
    "written", ["Geen", "Geen ontvangers", "Aucun", "None", "pas de destinataires"]
)
def test_recipients_cell_saying_none_is_no_recipients(written: str) -> None:
    """``Ontvangers: Geen`` is the register saying no one receives the data (what
    ``no_recipients`` records, GDPR030), not a recipient called 'Geen'."""
    draft = _draft(("Naam", "Ontvangers"), ("Archief", written))
    assert "recipients" not in draft.fields
    assert draft.fields["no_recipients"] == f"None, as the imported register says: {written}"
    assert (
        f"recipients '{written}' recorded as no_recipients; add why no one receives the data"
    ) in draft.warnings


def test_no_recipients_beside_processors_is_kept_in_notes() -> None:
    """With a processor listed, 'none' cannot be recorded (GDPR030 would report the pair): the
    processor is the recipient, the cell is kept in notes; a processors cell saying none names
    no processor."""
    draft = _draft(("Naam", "Ontvangers", "Verwerker(s)"), ("Burgerzaken", "-", "Centric"))
    assert draft.fields["recipients"] == [{"name": "Centric", "type": "processor"}]
    assert "no_recipients" not in draft.fields
    assert draft.fields["notes"] == "Recipients as written in the register: -"
    none = _draft(("Naam", "Ontvangers", "Verwerker(s)"), ("Archief", "RDW", "n.v.t."))
    assert none.fields["recipients"] == [{"name": "RDW", "type": "public-authority"}]
    assert none.fields["notes"] == "Processors as written in the register: n.v.t."


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Doel(en) verwerking", "purposes"),
        ("Naam van de verwerkingsactiviteit", "name"),
        ("Rechtmatigheidsgrond", "legal_basis"),
        ("Bewaartermijn gegevens", "retention"),
        ("Doorgifte buiten de EU", "transfers"),
        ("Transfert hors UE", "transfers"),
        ("N°", "id"),
        ("Wet/artikel", "legal_provision"),
        ("Proceseigenaar", "owner"),
        ("DPIA uitgevoerd (ja/nee)", "dpia"),
        ("Restrisico", "residual_risk"),
    ],
)
def test_published_headers(header: str, field: str) -> None:
    assert field_of(header) == field


@pytest.mark.parametrize(
    ("basis", "law"),
    [
        ("art. 6.1.e AVG (decreet van 18 juli 2008)", "decreet van 18 juli 2008"),
        ("Algemeen belang - Bestuursdecreet", "Bestuursdecreet"),
        ("publieke taak (ordonnantie van 4 april 2019)", "ordonnantie van 4 april 2019"),
    ],
)
def test_flemish_and_brussels_law_is_the_provision(basis: str, law: str) -> None:
    """A Flemish 'decreet' or a Brussels 'ordonnantie' is the law a public task rests on."""
    draft = _draft(("Naam verwerking", "Doel", "Rechtsgrond"), ("Subsidies", "Toekennen", basis))
    assert draft.fields["purposes"] == [
        {"description": "Toekennen", "legal_basis": "public-task", "legal_provision": law}
    ]


def test_water_board_csv_in_windows_1252(workspace: Path, tmp_path: Path) -> None:
    """Dutch Excel's semicolon CSV in Windows-1252, a title row, multi-line cells and a remark
    under the table: the records, and the findings on what could not be read."""
    report = _import(workspace, water_board_csv(tmp_path / "waterschap.csv"))
    assert report.sheet_warnings == (("waterschap", WINDOWS_1252),)
    assert report.unknown_columns == (("waterschap", "Verwerkingsverantwoordelijke"),)
    assert [(o.row, o.status) for o in report.outcomes] == [
        (4, Status.CREATED), (5, Status.CREATED), (6, Status.CREATED), (8, Status.SKIPPED),
    ]  # fmt: skip
    permits = written_record(workspace, "pa-vergunningverlening.yaml")
    assert permits["purposes"] == [
        {"description": d, "legal_basis": b, "legal_provision": "Waterwet"}
        for d in ("Beoordelen aanvraag watervergunning", "Toezicht op naleving")
        for b in ("legal-obligation", "public-task")
    ]
    assert permits["personal_data"] == [{"name": "NAW-gegevens"}, {"name": "Telefoonnummer"}]
    assert permits["sources"] == [{"type": "data-subject", "description": "Aanvrager"}]
    assert str(permits["notes"]).splitlines() == [
        "Retention as written in the register: tot 2 jaar na afhandeling",
        "Verwerkingsverantwoordelijke: Dagelijks bestuur",
    ]
    staff = written_record(workspace, "pa-personeelsdossier.yaml")
    assert "retention" not in staff
    assert staff["sources"] == [{"type": "data-subject", "description": "Medewerker"}]
    assert (
        "retention 'zolang nodig' sets no time limit for erasure; left out, kept in notes"
    ) in row_messages(report, 6)
    levy = written_record(workspace, "pa-heffing-watersysteemheffing.yaml")
    assert levy["purposes"] == [
        {"description": "Opleggen en innen van belastingen", "legal_basis": "legal-obligation",
         "legal_provision": "Waterschapswet art. 117"},
    ]  # fmt: skip
    assert levy["data_subjects"] == ["Eigenaren en gebruikers van onroerende zaken"]


def test_walloon_commune_in_french(workspace: Path, tmp_path: Path) -> None:
    """A Walloon commune's register: French headers, ``N°`` as the register's id, a legal
    obligation with its law, permanent retention for the archives."""
    report = _import(workspace, belgian_french_xlsx(tmp_path / "commune.xlsx"))
    assert report.unknown_columns == (("Registre des traitements", "Responsable du traitement"),)
    staff = written_record(workspace, "pa-gestion-du-personnel.yaml")
    assert staff["purposes"] == [
        {"description": "Paiement des salaires", "legal_basis": "legal-obligation",
         "legal_provision": "loi du 12 avril 1965"},
    ]  # fmt: skip
    assert staff["retention"] == {"period": "P5Y", "trigger": "la fin du contrat"}
    assert str(staff["notes"]).splitlines() == [
        "Id in the register: T-01",
        f"Legal basis as written in the register: {BELGIAN_FRENCH_ROWS[0][3]}",
        "Responsable du traitement: Le collège communal",
    ]
    population = written_record(workspace, "pa-population.yaml")
    assert population["purposes"] == [
        {"description": "Tenue du registre de la population", "legal_basis": "public-task"}
    ]
    assert population["retention"] == {"permanent": True}


def test_section_rows_head_the_activities_under_them(workspace: Path, tmp_path: Path) -> None:
    """Published registers group activities under a lone-cell row (``Burgerzaken``, ``2.
    Sociaal domein``), in the number column or the name column: no activity is made of it,
    it is told as skipped, and the activities under it keep it in their notes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nr.", "Naam verwerking", "Doel", "Grondslag"])
    sheet.append(["Burgerzaken"])
    sheet.append(["1", "Paspoortaanvraag", "Uitgifte reisdocumenten", "wettelijke verplichting"])
    sheet.append([None, "SOCIAAL DOMEIN"])
    sheet.append(["2", "Jeugdhulp", "Toegang jeugdhulp", "publieke taak (Jeugdwet)"])
    sheet.append(["3", "Schuldhulp"])
    source = tmp_path / "register.xlsx"
    book.save(source)
    report = _import(workspace, source)
    assert [(o.row, o.status) for o in report.outcomes] == [
        (2, Status.SKIPPED), (3, Status.CREATED), (4, Status.SKIPPED), (5, Status.CREATED),
        (6, Status.CREATED),
    ]  # fmt: skip
    heading = (
        "taken for a section heading, not an activity: 'Burgerzaken'; if it is an activity, "
        "fill in more of its row and import it again"
    )
    assert row_messages(report, 2) == (heading,)
    assert [o.row for o in report.outcomes if o.warned] == [2, 4]
    passport = written_record(workspace, "pa-paspoortaanvraag.yaml")
    assert "Section of the register: Burgerzaken" in str(passport["notes"]).splitlines()
    youth = written_record(workspace, "pa-jeugdhulp.yaml")
    assert "Section of the register: SOCIAAL DOMEIN" in str(youth["notes"]).splitlines()
    # A row with a name and a number is an activity, however little else it says.
    debt = written_record(workspace, "pa-schuldhulp.yaml")
    assert "Section of the register: SOCIAAL DOMEIN" in str(debt["notes"]).splitlines()


def test_lone_name_above_filled_rows_is_an_activity(workspace: Path, tmp_path: Path) -> None:
    """A row with only its name filled in, above complete rows, is an activity the register has
    not filled in yet (the usual state of a register being imported), not a heading: it
    becomes a record, and the rows under it get no section in their notes."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam verwerking;Doel;Grondslag;Ontvangers\n"
        "Camerabewaking;;;\n"
        "Salarisadministratie;Salaris betalen;wettelijke verplichting;Belastingdienst\n"
        "Werving;Sollicitanten selecteren;toestemming;Geen\n",
        encoding="utf-8",
    )
    report = _import(workspace, source)
    assert [(o.row, o.status, o.path) for o in report.outcomes] == [
        (2, Status.CREATED, PurePosixPath("register/pa-camerabewaking.yaml")),
        (3, Status.CREATED, PurePosixPath("register/pa-salarisadministratie.yaml")),
        (4, Status.CREATED, PurePosixPath("register/pa-werving.yaml")),
    ]
    for name in ("pa-salarisadministratie.yaml", "pa-werving.yaml"):
        assert "Section of the register" not in str(
            written_record(workspace, name).get("notes", "")
        )
    # Kept, but said: the user may have meant it to head a section.
    assert (
        "only its name is filled in; imported as an activity (delete it if it heads a section)"
        in row_messages(report, 2)
    )
    assert not any("only its name" in m for m in row_messages(report, 3))


def test_lone_mixed_case_headings_are_imported_with_a_warning(
    workspace: Path, tmp_path: Path
) -> None:
    """Review finding 12: lone rows ``HR`` and ``Marketing`` above names in capitals are not
    clearly headings, so they become activities; each is told, not only as "no role given"."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam verwerking;Doel;Grondslag\n"
        "HR;;\n"
        "WERVING;Sollicitanten selecteren;toestemming\n"
        "Marketing;;\n"
        "NIEUWSBRIEF;Nieuwsbrief sturen;toestemming\n",
        encoding="utf-8",
    )
    report = _import(workspace, source)
    assert [(o.row, o.status) for o in report.outcomes] == [
        (2, Status.CREATED), (3, Status.CREATED), (4, Status.CREATED), (5, Status.CREATED),
    ]  # fmt: skip
    for row in (2, 4):
        assert any("delete it if it heads a section" in m for m in row_messages(report, row))


def test_lone_name_in_capitals_above_names_in_capitals_is_an_activity(
    workspace: Path, tmp_path: Path
) -> None:
    """In a register that writes its names in capitals, a lone name in capitals is no heading."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam verwerking;Doel\nCAMERABEWAKING;\nSALARISADMINISTRATIE;Salaris betalen\n",
        encoding="utf-8",
    )
    report = _import(workspace, source)
    assert [(o.row, o.status) for o in report.outcomes] == [
        (2, Status.CREATED), (3, Status.CREATED),
    ]  # fmt: skip


def test_lone_name_naming_the_department_below_heads_it(workspace: Path, tmp_path: Path) -> None:
    """A lone name that the rows below give as their department (``Afdeling: Burgerzaken``)
    heads them: it is skipped with a warning naming it, and a blank row ends its part."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam verwerking;Doel;Afdeling\n"
        "Burgerzaken;;\n"
        "Paspoort;Reisdocumenten uitgeven;Burgerzaken\n"
        ";;\n"
        "Werving;Sollicitanten selecteren;HR\n",
        encoding="utf-8",
    )
    report = _import(workspace, source)
    assert [(o.row, o.status, o.warned) for o in report.outcomes] == [
        (2, Status.SKIPPED, True), (3, Status.CREATED, False), (5, Status.CREATED, False),
    ]  # fmt: skip
    assert "Section of the register: Burgerzaken" in str(
        written_record(workspace, "pa-paspoort.yaml")
    )
    assert "Section of the register" not in str(written_record(workspace, "pa-werving.yaml"))


def test_lone_name_above_nothing_filled_stays_an_activity(workspace: Path, tmp_path: Path) -> None:
    """A register that lists only names (one filled cell per row) is a list of activities, not
    of headings: a lone cell heads a section only above a filled row."""
    source = tmp_path / "register.csv"
    source.write_text("Naam verwerking;Doel\nWerving;\nNieuwsbrief;\n", encoding="utf-8")
    report = _import(workspace, source)
    assert [o.status for o in report.outcomes] == [Status.CREATED, Status.CREATED]


def test_two_row_header_under_a_merged_cell(workspace: Path, tmp_path: Path) -> None:
    """``Persoonsgegevens`` merged over two columns, ``Categorieën`` and ``Bijzondere
    persoonsgegevens`` under it: the second row completes the header, it is no activity, and
    the special-category column is read as one."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam verwerking", "Doel", "Persoonsgegevens", None, "Bewaartermijn"])
    sheet.append([None, None, "Categorieën", "Bijzondere persoonsgegevens", None])
    sheet.merge_cells("C1:D1")
    sheet.append(["Paspoort", "Reisdocumenten", "NAW, pasfoto", "Biometrische gegevens", "11 jaar"])
    source = tmp_path / "register.xlsx"
    book.save(source)
    report = _import(workspace, source)
    assert [(o.row, o.status) for o in report.outcomes] == [(3, Status.CREATED)]
    record = written_record(workspace, "pa-paspoort.yaml")
    assert record["personal_data"] == [
        {"name": "NAW"}, {"name": "pasfoto"},
        {"name": "Biometrische gegevens", "special_category": "biometric"},
    ]  # fmt: skip
    assert "notes" not in record


@pytest.mark.parametrize(
    ("header", "written", "period"),
    [
        ("Bewaartermijn (jaren)", "7", "P7Y"),
        ("Bewaartermijn (in jaren)", "1,5", "P18M"),
        ("Bewaartermijn (maanden)", "6", "P6M"),
        ("Retention (years)", "2", "P2Y"),
        ("Durée de conservation (ans)", "10", "P10Y"),
    ],
)
def test_bare_number_under_a_header_naming_its_unit(header: str, written: str, period: str) -> None:
    """``7`` under ``Bewaartermijn (jaren)`` is seven years: the header gives the unit."""
    draft = _draft(("Naam", header), ("Dossier", written))
    assert draft.fields["retention"] == {
        "period": period,
        "trigger": "not stated in the imported register",
    }


def test_bare_number_without_a_unit_is_kept_in_notes() -> None:
    draft = _draft(("Naam", "Bewaartermijn"), ("Dossier", "7"))
    assert "retention" not in draft.fields
    assert "retention '7' not understood; left out, kept in notes" in draft.warnings


@pytest.mark.parametrize("written", ["Aucune", "Néant", "n/a", "Geen", "-", "N.v.t."])
def test_special_data_cell_saying_none_names_no_category(written: str) -> None:
    """The import reads a cell saying none (or left as a placeholder) with one vocabulary in
    every column: ``Aucune`` under the special-data header is no category called 'Aucune', and
    nothing is warned about, as for ``Geen``."""
    draft = _draft(
        ("Naam", "Persoonsgegevens", "Bijzondere persoonsgegevens"), ("Archief", "NAW", written)
    )
    assert draft.fields["personal_data"] == [{"name": "NAW"}]
    assert draft.warnings == ("no role given; imported as controller",)
    assert "notes" not in draft.fields


def test_dpia_ids_are_looked_up_once_per_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """With 600 DPIA records (more than ``re`` caches patterns for), each row still links the
    DPIA it names, warns where it names none or two, and the ids are made into a pattern once
    for all rows, not once per row and id."""
    dpias = frozenset(f"dpia-{n:03}" for n in range(600)) | {"dpia-001-extra"}
    escaped: list[str] = []
    escape = re.escape

    def counted(text: str) -> str:
        escaped.append(text)
        return escape(text)

    monkeypatch.setattr(re, "escape", counted)
    known = Known((), dpias)
    headers = ("Naam", "DPIA")
    drafts = [_draft(headers, (f"Dossier {n}", f"Ja, DPIA-{n:03}"), known) for n in range(40)]
    assert [d.fields["dpia"] for d in drafts] == [f"dpia-{n:03}" for n in range(40)]
    assert _draft(headers, ("X", "dpia-001-extra"), known).fields["dpia"] == "dpia-001-extra"
    both = _draft(headers, ("X", "dpia-002 en dpia-003"), known)
    assert "dpia" not in both.fields
    assert "DPIA 'dpia-002 en dpia-003' kept in notes; link its dpia record under dpia" in (
        both.warnings
    )
    assert sum(text.startswith("dpia-") for text in escaped) <= len(dpias)
