"""Records of the skewed shape: the uniform renderers, with long lists and long texts for the
records the plan marks long, hub processors, non-ASCII text, and many records to a file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generators import activities
from generators.ai_systems import render_ai
from generators.controls import render_control
from generators.dpias import render_dpia
from generators.incidents import render_incident
from generators.risks import render_risk
from generators.soas import render_soa
from generators.suppliers import render_supplier
from generators.tasks import render_task
from generators.text import flow, prose, q
from generators.vocabulary import SENTENCES

if TYPE_CHECKING:
    import random
    from collections.abc import Callable

    from generators.skewed_plan import SkewedPlan

NON_ASCII_SENTENCES = (
    "Die Daten werden ausschließlich in Rechenzentren in Frankfurt am Main verarbeitet.",
    "Les données sont conservées à Lyon et supprimées après l'échéance prévue.",
    "Gegevens van cliënten worden na afloop van de bewaartermijn vernietigd (ook back-ups).",
    "Dane osobowe są przetwarzane zgodnie z polityką bezpieczeństwa spółki w Łodzi.",
    "Zoë Ødegård en Jürgen Šimůnek toetsen de toegang elk kwartaal (bijlage B).",
    "Consentimiento explícito del interesado, registrado con fecha y versión del formulario.",
)
EXTRA_DATA = (
    "bankrekeningnummer (IBAN)",
    "geboortedatum",
    "adresgegevens",
    "telefoonnummer privé",
    "e-mailadres werk",
    "functie en afdeling",
    "salarisschaal",
    "verlofregistratie",
    "opleidingshistorie",
    "beoordelingsverslagen",
    "klantnummer",
    "bestelgeschiedenis",
    "betalingsgedrag",
    "IP-adres",
    "apparaat-ID",
    "locatiegegevens (GPS)",
    "cameratoezichtbeelden",
    "toegangspasregistratie",
    "inloggegevens",
    "klachtendossier",
    "correspondentie",
    "voorkeurstaal (Français, Español, Türkçe)",
    "nationaliteit",
    "burgerlijke staat",
    "gezinssamenstelling",
    "noodcontactpersoon",
    "rijbewijsgegevens",
    "kentekenregistratie",
    "Lieferadresse (Straße, Hausnummer)",
    "préférences de communication",
)
LONG_LIST = 40
"""Controls a long risk or activity lists; long activities name 25 processors."""


def long_text(rng: random.Random) -> str:
    """10 to 20 KB of prose, some of it not ASCII."""
    size, parts = rng.randint(10_000, 20_000), []
    while size > 0:
        sentence = rng.choice(NON_ASCII_SENTENCES if rng.random() < 0.3 else SENTENCES)
        parts.append(sentence)
        size -= len(sentence.encode()) + 1
    return " ".join(parts)


_DESCRIPTION = re.compile(r"^description: (?:>-\n(?:  .*\n)+|.*\n)", re.MULTILINE)
_MEASURES = re.compile(r"^(security_measures|measures): \[.*\]$", re.MULTILINE)


def with_long_text(text: str, rng: random.Random) -> str:
    long = "\n".join(prose("description", long_text(rng))) + "\n"
    return _DESCRIPTION.sub(lambda _: long, text, count=1)


def with_many_controls(plan: SkewedPlan, text: str, rng: random.Random) -> str:
    controls = flow(plan.some(rng, "control", LONG_LIST, LONG_LIST))
    return _MEASURES.sub(lambda m: f"{m.group(1)}: {controls}", text, count=1)


def extra_data(rng: random.Random) -> str:
    lines = [f"  - name: {q(name)}" for name in rng.sample(EXTRA_DATA, 25)]
    return "personal_data:\n" + "\n".join(lines) + "\n"


def render_skewed_activity(plan: SkewedPlan, pa: str) -> tuple[str, str]:
    path, text = activities.render_activity(plan, pa)
    if plan.is_long(pa):
        rng = plan.rng(pa + "/long")
        text = text.replace("personal_data:\n", extra_data(rng), 1)
        text = with_many_controls(plan, with_long_text(text, rng), rng)
    return path, text


def lengthened(
    render: Callable[[SkewedPlan, str], tuple[str, str]],
) -> Callable[[SkewedPlan, str], tuple[str, str]]:
    """``render`` with a long description and long measure lists for the long records."""

    def render_long(plan: SkewedPlan, record_id: str) -> tuple[str, str]:
        path, text = render(plan, record_id)
        if plan.is_long(record_id):
            rng = plan.rng(record_id + "/long")
            text = with_many_controls(plan, with_long_text(text, rng), rng)
        return path, text

    return render_long


def render_skewed_incident(plan: SkewedPlan, iid: str) -> tuple[str, str]:
    """Incidents of a year kept in one log file: hundreds of records to a file."""
    path, text = lengthened(render_incident)(plan, iid)
    year = path.split("/")[1]
    return f"incidents/log-{year}.yaml", text


def render_skewed_risk(plan: SkewedPlan, rid: str) -> tuple[str, str]:
    """Risks kept one file per category: thousands of records to a file at 50,000."""
    path, text = lengthened(render_risk)(plan, rid)
    return f"{path.rsplit('/', 1)[0]}.yaml", text


SKEWED_RENDERERS: dict[str, Callable[[SkewedPlan, str], tuple[str, str]]] = {
    "processing-activity": render_skewed_activity,
    "risk": render_skewed_risk,
    "control": lengthened(render_control),
    "supplier": lengthened(render_supplier),
    "task": lengthened(render_task),
    "ai-system": lengthened(render_ai),
    "dpia": lengthened(render_dpia),
    "incident": render_skewed_incident,
    "statement-of-applicability": render_soa,
}
