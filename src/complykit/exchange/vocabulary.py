"""The column headers the register import understands, in English, Dutch, French and German.

Headers match whatever their case, accents, surrounding spaces, a trailing ``:`` or ``*`` and any
bracketed qualifier: ``Doel(en) van de verwerking``, ``Retention schedule (if possible)``.
docs/guides/import-export.md prints this table; keep the two in step.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from complykit.core.frozen import frozen

HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "activity", "processing activity", "processing", "name of the processing",
        "naam", "verwerking", "verwerkingsactiviteit", "naam verwerking",
        "naam van de verwerking", "naam verwerkingsactiviteit", "naam van de verwerkingsactiviteit",
        "nom du traitement", "traitement", "activite de traitement", "denomination du traitement",
        # The process a register names each row after; see _PROCESS_HEADERS.
        "proces", "process", "procesnaam", "naam proces", "process name",
        # A French fiche's name line; seen in French registers, not in the CNIL model's copy
        # checked (which names the activity in the fiche's title).
        "nom / sigle",
        # The Belgian DPA's model register (its English translation): the business process,
        # then the activity's "functional description", which names it.
        "name of business process", "business process", "functional description of processing",
        # German registers (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 DSGVO).
        "verarbeitungstatigkeit", "bezeichnung der verarbeitungstatigkeit",
        "name der verarbeitungstatigkeit", "bezeichnung der verarbeitung",
    ),
    "description": (
        "description", "omschrijving", "beschrijving", "toelichting verwerking",
        "description du traitement",
    ),
    "purposes": (
        "purpose", "purposes", "purpose of processing", "purposes of processing",
        "doel", "doelen", "doeleinde", "doeleinden", "verwerkingsdoel", "verwerkingsdoelen",
        "doel van de verwerking", "doelen van de verwerking", "doeleinden van de verwerking",
        "verwerkingsdoeleinden", "purpose of the processing", "purposes of the processing",
        "doel verwerking", "doelen verwerking", "doeleinden verwerking",
        "finalite", "finalites", "finalite du traitement", "finalites du traitement",
        # The CNIL's model register, on each fiche of an activity.
        "objectifs poursuivis", "objectif poursuivi",
        "zweck", "zwecke", "zweck der verarbeitung", "zwecke der verarbeitung",
        "zweckbestimmung",
    ),
    "legal_basis": (
        "legal basis", "lawful basis", "legal ground", "legal bases",
        "grondslag", "grondslagen", "rechtsgrond", "wettelijke grondslag",
        "rechtmatigheidsgrond", "grondslag rechtmatigheid",
        "grondslag verwerking", "article 6 lawful basis for processing personal data",
        "article 6 lawful basis", "lawful basis for processing", "legal basis for processing",
        "rechtsgrondslag", "grondslag van de verwerking", "rechtsgrond van de verwerking",
        "rechtsgrond verwerking", "wettelijke grondslag van de verwerking",
        "base juridique", "base legale", "fondement juridique", "base de liceite",
        "liceite du traitement",
        # Amersfoort's model and Hendrik-Ido-Ambacht: the Art. 6 basis beside a "Grondslag"
        # column that holds the law.
        "rechtmatige grondslag", "rechtmatigheidsgrondslag",
        "basis for processing",  # the Belgian DPA's model register
        "rechtsgrundlage", "rechtsgrundlagen", "rechtsgrundlage der verarbeitung",
    ),
    "data_subjects": (
        "data subjects", "categories of data subjects", "data subject categories",
        "betrokkenen", "categorieen betrokkenen", "categorie betrokkenen",
        "categorieen van betrokkenen", "data subject", "data subject category",
        "category of data subjects", "betrokkene", "categorie van betrokkenen",
        "categories of individuals",
        "betrokken",  # Hendrik-Ido-Ambacht's register
        "personnes concernees", "categories de personnes concernees",
        "betroffene personen", "kategorien betroffener personen",
        "kategorien der betroffenen personen", "betroffenengruppen", "betroffene",
        # ISO/IEC 27701's term for the data subject; registers kept for its certification use
        # it in their headers.
        "pii principals", "pii principal", "categories of pii principals",
        "category of pii principals",
    ),
    "personal_data": (
        "personal data", "categories of personal data", "data categories",
        "persoonsgegevens", "categorieen persoonsgegevens", "soorten persoonsgegevens",
        "categorieen van persoonsgegevens", "data category", "personal data category",
        "category of personal data", "categorie persoonsgegevens",
        "categorie van persoonsgegevens", "data elements",
        "categories de donnees", "donnees a caractere personnel",
        "categories de donnees a caractere personnel", "donnees personnelles",
        "categorieen data", "categorieen gegevens", "data type", "data types",
        "categories de donnees collectees",  # the CNIL's model register
        "functional data category",  # the Belgian DPA's model register
        "datenkategorien", "kategorien personenbezogener daten",
        "kategorien der personenbezogenen daten", "personenbezogene daten", "datenarten",
        "categories of pii", "category of pii", "pii categories", "pii category", "types of pii",
    ),
    # Art. 30(1)(c) in one column, as registers copied from the article have it: both lists in
    # one cell (exchange/combined_cells.py splits a cell that labels them).
    "subjects_and_data": (
        "betrokkenen en persoonsgegevens", "categorieen betrokkenen en persoonsgegevens",
        "categorieen van betrokkenen en persoonsgegevens",
        "categorieen van betrokkenen en van persoonsgegevens",
        "categorieen van betrokkenen en categorieen van persoonsgegevens",
        "categorieen van betrokkenen en van de categorieen van persoonsgegevens",
        "data subjects and personal data", "categories of data subjects and personal data",
        "categories of data subjects and of personal data",
        "categories of data subjects and categories of personal data",
        "categories of data subjects and of the categories of personal data",
        "categories de personnes concernees et de donnees a caractere personnel",
        "categories de personnes concernees et des categories de donnees a caractere personnel",
        "kategorien betroffener personen und personenbezogener daten",
        "kategorien betroffener personen und der kategorien personenbezogener daten",
    ),
    "retention": (
        "retention", "retention period", "bewaartermijn", "bewaartermijnen", "retention schedule",
        "bewaartermijn gegevens", "bewaartermijn persoonsgegevens",
        "duree de conservation", "delai de conservation", "durees de conservation",
        "bewaringstermijn", "bewaringstermijnen", "termijnen voor het wissen",
        # GDPR Art. 30(1)(f), as the register's column is often headed, in EN, NL and FR.
        "envisaged time limits for erasure of the different categories of data",
        ("beoogde termijnen waarbinnen de verschillende categorieen van gegevens moeten worden "
        "gewist"),
        "delais prevus pour l'effacement des differentes categories de donnees",
        "loschfrist", "loschfristen", "speicherdauer", "aufbewahrungsfrist", "aufbewahrungsfristen",
        "fristen fur die loschung", "fristen fur die loschung der datenkategorien",
        "fristen fur die loschung der verschiedenen datenkategorien",
    ),
    "role": (
        "role", "our role", "gdpr role", "rol", "onze rol", "rol avg", "role du responsable",
        "notre role",
        "rolle",
    ),
    "recipients": (
        "recipients", "categories of recipients", "ontvangers", "categorieen ontvangers",
        "categorieen van ontvangers", "recipient", "ontvanger", "categorie ontvangers",
        "category of recipients",
        # The partners a municipality's chain shares the data with (Hendrik-Ido-Ambacht).
        "ketenpartners", "ketenpartner",
        # One column for both, as the UK RoPA templates have: a processor says so in its words.
        "processors / recipients", "processors/recipients", "recipients / processors",
        "recipients/processors",
        "destinataires", "categories de destinataires",
        "empfanger", "kategorien von empfangern", "datenempfanger", "empfangerkategorien",
        "recipients of pii", "pii recipients", "categories of recipients of pii",
    ),
    "notes": (
        "notes", "remarks", "comments", "opmerkingen", "notities", "toelichting", "remarques",
        "commentaires",
        "bemerkungen", "anmerkungen",
    ),
    "id": (
        "id", "nr", "nr.", "no", "no.", "nummer", "number", "ref", "ref.", "referentie",
        "reference", "kenmerk", "code", "activity id", "verwerking id", "verwerkingsnummer",
        "id verwerking", "nr verwerking", "verwerking nr", "processing activity id",
        "volgnummer", "volgnr", "volgnr.", "n\u00b0", "numero", "n\u00b0 du traitement",
        "numero du traitement", "processing reference", "reference number",
        "number processing", "processing number",  # the Belgian DPA's model register
        "lfd. nr.", "lfd nr", "lfd. nr",
    ),
    "special_data": (
        "special categories", "special categories of personal data", "special category data",
        "sensitive data", "bijzondere persoonsgegevens", "bijzondere categorieen",
        "bijzondere categorieen persoonsgegevens", "bijzondere categorieen van persoonsgegevens",
        "gevoelige gegevens", "strafrechtelijke persoonsgegevens",
        "donnees sensibles", "categories particulieres de donnees",
        "besondere kategorien personenbezogener daten", "besondere kategorien",
    ),
    "art9_condition": (
        "art. 9 condition", "art 9 condition", "article 9 condition", "art. 9 exception",
        "art. 9(2) condition", "condition for special categories", "uitzondering art. 9",
        "uitzonderingsgrond", "uitzonderingsgrond bijzondere persoonsgegevens",
        "grondslag bijzondere persoonsgegevens", "doorbrekingsgrond",
        "article 9 basis for processing special category data", "article 9 basis",
    ),
    "security": (
        "security", "security measures", "technical and organisational measures",
        "technical and organizational measures", "toms", "security description",
        "beveiliging", "beveiligingsmaatregelen", "technische en organisatorische maatregelen",
        "technische en organisatorische beveiligingsmaatregelen", "maatregelen",
        "passende technische en organisatorische maatregelen",
        "general description of technical and organisational security measures",
        "general description of technical and organizational security measures",
        "security controls",
        "mesures de securite", "mesures techniques et organisationnelles",
        "technische und organisatorische massnahmen", "sicherheitsmassnahmen",
        "technische und organisatorische massnahmen zur sicherheit",
        # GDPR Art. 30(1)(g) in NL and FR (the EN wording is above).
        "algemene beschrijving van de technische en organisatorische beveiligingsmaatregelen",
        "description generale des mesures de securite techniques et organisationnelles",
    ),
    "transfers": (
        "transfers", "transfer", "international transfers", "transfers to third countries",
        "third country transfers", "doorgifte", "doorgiften", "doorgifte buiten de eer",
        "doorgifte buiten eer", "doorgifte derde landen", "doorgifte naar derde landen",
        "doorgifte aan derde landen", "doorgifte naar een derde land",
        "doorgifte aan derde landen of internationale organisaties",
        "doorgifte aan derde land of internationale organisatie",
        "doorgifte aan een derde land of internationale organisatie", "doorgifte aan derde land",
        "doorgifte naar derde land", "cross-border transfer",
        "doorgiften van persoonsgegevens naar een derde land of een internationale organisatie",
        "doorgiften van persoonsgegevens aan een derde land of een internationale organisatie",
        "transfers of personal data to a third country or an international organisation",
        ("transferts de donnees a caractere personnel vers un pays tiers ou a une organisation "
        "internationale"),
        "cross-border transfers", "cross border transfer", "doorgifte buiten eu",
        "doorgifte buiten de eu", "doorgifte naar derde land of internationale organisatie",
        "transfert hors ue", "transfert",
        "transferts", "transferts hors ue", "transferts vers des pays tiers",
        "doorgifte naar het buitenland", "doorgifte buitenland", "doorgifte naar buitenland",
        "transfers outside uk/eu", "transfers outside the eu", "transfers outside eu",
        "transfers outside the eea", "transfers outside eea",
        "transferts des donnees hors ue",
        "drittlandubermittlung", "drittlandsubermittlung", "ubermittlung in drittlander",
        "ubermittlung an drittlander", "ubermittlung an ein drittland",
        ("ubermittlung von daten an ein drittland oder an eine internationale "
         "organisation"),
        ("ubermittlungen von personenbezogenen daten an ein drittland oder an eine "
         "internationale organisation"),
    ),
    "transfer_country": (
        "third country", "third countries", "country", "transfer country", "derde land",
        "derde landen", "land", "land van doorgifte", "land ontvanger",
        ("names of third countries or international organisations that personal data are "
         "transferred to"),
        ("names of third countries or international organizations that personal data are "
         "transferred to"),
        "pays tiers", "pays",
        "transfer jurisdiction", "transfer jurisdictions",
    ),
    "transfer_tool": (
        "transfer mechanism", "transfer tool", "transfer safeguards", "safeguards",
        "appropriate safeguards", "transfer basis", "doorgiftemechanisme",
        "doorgifte instrument", "doorgifte-instrument", "doorgifte mechanisme",
        "passende waarborgen", "waarborgen", "grondslag doorgifte", "grondslag voor doorgifte",
        "safeguards for exceptional transfers of personal data to third countries",
        "garanties", "garanties appropriees",
    ),
    "transfer_recipient": (
        "recipient in third country", "data importer", "importer", "ontvanger derde land",
        "ontvanger buiten de eer", "ontvangende partij",
    ),
    "processors": (
        "processors", "processor", "verwerkers", "verwerker", "sub-processors",
        "subverwerkers", "naam verwerker", "processor name", "verwerker(s)",
        "vendors", "vendor",
        "sous-traitants", "sous-traitant",
        "auftragsverarbeiter", "auftragsverarbeitung",
    ),
    "joint_controllers": (
        "joint controller", "joint controllers", "name and contact details of joint controller",
        "gezamenlijke verwerkingsverantwoordelijke", "gezamenlijke verwerkingsverantwoordelijken",
        "gezamenlijk verantwoordelijke",
        # Amersfoort's model asks it as a question: "Ja" or "Nee", or the parties.
        "gezamenlijke verantwoordelijkheid", "gezamenlijke verwerkingsverantwoordelijkheid",
        "responsables conjoints", "responsable conjoint du traitement",
        "nom du responsable conjoint du traitement",  # the CNIL's model register
        "gemeinsam verantwortliche", "gemeinsam verantwortlicher",
    ),
    "sources": (
        "source", "sources", "source of data", "source of the data", "data source",
        "data sources", "sources of personal data", "bron", "bronnen", "bron gegevens",
        "bron van de gegevens", "bron persoonsgegevens", "herkomst", "herkomst gegevens",
        "herkomst persoonsgegevens", "source des donnees", "provenance des donnees",
        "herkunft der daten", "datenquelle", "datenherkunft",
    ),
    "automated_decisions": (
        "automated decision-making", "automated decision making", "automated decisions",
        "automated decision-making including profiling", "geautomatiseerde besluitvorming",
        "geautomatiseerde besluitvorming en profilering", "geautomatiseerde besluiten",
        "profilering", "decision automatisee", "decisions automatisees",
        "prise de decision automatisee",
        "automatisierte entscheidungsfindung", "automatisierte entscheidung",
    ),
    "owner": (
        "owner", "process owner", "proceseigenaar", "proces eigenaar", "proces-eigenaar",
        "eigenaar", "eigenaar verwerking", "eigenaar van de verwerking", "eigenaar proces",
        "business owner", "data owner", "gegevenseigenaar", "proprietaire",
        "proprietaire du processus", "responsable du processus",
        "owner of process",  # the Belgian DPA's model register
    ),
    "dpia": (
        "dpia", "dpia uitgevoerd", "dpia uitgevoerd?", "dpia gedaan", "dpia verricht",
        "dpia afgerond", "dpia performed", "dpia done", "dpia carried out", "dpia completed",
        "gegevensbeschermingseffectbeoordeling", "gegevensbeschermingseffectbeoordeling uitgevoerd",
        "geb", "geb uitgevoerd", "dpia/geb", "aipd", "aipd realisee", "aipd effectuee",
        "analyse d'impact", "analyse d'impact realisee",
        "dsfa", "datenschutz-folgenabschatzung",
    ),
    "residual_risk": (
        "restrisico", "rest risico", "rest-risico", "restrisico na maatregelen", "resterend risico",
        "netto risico", "residual risk", "risque residuel",
    ),
    "legal_provision": (
        "wet/artikel", "wet / artikel", "wet en artikel", "wetsartikel", "wetsartikelen",
        "wettelijk kader", "wetgeving", "wettelijke bepaling", "specifieke wetgeving",
        "legal provision", "law", "legislation", "statutory provision",
        "disposition legale", "cadre legal", "texte legal", "reglementation",
    ),
    "data_locations": (
        "hosting location", "hosting locations", "data location", "data locations",
        "storage location", "hostinglocatie", "opslaglocatie", "locatie gegevens",
        "lieu d'hebergement", "localisation des donnees", "locatie", "location",
    ),
}  # fmt: skip
_FIELD_OF = {header: field for field, headers in HEADERS.items() for header in headers}


@frozen
class Columns:
    """Which column holds which field, and the columns no field claims, by index."""

    fields: dict[str, int]
    unknown: dict[int, str]
    headers: tuple[str, ...] = ()
    """The header row as written, for what a qualifier says (``Bewaartermijn (jaren)``)."""

    def header(self, field: str) -> str:
        """The header of the column that holds ``field``, as written; "" when there is none."""
        index = self.fields.get(field)
        return self.headers[index] if index is not None and index < len(self.headers) else ""

    def field_at(self, index: int) -> str | None:
        return next((field for field, at in self.fields.items() if at == index), None)


# A qualifier in brackets says how to fill the column, not what it holds: "Doel(en)",
# "(if applicable)", "(optioneel)", "[verplicht]".
_QUALIFIER = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def plain_header(text: str) -> str:
    """A header as the vocabulary writes it: lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split()).rstrip(":* ").strip().removesuffix(" (optioneel)")


