"""Control records: our own measures, mapped to ISO/IEC 27001 Annex A."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generators.text import common_head, flow, prose, q, sentences
from generators.vocabulary import CONTROL_TOPICS, FRAMEWORK, INTRANET, LOCATIONS

CONTROLS_PER_FILE = 6

if TYPE_CHECKING:
    from generators.plan import Plan


def render_control(plan: Plan, cid: str) -> tuple[str, str]:
    rng = plan.rng(cid)
    title, kind, annex = CONTROL_TOPICS[int(cid.rsplit("-", 1)[1]) % len(CONTROL_TOPICS)]
    status = rng.choice(
        ("implemented", "implemented", "implemented", "partially-implemented", "planned")
    )
    lines = [
        *common_head(plan, rng, "control", cid),
        f"title: {q(title + ' - ' + rng.choice(LOCATIONS))}",
        *prose("description", sentences(rng, 1, 3)),
        f"type: {kind}",
        f"status: {status}",
        "implements:",
        f"  {FRAMEWORK}: {flow(annex)}",
        "evidence:",
        f"  - {INTRANET}/evidence/{cid}/procedure.pdf",
        f"  - {INTRANET}/evidence/{cid}/last-check.pdf",
    ]
    return control_path(kind, cid), "\n".join(lines) + "\n"


def control_path(kind: str, cid: str) -> str:
    """One file per control, except every third, kept with others in a multi-document file."""
    number = int(cid.rsplit("-", 1)[1])
    if number % 3:
        return f"controls/{kind}/{cid}.yaml"
    return f"controls/{kind}/measures-{number // (3 * CONTROLS_PER_FILE) + 1:03d}.yaml"
