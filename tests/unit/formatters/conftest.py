"""Results built by hand, so formatter tests need no engine, loader or checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pytest

from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.result import Result

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path("/srv/privacy-register")
AS_OF = date(2024, 5, 1)
RULES = {
    "GDPR005": RuleInfo(
        code="GDPR005",
        name="retention-missing",
        severity=Severity.ERROR,
        summary="A processing activity states no retention period.",
        citation=("GDPR Art. 30(1)(f)",),
        hint="Add a retention period or the criteria that set it.",
    ),
    "REF001": RuleInfo(
        code="REF001",
        name="unknown-reference",
        severity=Severity.WARNING,
        summary="A record refers to an id that no record has.",
    ),
    "SOA002": RuleInfo(
        code="SOA002",
        name="control-without-owner",
        severity=Severity.INFO,
        summary="An applicable control has no owner.",
        citation=("ISO/IEC 27001:2022 A.5.1",),
    ),
    "AIA001": RuleInfo(
        code="AIA001",
        name="risk-class-missing",
        severity=Severity.ERROR,
        summary="An AI system has no risk class.",
    ),
}
SPECIAL = 'Bad, value: 100%\nnext | <tag> & "quoted" [x](y) *z*'


def finding(
    *,
    path: str = "records/activities.yaml",
    line: int = 1,
    column: int = 1,
    code: str = "GDPR005",
    severity: Severity = Severity.ERROR,
    message: str = "Something is wrong.",
    hint: str | None = None,
    citation: tuple[str, ...] = (),
    record: str | None = None,
) -> Finding:
    return Finding(
        path=PurePosixPath(path),
        line=line,
        column=column,
        code=code,
        severity=severity,
        message=message,
        hint=hint,
        citation=citation,
        record=record,
    )


def _make_result(
    *findings: Finding,
    root: Path = ROOT,
    fail_on: Severity = Severity.ERROR,
) -> Result:
    return Result(
        root=root,
        findings=tuple(sorted(findings)),
        rules=RULES,
        files_checked=12,
        records_checked=140,
        as_of=AS_OF,
        fail_on=fail_on,
    )


SAMPLE_FINDINGS = (
    finding(
        line=12,
        column=3,
        message="Processing activity 'payroll' states no retention period.",
        hint="Add a retention period or the criteria that set it.",
        citation=("GDPR Art. 30(1)(f)",),
        record="payroll",
    ),
    finding(
        line=40,
        column=7,
        code="REF001",
        severity=Severity.WARNING,
        message="Unknown processor 'acme-cloud'.",
        record="payroll",
    ),
    finding(
        path="soa.yaml",
        line=3,
        column=1,
        code="SOA002",
        severity=Severity.INFO,
        message="Control A.5.1 is applicable but has no owner.",
        citation=("ISO/IEC 27001:2022 A.5.1",),
    ),
)


@pytest.fixture(scope="session")
def make_result() -> Callable[..., Result]:
    """Build a Result of 12 files and 140 records from the given findings."""
    return _make_result


@pytest.fixture(scope="session")
def make_finding() -> Callable[..., Finding]:
    """Build a Finding, with defaults for whatever a test does not care about."""
    return finding


@pytest.fixture
def sample() -> Result:
    """An error with hint and citation, a warning in the same file, and an info elsewhere."""
    return _make_result(*SAMPLE_FINDINGS)


@pytest.fixture
def clean() -> Result:
    return _make_result()


@pytest.fixture
def special() -> Result:
    """One finding whose path and message hold characters every format must escape."""
    return _make_result(
        finding(path="odd dir/a,b:c%.yaml", line=2, column=5, message=SPECIAL, hint="Use | & <"),
    )