def unqualified(header: str) -> str:
    """A plain header without its bracketed qualifiers: ``doel van de verwerking``."""
    return " ".join(_QUALIFIER.sub(" ", plain_header(header)).split()).rstrip(":* ")


# How Art. 30(1) opens its points (f), (g) and (e) in EN, NL and FR; a header copied from it
# says what the column holds after them.
_WHERE_POSSIBLE = re.compile(
    r"^(?:where possible|where applicable|indien mogelijk|indien van toepassing"
    r"|dans la mesure du possible|le cas echeant),?\s+(?:(?:a|an|the|een|de|het|une|un|les)\s+)?"
)


# What a template puts before a header's words: its number ("1.", "2)", "c)", "B."), as the
# points of Art. 30(1) are lettered, an article ("De verwerkingsdoeleinden", "The purposes"),
# and the "a description of" of Art. 30(1)(c) ("een beschrijving van de categorieën ...").
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-g][.)])\s+")
_ARTICLE = re.compile(
    r"^(?:(?:een\s+|a\s+|une\s+|eine\s+)?(?:beschrijving|omschrijving|description|beschreibung)"
    r"\s+(?:van|of|des?|der)\s+(?:(?:de|the|les?|la|die|der|des)\s+)?"
    r"|(?:de|het|een|the|a|an|les?|la|die|der|des)\s+)"
)


