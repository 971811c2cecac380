"""Suppliers: processors with DPAs and sub-processors, and other vendors."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from generators.text import common_head, day, flow, prose, q, sentences
from generators.vocabulary import INTRANET

if TYPE_CHECKING:
    from generators.plan import Plan


_EEA = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
    "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU",
    "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
})  # fmt: skip


def _transfer_tool(country: str) -> list[str]:
    """Outside the EEA a processor's location names its Chapter V tool (SUP010)."""
    return [] if country in _EEA else ["    transfer_mechanism: standard-contractual-clauses"]


def render_supplier(plan: Plan, sid: str) -> tuple[str, str]:
    rng = plan.rng(sid)
    fact = plan.suppliers[sid]
    lines = [
        *common_head(plan, rng, "supplier", sid),
        f"name: {q(fact.name)}",
        f"services: {flow([fact.service, 'support and maintenance'])}",
        f"role: {fact.role}",
        f"country: {fact.country}",
        f"criticality: {rng.choice(('low', 'medium', 'high', 'critical'))}",
    ]
    if fact.role == "processor":
        lines += [
            "dpa:",
            f"  signed_on: {day(rng, date(2022, 1, 3), 1200)}",
            f"  document: {INTRANET}/dpa/{sid}.pdf",
            "  version: '2.1'",
            "  sub_processing:",
            "    authorisation: general",
            "    objection_period: P30D",
            "    clause: DPA clause 7 (sub-processors)",
            "locations:",
            f"  - country: {fact.country}",
            "    purpose: hosting",
            *_transfer_tool(fact.country),
            "  - country: NL",
            "    purpose: support",
            "sub_processors:",
            "  - name: Hyperscale Cloud Europe",
            "    service: hosting",
            "    country: IE",
            "  - name: Mailrelay GmbH",
            "    service: e-mail delivery",
            "    country: DE",
            "breach_notification:",
            "  within: PT48H",
            "  clause: DPA clause 9.2",
            "ai_training:",
            "  customer_data: prohibited",
            "  clause: DPA clause 4.7",
        ]
    lines += [
        "certifications:",
        "  - name: ISO/IEC 27001:2022",
        f"    expires: {day(rng, date(2027, 6, 1), 700)}",
        f"    certificate: {INTRANET}/certificates/{sid}.pdf",
        f"contract_end: {day(rng, date(2027, 1, 4), 1000)}",
        *prose("description", f"Provides {fact.service}. " + sentences(rng, 1, 2)),
    ]
    return f"suppliers/{sid}.yaml", "\n".join(lines) + "\n"
