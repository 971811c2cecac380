"""Apply waivers: set aside the findings they cover, and report waivers that went stale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fnmatch import fnmatch

from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.result import Waived
from complykit.model.waiver import Waiver
from complykit.workspace.repository import Repository

# Structural findings can never be waived: a file that does not parse or fit its schema is
# not a compliance judgement anyone can accept.
UNWAIVABLE_FAMILIES = ("YAML", "SCH")

WAIVER_RULES = (
    RuleInfo(
        "WVR001",
        "waiver-expired",
        Severity.WARNING,
        "A waiver has expired: the findings it set aside count again.",
        hint="Fix what it waived, or renew it with a new `expires` and a fresh reason.",
    ),
    RuleInfo(
        "WVR002",
        "waiver-unused",
        Severity.WARNING,
        "A waiver sets nothing aside: what it waived was fixed, or it names the wrong "
        "code, record or path.",
        hint="Delete the waiver, or correct its `code`, `records` or `paths`.",
    ),
    RuleInfo(
        "WVR003",
        "waiver-unwaivable",
        Severity.ERROR,
        "A waiver names a code that does not exist, or a YAML or schema code, which "
        "cannot be waived.",
        hint="Use a rule code from `complykit rules`; fix structural problems instead.",
    ),
)


def active_waivers(repo: Repository) -> list[Waiver]:
    """Waivers that apply on ``as_of``: not expired and not for structural codes."""
    return [
        waiver
        for _, waiver in repo.records(Waiver)
        if waiver.expires >= repo.as_of and not waiver.code.startswith(UNWAIVABLE_FAMILIES)
    ]


def apply_waivers(
    findings: Iterable[Finding], waivers: Sequence[Waiver]
) -> tuple[list[Finding], list[Waived]]:
    """(findings that stand, findings waived), each in the order given. A finding is set aside
    by the first waiver (in the order given) of its code that names its record, or a pattern
    its file's path matches."""
    index = _WaiverIndex(waivers)
    kept: list[Finding] = []
    waived: list[Waived] = []
    for finding in findings:
        waiver = index.first(finding)
        if waiver is None:
            kept.append(finding)
        else:
            waived.append(Waived(finding, waiver.id))
    return kept, waived


class _WaiverIndex:
    """The waivers by code, record and path pattern.

    Trying every waiver on every finding, one ``fnmatch`` per pattern, took 83 s for a pull
    request adding 8,000 waivers beside a record with 3,000 broken references. A record is now
    looked up, and a file's path is matched against a code's patterns once (``fnmatch``, as
    before, which compiles each pattern once).
    """

    def __init__(self, waivers: Sequence[Waiver]) -> None:
        self._by_record: dict[tuple[str, str], tuple[int, Waiver]] = {}
        self._patterns: dict[str, list[tuple[int, Waiver]]] = {}
        self._by_path: dict[tuple[str, str], tuple[int, Waiver] | None] = {}
        for order, waiver in enumerate(waivers):
            for record in waiver.records:
                self._by_record.setdefault((waiver.code, record), (order, waiver))
            if waiver.paths:
                self._patterns.setdefault(waiver.code, []).append((order, waiver))

    def first(self, finding: Finding) -> Waiver | None:
        """The first waiver that covers ``finding``, or None."""
        named = None
        if finding.record is not None:
            named = self._by_record.get((finding.code, finding.record))
        matched = self._matching(finding.code, finding.path.as_posix())
        found = [candidate for candidate in (named, matched) if candidate is not None]
        return min(found, key=lambda candidate: candidate[0])[1] if found else None

    def _matching(self, code: str, path: str) -> tuple[int, Waiver] | None:
        key = (code, path)
        if key not in self._by_path:
            self._by_path[key] = next(
                (
                    (order, waiver)
                    for order, waiver in self._patterns.get(code, ())
                    if any(fnmatch(path, pattern) for pattern in waiver.paths)
                ),
                None,
            )
        return self._by_path[key]


def stale_waivers(
    repo: Repository, waived: Sequence[Waived], known_codes: Iterable[str]
) -> list[Finding]:
    """Findings about the waivers themselves: expired, unused, or naming an unwaivable code."""
    used = {w.waiver for w in waived}
    known = set(known_codes)
    found = []
    for entry, waiver in repo.records(Waiver):
        stale = _staleness(repo, waiver, used, known)
        if stale is not None:
            rule, field, message = stale
            line, column = repo.locate(entry, (field,))
            found.append(
                Finding(
                    entry.path,
                    line,
                    column,
                    rule.code,
                    rule.severity,
                    message,
                    hint=rule.hint,
                    record=waiver.id,
                )
            )
    return found


def _staleness(
    repo: Repository, waiver: Waiver, used: set[str], known: set[str]
) -> tuple[RuleInfo, str, str] | None:
    expired, unused, unwaivable = WAIVER_RULES
    name = f"waiver '{waiver.id}'"
    if waiver.code not in known:
        return unwaivable, "code", f"{name} names {waiver.code}, which is no complykit code"
    if waiver.code.startswith(UNWAIVABLE_FAMILIES):
        return unwaivable, "code", f"{name} names {waiver.code}, a structural code no one can waive"
    if waiver.expires < repo.as_of:
        message = f"{name} for {waiver.code} expired on {waiver.expires}; its findings count again"
        return expired, "expires", message
    if waiver.id not in used:
        return unused, "code", f"{name} for {waiver.code} sets no finding aside"
    return None
