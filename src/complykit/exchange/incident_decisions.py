"""The register's decisions on a breach: notifying the authority (Art. 33), telling the
people affected (Art. 34), and the risk to people those decisions rest on.

The register records what the organisation decided; the import records those decisions and
never makes one for it. A "Nee" with no reason is no decision that a notification was not
required, a placeholder reason (``n.v.t.``) is no reason, and a reason for not notifying is no
risk assessment unless it states one: each is kept in notes with a warning, so the INC rules ask.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from complykit.exchange.incident_clock import Moments, clock_doubt
from complykit.exchange.incident_words import AUTHORITIES, LABELS, LOW, NAMED, RISK, kept, unread
from complykit.exchange.row_source import NOT_STATED, Notes, placeholder
from complykit.exchange.row_source import says_none as states_none
from complykit.exchange.table_import import Cells
from complykit.model.config import WorkspaceConfig
from complykit.model.wording.countries import folded
from complykit.model.wording.meant import opening_yes_or_no

# The reason columns, each with the yes/no column whose decision it explains.
_REASONS = {"not_notified_reason": "authority", "late_reason": "", "subjects_reason": "subjects"}


def with_stated_reasons(cells: Cells, notes: Notes) -> Cells:
    """The row without the reasons that state none: a placeholder (``-``, ``n.v.t.``) or a
    word for none (``Geen``) in a reason column is no reason, so it makes no decision that a
    notification was not required (Art. 33(5) asks the reasons to be documented); the cell is
    kept in notes, with a warning when the decision it would have made is now left open."""
    values = dict(cells.values)
    for field, decision in _REASONS.items():
        text = values.get(field, "")
        if not text or not (placeholder(text) or states_none(text)):
            continue
        del values[field]
        kept(notes, field, text)
        said = values.get(decision, "")
        if decision and opening_yes_or_no(said) is not True:
            notes.warn(f"{LABELS[field].lower()} '{text}' states no reason, so it records no "
                       "decision; kept in notes")  # fmt: skip
    return Cells(values, cells.other)


def with_named_authority(cells: Cells, notes: Notes) -> Cells:
    """The row with its notification fields unqualified, and the authority their headers name
    as the field ``named_authority`` (none when they name none, or more than one)."""
    values: dict[str, str] = {}
    named: set[str] = set()
    for key, value in cells.values.items():
        field, _, authority = key.partition(NAMED)
        if authority:
            named.add(authority)
        values.setdefault(field, value)
    countries = {AUTHORITIES[a][0] for a in named}
    if len(countries) == 1:
        values["named_authority"] = min(named)
    elif countries:
        notes.warn(f"the columns of the notification name more than one authority "
                   f"({', '.join(sorted(named))}); check which one was notified")  # fmt: skip
    return Cells(values, cells.other)


def authority_decision(
    cells: Cells, config: WorkspaceConfig, moments: Moments, notes: Notes
) -> dict[str, Any] | None:
    """The notification to the authority, or the decision not to make one, as the register
    records it; None when it records neither (a "Nee" without a reason is no decision)."""
    text, reason, when = cells("authority"), cells("not_notified_reason"), moments("authority_date")
    reference = cells("authority_reference")
    said = opening_yes_or_no(text) if text else None
    if text and (said is None or len(text.split()) > 1):
        kept(notes, "authority", text)
    if text and said is None and not states_none(text):
        notes.warn(unread("notified to the authority", text))
    made = said is True or (said is None and bool(when or reference))
    if said is False and (when or reference):
        # The register states it was not notified: a date or number beside that is no
        # notification the import may record against it (it may be the internal report's).
        _notification_in_notes(cells, notes)
        notes.warn(f"notified to the authority '{text}', yet a notification date or number is "
                   "given; recorded as not notified, the date and number kept in notes; "
                   "check it")  # fmt: skip
    if made:
        if when is not None:
            clock_doubt(moments, notes)
        return _notification(cells, config, when, notes)
    if cells("late_reason"):
        kept(notes, "late_reason", cells("late_reason"))
    if reason:
        return {"required": False, "reason": reason}
    if said is False or (text and states_none(text)):
        kept(notes, "authority", text)
        notes.warn(
            f"not notified to the authority ('{text}') and no reason given: that is no "
            "decision that notification was not required; kept in notes (add "
            "breach.authority with the reason, or notify)"
        )
    return None


def _notification_in_notes(cells: Cells, notes: Notes) -> None:
    for field in ("authority_date", "authority_time", "authority_reference"):
        if cells(field):
            kept(notes, field, cells(field))


def _notification(
    cells: Cells, config: WorkspaceConfig, when: datetime | None, notes: Notes
) -> dict[str, Any]:
    reference, reason = cells("authority_reference"), cells("not_notified_reason")
    notification = _notified(when, notes, "notified to the authority", "authority")
    notification["to"] = _notified_authority(cells, config, notes)
    if reference:
        notification["reference"] = reference
    if cells("late_reason"):
        notification["reason"] = cells("late_reason")
    if reason:
        kept(notes, "not_notified_reason", reason)
        notes.warn("notified to the authority, yet a reason for not notifying is given; check it")
    return notification


def _notified_authority(cells: Cells, config: WorkspaceConfig, notes: Notes) -> str:
    """The authority notified: the one the register's header names, else the one in
    complykit.yaml. A header naming another member state's authority is taken at its word,
    with a warning, since the record must say which authority received the notification."""
    configured = config.organisation.supervisory_authority
    named = cells("named_authority")
    if not named:
        return configured.name
    country, name = AUTHORITIES[named]
    if country == configured.country:
        return configured.name
    notes.warn(
        f"the register says the breach was notified to the {named} ({name}, {country}), not to "
        f"the supervisory authority in complykit.yaml ({configured.name}, {configured.country}); "
        f"recorded as notified to the {named}: check which authority is competent"
    )
    return name


def risk_to_people(cells: Cells, authority: dict[str, Any] | None, notes: Notes) -> tuple[str, str]:
    """The risk to people and why: the register's own assessment, else the one its decision
    on notifying shows, else ``risk``, the level that asks for a notification (Art. 33(1)
    spares only a breach unlikely to result in a risk), with a warning to assess it."""
    text, reasoning = cells("risk"), cells("risk_reasoning")
    words = folded(text)
    found = next((level for level, said in RISK.items() if words in said), None)
    if words in LOW:
        found = "risk"
        notes.warn(
            f"risk '{text}' read as 'risk': Art. 33(1) spares only a breach unlikely to result "
            "in a risk; if that is what was meant, set risk_to_individuals: none"
        )
    if text and (found is None or words not in {"geen", "none", "risico", "risk", "hoog", "high"}):
        kept(notes, "risk", text)
    if text and found is None:
        notes.warn(f"risk '{text}' not understood; kept in notes")
    if found is not None:
        return found, reasoning or NOT_STATED
    if authority is not None and authority["required"]:
        notes.warn("no risk assessment given; recorded as 'risk', since the breach was "
                   "notified to the authority")  # fmt: skip
        return "risk", reasoning or NOT_STATED
    if authority is not None and _states_no_risk(str(authority["reason"])):
        notes.warn("no risk assessment given; recorded as 'none' from the reason the breach was "
                   f"not notified: '{authority['reason']}'; check it")  # fmt: skip
        return "none", reasoning or str(authority["reason"])
    if authority is not None:
        notes.warn(
            "no risk assessment given; recorded as 'risk' (a breach is notified unless it is "
            "unlikely to result in a risk, Art. 33(1)): the reason it was not notified, "
            f"'{authority['reason']}', states no assessment of the risk"
        )
        return "risk", reasoning or NOT_STATED
    notes.warn("no risk assessment given; recorded as 'risk' (a breach is notified unless it "
               "is unlikely to result in a risk, Art. 33(1)) until you assess it")  # fmt: skip
    return "risk", reasoning or NOT_STATED


def _states_no_risk(reason: str) -> bool:
    """Whether a reason for not notifying opens by stating there is no risk ("Geen risico:
    versleuteld"). Any other reason is no risk assessment: "Geen hoog risico" is a risk, and
    "Verwerker meldt zelf" says nothing of it; reading either as 'none' would silence INC003."""
    opening = re.split(r"[:;,.(\n]| - | \u2013 ", reason, maxsplit=1)[0]
    return folded(opening) in RISK["none"]


def people_told(cells: Cells, moments: Moments, notes: Notes) -> dict[str, Any] | None:
    """The communication to the people affected, or the decision not to make one (with its
    reason); None when the register records neither."""
    text, reason, when = cells("subjects"), cells("subjects_reason"), moments("subjects_date")
    said = opening_yes_or_no(text) if text else None
    if text and (said is None or len(text.split()) > 1):
        kept(notes, "subjects", text)
    if text and said is None and not states_none(text):
        notes.warn(unread("people affected told", text))
    if said is False and when is not None:
        notes.warn(f"people affected told '{text}', yet a date they were told is given; "
                   "recorded as told, check it")  # fmt: skip
        said = True
    if said is True or (said is None and when is not None):
        return _told(cells, when, notes)
    if cells("subjects_method"):
        kept(notes, "subjects_method", cells("subjects_method"))
    if reason:
        return {"required": False, "reason": reason}
    if said is False:
        kept(notes, "subjects", text)
        notes.warn(f"people affected not told ('{text}') and no reason given; kept in notes")
    return None


def _notified(when: datetime | None, notes: Notes, done: str, field: str) -> dict[str, Any]:
    """A notification the register says was made, with its moment, or a warning to add it."""
    notification: dict[str, Any] = {"required": True}
    if when is not None:
        notification["notified_at"] = when.isoformat()
    else:
        notes.warn(f"{done}, but on no date the import could read; add breach.{field}.notified_at")
    return notification


def _told(cells: Cells, when: datetime | None, notes: Notes) -> dict[str, Any]:
    people = _notified(when, notes, "the people affected were told", "data_subjects")
    if cells("subjects_method"):
        people["method"] = cells("subjects_method")
    if reason := cells("subjects_reason"):
        kept(notes, "subjects_reason", reason)
    return people
