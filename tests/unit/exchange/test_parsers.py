"""The cell parsers of the register import: legal bases, retention, roles, headers and lists."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.exchange.register_rows import parse_role
from complykit.exchange.retention import ParsedRetention, parse_retention, parse_until
from complykit.exchange.row_source import Notes, split_items, split_lines
from complykit.exchange.supplier_rows import SUPPLIERS, _details
from complykit.exchange.table_import import Cells
from complykit.exchange.transfer_text import mechanism
from complykit.exchange.vocabulary import HEADERS, field_of, map_columns, plain_header
from complykit.model.duration import Duration
from complykit.model.enums import LegalBasis, ProcessingRole, TransferMechanism
from complykit.model.wording.legal_basis import legal_bases, parse_legal_basis, says_more
from conftest import REPO

# Text near the parsers' vocabulary, so the property tests reach past the first character.
_NEAR = st.text(alphabet="0123456789 .,;:()-/pPyYmMtThHaAbBfjJlLnN\u00e9\n", max_size=40)
_WORDS = st.lists(
    st.sampled_from(
        ["6", "1", "lid", "sub", "onder", "(a)", "f", "jaar", "years", "maanden", "en", "na",
         "P2Y", "PT72H", "een", "toestemming", "consent", "overeenkomst", "0", "999999999", ","]
    ),
    max_size=8,
).map(" ".join)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("toestemming", LegalBasis.CONSENT),
        ("Consent", LegalBasis.CONSENT),
        ("6.1.a", LegalBasis.CONSENT),
        ("art. 6 lid 1 sub a", LegalBasis.CONSENT),
        ("Uitvoering van een overeenkomst", LegalBasis.CONTRACT),
        ("Art. 6(1)(b) GDPR", LegalBasis.CONTRACT),
        ("wettelijke verplichting (Wet IB 2001)", LegalBasis.LEGAL_OBLIGATION),
        ("artikel 6, eerste lid, onder c", LegalBasis.LEGAL_OBLIGATION),
        ("vitaal belang", LegalBasis.VITAL_INTERESTS),
        ("6-1-d", LegalBasis.VITAL_INTERESTS),
        ("taak van algemeen belang", LegalBasis.PUBLIC_TASK),
        ("public task", LegalBasis.PUBLIC_TASK),
        ("Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)", LegalBasis.LEGITIMATE_INTERESTS),
        ("legitimate-interests", LegalBasis.LEGITIMATE_INTERESTS),
    ],
)
def test_legal_basis_wordings(text: str, expected: LegalBasis) -> None:
    """A Dutch or English wording, or an article reference, gives its Art. 6(1) basis."""
    assert parse_legal_basis(text) == expected


@pytest.mark.parametrize(
    "text", ["weet niet", "", "toestemming of overeenkomst", "consent (6.1.f)", "16.1.a", "6.1.g"]
)
def test_legal_basis_unclear(text: str) -> None:
    """Text naming no basis, or two that disagree, gives None."""
    assert parse_legal_basis(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("art. 6 lid 1 sub c en e AVG", ["legal-obligation", "public-task"]),
        ("artikel 6, eerste lid, onder c en e, AVG", ["legal-obligation", "public-task"]),
        ("art. 6 lid 1 onder b, c", ["contract", "legal-obligation"]),
        ("Art. 6(1)(c) and (e) GDPR", ["legal-obligation", "public-task"]),
        ("Art. 6 lid 1 sub a, b en f AVG", ["consent", "contract", "legitimate-interests"]),
        ("Art. 6 Abs. 1 lit. a und f DSGVO", ["consent", "legitimate-interests"]),
        ("art. 6 lid 1 sub c/e", ["legal-obligation", "public-task"]),
        ("Art. 6(1)(f) and a balancing test", ["legitimate-interests"]),
        ("6.1.f, e.g. fraud prevention", ["legitimate-interests"]),
        ("6(1)(e) of the GDPR", ["public-task"]),
        ("art. 6 lid 1 onder e en artikel 9 lid 2 onder h", ["public-task"]),
    ],
)
def test_several_points_of_one_reference(text: str, expected: list[str]) -> None:
    """Points listed after one Art. 6(1) reference each name their basis, as registers list
    them; a lone letter that does not go on as a list ("and a", "e.g.") names none."""
    assert [basis.value for basis in legal_bases(text)] == expected
    assert parse_legal_basis(text) == (LegalBasis(expected[0]) if len(expected) == 1 else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 jaar", ParsedRetention(Duration(years=7), None, leftover=False)),
        ("2 years", ParsedRetention(Duration(years=2), None, leftover=False)),
        (
            "10 ans après la fin du contrat",
            ParsedRetention(Duration(years=10), "la fin du contrat", leftover=False),
        ),
        (
            "six mois à compter de la clôture",
            ParsedRetention(Duration(months=6), "la clôture", leftover=False),
        ),
        ("P2Y", ParsedRetention(Duration(years=2), None, leftover=False)),
        ("6 maanden", ParsedRetention(Duration(months=6), None, leftover=False)),
        ("PT72H", ParsedRetention(Duration(hours=72), None, leftover=False)),
        (
            "een jaar en 6 maanden",
            ParsedRetention(Duration(years=1, months=6), None, leftover=False),
        ),
        (
            "7 jaar na einde dienstverband",
            ParsedRetention(Duration(years=7), "einde dienstverband", leftover=False),
        ),
        ("Wettelijk: 7 jaar (fiscaal)", ParsedRetention(Duration(years=7), None, leftover=True)),
    ],
)
def test_retention_wordings(text: str, expected: ParsedRetention) -> None:
    """A period in Dutch, English or ISO 8601 gives its duration and what it counts from."""
    assert parse_retention(text) == expected


@pytest.mark.parametrize("text", ["onbepaald", "", "jaar", "0 jaar", "1,5 maand", "5000 jaar"])
def test_retention_unusable(text: str) -> None:
    """Text without a whole, non-zero, plausible period gives None."""
    assert parse_retention(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("controller", ProcessingRole.CONTROLLER),
        ("Verwerkingsverantwoordelijke", ProcessingRole.CONTROLLER),
        ("verwerker", ProcessingRole.PROCESSOR),
        ("Processor", ProcessingRole.PROCESSOR),
        ("gezamenlijk verwerkingsverantwoordelijke", ProcessingRole.JOINT_CONTROLLER),
        ("joint-controller", ProcessingRole.JOINT_CONTROLLER),
        ("controller and processor", None),
        ("HR", None),
    ],
)
def test_role_wordings(text: str, expected: ProcessingRole | None) -> None:
    """A role in Dutch or English gives our GDPR role; none or two give None."""
    assert parse_role(text) == expected


def test_headers_match_in_any_case_and_accent() -> None:
    """Headers match whatever their case, accents, spacing and trailing colon."""
    columns = map_columns(["NAAM", " Doeleinden: ", "Categorieën betrokkenen", "Afdeling", "Name"])
    assert columns.fields == {"name": 0, "purposes": 1, "data_subjects": 2}
    assert columns.unknown == {3: "Afdeling", 4: "Name"}


def test_every_vocabulary_header_maps_to_its_field() -> None:
    """Each header of the vocabulary is already in plain form and finds its own field."""
    for field, headers in HEADERS.items():
        assert all(field_of(header) == field for header in headers)


def test_guide_lists_the_vocabulary() -> None:
    """The header table in the import guide lists exactly the vocabulary's headers."""
    guide = (REPO / "docs" / "guides" / "import-export.md").read_text(encoding="utf-8")
    table = guide.split("### Header vocabulary", 1)[1].split("\n\n")[2]
    rows = [row.split("|")[2] for row in table.splitlines()[2:]]
    documented = [tuple(plain_header(h) for h in row.split("`")[1::2]) for row in rows]
    assert documented == list(HEADERS.values())


