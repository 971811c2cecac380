"""A risk register row (risicoregister) as a ``risk`` record, scored on the workspace's scales."""

from __future__ import annotations

import re
from typing import Any

from complykit.exchange.people import owner_field
from complykit.exchange.row_source import Notes, date_field
from complykit.exchange.table_import import Cells, TableKind
from complykit.model.config import WorkspaceConfig

HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("risk", "risk title", "title", "name", "risico", "risiconaam", "titel",
              "naam risico", "omschrijving risico", "risicobeschrijving"),
    "description": ("description", "omschrijving", "toelichting", "scenario", "oorzaak"),
    "category": ("category", "categorie", "soort", "domein", "type risico"),
    "likelihood": ("likelihood", "probability", "inherent likelihood", "kans",
                   "waarschijnlijkheid", "bruto kans", "kans (bruto)"),
    "impact": ("impact", "inherent impact", "gevolg", "gevolgen", "effect", "bruto impact",
               "impact (bruto)"),
    "treatment": ("treatment", "risk treatment", "behandeling", "risicobehandeling",
                  "strategie", "respons"),
    "status": ("status", "risk status", "risicostatus", "statut"),
    "treatment_plan": ("treatment plan", "measures", "controls", "maatregelen",
                       "beheersmaatregelen", "actie", "acties"),
    "residual_likelihood": ("residual likelihood", "restkans", "netto kans", "kans (netto)",
                            "rest kans"),
    "residual_impact": ("residual impact", "restimpact", "netto impact", "impact (netto)",
                        "rest impact"),
    "owner": ("owner", "risk owner", "eigenaar", "risico-eigenaar", "risico eigenaar"),
    "identified": ("identified", "date identified", "datum", "datum vastgesteld"),
    "last_assessed": ("last assessed", "last assessment", "date last assessed", "last reviewed",
                      "last review", "laatst beoordeeld", "datum laatste beoordeling",
                      "laatste beoordeling", "laatste review", "datum laatste review"),
    "next_review": ("next review", "next review date", "review date", "volgende review",
                    "volgende beoordeling", "datum volgende review", "herbeoordeling",
                    "herbeoordeling op", "prochaine revue", "prochaine revision"),
}  # fmt: skip
CATEGORIES = {
    "privacy": ("privacy", "avg", "gdpr", "persoonsgegevens"),
    "security": ("security", "informatiebeveiliging", "beveiliging", "cyber"),
    "ai": ("ai", "algoritme", "algorithm"),
    "supplier": ("supplier", "leverancier", "vendor"),
    "legal": ("legal", "juridisch"),
    "compliance": ("compliance",),
    "continuity": ("continuity", "continuiteit", "bcm"),
    "operational": ("operational", "operationeel", "proces"),
}
TREATMENTS = {
    "mitigate": ("mitigate", "reduce", "verminderen", "mitigeren", "beheersen", "verlagen"),
    "accept": ("accept", "accepteren", "aanvaarden", "geaccepteerd", "aanvaard"),
    "transfer": ("transfer", "share", "overdragen", "delen", "verzekeren"),
    "avoid": ("avoid", "vermijden", "stoppen", "beeindigen"),
}
_NON_WORD = re.compile(r"[^\w]+")


def draft_risk(cells: Cells, config: WorkspaceConfig, notes: Notes) -> dict[str, Any] | str:
    """The risk a row describes, or why it cannot make one."""
    title = " ".join(cells("title").split())
    if not title:
        return "no risk title"
    scales = config.risk_method
    inherent = _score(cells("likelihood"), cells("impact"), scales)
    if isinstance(inherent, str):
        return f"inherent score: {inherent}"
    fields: dict[str, Any] = {"title": title}
    if cells("description"):
        fields["description"] = cells("description")
    fields["category"] = _word(cells("category"), CATEGORIES, "operational", "category", notes)
    fields["inherent"] = inherent
    fields["treatment"] = _treatment(cells, notes)
    if cells("treatment_plan"):
        fields["treatment_plan"] = cells("treatment_plan")
    if cells("residual_likelihood") or cells("residual_impact"):
        residual = _score(cells("residual_likelihood"), cells("residual_impact"), scales)
        if isinstance(residual, str):
            notes.warn(f"residual score left out: {residual}")
            notes.add(f"Residual score as written: {cells('residual_likelihood')} x "
                      f"{cells('residual_impact')}")  # fmt: skip
        else:
            fields["residual"] = residual
    owner_field(cells("owner"), config.people, fields, notes, "register")
    dated = (("identified", "identified"), ("last_assessed", "last assessed"),
             ("next_review", "next review"))  # fmt: skip
    for key, column in dated:
        if found := date_field(cells(key), column, column.capitalize(), notes):
            fields[key] = found
    return fields


def _treatment(cells: Cells, notes: Notes) -> str:
    """The treatment column's, or else what a status column says of it (``Geaccepteerd``: the
    risk is accepted); the status is kept in notes either way, as it may say more."""
    status = cells("status")
    if status:
        notes.add(f"Status as written in the register: {status}")
    if not cells("treatment") and status and (said := _found(status, TREATMENTS)):
        return said
    return _word(cells("treatment"), TREATMENTS, "mitigate", "treatment", notes)


def _score(likelihood: str, impact: str, scales: Any) -> dict[str, int] | str:
    found = {}
    for name, text, levels in (
        ("likelihood", likelihood, scales.likelihood),
        ("impact", impact, scales.impact),
    ):
        value = _level(text, levels)
        if value is None:
            allowed = ", ".join(f"{lv.value} ({lv.label})" for lv in levels)
            shown_text = f"'{text}'" if text else "empty"
            return f"{name} {shown_text} is no level of the workspace's scale: {allowed}"
        found[name] = value
    return found


def _level(text: str, levels: Any) -> int | None:
    folded = text.strip().casefold()
    for level in levels:
        if folded in {str(level.value), level.label.casefold()}:
            return int(level.value)
    return None


def _word(
    text: str, choices: dict[str, tuple[str, ...]], default: str, what: str, notes: Notes
) -> str:
    found = _found(text, choices)
    if found is None:
        if text:
            notes.add(f"{what.capitalize()} as written in the register: {text}")
        notes.warn(f"{what} {'not understood' if text else 'not given'}; imported as {default}")
        return default
    return found


def _found(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    words = " " + " ".join(_NON_WORD.sub(" ", text.casefold()).split()) + " "
    return next((k for k, stems in choices.items() if any(f" {s}" in words for s in stems)), None)


RISKS = TableKind("risk", "risks", "risk", HEADERS, "title", draft_risk)
