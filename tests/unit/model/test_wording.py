"""A refused value written in words is answered with the value it means, and only one the field
takes; a country name gives its code in the languages of NL and BE; a national identification
number is told by its names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.model.enums import Art9Condition, ImplementationStatus, LegalBasis, SpecialCategory
from complykit.model.wording.consent import mentions_parents, online
from complykit.model.wording.countries import country_code
from complykit.model.wording.data_subjects import (
    names_adults,
    names_children,
    names_own_staff,
    youngest_age,
)
from complykit.model.wording.folding import spaced_words
from complykit.model.wording.frameworks import framework_meant
from complykit.model.wording.meant import (
    meant_bool,
    meant_value,
    names_no_place,
    none_or_placeholder,
)
from complykit.model.wording.national_ids import national_id
from complykit.model.wording.retention import says_kept_for_good, says_no_end, sets_no_limit
from complykit.model.wording.special_data import (
    criminal_offence,
    criminal_reading,
    special_category,
)

BASES = [basis.value for basis in LegalBasis]
POINTS = [point.value for point in Art9Condition]
STATUSES = [status.value for status in ImplementationStatus]
DPIA_STATUS = ["planned", "in-progress", "completed", "approved", "needs-update"]
TREATMENT_STATUS = ["planned", "in-progress", "done", "cancelled"]
ROLES = ["controller", "joint-controller", "processor"]
CONTROL_TYPES = ["technical", "organisational", "physical", "legal"]


@pytest.mark.parametrize(
    ("text", "options", "meant"),
    [
        ("wettelijke verplichting", BASES, "legal-obligation"),
        ("Gerechtvaardigd belang", BASES, "legitimate-interests"),
        ("art. 6 lid 1 sub e AVG", BASES, "public-task"),
        ("6(1)(a)", BASES, "consent"),
        ("Art. 6, par. 1, point c) RGPD", BASES, "legal-obligation"),
        ("Art. 6 Abs. 1 lit. f DSGVO", BASES, "legitimate-interests"),
        ("intérêts légitimes", BASES, "legitimate-interests"),
        ("Einwilligung", BASES, "consent"),
        ("art. 9 lid 2 sub h", POINTS, "h"),
        ("gezondheidsgegevens", [c.value for c in SpecialCategory], "health"),
        ("Verwerkingsverantwoordelijke", ROLES, "controller"),
        ("sous-traitant", ROLES, "processor"),
        ("gezamenlijk verwerkingsverantwoordelijke", ROLES, "joint-controller"),
        ("geïmplementeerd", STATUSES, "implemented"),
        ("mis en œuvre", STATUSES, "implemented"),
        ("n.v.t.", STATUSES, "not-applicable"),
        ("afgerond", DPIA_STATUS, "completed"),  # one word, the value each field has for it
        ("afgerond", TREATMENT_STATUS, "done"),
        ("organisatorisch", CONTROL_TYPES, "organisational"),
        ("verminderen", ["mitigate", "accept", "transfer", "avoid"], "mitigate"),
        ("Interne audit", ["training", "internal-audit", "management-review"], "internal-audit"),
        (
            "directiebeoordeling",
            ["training", "internal-audit", "management-review"],
            "management-review",
        ),
        ("continuïteit", ["security", "continuity"], "continuity"),
        ("Onrechtmatige toegang", ["illegitimate-access", "disappearance"], "illegitimate-access"),
    ],
)
def test_words_give_the_value_they_mean(text: str, options: list[str], meant: str) -> None:
    assert meant_value(text, options) == meant


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("verwerker", CONTROL_TYPES),  # a processor is no control type
        ("toestemming en overeenkomst", BASES),  # two bases: which one is not ours to guess
        ("geen toestemming nodig", BASES),  # a denied basis is named by nobody
        ("art. 9 lid 2 sub h", BASES),  # an Art. 9(2) point is no Art. 6(1) basis
        ("wettelijke verplichting", ROLES),  # the words of one field are no answer in another
        ("afgerond", ROLES),
        ("iets anders", STATUSES),
    ],
)
def test_no_value_is_guessed_where_the_words_do_not_name_one(text: str, options: list[str]) -> None:
    assert meant_value(text, options) is None


@given(st.text(max_size=60), st.sampled_from([BASES, POINTS, STATUSES, ROLES, DPIA_STATUS]))
def test_the_answer_is_always_one_the_field_takes(text: str, options: list[str]) -> None:
    meant = meant_value(text, options)
    assert meant is None or meant in options


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Nederland", "NL"),
        ("the Netherlands", "NL"),
        ("Pays-Bas", "NL"),
        ("België", "BE"),
        ("Belgique", "BE"),
        ("Belgien", "BE"),
        ("Luxemburg", "LU"),
        ("Verenigde Staten", "US"),
        ("VS", "US"),
        ("Verenigd Koninkrijk", "GB"),
        ("Zwitserland", "CH"),
        ("IE", "IE"),
    ],
)
def test_a_country_name_gives_its_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["European Union", "Eurozone", "Unknown Region", "Mars", ""])
def test_a_region_or_no_country_gives_no_code(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize("text", ["geen", "Geen", "n.v.t.", "N/A", "none", "néant", "keine", "-"])
def test_words_for_none(text: str) -> None:
    assert none_or_placeholder(text)


@pytest.mark.parametrize("text", ["", "nederland", "some", "no transfers to the US"])
def test_words_that_are_not_none(text: str) -> None:
    assert not none_or_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "nee", "Nee.", "no", "unknown", "Onbekend", "n.v.t.", "-", "\u2013", "not available",
        "niet beschikbaar", "nergens", "geen kopie", "nulle part", "ja", "Yes", "x", "  ",
    ],
)  # fmt: skip
def test_texts_that_name_no_place(text: str) -> None:
    """Each would read as "the data stayed available" and silence INC025."""
    assert names_no_place(text)


@pytest.mark.parametrize(
    "text",
    ["in the CRM", "Ja, de roosters staan in het roostersysteem", "CRM", "dans le CRM"],
)
def test_texts_that_name_a_place(text: str) -> None:
    assert not names_no_place(text)


@pytest.mark.parametrize(
    ("text", "meant"),
    [("ja", True), ("Ja", True), ("oui", True), ("yes", True), ("nee", False), ("non", False),
     ("nein", False), ("misschien", None), ("", None)],
)  # fmt: skip
def test_yes_and_no_in_words(text: str, meant: bool | None) -> None:
    assert meant_bool(text) is meant


def test_every_bundled_catalogs_name_gives_its_id() -> None:
    """The names a config may use for a framework include every id and alias of the bundled
    catalogs: a catalog given a new alias fails here until the model knows it too."""
    from complykit.catalog.load import load_catalogs  # noqa: PLC0415 - this test only

    for catalog in load_catalogs().frameworks:
        for name in (catalog.id, *catalog.framework.aliases):
            assert framework_meant(name) == catalog.id, name


@pytest.mark.parametrize(
    ("name", "framework"),
    [("AVG", "gdpr"), ("RGPD", "gdpr"), ("ISO 27001", "iso27001-2022"),
     ("ISO/IEC 42001", "iso42001-2023"), ("AI-verordening", "eu-ai-act")],
)  # fmt: skip
def test_a_frameworks_common_name_gives_its_id(name: str, framework: str) -> None:
    assert framework_meant(name) == framework


def test_an_unknown_framework_name_gives_none() -> None:
    assert framework_meant("NIS2") is None


@pytest.mark.parametrize(
    ("name", "marked"),
    [
        ("BSN", "bsn"),
        ("Naam, adres, BSN", "bsn"),
        ("sofinummer", "bsn"),
        ("Numéro de registre national", "rrn"),
        ("Rijksregisternummer", "rrn"),
        ("INSZ-nummer", "other"),
        ("NISS", "other"),
        ("Identificatienummer van de sociale zekerheid", "other"),
        ("numéro d'identification de la sécurité sociale", "other"),
        ("BIS-nummer", "other"),
        ("Social security number", "other"),
        ("NI number", "other"),
        ("National Insurance number", "other"),
        ("Sozialversicherungsnummer", "other"),
        ("PPS number", "other"),
        ("Personal Public Service Number (PPSN)", "other"),
    ],
)
def test_a_national_identification_number_is_marked(name: str, marked: str) -> None:
    """Art. 87 covers national identification numbers and any other identifier of general
    application: the Belgian INSZ (the national register number or a BIS number), social
    security numbers (the UK's National Insurance number among them) and Ireland's PPSN are
    marked ``other``."""
    assert national_id(name) == marked


@pytest.mark.parametrize(
    "name",
    ["geen BSN", "Nissan leasecontract", "sociale zekerheidsgegevens", "Bisschoppelijk archief",
     "no social security number", "Kenteken", "no national insurance number",
     "Insurance policy number", "Nino's address", "Public service announcements"],
)  # fmt: skip
def test_a_name_that_names_no_such_number_is_not_marked(name: str) -> None:
    assert national_id(name) is None


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("données de santé", SpecialCategory.HEALTH),
        ("certificats médicaux", SpecialCategory.HEALTH),
        ("Krankmeldungen", SpecialCategory.HEALTH),
        ("origine ethnique", SpecialCategory.RACIAL_OR_ETHNIC_ORIGIN),
        ("opinions politiques", SpecialCategory.POLITICAL_OPINIONS),
        ("convictions religieuses", SpecialCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS),
        ("appartenance syndicale", SpecialCategory.TRADE_UNION_MEMBERSHIP),
        ("données génétiques", SpecialCategory.GENETIC),
        ("empreintes digitales", SpecialCategory.BIOMETRIC),
        ("vie sexuelle", SpecialCategory.SEX_LIFE_OR_ORIENTATION),
    ],
)
def test_special_categories_in_french_and_german(name: str, category: SpecialCategory) -> None:
    """Belgian registers name the Art. 9(1) categories in French too."""
    assert special_category(name) == category
    assert not criminal_offence(name)


@pytest.mark.parametrize(
    "name",
    ["Health and safety training records", "Health & Safety incidents",
     "orientation professionnelle", "politique de confidentialité", "syndic de l'immeuble",
     "Name, address and health insurer", "Device fingerprint", "Browser fingerprint hash"],
)  # fmt: skip
def test_words_near_a_special_category_that_name_none(name: str) -> None:
    """Health and safety is the safety of work; a career orientation, a privacy policy and a
    building's syndic are no special category data."""
    assert special_category(name) is None


@pytest.mark.parametrize(
    "name",
    ["Verzoeken tot beperking van de verwerking", "Recht op beperking",
     "Verzuimmeldingen leerlingen (DUO)", "Schoolverzuim en verzuimmeldingen leerplicht",
     "Ziektekostenverzekering", "Zorgverzekering", "Assurance maladie (mutualité)",
     "Medical insurance policy number", "Medische hulpmiddelen (product data)",
     "Medical device serial number", "Health check of servers", "Verzuimregistratie van machines",
     "Geloofwaardigheidstoets", "Politieke ambtsdragers (namen)", "Politically exposed person",
     "Medisch specialist (naam behandelaar)", "Huisarts (naam en adres)", "Geen medische gegevens",
     "No health data", "Pasfoto", "Zwangerschapsverlof"],
)  # fmt: skip
def test_names_that_only_come_near_a_special_category(name: str) -> None:
    """An Art. 18 request, school absence, an insurance, a medical device, a server's health,
    credibility, office holders, a practitioner named first and a denial name no health,
    belief or opinion (Art. 4(15), Art. 9(1))."""
    assert special_category(name) is None


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Ziekmeldingen", SpecialCategory.HEALTH),
        ("Arbeidsongeschiktheid", SpecialCategory.HEALTH),
        ("Medicatie", SpecialCategory.HEALTH),
        ("Medication list", SpecialCategory.HEALTH),
        ("Allergieën", SpecialCategory.HEALTH),
        ("Food allergy", SpecialCategory.HEALTH),
        ("Ziekteverzuim", SpecialCategory.HEALTH),
        ("Verzuimregistratie medewerkers", SpecialCategory.HEALTH),
        ("Pre-employment health check", SpecialCategory.HEALTH),
        ("Lichamelijke beperking", SpecialCategory.HEALTH),
        ("Functiebeperkingen", SpecialCategory.HEALTH),
        ("Medische gegevens (niet gedeeld met werkgever)", SpecialCategory.HEALTH),
        ("Patient no. and diagnosis", SpecialCategory.HEALTH),
        ("Geloofsovertuiging", SpecialCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS),
        ("Geloof", SpecialCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS),
        ("Politieke voorkeur", SpecialCategory.POLITICAL_OPINIONS),
        ("Lidmaatschap politieke partij", SpecialCategory.POLITICAL_OPINIONS),
        ("Political opinions", SpecialCategory.POLITICAL_OPINIONS),
    ],
)
def test_common_names_of_special_categories(name: str, category: SpecialCategory) -> None:
    """A sick report, incapacity, medication and allergies are health data; a denial counts
    only just before what it denies, and "no." is a number."""
    assert special_category(name) == category


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("VOG", "possible"),
        ("Uitslag VOG", "possible"),
        ("Verklaring omtrent het gedrag (VOG)", "possible"),
        ("Criminal record check status", "possible"),
        ("Weigering VOG", "named"),
        ("Justitiële documentatie", "named"),
        ("Strafbeschikking", "named"),
        ("Contactpersoon Ministerie van Justitie", None),
        ("VOG-aanvraag", None),
        ("Vogelwaarnemingen", None),
        ("Geen VOG nodig", None),
    ],
)
def test_a_certificate_may_hold_criminal_offence_data(name: str, reading: str | None) -> None:
    """A VOG or a check's status holds Art. 10 data only if it records a refusal or
    convictions; a refusal and judicial documentation name it; the Ministry does not."""
    assert criminal_reading(name) == reading


