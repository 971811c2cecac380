"""What both OSCAL models share: deterministic UUIDs, metadata, parties, catalog references."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any
from urllib.parse import quote

from complykit.catalog.models import Catalog
from complykit.workspace.repository import Repository

VERSIONS = ("1.1.2", "1.2.1")
# A fixed namespace: the same workspace ids give the same UUIDs in every export, so exports of
# successive commits diff cleanly.
NAMESPACE = uuid.UUID("6f1c7f0e-3b52-5c1e-9a57-8d2f4c1b0a12")
STATE = {
    "implemented": "implemented",
    "partially-implemented": "partial",
    "planned": "planned",
    "not-applicable": "not-applicable",
    "not-implemented": "planned",
    "to-decide": "planned",
}
_TOKEN = re.compile(r"[^\w.\-]")


def stable_uuid(*parts: str) -> str:
    """A version 5 UUID from the organisation and workspace ids."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def token(text: str) -> str:
    """``text`` as an OSCAL token: a letter or underscore first, then letters, digits, . - _."""
    cleaned = _TOKEN.sub("_", text)
    return cleaned if cleaned[:1].isalpha() or cleaned[:1] == "_" else f"_{cleaned}"


def string(text: str) -> str:
    """``text`` as an OSCAL string (``StringDatatype``), whose pattern forbids a line break and
    white space at either end: each run of white space, line breaks included, is one space.
    A name or role written over two lines would otherwise make the document invalid."""
    return " ".join(text.split())


def metadata(repo: Repository, title: str, version: str, oscal_version: str) -> dict[str, Any]:
    """Title, dates, roles and one party per person of complykit.yaml."""
    org = repo.config.organisation
    parties = [
        {
            "uuid": stable_uuid(org.name, "party", "organisation"),
            "type": "organization",
            "name": string(org.name),
        },
        *(
            {
                "uuid": party_uuid(repo, person.id),
                "type": "person",
                "name": string(person.name),
                **({"email-addresses": [person.email]} if person.email else {}),
                "props": [{"name": "job-title", "value": string(person.role)}],
            }
            for person in repo.config.people
        ),
    ]
    return {
        "title": title,
        "last-modified": timestamp(repo.as_of),
        "version": string(version),
        "oscal-version": oscal_version,
        "roles": [
            {"id": "control-owner", "title": "Control owner"},
            {"id": "approver", "title": "Approver of the Statement of Applicability"},
        ],
        "parties": parties,
    }


def party_uuid(repo: Repository, person_id: str) -> str:
    return stable_uuid(repo.config.organisation.name, "party", person_id)


def timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def catalog_resource(repo: Repository, catalog: Catalog) -> dict[str, Any]:
    """A back-matter resource naming the framework's catalog without copying its text."""
    info = catalog.framework
    return {
        "uuid": catalog_uuid(repo, catalog),
        "title": info.name,
        "description": (
            f"The control catalog of {info.name}. Only control ids are used here: the text of "
            "copyrighted standards is not reproduced."
        ),
        "props": [{"name": "type", "value": "catalog"}],
    }


def catalog_uuid(repo: Repository, catalog: Catalog) -> str:
    return stable_uuid(repo.config.organisation.name, "catalog", catalog.id)


def evidence_links(evidence: list[str]) -> list[dict[str, str]]:
    """Links to evidence files (relative to the workspace) or https URLs."""
    return [
        {"href": evidence_href(item), "rel": "reference", "text": "evidence"} for item in evidence
    ]


# What RFC 3986 allows in a URI as it is: reserved and unreserved characters, and "%" (a link
# the user wrote percent-encoded stays so).
_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"
_WEB_SCHEMES = ("https://", "http://")


def evidence_href(evidence: str) -> str:
    """``evidence`` as the URI reference of an OSCAL link.

    complykit reads evidence that is not a web link as a path in the workspace (REF007 checks
    it), and so does the link: every character a path may hold but a URI may not is
    percent-encoded, the colon included, so ``javascript:alert(1)`` or ``file:///etc/passwd``
    stays the relative reference to a file of that name that it is to complykit, never a
    script, a local file or another host that a viewer would open. A web link keeps its
    reserved characters; its spaces, controls and non-ASCII letters are percent-encoded, as
    the format requires.
    """
    if evidence[:8].lower().startswith(_WEB_SCHEMES):  # a scheme is case-insensitive
        return quote(evidence, safe=_URI_CHARACTERS)
    path = quote(evidence, safe="/")
    # "//host/x" would name another host; "./" keeps it a path on the document's own.
    return f".{path}" if path.startswith("//") else path