def test_lists_split_outside_brackets() -> None:
    """Items split on lines, semicolons and commas, except commas inside brackets."""
    text = "NAW (naam, adres);BSN\n- e-mail, telefoon, BSN"
    assert split_items(text) == ["NAW (naam, adres)", "BSN", "e-mail", "telefoon"]
    assert split_lines("1. Salaris, pensioen\n2. Verlof") == ["Salaris, pensioen", "Verlof"]


@given(st.one_of(st.text(max_size=60), _NEAR, _WORDS))
def test_legal_basis_never_raises(text: str) -> None:
    """Any text gives a legal basis or None."""
    assert parse_legal_basis(text) in {*LegalBasis, None}


@given(st.one_of(st.text(max_size=60), _NEAR, _WORDS))
def test_retention_never_raises(text: str) -> None:
    """Any text gives a positive duration of at most 1000 of each unit, or None."""
    parsed = parse_retention(text)
    if parsed is not None:
        period = parsed.period
        parts = (period.years, period.months, period.weeks, period.days, period.hours)
        assert any(parts)
        assert max(parts) <= 1000


@given(st.one_of(st.text(max_size=60), _NEAR))
def test_role_and_lists_never_raise(text: str) -> None:
    """Any text gives a role or None, and lists of non-empty items."""
    assert parse_role(text) in {*ProcessingRole, None}
    assert all(split_items(text))
    assert all(split_lines(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Tot afmelding", "afmelding"),
        ("Totdat de toestemming wordt ingetrokken.", "de toestemming wordt ingetrokken"),
        ("Tot het moment dat het account wordt opgeheven", "het account wordt opgeheven"),
        ("until the account is closed", "the account is closed"),
        ("jusqu'à la désinscription", "la désinscription"),
        ("Jusqu'au désabonnement", "désabonnement"),
        ("jusqu\u2019au retrait du consentement", "retrait du consentement"),
        # Kept while something lasts: erased at its end.
        ("Zolang het abonnement loopt", "het einde van het abonnement"),
        ("Zolang de klantrelatie duurt.", "het einde van de klantrelatie"),
        ("Gedurende de looptijd van het contract", "het einde van het contract"),
        ("Voor de duur van de arbeidsovereenkomst", "het einde van de arbeidsovereenkomst"),
        ("As long as the account is active", "the end of the account"),
        ("For the duration of the contract", "the end of the contract"),
        ("during the term of the agreement", "the end of the agreement"),
        ("Pendant la durée du contrat", "la fin du contrat"),
        ("Für die Dauer des Vertrags", "das Ende des Vertrags"),
    ],
)
def test_retention_until_an_event(text: str, event: str) -> None:
    """A cell that names the event that ends the retention, and no period, gives that event."""
    assert parse_until(text) == event