@pytest.mark.parametrize(
    ("name", "criminal"),
    [
        ("condamnations pénales", True),
        ("casier judiciaire", True),
        ("extrait de casier judiciaire", True),
        ("Führungszeugnis", True),
        ("criminal convictions", True),
        ("convictions religieuses", False),
        ("convictions philosophiques", False),
        ("Date of the e-VOG request", False),  # the request holds no judicial data
        ("Uitslag VOG", True),
    ],
)
def test_criminal_offence_data_in_french_and_german(name: str, criminal: bool) -> None:
    """French "convictions religieuses" are beliefs, not criminal convictions (Art. 10)."""
    assert criminal_offence(name) is criminal


@pytest.mark.parametrize(
    "text",
    [
        "as long as necessary",
        "As long as needed.",
        "zolang nodig",
        "Zolang noodzakelijk",
        "zo lang als nodig is",
        "Tot niet langer nodig",
        "until no longer needed",
        "tant que nécessaire",
        "jusqu'à ce qu'elles ne soient plus nécessaires",
        "Jusqu'à ce qu'elles ne sont plus strictement nécessaires",
        "solange erforderlich",
        "indefinitely",
        "Voor onbepaalde tijd",
        "Durée indéterminée",
    ],
)
def test_retention_that_sets_no_limit(text: str) -> None:
    """Kept while needed, or for ever: no event and no time limit for erasure."""
    assert sets_no_limit(text)


