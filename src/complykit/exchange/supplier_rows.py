"""A supplier register row (leveranciersregister, verwerkersregister) as a ``supplier`` record."""

from __future__ import annotations

import re
from typing import Any

from complykit.exchange.row_source import NOT_STATED, Notes, date_field, split_items
from complykit.exchange.table_import import Cells, TableKind
from complykit.exchange.transfer_text import EEA, countries_in, mechanism, privacy_framework
from complykit.model.config import WorkspaceConfig
from complykit.model.enums import TransferMechanism
from complykit.model.wording.countries import country_code
from complykit.model.wording.meant import opening_yes_or_no

_BRACKETED = re.compile(r"\([^()]*\)")

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "supplier", "vendor", "supplier name", "naam", "leverancier",
             "naam leverancier", "verwerker", "naam verwerker", "partij", "bedrijf", "company",
             "fournisseur", "sous-traitant", "nom du fournisseur"),
    "services": ("service", "services", "product", "products", "dienst", "diensten",
                 "dienstverlening", "omschrijving dienst", "applicatie", "application",
                 "prestation", "prestations"),
    "role": ("role", "gdpr role", "rol", "rol avg", "hoedanigheid", "type"),
    "country": ("country", "country of establishment", "land", "vestigingsland", "vestiging",
                "land van vestiging", "pays", "pays d'etablissement"),
    "locations": ("data location", "data locations", "hosting location", "locatie",
                  "locatie gegevens", "opslaglocatie", "hostinglocatie", "datalocatie",
                  "locatie data", "data locatie", "serverlocatie", "locatie servers",
                  "opslag", "hosting", "data residency", "storage location",
                  "localisation des donnees", "lieu d'hebergement", "hebergement"),
    "criticality": ("criticality", "kritikaliteit", "kriticiteit", "belang", "classificatie"),
    "dpa": ("dpa", "dpa signed", "data processing agreement", "verwerkersovereenkomst",
            "verwerkersovereenkomst getekend", "vwo", "verwerkersovereenkomst aanwezig",
            "verwerkersovereenkomst afgesloten", "dpa in place", "contrat de sous-traitance"),
    "dpa_signed_on": ("datum verwerkersovereenkomst", "datum vwo", "dpa date", "dpa signed on",
                      "date dpa signed", "verwerkersovereenkomst datum", "getekend op",
                      "ondertekend op", "datum ondertekening", "date de signature"),
    "sub_processors": ("sub-processors", "subprocessors", "sub processors", "sub-processor",
                       "subverwerkers", "sub-verwerkers", "subverwerker",
                       "sous-traitants ulterieurs", "sous-traitants ulterieur"),
    "contract_end": ("contract end", "contract end date", "end date", "einddatum",
                     "einddatum contract", "contract tot", "contract einddatum", "einde contract",
                     "looptijd tot", "contract expiry", "fin du contrat", "date de fin"),
    "certifications": ("certifications", "certificates", "certificeringen", "certificaten",
                       "keurmerken"),
    "ai_training": ("ai training", "ai-training", "ai training on customer data",
                    "uses customer data for ai training", "training on customer data",
                    "gebruikt klantdata voor ai-training", "gebruikt klantdata voor ai training",
                    "ai-training op klantdata", "training op klantdata", "ai-training klantdata",
                    "entrainement ia", "entrainement de l'ia"),
    "next_review": ("next review", "next review date", "review date", "volgende review",
                    "volgende beoordeling", "datum volgende review", "herbeoordeling",
                    "prochaine revue", "prochaine revision"),
    "description": ("description", "omschrijving", "toelichting"),
}  # fmt: skip
ROLES = {
    "sub-processor": ("sub-processor", "subprocessor", "subverwerker", "sub-verwerker"),
    "joint-controller": ("joint controller", "gezamenlijk verwerkingsverantwoordelijke"),
    "processor": ("processor", "verwerker"),
    "controller": ("controller", "verwerkingsverantwoordelijke", "verantwoordelijke"),
    "none": ("none", "geen", "n.v.t.", "nvt", "no personal data", "geen persoonsgegevens"),
}
CRITICALITY = {
    "low": ("low", "laag"), "medium": ("medium", "middel", "midden", "gemiddeld"),
    "high": ("high", "hoog"), "critical": ("critical", "kritiek", "kritisch", "zeer hoog"),
}  # fmt: skip


def draft_supplier(cells: Cells, config: WorkspaceConfig, notes: Notes) -> dict[str, Any] | str:  # noqa: ARG001 - the TableKind signature
    """The supplier a row describes, or why it cannot make one."""
    name = " ".join(cells("name").split())
    if not name:
        return "no supplier name"
    country = country_code(cells("country")) or next(iter(countries_in(cells("country"))), None)
    if country is None:
        written = (
            f" ('{cells('country')}' is no country complykit knows)" if cells("country") else ""
        )
        return f"no country of establishment{written}; a supplier record needs it"
    fields: dict[str, Any] = {
        "name": name,
        "services": split_items(cells("services")) or [NOT_STATED],
        "role": _choice(cells("role"), ROLES, "processor", "role", notes),
        "country": country,
        "criticality": _choice(cells("criticality"), CRITICALITY, "medium", "criticality", notes),
    }
    if not cells("services"):
        notes.warn("no services given")
    fields.update(_details(cells, notes))
    return fields