@pytest.mark.parametrize(
    "text",
    [
        "Tot niet langer nodig",  # no event, and no limit
        "until no longer needed",
        "Tot 2 jaar na afmelding",  # a period: parse_retention's
        "Zolang iemand lid is",  # what ends it is not said in a form the record takes
        "Zolang nodig",  # no limit
        "as long as necessary for the contract",
        "Looptijd contract + 7 jaar",  # a period: parse_retention's
        "For the duration of the contract plus 7 years",
        "7 jaar",
    ],
)
def test_no_event_where_none_is_named(text: str) -> None:
    assert parse_until(text) is None


@given(st.text(max_size=80))
def test_until_never_raises_and_never_also_reads_a_period(text: str) -> None:
    event = parse_until(text)
    assert event is None or (event.strip() and parse_retention(text) is None)


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("clauses contractuelles types", "standard-contractual-clauses"),
        ("Oui \u2013 États-Unis (clauses contractuelles types)", "standard-contractual-clauses"),
        ("Standardvertragsklauseln", "standard-contractual-clauses"),
        ("décision d'adéquation", "adequacy-decision"),
        ("Angemessenheitsbeschluss", "adequacy-decision"),
        ("règles d'entreprise contraignantes", "binding-corporate-rules"),
        ("code de conduite", "code-of-conduct"),
    ],
)
def test_transfer_tools_in_french_and_german(text: str, tool: str) -> None:
    """Belgian registers in French name the transfer tools in French."""
    assert mechanism(text) == TransferMechanism(tool)


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Administratieve regeling met de Indiase belastingdienst", "administrative-arrangement"),
        ("arrangement administratif (art. 46.3.b RGPD)", "administrative-arrangement"),
        ("Binding instrument between public authorities", "public-authority-instrument"),
        ("Juridisch bindend instrument tussen overheidsinstanties", "public-authority-instrument"),
    ],
)
def test_transfer_tools_of_public_authorities(text: str, tool: str) -> None:
    """The Art. 46(2)(a) and 46(3)(b) tools are read in the GDPR's own words."""
    assert mechanism(text) == TransferMechanism(tool)