@pytest.mark.parametrize(
    "text",
    [
        "the subscriber unsubscribes",
        "As long as the account is active",
        "Zolang het abonnement loopt",
        "the end of the period required by the Archiefwet",
        "het einde van het dienstverband",
        "end of the contract plus the period required by law",
        "einde contract plus de wettelijk vereiste termijn",
    ],
)
def test_retention_until_an_event_sets_a_limit(text: str) -> None:
    """An event, even one a law requires, is a limit, though the words 'required' appear; English
    "plus" adds a period, it is not French "plus" (no longer)."""
    assert not sets_no_limit(text)


@pytest.mark.parametrize(
    ("text", "endless"),
    [
        ("indefinitely", True),
        ("7 jaar, daarna onbeperkt", True),
        ("Voor onbepaalde tijd", True),
        ("Durée indéterminée", True),
        ("as long as necessary", False),
        ("blijvend te bewaren", False),
        ("kept permanently (Archiefwet 1995)", False),
        ("forever", True),
        ("kept for ever", True),
        ("Voor altijd", True),
        ("eeuwig", True),
        ("Durée illimitée", True),
    ],
)
def test_retention_without_end(text: str, endless: bool) -> None:
    """Without end is not while needed, nor the permanent keeping a law prescribes."""
    assert says_no_end(text) is endless
    assert sets_no_limit(text) is (endless or "necessary" in text)


