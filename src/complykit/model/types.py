"""Shared field types: ids, references, dates, timestamps, durations and country codes.

Dates arrive as strings (the loader never types them) and are parsed here, strictly: a date is
``YYYY-MM-DD`` and a timestamp carries its UTC offset, because a breach clock without a
timezone is a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any

from complykit.core.frozen import frozen
from complykit.model.declaring import BeforeValidator, Field, StringConstraints, WithJsonSchema

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits, as in ECMA-262 schemas
# A moment as people write it by hand and RFC 3339 allows (its section 5.6 lets a space stand for
# the T), seconds optional, with its UTC offset. Both complykit and the JSON Schema (so the
# editor) hold a moment to this one form: `format: date-time` alone refused the space and the
# missing seconds that complykit took, and Python's ISO reader takes forms (20261201T0900+0100,
# week dates) that no editor does.
_TIMESTAMP = re.compile(
    r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt ]"
    r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"
)


def _parse_date(value: Any) -> Any:
    return _date(value) if isinstance(value, str) else value


# A workspace names the same few hundred days in thousands of records: one object for each
# (dates are immutable), 3.7 MiB less at 50,000 records, and no parse after the first.
class NotADateError(ValueError):
    """A date not written YYYY-MM-DD; ``meant`` is the day it names when written day first
    (``15-02-2027``: ``2027-02-15``), for a "did you mean", or None."""

    def __init__(self, message: str, meant: str | None = None) -> None:
        super().__init__(message)
        self.meant = meant


@lru_cache(maxsize=4096)
def _date(value: str) -> date:
    if not _DATE.match(value):
        meant = _day_first_date(value)
        raise NotADateError(
            f"a date is written YYYY-MM-DD, e.g. 2026-03-31{_day_first(value)}",
            meant.isoformat() if meant else None,
        )
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value} is not a calendar date ({error})") from None


# "15-02-2027", "15/2/2027", "15.02.2027": how the Netherlands and Belgium write a date.
_DAY_FIRST = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _day_first(value: str) -> str:
    """For a date written day first, the same day as it is written here, with its month in
    words so that no one reads it month first: "; 15-02-2027 is 2027-02-15 (15 February 2027)"."""
    meant = _day_first_date(value)
    if meant is None:
        return ""
    in_words = f"{meant.day} {_MONTHS[meant.month - 1]} {meant.year}"
    return f"; read day first, {value.strip()} is {meant.isoformat()} ({in_words})"


def _day_first_date(value: str) -> date | None:
    """The day ``value`` names when written day first, or None."""
    found = _DAY_FIRST.match(value.strip())
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_timestamp(value: Any) -> Any:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("a timestamp is written like 2026-03-31T14:05:00+02:00") from None
        if parsed.tzinfo is None and _DATE.match(value):  # a date alone: no time, no offset
            raise ValueError(
                f"{value} is a date, not a moment: give a time and a UTC offset too, e.g. "
                f"{value}T09:00:00+01:00"
            )
        if parsed.tzinfo is None:  # 14:05 where? The clocks of Art. 33 and Art. 73 need to know
            # The examples in RFC 3339 form (a T, seconds), which the JSON Schema's date-time
            # and so the editor accept, whatever looser ISO form the value was written in.
            stamp = parsed.isoformat()
            raise ValueError(
                f"{value} has no UTC offset: add that of the clock it was read on, e.g. "
                f"{stamp}+01:00 (Amsterdam and Brussels in winter, +02:00 in summer) or {stamp}Z"
            )
        if not _TIMESTAMP.match(value):
            raise ValueError(
                f"{value} is a moment in a form editors and other tools do not read: "
                f"write it as {parsed.isoformat()}"
            )
        return parsed
    return value


@frozen
class RefTo:
    """Marks a field as a reference to records of the given kinds (``person`` = config people)."""

    kinds: tuple[str, ...]


@frozen
class CountryMarker:
    """Marks a field as an ISO 3166 country code, checked against the countries catalog."""


@frozen
class ControlsMarker:
    """Marks a mapping of catalog id to control ids, checked against the catalogs."""


@frozen
class EvidenceMarker:
    """Marks a field as evidence: a path in the repository or an https URL."""


NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
FREE_TEXT = "Free text."
"""The description of a `Text` field without a docstring; a field's own docstring says more and
replaces it (``docstrings.describe_fields``)."""
Text = Annotated[str, StringConstraints(min_length=1), Field(description=FREE_TEXT)]
RECORD_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
RECORD_ID_LENGTH = 100
COUNTRY_PATTERN = r"^[A-Z]{2}$"
FRAMEWORK_ID_PATTERN = r"^[a-z0-9][a-z0-9.-]*$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
RULE_CODE_PATTERN = r"^[A-Z]+[0-9]{3}$"
RecordId = Annotated[
    str,
    StringConstraints(pattern=RECORD_ID_PATTERN, max_length=RECORD_ID_LENGTH),
    Field(
        description="Workspace-unique id: letters, digits, '.', '_' and '-'.",
        examples=["pa-patient-scheduling"],
    ),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE.pattern}),
]
Timestamp = Annotated[
    datetime,
    BeforeValidator(_parse_timestamp),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _TIMESTAMP.pattern,
            "description": "A date and time with its UTC offset, e.g. 2026-03-31T14:05:00+02:00 "
            "(a space may stand for the T; seconds may be left out).",
        }
    ),
]
CountryCode = Annotated[
    str,
    StringConstraints(pattern=COUNTRY_PATTERN),
    CountryMarker(),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. NL, DE, US.", examples=["NL"]),
]
FrameworkId = Annotated[
    str,
    StringConstraints(pattern=FRAMEWORK_ID_PATTERN),
    Field(
        description="A catalog id, e.g. iso27001-2022, gdpr, eu-ai-act.", examples=["iso27001-2022"]
    ),
]
ControlId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=40),
    Field(description="A control id as its catalog writes it, e.g. A.8.13.", examples=["A.8.13"]),
]
EvidenceRef = Annotated[
    str,
    StringConstraints(min_length=1),
    EvidenceMarker(),
    Field(description="A path in the repository (relative to the workspace) or an https URL."),
]

PersonRef = Annotated[
    RecordId, RefTo(("person",)), Field(description="A person id from `people` in complykit.yaml.")
]
SupplierRef = Annotated[RecordId, RefTo(("supplier",)), Field(description="A supplier id.")]
ProcessingRef = Annotated[
    RecordId, RefTo(("processing-activity",)), Field(description="A processing activity id.")
]
AiSystemRef = Annotated[RecordId, RefTo(("ai-system",)), Field(description="An AI system id.")]
RiskRef = Annotated[RecordId, RefTo(("risk",)), Field(description="A risk id.")]
DpiaRef = Annotated[RecordId, RefTo(("dpia",)), Field(description="A DPIA id.")]
ControlRecordRef = Annotated[
    RecordId, RefTo(("control",)), Field(description="A control (measure) record id.")
]
AnyRecordRef = Annotated[RecordId, RefTo(()), Field(description="The id of any record.")]

FrameworkControls = Annotated[
    dict[FrameworkId, list[ControlId]],
    ControlsMarker(),
    Field(description="Catalog controls by framework, e.g. {iso27001-2022: [A.8.13]}."),
]
Email = Annotated[
    str,
    StringConstraints(pattern=EMAIL_PATTERN),
    Field(description="An e-mail address.", examples=["privacy@example.nl"]),
]
