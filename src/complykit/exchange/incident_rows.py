"""A breach register row (register van datalekken, register van inbreuken: Art. 33(5) GDPR) as
an ``incident`` record with its ``breach`` block: the row drafted from its moments
(incident_clock), its facts (incident_facts) and its decisions (incident_decisions), read with
the register's words (incident_words); and the table kind ``complykit import incidents`` uses.

The import records what the register states and never makes a decision or a favourable reading
for it: when unsure it leaves a field out, so the INC rules ask, and keeps the cell in notes
with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from complykit.exchange.incident_clock import MOMENTS, Moments
from complykit.exchange.incident_decisions import (
    authority_decision,
    people_told,
    risk_to_people,
    with_named_authority,
    with_stated_reasons,
)
from complykit.exchange.incident_facts import (
    breach_in_notes,
    breach_verdict,
    choice_of,
    data_subjects,
    nature_of,
    our_role,
    people_affected,
    personal_data_involved,
    special_categories,
    status_of,
    still_available,
    whole_count,
)
from complykit.exchange.incident_words import (
    HEADERS,
    NAMED,
    NOTIFICATION_FIELDS,
    SEVERITY,
    authority_named,
)
from complykit.exchange.moment_cells import ZONES
from complykit.exchange.record_files import slug
from complykit.exchange.row_source import NOT_STATED, Notes, split_items, split_lines
from complykit.exchange.table_import import Cells, TableKind
from complykit.exchange.vocabulary import plain_header, unqualified
from complykit.model.config import WorkspaceConfig

__all__ = ["HEADERS", "INCIDENTS", "draft_incident", "incident_id", "table_warnings"]

TITLE_LENGTH = 100


def draft_incident(cells: Cells, config: WorkspaceConfig, notes: Notes) -> dict[str, Any] | str:
    """The incident a breach register row describes, or why it cannot make one."""
    cells = with_stated_reasons(with_named_authority(cells, notes), notes)
    moments = Moments(cells, config.organisation.country, notes)
    detected = moments("detected")
    if detected is None:
        written = cells("aware") or cells("detected")
        why = next((w for w in notes.warnings if written and f"'{written}'" in w), "")
        said = f" ({why.removesuffix('; kept in notes')})" if why else ""
        return f"no date the breach was discovered{said}; an incident record needs it"
    description = cells("description").strip()
    title = _title(cells("title"), description)
    if not title:
        return "no description of what happened"
    personal = personal_data_involved(cells, notes)
    breach_verdict(cells("breach_verdict"), notes)
    fields: dict[str, Any] = {
        "title": title,
        "description": description or NOT_STATED,
        "severity": choice_of(cells, "severity", SEVERITY, "medium", notes),
        "status": status_of(cells, moments, notes),
    }
    if not description:
        notes.warn("no description of what happened; add one")
    for key, field in (("occurred_at", "occurred"), ("detected_at", "detected"),
                       ("aware_at", "aware"), ("contained_at", "contained"),
                       ("closed_at", "closed")):  # fmt: skip
        if (moment := moments(field)) is not None:
            fields[key] = moment.isoformat()
    if (number := cells("number")) and slug(number) != number:
        notes.add(f"Number in the register: {number}")
    fields["personal_data_involved"] = personal
    if personal:
        fields["breach"] = _breach(cells, config, moments, notes)
    else:
        breach_in_notes(cells, notes)
    if cells("cause"):
        fields["root_cause"] = cells("cause")
    if actions := split_lines(cells("measures")):
        fields["actions"] = actions
    return fields


def _title(title: str, description: str) -> str:
    """The title column's, or the description's first sentence, cut at a word."""
    if title.strip():
        return " ".join(title.split())
    first = " ".join(description.strip().split("\n", 1)[0].split()) if description else ""
    first = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].rstrip(".") or first
    if len(first) <= TITLE_LENGTH:
        return first
    cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def _breach(
    cells: Cells, config: WorkspaceConfig, moments: Moments, notes: Notes
) -> dict[str, Any]:
    breach: dict[str, Any] = {"our_role": our_role(cells, config, notes)}
    breach["nature"] = nature_of(cells("nature"), notes)
    categories, counted = data_subjects(cells("subject_categories"), notes)
    if categories:
        breach["data_subject_categories"] = categories
    if (count := people_affected(cells, counted, notes)) is not None:
        breach["approximate_data_subjects"] = count
    if (records := whole_count(cells, "record_count", notes)) is not None:
        breach["approximate_records"] = records
    if data := split_items(cells("data_categories")):
        breach["data_categories"] = data
    if (special := special_categories(cells("special"), notes)) is not None:
        breach["special_categories"] = special
    authority = authority_decision(cells, config, moments, notes)
    risk, reasoning = risk_to_people(cells, authority, notes)
    breach["risk_to_individuals"] = risk
    breach["risk_reasoning"] = reasoning
    if cells("consequences"):
        breach["likely_consequences"] = cells("consequences")
    breach.update(_availability(cells, moments, notes))
    if (told := moments("controller_date")) is not None:
        breach["controller_notified_at"] = told.isoformat()
    if authority is not None:
        breach["authority"] = authority
    if (people := people_told(cells, moments, notes)) is not None:
        breach["data_subjects"] = people
    return breach


def _availability(cells: Cells, moments: Moments, notes: Notes) -> dict[str, str]:
    """What the register says of lost data coming back or staying available elsewhere: the
    facts that answer INC025, recorded only where the register states them."""
    facts = {}
    if (restored := moments("restored")) is not None:
        facts["restored_at"] = restored.isoformat()
    if (where := still_available(cells("still_available"), notes)) is not None:
        facts["still_available"] = where
    return facts


def incident_id(cells: Cells) -> str:
    """The id a row's register number gives (``2025-003`` is ``inc-2025-003``); "" if none."""
    number = slug(cells("number"))
    return number.removeprefix("inc-")


