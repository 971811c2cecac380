"""REF: evidence must point at something an auditor can open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from complykit.checks.registry import EVERY_KIND, check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.types import EvidenceMarker
from complykit.workspace.repository import Repository

_PLAIN_HTTP = "http://"
_URL_SCHEMES = ("https://", _PLAIN_HTTP)
_FORWARD_SLASHES = (
    "Write the path with forward slashes ('/'), relative to the workspace root, even on "
    "Windows: a backslash is part of the file name, not a folder separator."
)


def _scheme_is(evidence: str, schemes: str | tuple[str, ...]) -> bool:
    """Whether ``evidence`` starts with one of ``schemes``: a URL's scheme is case-insensitive
    (RFC 3986, section 3.1), so ``Https://`` (an office program's capital) is a link too."""
    return evidence[:8].lower().startswith(schemes)


def _problem_with(repo: Repository, evidence: str) -> str | None:
    if _scheme_is(evidence, _URL_SCHEMES):
        return None if _opens(evidence) else f"evidence '{evidence}' is not a link that opens"
    relative = PurePosixPath(evidence)
    if relative.is_absolute() or ".." in relative.parts:
        return f"evidence '{evidence}' lies outside the workspace"
    if repo.is_file(relative):
        return None
    if repo.is_folder(relative):
        return f"evidence '{evidence}' is a folder, not a file"
    return f"evidence '{evidence}' does not exist in the workspace"


def _opens(url: str) -> bool:
    """A link with a host and nothing a browser would stop at: no space or control."""
    try:
        host = urlsplit(url).hostname
    except ValueError:  # an unclosed IPv6 bracket, for one
        return False
    return bool(host) and not any(c.isspace() or not c.isprintable() for c in url)


@check(
    code="REF007",
    reads=(EVERY_KIND,),
    per_record=True,
    name="missing-evidence",
    severity=Severity.ERROR,
    hint="Use the path, relative to the workspace root, of a file in the repository (a link "
    "must lead to a file inside it; for a folder, name the files in it that show the "
    "control works), or an https URL.",
)
def missing_evidence(repo: Repository) -> Iterator[Problem]:
    """An evidence path names no file in the workspace: nothing is there, it is a folder, or
    it points outside (a link that leads out of the workspace counts as missing, whatever it
    leads to).

    An auditor is pointed at a document: a folder says neither which of its files is the proof
    nor that it holds any.

    PASS: ``evidence: [evidence/access-review-2026-q3.md]`` where that file exists, or
    ``Https://intranet.example/audit.pdf`` (a URL's scheme is case-insensitive).
    FAIL: ``evidence: [evidence/missing.pdf]``, ``evidence: [evidence/reports]`` (a folder),
    ``evidence: [../../etc/passwd]`` or ``evidence: ["https://"]``.
    """
    judged: dict[str, str | None] = {}  # a policy is cited by many records: one stat each
    for entry, reference in repo.references_to(EvidenceMarker):
        evidence = reference.value
        if evidence not in judged:
            judged[evidence] = _problem_with(repo, evidence)
        message = judged[evidence]
        if message is not None:
            hint = _FORWARD_SLASHES if "\\" in evidence else None
            yield Problem(entry, reference.loc, message, hint=hint)


@check(
    code="REF011",
    reads=(EVERY_KIND,),
    per_record=True,
    name="evidence-over-plain-http",
    severity=Severity.WARNING,
    hint="Link to the evidence over https, or add the file to the repository: what a plain "
    "http link serves can be altered on its way, so an auditor cannot rely on it.",
)
def evidence_over_plain_http(repo: Repository) -> Iterator[Problem]:
    """Evidence is a plain ``http://`` link, which carries no protection against the page
    being altered on its way to the auditor who opens it.

    PASS: ``evidence: [https://intranet.example/mfa]`` or a file in the workspace.
    FAIL: ``evidence: [http://intranet.example/mfa]`` or ``HTTP://intranet.example/mfa`` (a
    scheme is case-insensitive).
    """
    for entry, reference in repo.references_to(EvidenceMarker):
        evidence = reference.value
        if _scheme_is(evidence, _PLAIN_HTTP) and _opens(evidence):  # else REF007 says so
            yield Problem(entry, reference.loc, f"evidence '{evidence}' is a plain http link")