def _details(cells: Cells, notes: Notes) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if locations := countries_in(cells("locations")):
        fields["locations"] = [_location(code, cells, notes) for code in locations]
    elif cells("locations"):
        notes.add(f"Data locations as written in the register: {cells('locations')}")
        notes.warn(f"data locations '{cells('locations')}' name no country; kept in notes")
    if signed := _dpa_signed(cells, notes):
        fields["dpa"] = {"signed_on": signed}
    if sub_processors := _sub_processors(cells("sub_processors"), notes):
        fields["sub_processors"] = sub_processors
    if end := date_field(cells("contract_end"), "contract end", "Contract end", notes):
        fields["contract_end"] = end
    if review := date_field(cells("next_review"), "next review", "Next review", notes):
        fields["next_review"] = review
    if certifications := split_items(cells("certifications")):
        fields["certifications"] = [{"name": c} for c in certifications]
    if training := _ai_training(cells("ai_training"), notes):
        fields["ai_training"] = {"customer_data": training}
    if cells("description"):
        fields["description"] = cells("description")
    return fields


def _location(code: str, cells: Cells, notes: Notes) -> dict[str, Any]:
    """A data location; outside the EEA, with the one transfer tool the row names in its DPA
    or locations cell (``Ja (DPA + SCC)``), said in a warning so that it is checked."""
    location: dict[str, Any] = {"country": code}
    if code in EEA:
        return location
    written = f"{cells('dpa')} {cells('locations')}"
    if (tool := mechanism(written)) is not None:
        location["transfer_mechanism"] = tool.value
        if tool is TransferMechanism.ADEQUACY_DECISION and privacy_framework(written):
            location["within_adequacy_scope"] = True
        notes.warn(
            f"transfer tool for {code} read as {tool.value} from '{' '.join(written.split())}'"
        )
    return location


def _dpa_signed(cells: Cells, notes: Notes) -> str | None:
    """The day the DPA was signed: from a date column, or the DPA column when it holds a date.
    A DPA column that says only yes or no (with the date elsewhere, or nowhere) is no date."""
    written = cells("dpa")
    said = opening_yes_or_no(written)
    if cells("dpa_signed_on"):
        signed = date_field(cells("dpa_signed_on"), "DPA signed on", "DPA signed on", notes)
        if said is False:
            notes.warn(f"DPA '{written}' but signed on '{cells('dpa_signed_on')}'; check both")
        if said is not True or len(written.split()) > 1:  # "Ja (DPA + SCC)" says more
            notes.add(f"Data processing agreement as written in the register: {written}")
        return signed
    if said is None:
        return date_field(written, "DPA signed", "Data processing agreement", notes)
    notes.add(f"Data processing agreement as written in the register: {written}")
    if said:
        notes.warn(f"DPA '{written}' gives no day it was signed; add dpa.signed_on")
    return None


def _sub_processors(text: str, notes: Notes) -> list[dict[str, str]]:
    """Each sub-processor a cell lists with its country (``AWS (VS), Google Cloud (US)``); one
    whose country is not named cannot be recorded (a sub-processor needs it) and the cell is
    kept in notes."""
    found: list[dict[str, str]] = []
    left: list[str] = []
    for item in split_items(text):
        countries = countries_in(item)
        name = " ".join(_BRACKETED.sub(" ", item).split()).strip(" -\u2013:")
        if len(countries) == 1 and name:
            found.append({"name": name, "service": NOT_STATED, "country": countries[0]})
        else:
            left.append(item)
    if left:
        notes.add(f"Sub-processors as written in the register: {text}")
        notes.warn(
            f"sub-processor(s) {', '.join(repr(i) for i in left)} without one country; kept "
            "in notes"
        )
    return found


# Words a register uses for "the supplier may train AI on our data", and for "it may not".
_AI_TRAINING = {
    "opt-out": ("opt-out", "opt out", "afmelden", "uitschrijven", "opt-outmogelijkheid"),
    "not-applicable": ("n.v.t.", "nvt", "n/a", "not applicable", "geen ai-dienst", "no ai service"),
    "unknown": ("onbekend", "unknown", "weet niet", "inconnu"),
}


def _ai_training(text: str, notes: Notes) -> str | None:
    """What a cell says of the supplier training AI on customer data (``AiTrainingClause``)."""
    if not text:
        return None
    folded = " ".join(text.casefold().split())
    found = next((v for v, words in _AI_TRAINING.items() if any(w in folded for w in words)), None)
    said = opening_yes_or_no(text)
    if found is None and said is not None:
        found = "allowed" if said else "prohibited"
    if found is None:
        notes.warn(f"AI training '{text}' not understood; kept in notes")
    if found is None or len(folded.split()) > 1:
        notes.add(f"AI training on customer data as written in the register: {text}")
    return found


def _choice(
    text: str, choices: dict[str, tuple[str, ...]], default: str, what: str, notes: Notes
) -> str:
    folded = " ".join(text.casefold().split())
    if not folded:
        notes.warn(f"no {what} given; imported as {default}")
        return default
    found = next((key for key, words in choices.items() if any(w in folded for w in words)), None)
    if found is None:
        notes.warn(f"{what} '{text}' not understood; imported as {default}, kept in notes")
        notes.add(f"{what.capitalize()} as written in the register: {text}")
        return default
    return found


SUPPLIERS = TableKind("supplier", "suppliers", "sup", HEADERS, "name", draft_supplier)
