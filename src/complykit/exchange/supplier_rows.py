"""A supplier register row (leveranciersregister, verwerkersregister) as a ``supplier`` record."""

from __future__ import annotations

from typing import Any

from complykit.exchange.row_source import Notes, date_field, split_items
from complykit.exchange.table_import import Cells, TableKind
from complykit.exchange.transfer_text import countries_in
from complykit.model.config import WorkspaceConfig
from complykit.model.wording.countries import country_code

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "supplier", "vendor", "supplier name", "naam", "leverancier",
             "naam leverancier", "verwerker", "naam verwerker", "partij", "bedrijf", "company"),
    "services": ("service", "services", "product", "products", "dienst", "diensten",
                 "dienstverlening", "omschrijving dienst", "applicatie", "application"),
    "role": ("role", "gdpr role", "rol", "rol avg", "hoedanigheid", "type"),
    "country": ("country", "country of establishment", "land", "vestigingsland", "vestiging"),
    "locations": ("data location", "data locations", "hosting location", "locatie",
                  "locatie gegevens", "opslaglocatie", "hostinglocatie", "datalocatie"),
    "criticality": ("criticality", "kritikaliteit", "kriticiteit", "belang", "classificatie"),
    "dpa": ("dpa", "dpa signed", "data processing agreement", "verwerkersovereenkomst",
            "verwerkersovereenkomst getekend", "vwo", "datum verwerkersovereenkomst"),
    "contract_end": ("contract end", "contract end date", "end date", "einddatum",
                     "einddatum contract", "contract tot"),
    "certifications": ("certifications", "certificates", "certificeringen", "certificaten",
                       "keurmerken"),
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
        "services": split_items(cells("services")) or ["not stated in the imported register"],
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
        fields["locations"] = [{"country": code} for code in locations]
    elif cells("locations"):
        notes.add(f"Data locations as written in the register: {cells('locations')}")
        notes.warn(f"data locations '{cells('locations')}' name no country; kept in notes")
    if signed := date_field(cells("dpa"), "DPA signed", "Data processing agreement", notes):
        fields["dpa"] = {"signed_on": signed}
    if end := date_field(cells("contract_end"), "contract end", "Contract end", notes):
        fields["contract_end"] = end
    if certifications := split_items(cells("certifications")):
        fields["certifications"] = [{"name": c} for c in certifications]
    if cells("description"):
        fields["description"] = cells("description")
    return fields


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