@pytest.mark.parametrize(
    ("text", "for_good"),
    [
        ("blijvend te bewaren", True),
        ("Archiefwet: blijvend", True),
        ("kept permanently (Archiefwet 1995)", True),
        ("permanently", True),
        ("Permanent bewaren", True),
        ("forever", False),
        ("Voor altijd", False),
        ("7 years after permanent closure", False),
    ],
)
def test_retention_kept_for_good(text: str, for_good: bool) -> None:
    """Permanent retention, what a law may prescribe, is not keeping without end."""
    assert says_kept_for_good(text) is for_good


@pytest.mark.parametrize(
    "text",
    [
        "Employees",
        "Employees (medewerkers)",
        "Employees on sick leave",
        "Eigen medewerkers",
        "Personeelsleden",
        "Werknemers",
        "Staff members",
        "Salariés",
    ],
)
def test_data_subjects_that_are_our_staff(text: str) -> None:
    """An entry that opens with a word for staff names ours."""
    assert names_own_staff(text)


@pytest.mark.parametrize(
    "text",
    [
        "Former employees",
        "Emergency contacts of employees",
        "Staff of client clinics",
        "Clinic staff",
        "Medewerkers van klanten",
        "Employee family members",
        "Sollicitanten",
    ],
)
def test_data_subjects_that_are_not_our_staff(text: str) -> None:
    """Staff of others, former staff, people related to staff and applicants are not ours."""
    assert not names_own_staff(text)


