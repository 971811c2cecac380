"""The value a word was meant to be, among the values a field takes.

A Dutch privacy officer writes ``legal_basis: wettelijke verplichting``, a Belgian one
``role: sous-traitant``, an ISO implementer ``status: geïmplementeerd``. Each is refused, rightly:
complykit keeps one spelling per value so that rules and reports can read it. What it owes them
is the value they meant, as a "did you mean", never applied: the user's file stays theirs.

A word is answered only with a value the field takes, so ``afgerond`` is ``completed`` for a
DPIA's status and ``done`` for a treatment's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from enum import StrEnum

from complykit.model.enums import Art9Condition, LegalBasis, SpecialCategory
from complykit.model.wording.countries import folded
from complykit.model.wording.legal_basis import art9_conditions, parse_legal_basis
from complykit.model.wording.special_data import special_category

# Words (folded: lower case, no accents, single spaces) to the values they may mean, the likelier
# first; the first the field takes is the answer. Dutch, French and German: NL and BE first.
_WORDS: dict[str, tuple[str, ...]] = {
    # Our role in an activity, and a recipient's or supplier's.
    "verwerkingsverantwoordelijke": ("controller",),
    "verantwoordelijke": ("controller",),
    "responsable du traitement": ("controller",),
    "responsable de traitement": ("controller",),
    "verantwortlicher": ("controller",),
    "verwerker": ("processor",),
    "sous traitant": ("processor",),
    "auftragsverarbeiter": ("processor",),
    "gezamenlijk verwerkingsverantwoordelijke": ("joint-controller",),
    "gezamenlijke verwerkingsverantwoordelijke": ("joint-controller",),
    "gezamenlijk verwerkingsverantwoordelijken": ("joint-controller",),
    "gezamenlijk verantwoordelijke": ("joint-controller",),
    "gezamenlijke verantwoordelijkheid": ("joint-controller",),
    "responsable conjoint": ("joint-controller",),
    "responsables conjoints": ("joint-controller",),
    "responsables conjoints du traitement": ("joint-controller",),
    "gemeinsam verantwortliche": ("joint-controller",),
    "gemeinsam verantwortlicher": ("joint-controller",),
    "intern": ("internal",),
    "interne": ("internal",),
    "overheid": ("public-authority",),
    "overheidsinstantie": ("public-authority",),
    "overheidsorgaan": ("public-authority",),
    "bestuursorgaan": ("public-authority",),
    "autorite publique": ("public-authority",),
    "behorde": ("public-authority",),
    "overig": ("other",),
    "overige": ("other",),
    "anders": ("other",),
    "autre": ("other",),
    "wij": ("us",),
    "wijzelf": ("us",),
    "nous": ("us",),
    # How far something is done: controls, treatments, DPIAs, assessments, incidents.
    "geimplementeerd": ("implemented",),
    "ingevoerd": ("implemented",),
    "mis en oeuvre": ("implemented",),
    "umgesetzt": ("implemented",),
    "gedeeltelijk": ("partially-implemented",),
    "gedeeltelijk geimplementeerd": ("partially-implemented",),
    "deels": ("partially-implemented",),
    "deels geimplementeerd": ("partially-implemented",),
    "partiellement mis en oeuvre": ("partially-implemented",),
    "teilweise umgesetzt": ("partially-implemented",),
    "niet geimplementeerd": ("not-implemented",),
    "niet ingevoerd": ("not-implemented",),
    "non mis en oeuvre": ("not-implemented",),
    "nicht umgesetzt": ("not-implemented",),
    "niet van toepassing": ("not-applicable",),
    "n.v.t.": ("not-applicable",),
    "nvt": ("not-applicable",),
    "n/a": ("not-applicable",),
    "sans objet": ("not-applicable",),
    "non applicable": ("not-applicable",),
    "nicht anwendbar": ("not-applicable",),
    "te bepalen": ("to-decide",),
    "nog te bepalen": ("to-decide",),
    "a decider": ("to-decide",),
    "gepland": ("planned",),
    "prevu": ("planned",),
    "geplant": ("planned",),
    "lopend": ("in-progress",),
    "bezig": ("in-progress",),
    "in uitvoering": ("in-progress",),
    "in behandeling": ("in-progress",),
    "en cours": ("in-progress",),
    "in bearbeitung": ("in-progress",),
    "afgerond": ("completed", "done", "closed"),
    "voltooid": ("completed", "done"),
    "gereed": ("done", "completed"),
    "klaar": ("done", "completed"),
    "termine": ("completed", "done", "closed"),
    "abgeschlossen": ("completed", "done", "closed"),
    "goedgekeurd": ("approved",),
    "approuve": ("approved",),
    "genehmigt": ("approved",),
    "niet gestart": ("not-started",),
    "nog niet gestart": ("not-started",),
    "niet nodig": ("not-required",),
    "niet vereist": ("not-required",),
    "niet verplicht": ("not-required",),
    "geannuleerd": ("cancelled",),
    "vervallen": ("cancelled",),
    "gesloten": ("closed",),
    "opgelost": ("resolved",),
    "ingeperkt": ("contained",),
    "herzien": ("needs-update",),
    # Levels: risks, incidents, residual risk.
    "laag": ("low",),
    "faible": ("low",),
    "niedrig": ("low",),
    "gemiddeld": ("medium",),
    "middel": ("medium",),
    "midden": ("medium",),
    "moyen": ("medium",),
    "mittel": ("medium",),
    "hoog": ("high",),
    "eleve": ("high",),
    "hoch": ("high",),
    "kritiek": ("critical",),
    "kritisch": ("critical",),
    "critique": ("critical",),
    "geen risico": ("none",),
    "geen": ("none",),
    "aucun risque": ("none",),
    "risico": ("risk",),
    "hoog risico": ("high-risk",),
    "risque eleve": ("high-risk",),
    "hohes risiko": ("high-risk",),
    # What a breach touched (Art. 32(1)(b), the usual CIA split).
    "vertrouwelijkheid": ("confidentiality",),
    "confidentialite": ("confidentiality",),
    "vertraulichkeit": ("confidentiality",),
    "integriteit": ("integrity",),
    "integrite": ("integrity",),
    "integritat": ("integrity",),
    "beschikbaarheid": ("availability",),
    "disponibilite": ("availability",),
    "verfugbarkeit": ("availability",),
    # A control's type.
    "technisch": ("technical",),
    "technique": ("technical",),
    "organisatorisch": ("organisational",),
    "organisationnel": ("organisational",),
    "fysiek": ("physical",),
    "physique": ("physical",),
    "juridisch": ("legal",),
    "juridique": ("legal",),
    # Risk treatment options (ISO/IEC 27001 6.1.3) and risk areas.
    "mitigeren": ("mitigate",),
    "verminderen": ("mitigate",),
    "beperken": ("mitigate",),
    "reduire": ("mitigate",),
    "attenuer": ("mitigate",),
    "reduzieren": ("mitigate",),
    "accepteren": ("accept",),
    "aanvaarden": ("accept",),
    "accepter": ("accept",),
    "akzeptieren": ("accept",),
    "overdragen": ("transfer",),
    "transfereren": ("transfer",),
    "transferer": ("transfer",),
    "ubertragen": ("transfer",),
    "vermijden": ("avoid",),
    "eviter": ("avoid",),
    "vermeiden": ("avoid",),
    "beveiliging": ("security",),
    "informatiebeveiliging": ("security",),
    "securite": ("security",),
    "naleving": ("compliance",),
    "operationeel": ("operational",),
    "operationnel": ("operational",),
    "leverancier": ("supplier",),
    "leveranciers": ("supplier",),
    "fournisseur": ("supplier", "provider"),
    "continuiteit": ("continuity",),
    "bedrijfscontinuiteit": ("continuity",),
    "continuite": ("continuity",),
    # Our roles for an AI system, as the AI Act's Art. 3 names them in Dutch, French and German.
    "aanbieder": ("provider",),
    "anbieter": ("provider",),
    "gebruiksverantwoordelijke": ("deployer",),
    "deployeur": ("deployer",),
    "betreiber": ("deployer",),
    "importeur": ("importer",),
    "importateur": ("importer",),
    "einfuhrer": ("importer",),
    "distributeur": ("distributor",),
    "handler": ("distributor",),
    "gemachtigde": ("authorised-representative",),
    "mandataire": ("authorised-representative",),
    "bevollmachtigter": ("authorised-representative",),
    "productfabrikant": ("product-manufacturer",),
    "fabricant de produits": ("product-manufacturer",),
    "produkthersteller": ("product-manufacturer",),
    # Where an AI system is in its life cycle, as an algorithm register says it.
    "idee": ("idea",),
    "ontwerp": ("design",),
    "in ontwerp": ("design",),
    "ontwikkeling": ("development",),
    "in ontwikkeling": ("development",),
    "validatie": ("validation",),
    "in gebruik": ("operation",),
    "in productie": ("operation",),
    "productie": ("operation",),
    "en production": ("operation",),
    "in betrieb": ("operation",),
    "buiten gebruik": ("retired",),
    "uitgefaseerd": ("retired",),
    # Recurring tasks.
    "opleiding": ("training",),
    "scholing": ("training",),
    "bewustwording": ("training",),
    "formation": ("training",),
    "interne audit": ("internal-audit",),
    "audit interne": ("internal-audit",),
    "directiebeoordeling": ("management-review",),
    "managementbeoordeling": ("management-review",),
    "management review": ("management-review",),
    "revue de direction": ("management-review",),
    "toegangsreview": ("access-review",),
    "autorisatiereview": ("access-review",),
    "risicoanalyse": ("risk-review",),
    "risicobeoordeling": ("risk-review",),
    "leveranciersbeoordeling": ("supplier-review",),
    "beleidsreview": ("policy-review",),
    "pentest": ("penetration-test",),
    "penetratietest": ("penetration-test",),
    "continuiteitstest": ("continuity-test",),
    "uitwijktest": ("continuity-test",),
    # Why a control is in a Statement of Applicability.
    "risicobehandeling": ("risk-treatment",),
    "wettelijk": ("legal",),
    "wetgeving": ("legal",),
    "contractueel": ("contractual",),
    "bedrijfsmatig": ("business",),
    "best practice": ("best-practice",),
    "goede praktijk": ("best-practice",),
    # What a DPIA fears (CNIL's three feared events).
    "onrechtmatige toegang": ("illegitimate-access",),
    "ongeautoriseerde toegang": ("illegitimate-access",),
    "acces illegitime": ("illegitimate-access",),
    "ongewenste wijziging": ("unwanted-modification",),
    "modification non desiree": ("unwanted-modification",),
    "verdwijning": ("disappearance",),
    "verlies": ("disappearance",),
    "disparition": ("disappearance",),
    # Report languages.
    "nederlands": ("nl",),
    "dutch": ("nl",),
    "vlaams": ("nl",),
    "neerlandais": ("nl",),
    "niederlandisch": ("nl",),
    "engels": ("en",),
    "english": ("en",),
    "anglais": ("en",),
    "englisch": ("en",),
    # Chapter V transfer tools.
    "standaardcontractbepalingen": ("standard-contractual-clauses",),
    "modelcontractbepalingen": ("standard-contractual-clauses",),
    "scc": ("standard-contractual-clauses",),
    "sccs": ("standard-contractual-clauses",),
    "clauses contractuelles types": ("standard-contractual-clauses",),
    "standardvertragsklauseln": ("standard-contractual-clauses",),
    "adequaatheidsbesluit": ("adequacy-decision",),
    "decision d adequation": ("adequacy-decision",),
    "angemessenheitsbeschluss": ("adequacy-decision",),
    "bcr": ("binding-corporate-rules",),
    "bindende bedrijfsvoorschriften": ("binding-corporate-rules",),
    "regles d entreprise contraignantes": ("binding-corporate-rules",),
    "gedragscode": ("code-of-conduct",),
    "certificering": ("certification",),
    "uitzondering": ("derogation",),
    "administratieve regeling": ("administrative-arrangement",),
    "arrangement administratif": ("administrative-arrangement",),
}


# Words for "none" where a list was asked for: `transfers: geen` means `transfers: []`.
_NONE = frozenset((
    "none", "no", "nee", "geen", "n.v.t.", "nvt", "n/a", "na", "-", "nil", "niets", "aucun",
    "aucune", "neant", "keine", "kein", "nicht zutreffend",
))  # fmt: skip


_TRUE = frozenset(("ja", "yes", "y", "j", "oui", "wahr", "waar", "true", "on", "1", "x"))
_FALSE = frozenset(("nee", "neen", "no", "n", "non", "nein", "onwaar", "false", "off", "0"))


def meant_bool(text: str) -> bool | None:
    """The yes or no that ``text`` says (``ja``, ``nee``, ``oui``, ``yes``), or None."""
    words = folded(text)
    return True if words in _TRUE else False if words in _FALSE else None


def opening_yes_or_no(text: str) -> bool | None:
    """The yes or no a cell opens with, whatever follows: ``Ja (DPA + SCC)`` says yes,
    ``Nee, niet zonder opt-in`` no."""
    words = text.split(maxsplit=1)
    return meant_bool(words[0].strip(",.;:()")) if words else None


def none_or_placeholder(text: str) -> bool:
    """Whether ``text`` is a word for "none" (``geen``, ``néant``) or a placeholder that leaves
    a value out (``n.v.t.``, ``n/a``, ``-``): either way, nothing to list. Fit for a hint on a
    YAML value the user wrote, not for reading a register cell, where a placeholder states
    nothing (``row_source.says_none`` and ``row_source.placeholder`` keep the two apart)."""
    return text.strip() in _NONE or folded(text) in _NONE  # "-" folds to nothing


# What a text opens with when it says there is nothing: "niet beschikbaar", "not available",
# "nergens", "geen kopie". Folded, so without accents.
_NOTHING_OPENINGS = frozenset((
    "not", "niet", "nergens", "nowhere", "geen", "none", "nothing", "niets", "pas", "aucun",
    "aucune", "nulle", "nulle part", "kein", "keine", "nicht", "nirgends",
))  # fmt: skip
_UNKNOWN = frozenset((
    "onbekend", "nog onbekend", "unknown", "not known", "inconnu", "weet niet", "unbekannt", "tbd",
))  # fmt: skip


def names_no_place(text: str) -> bool:
    """Whether a text asked to say *where* says nothing of it: a no (``nee``, ``not
    available``, ``nergens``), a placeholder (``n.v.t.``, ``-``), an unknown (``onbekend``) or a
    bare yes (``ja``), which answers whether but not where."""
    words = folded(text).strip(" .?!")
    if not words or none_or_placeholder(text) or words in _UNKNOWN:
        return True
    first = words.split()[0]
    return (
        meant_bool(first) is False
        or first in _NOTHING_OPENINGS
        or " ".join(words.split()[:2]) in _NOTHING_OPENINGS
        or meant_bool(words) is True
    )


def _one_art9_condition(text: str) -> Art9Condition | None:
    points = art9_conditions(text)
    return points[0] if len(points) == 1 else None


# The vocabularies read by parsers of their own; a field is read by one only when it takes
# every value of that vocabulary (it is that field).
_PARSED: tuple[tuple[type[StrEnum], Callable[[str], StrEnum | None]], ...] = (
    (LegalBasis, parse_legal_basis),
    (Art9Condition, _one_art9_condition),
    (SpecialCategory, special_category),
)


def meant_value(text: str, options: Collection[str]) -> str | None:
    """The one of ``options`` that ``text`` says in words, or None."""
    taken = set(options)
    for vocabulary, parse in _PARSED:
        meant = parse(text) if {value.value for value in vocabulary} <= taken else None
        if meant is not None and meant.value in taken:
            return meant.value
    return next((v for v in _WORDS.get(folded(text), ()) if v in taken), None)