def table_warnings(fields: frozenset[str], config: WorkspaceConfig) -> tuple[str, ...]:
    """What the import assumed for the whole register."""
    warnings = []
    zone = ZONES.get(config.organisation.country)
    if zone is not None and fields & set(MOMENTS):
        warnings.append(
            f"times without a UTC offset are read as the time in {zone.name} ({zone.offsets()})"
            f"{f' ({zone.elsewhere}: write their times with their offset)' * bool(zone.elsewhere)}"
            ", as the 72-hour clock of Art. 33(1) needs one; a date without a "
            "time as 00:00 that day, or the time of an earlier step that day, and a date of "
            "notification without a time as 23:59 that day, the latest it can have been (see "
            "each record's notes)"
        )
    if "role" not in fields:
        roles = config.organisation.roles
        role = roles[0] if len(roles) == 1 else "controller"
        warnings.append(f"no column for our role; every breach is recorded with our_role {role}")
    if "severity" not in fields:
        warnings.append("no column for the severity; every incident is recorded as medium")
    return tuple(warnings)


class _IncidentTable(TableKind):
    """Breach registers qualify their headers freely (``(Geschat) aantal betrokkenen``,
    ``Gemeld bij AP (ja/nee)``): a header names a field with or without its brackets. A
    header of the notification that names an authority (``Gemeld bij GBA``) names the field
    qualified by it (``authority@GBA``), so the record says which authority was notified."""

    def named(self, header: str) -> tuple[str | None, int]:
        field, rank = super().named(header)
        if field is None:
            bare = unqualified(plain_header(header)).rstrip("?:").strip()
            field, rank = next(
                ((f, names.index(bare)) for f, names in self.headers.items() if bare in names),
                (None, 0),
            )
        if field in NOTIFICATION_FIELDS and (named := authority_named(header)):
            return f"{field}{NAMED}{named}", rank
        return field, rank


INCIDENTS = _IncidentTable(
    "incident",
    "incidents",
    "inc",
    HEADERS,
    "description",
    draft_incident,
    id_of=incident_id,
    about=table_warnings,
)
