"""``complykit coverage``: how much of GDPR or the AI Act the implemented ISO controls meet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.options import (
    AsOfOption,
    DeprecatedWorkspaceOption,
    PathArgument,
    parse_as_of,
    workspace_argument,
)
from complykit.cli.output import (
    SCHEMA_VERSION,
    UNVERIFIED_NOTE,
    FormatOption,
    ViewFormat,
    print_json,
    print_table,
    say,
)

if TYPE_CHECKING:
    from complykit.analysis.coverage import CoverageReport, Requirement, Support
    from complykit.contracts.coverage import (
        ControlDocument,
        CoverageDocument,
        CoverageSummary,
        FrameworkCoverage,
        MappingDocument,
        RequirementDocument,
        SupportDocument,
    )


@exits
def coverage(
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="The framework to measure, e.g. gdpr or eu-ai-act.",
            show_default="each framework in scope that ISO controls map onto",
            metavar="FRAMEWORK",
        ),
    ] = None,
    path: PathArgument = Path(),
    workspace: DeprecatedWorkspaceOption = None,
    output_format: FormatOption = ViewFormat.TEXT,
    as_of: AsOfOption = None,
) -> int:
    """Show which requirements the implemented controls of your SoAs meet, via catalog mappings."""
    from complykit.analysis.coverage import compute, default_targets  # noqa: PLC0415
    from complykit.workspace.open import open_repository  # noqa: PLC0415

    repo, errors = open_repository(workspace_argument(path, workspace), parse_as_of(as_of))
    if errors:
        say(
            f"warning: {errors} error(s) in the workspace; coverage uses the records that loaded. "
            "Run `complykit validate` for details.",
            err=True,
        )
    reports = [
        compute(repo, target) for target in ([framework] if framework else default_targets(repo))
    ]
    if output_format == ViewFormat.JSON:
        # One shape whether one framework or several is reported, so scripts need no branch.
        document: CoverageDocument = {
            "schema_version": SCHEMA_VERSION,
            "reports": [_document(r) for r in reports],
        }
        print_json(document)
    else:
        for report in reports:
            _print_report(report)
    return 0


def _document(report: CoverageReport) -> FrameworkCoverage:
    return {
        "framework": report.framework,
        "name": report.name,
        "as_of": report.as_of.isoformat(),
        "sources": [{"framework": s.framework, "soa": s.soa} for s in report.sources],
        "summary": _summary(report),
        "requirements": [_requirement(report, r) for r in report.requirements],
    }


def _summary(report: CoverageReport) -> CoverageSummary:
    from complykit.analysis.coverage import CoverageStatus  # noqa: PLC0415

    counts = report.counts()
    return {
        "requirements": len(report.requirements),
        "measured": len(report.measured),
        "met": counts[CoverageStatus.MET],
        "met_percent": report.percent(CoverageStatus.MET),
        "partial": counts[CoverageStatus.PARTIAL],
        "partial_percent": report.percent(CoverageStatus.PARTIAL),
        "supported": counts[CoverageStatus.SUPPORTED],
        "supported_percent": report.percent(CoverageStatus.SUPPORTED),
        "not_met": counts[CoverageStatus.NOT_MET],
        "not_met_percent": report.percent(CoverageStatus.NOT_MET),
        "unverified": sum(1 for r in report.requirements if r.unverified),
    }


def _requirement(report: CoverageReport, requirement: Requirement) -> RequirementDocument:
    applies = requirement.applies_from
    return {
        "id": requirement.id,
        "title": requirement.title,
        "status": requirement.status.value,
        "controls": [_control(s) for s in requirement.met_by],
        "supported_by": [_supporting(s) for s in requirement.supported_by],
        "measured": requirement.measured,
        "unverified": requirement.unverified,
        "applies_from": applies.isoformat() if applies else None,
        "in_force": applies is None or applies <= report.as_of,
        "mappings": [_mapping(s) for s in requirement.support],
    }


def _control(support: Support) -> ControlDocument:
    return {"framework": support.framework, "id": support.control, "title": support.title}


def _supporting(support: Support) -> SupportDocument:
    return {
        "framework": support.framework,
        "id": support.control,
        "title": support.title,
        "strength": support.strength,
    }


def _mapping(support: Support) -> MappingDocument:
    status = support.soa_status.value if support.soa_status else None
    return {
        "framework": support.framework,
        "id": support.control,
        "title": support.title,
        "relationship": support.relationship,
        "unverified": support.unverified,
        "strength": support.strength,
        "applicable": support.applicable,
        "soa_status": status,
        "counts_as": support.status.value,
    }


def _print_report(report: CoverageReport) -> None:
    say(f"{report.framework}: {report.name}")
    for source in report.sources:
        soa = source.soa or f"no SoA yet (`complykit soa init {source.framework}`)"
        say(f"  controls from {source.framework}: {soa}")
    # The sources are listed above; with one source, control ids alone say enough.
    single = len(report.sources) == 1
    rows = [_row(r, single_source=single) for r in report.requirements]
    print_table(("id", "status", "met by", "supported by", "title"), rows)
    counts = report.counts()
    parts = [f"{counts[s]} {s.value.replace('-', ' ')}" for s in counts]
    say(f"{len(report.requirements)} requirements: {', '.join(parts)}")
    say(_percentages(report))
    if any(r.unverified for r in report.requirements):
        say(f"Mappings marked {UNVERIFIED_NOTE}.")
    say()


def _percentages(report: CoverageReport) -> str:
    from complykit.analysis.coverage import CoverageStatus  # noqa: PLC0415 - keep --help fast

    measured = len(report.measured)
    if not measured:
        return "No requirement has a verified equivalent or subset mapping: no percentage given."
    shown = (CoverageStatus.MET, CoverageStatus.PARTIAL)
    parts = ", ".join(f"{report.percent(s)}% {s.value}" for s in shown)
    return (
        f"Of the {measured} requirements with a verified equivalent or subset mapping: {parts}. "
        "'supported' means only a related or unverified mapping speaks for it."
    )


def _row(requirement: Requirement, *, single_source: bool) -> list[object]:
    def name(support: Support) -> str:
        control = support.control if single_source else f"{support.framework} {support.control}"
        return f"{control} ({support.strength})"

    met_by = ", ".join(name(s) for s in requirement.met_by)
    supported = ", ".join(name(s) for s in requirement.supported_by)
    status = requirement.status.value
    return [requirement.id, status, met_by or None, supported or None, requirement.title]
