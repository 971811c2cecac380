"""What a report is asked for: language, audience, one record, and where its records came from."""

from __future__ import annotations

from complykit.core.frozen import frozen


@frozen
class Provenance:
    """Which version of the registers a document shows (ISO/IEC 27001 7.5.2, 7.5.3)."""

    version: str
    """The complykit version that rendered the document."""
    in_git: bool
    """Whether the workspace is in a git repository; the fields below are None when not."""
    commit: str | None = None
    tag: str | None = None
    dirty: bool = False
    """Whether the workspace had uncommitted changes (always False for ``--at``)."""
    revision: str | None = None
    """The revision the user named with ``--at``, e.g. a tag; None for the working tree."""


@frozen
class Unreadable:
    """A record file, or a record in one, that could not be read and is missing from a report."""

    path: str
    line: int
    code: str
    message: str


@frozen
class FindingCount:
    """How many findings of one rule family and severity ``complykit validate`` reports."""

    family: str
    severity: str
    count: int


@frozen
class Request:
    """Everything besides the records that decides what a report shows."""

    lang: str = "en"
    audience: str = "internal"
    record_id: str | None = None
    provenance: Provenance | None = None
    unreadable: tuple[Unreadable, ...] = ()
    findings: tuple[FindingCount, ...] | None = None
    """Findings by family and severity, for reports that summarise them; None: not checked."""