@pytest.mark.parametrize(
    "text",
    [
        "Children aged 12 to 15",
        "Leerlingen",
        "Minderjarige patiënten",
        "Patients under 16",
        "Patiënten jonger dan 18 jaar",
        "Gebruikers van 13 tot 17 jaar",
        "Élèves",
        "Schüler",
        # A number that is no age: the number of schools or childminders.
        "Leerlingen van 25 scholen",
        "Kinderen van 20 gastouders",
        "Leerlingen van 17 basisscholen",
        "Élèves de 40 écoles",
        "Kinderen 12-15 jaar",
        "Élèves âgés de 12 à 15 ans",
        # Some of them under 16: the youngest age decides, not an older one beside it.
        "Children aged 12 to 15 and pupils 16 and over",
        "Users aged 14 and over",
        "Patiënten onder de 16",
    ],
)
def test_data_subjects_that_are_children(text: str) -> None:
    """Children, minors and pupils, and people with an age limit that takes in under-16s."""
    assert names_children(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pupils aged 16 and over",
        "Leerlingen vanaf 16 jaar",
        "Students 16+",
        "Parents of pupils",
        "Ouders van leerlingen",
        "Parents of children under 16",
        "Kindergarten staff",
        "Employees with 1 to 5 years of service",
        "Clients aged 18 to 65",
        "Klanten van 3 tot 5 vestigingen",
    ],
)
def test_data_subjects_that_are_not_children(text: str) -> None:
    """People of 16 and over, people related to children and mere numbers are not children."""
    assert not names_children(text)


@pytest.mark.parametrize(
    ("text", "youngest"),
    [
        ("Pupils aged 13 to 17", 13),
        ("Leerlingen vanaf 14 jaar", 14),
        ("Students 14+", 14),
        ("Kinderen van 13 tot 16 jaar", 13),
        ("Leerlingen", None),
        ("Patients under 16", None),
        ("Patiënten jonger dan 18 jaar", None),
        ("Leerlingen van 25 scholen", None),
        ("Élèves de 40 écoles", None),
        ("Employees with 1 to 5 years of service", None),
        ("Kinderen 12-15 jaar", 12),
        ("Children aged 12 to 15", 12),
        ("Leerlingen 16 jaar en ouder", 16),
    ],
)
def test_the_youngest_age_an_entry_states(text: str, youngest: int | None) -> None:
    """The lower age limit of an entry; an upper limit alone states none."""
    assert youngest_age(text) == youngest


def test_children_below_a_lower_national_age() -> None:
    """Where a Member State sets the age at 13, pupils of 13 and over are not children for Art.
    8(1); those whose range starts below it, or who state no age, still are."""
    assert not names_children("Pupils aged 13 to 17", 13)
    assert names_children("Pupils aged 13 to 17")
    assert names_children("Children aged 12 to 15", 13)
    assert names_children("Leerlingen", 13)


