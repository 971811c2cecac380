"""``complykit rules`` and ``complykit explain``: what each finding code checks and cites."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import typer

from complykit.cli.boundary import exits
from complykit.cli.output import (
    SCHEMA_VERSION,
    FormatOption,
    ViewFormat,
    print_json,
    print_table,
    say,
)

if TYPE_CHECKING:
    from complykit.contracts.rules import RuleDocument, RulesDocument
    from complykit.contracts.validate import Severity as SeverityName
    from complykit.core.findings import RuleInfo


@exits
def rules(
    family: Annotated[
        str | None,
        typer.Option("--family", help="Only this family, e.g. GDPR or SOA.", metavar="FAMILY"),
    ] = None,
    output_format: FormatOption = ViewFormat.TEXT,
) -> int:
    """List every rule: code, name, severity, what it checks and what it cites."""
    from complykit.formatters.citations import cited  # noqa: PLC0415 - keep --help fast
    from complykit.validate.engine import all_rules  # noqa: PLC0415 - keep --help fast

    chosen = [r for r in all_rules().values() if not family or r.family == family.upper()]
    if output_format == ViewFormat.JSON:
        document: RulesDocument = {
            "schema_version": SCHEMA_VERSION,
            "rules": [_rule_document(r) for r in chosen],
        }
        print_json(document)
        return 0
    rows = [[r.code, r.name, str(r.severity), r.summary, cited(r.citation)] for r in chosen]
    print_table(("code", "name", "severity", "checks", "cites"), rows)
    return 0


def _rule_document(rule: RuleInfo) -> RuleDocument:
    return {
        "code": rule.code,
        "family": rule.family,
        "framework": rule.framework,
        "name": rule.name,
        "severity": cast("SeverityName", str(rule.severity)),
        "summary": rule.summary,
        "citation": list(rule.citation),
        "hint": rule.hint,
        "note": rule.note,
    }


@exits
def explain(
    code: Annotated[str, typer.Argument(help="A finding code, e.g. GDPR026 or soa004.")],
    output_format: FormatOption = ViewFormat.TEXT,
) -> int:
    """Explain one finding code: what it checks, when it fires, and the provisions it cites."""
    from complykit.catalog.load import load_catalogs  # noqa: PLC0415 - keep --help fast
    from complykit.reference.explain import doubt  # noqa: PLC0415
    from complykit.reference.explain import explain as explain_code  # noqa: PLC0415

    found = explain_code(code, load_catalogs())
    rule = found.rule
    cited = [
        {"citation": c.citation, "title": c.title, "unverified": c.unverified} for c in found.cited
    ]
    if output_format == ViewFormat.JSON:
        document = {"code": rule.code, "name": rule.name, "severity": str(rule.severity)}
        details = {
            "summary": rule.summary,
            "details": found.details,
            "hint": rule.hint,
            "note": rule.note,
        }
        print_json({"schema_version": SCHEMA_VERSION, **document, **details, "cites": cited})
        return 0
    say(f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.summary}")
    if found.details:
        # The docstring's ``code`` is reStructuredText; on a terminal it is quoted as the hints
        # quote a value, with one backtick, rather than two that read as a typo.
        say(f"\n{found.details.replace('``', '`')}")
    if rule.hint:
        say(f"\nWhat to do: {rule.hint}")
    if rule.note:
        say(f"\nNote: {rule.note}")
    for c in found.cited:
        title = f": {c.title}" if c.title else ""
        say(f"Cites {c.citation}{title}{doubt(c)}")
    return 0