@pytest.mark.parametrize("text", ["Consentement", "Toestemming", "Intérêt légitime"])
def test_a_basis_in_one_word_says_nothing_more(text: str) -> None:
    """A basis written as its word alone is not kept in notes as if it said more."""
    assert not says_more(text)


_SUPPLIER_CELLS = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            ["Ja", "Nee", "(VS)", "(US)", "AWS", ",", ";", "opt-out", "n.v.t.", "15-06-2022",
             "onbekend", "Google Cloud", "(", ")", "Ierland", "DPA + SCC"]
        ),
        max_size=8,
    ).map(" ".join),
)  # fmt: skip


@given(_SUPPLIER_CELLS, _SUPPLIER_CELLS, _SUPPLIER_CELLS, _SUPPLIER_CELLS)
def test_supplier_cells_never_raise(dpa: str, signed: str, subs: str, training: str) -> None:
    """Any cells give a supplier's details that fit its record: a DPA with an ISO date,
    sub-processors each with a name and one country code, a training value of the record's."""
    cells = Cells(
        {k: v for k, v in {"dpa": dpa, "dpa_signed_on": signed, "sub_processors": subs,
                           "ai_training": training}.items() if v.strip()},
        (),
    )  # fmt: skip
    fields = _details(cells, Notes())
    if "dpa" in fields:
        assert date.fromisoformat(fields["dpa"]["signed_on"])
    for sub in fields.get("sub_processors", []):
        assert sub["name"].strip()
        assert len(sub["country"]) == 2
    assert fields.get("ai_training", {"customer_data": "unknown"})["customer_data"] in {
        "allowed", "prohibited", "opt-out", "not-applicable", "unknown",
    }  # fmt: skip


@given(st.text(max_size=40))
def test_a_header_names_at_most_one_field(header: str) -> None:
    """Any header names one field of a table or none, with its rank among that field's names."""
    field, rank = SUPPLIERS.named(header)
    assert field is None or 0 <= rank < len(SUPPLIERS.headers[field])


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Bewaringstermijn", "retention"),
        ("Rechtsgrond van de verwerking", "legal_basis"),
        (
            (
                "Indien mogelijk, de beoogde termijnen waarbinnen de verschillende categorieën van "
                "gegevens moeten worden gewist"
            ),
            "retention",
        ),
        (
            (
                "Where possible, the envisaged time limits for erasure of the different categories "
                "of data"
            ),
            "retention",
        ),
        (
            (
                "Dans la mesure du possible, les délais prévus pour l'effacement des différentes "
                "catégories de données"
            ),
            "retention",
        ),
        (
            (
                "Indien mogelijk, een algemene beschrijving van de technische en organisatorische "
                "beveiligingsmaatregelen"
            ),
            "security",
        ),
        (
            (
                "Indien van toepassing, doorgiften van persoonsgegevens aan een derde land of een "
                "internationale organisatie"
            ),
            "transfers",
        ),
    ],
)
def test_headers_in_the_words_of_art_30(header: str, field: str) -> None:
    """A column headed with Art. 30(1)'s own words, in Dutch, English or French, with its
    "where possible" opening, names the field that point asks for; so does Belgian Dutch."""
    assert field_of(header) == field