def field_of(header: str) -> str | None:
    """The field a header names, read as written first: the risk import's ``kans (netto)``
    shows that a qualifier can matter, so one is dropped only when nothing else matches; then
    without a number or article before its words (``2. De verwerkingsdoeleinden``)."""
    plain = plain_header(header)
    bare = unqualified(plain)
    return (
        _FIELD_OF.get(plain)
        or _FIELD_OF.get(bare)
        or _FIELD_OF.get(_WHERE_POSSIBLE.sub("", bare))
        # A header asked as a question: "Special Category Data? (Y/N)".
        or _FIELD_OF.get(bare.rstrip("? "))
        or _FIELD_OF.get(_ARTICLE.sub("", _NUMBERED.sub("", bare)).rstrip("? "))
    )


# Name headers that may name the process an activity is part of, not the activity: a register
# with a "verwerking" column beside a "verwerkingsactiviteit" column, as Amersfoort's model has,
# or a "Proces" column beside a "Naam verwerking" one, holds one activity per row, which the
# Art. 30 record is of. Alone, such a column names the activity.
_PROCESS_HEADERS = frozenset(
    {"verwerking", "processing", "proces", "process", "procesnaam", "naam proces", "process name",
     "name of business process", "business process"}
)  # fmt: skip
# The field a second column for a field holds: of two basis columns ("Rechtmatige grondslag"
# and "Grondslag", "De wettelijke grondslag"), one names the law behind the other's basis.
_SECOND_COLUMN = {"legal_basis": "legal_provision"}


def map_columns(headers: Sequence[str]) -> Columns:
    """The field each header names. A second column for the same field counts as unknown,
    unless it names the activity where the first names its process, or its field has a field
    for a second column (``_SECOND_COLUMN``) that no column names."""
    fields: dict[str, int] = {}
    seconds: list[tuple[str, int]] = []
    for index, header in enumerate(headers):
        field = field_of(header)
        if field is None:
            continue
        if field not in fields:
            fields[field] = index
        elif field == "name" and _names_activity(header, headers[fields[field]]):
            seconds.append((field, fields[field]))
            fields[field] = index
        else:
            seconds.append((field, index))
    for field, index in seconds:
        second = _SECOND_COLUMN.get(field)
        if second is not None and second not in fields:
            fields[second] = index
    claimed = set(fields.values())
    unknown = {
        index: header.strip()
        for index, header in enumerate(headers)
        if index not in claimed and header.strip()
    }
    return Columns(fields, unknown, tuple(headers))


def _names_activity(header: str, first: str) -> bool:
    """Whether ``header`` names the activity where ``first`` names the process."""
    return unqualified(first) in _PROCESS_HEADERS and unqualified(header) not in _PROCESS_HEADERS