def test_consent_that_involves_the_parents() -> None:
    """Parents, guardians and legal representatives are read in the languages of NL and BE."""
    assert mentions_parents("Under 16 a parent confirms by e-mail")
    assert mentions_parents("Toestemming van de wettelijk vertegenwoordiger")
    assert mentions_parents("Accord des parents", "Unterschrift der Eltern")
    assert not mentions_parents("Leerlingen ouder dan 16 geven zelf toestemming")
    assert not mentions_parents("Tick box in the app")


def test_consent_given_online() -> None:
    """An app, a website or an online account marks an online service; paper does not."""
    assert online("Tick box in the app")
    assert online("Aanmelden via de website")
    assert not online("Paper form handed out in class", "Forms kept by the accountant")


def test_digital_keeping_or_e_mail_is_not_online() -> None:
    """A scanned form, a digital file or a confirmation by e-mail puts no service online."""
    assert not online("Gescand en digitaal opgeslagen in het leerlingdossier")
    assert not online("Formulier; bevestiging per e-mail")
    assert not online("E-mail aan HR")
    assert not online("Stockage numérique")


def test_a_parent_company_is_no_parent() -> None:
    """A parent company, organisation or entity is a group's holding, not a child's parent."""
    assert not mentions_parents("In the parent company database")
    assert not mentions_parents("Stored by our parent organisation", "parent entity")
    assert mentions_parents("A parent confirms", "parents' consent")


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("Employees", True),
        ("Volwassen patiënten", True),
        ("Ouders van patiënten", True),
        ("Visitors aged 18 and over", True),
        ("Patiënten", False),
        ("Bezoekers", False),
        ("Children aged 12 to 15", False),
        ("Children aged 12 to 15 and pupils 16 and over", False),
        ("Leerlingen 16 jaar en ouder", True),
    ],
)
def test_data_subjects_that_are_adults(text: str, adults: bool) -> None:
    """Staff, adults or parents by name, and people of 16 and over are adults."""
    assert names_adults(text) is adults


# Text made of the stems' own letters and punctuation, so that stems do occur in it.
_STEMMY = st.lists(
    st.sampled_from(
        ["medisch", "health", "Health and safety", "VOG", "aanvraag", "strafrecht", "trade",
         "union", "-", ",", " ", "ras", "Sick", "leave", "fingerprint", "device", "naam", "geen",
         "no.", "verzuim", "school", "beperking", "van de verwerking", "politieke", "voorkeur",
         "Medisch specialist", "check", "servers", "weigering", "Justitie", "ministerie van"]
    ),
    max_size=6,
).map(" ".join)  # fmt: skip


@given(st.one_of(_STEMMY, st.text(alphabet="abcdefghijklmnopqrstuvwxyz -.,", max_size=30)))
def test_the_quick_test_never_changes_a_reading(name: str) -> None:
    """The test for a stem's first word, which spares folding most names, gives the reading
    the full one gives."""
    from complykit.model.wording import special_data  # noqa: PLC0415

    folded = special_data._folded_name(name)
    assert special_category(name) == special_data._special_in(folded)
    assert criminal_reading(name) == special_data._criminal_in(folded)


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Personal Public-Service Number", "other"),  # the hyphen: once missed by the quick test
        ("NI  number", "other"),
        ("National Insurance no.", "other"),
        ("geen BSN", None),
    ],
)
def test_national_ids_the_quick_test_once_missed(name: str, number: str | None) -> None:
    assert national_id(name) == number


@given(
    st.lists(
        st.sampled_from(["personal", "public", "service", "-", "number", "ni", "bsn", "geen",
                         "citizen", "insurance", "national", "pps", "naam", " "]),
        max_size=6,
    ).map(" ".join)
)  # fmt: skip
def test_the_quick_national_id_test_never_changes_a_reading(name: str) -> None:
    """The test for a stem's first word gives the reading a full search of the folded name
    gives."""
    from complykit.model.wording import national_ids  # noqa: PLC0415

    folded = spaced_words(name)
    full = next(
        (
            code
            for code, stems in national_ids._NATIONAL_IDS.items()
            for stem in stems
            if (at := folded.find(f" {stem}")) >= 0
            and not folded[: at + 1].endswith(national_ids._DENIED)
        ),
        None,
    )
    assert national_ids.national_number(name) == full
