"""A finding's citations as people read them, with the ones complykit has not confirmed marked.

The bundled catalogs mark a provision ``unverified`` when complykit could not check it against
the text of the law or standard (``docs/reference/catalogs.md``). ``complykit explain`` says
so; the findings that cite one say so too, in every output a person reads. The list is kept
here rather than looked up in the catalogs, which a run that only prints findings has no
reason to load; a test keeps it equal to what the catalogs mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from complykit.core.findings import Finding

UNVERIFIED = frozenset(
    {
        "AI Act Art. 5(3)",
        "GDPR Art. 8(1)",
        "GDPR Art. 8(2)",
        "GDPR Art. 46(4)",
        "GDPR Art. 87",
        "ISO/IEC 42001:2023 6.1.3",
    }
)
"""Provisions that rules cite and the bundled catalogs mark ``unverified``."""


def cited(citation: tuple[str, ...]) -> str:
    """The citations joined with "; ", each unconfirmed one followed by "(unverified)"."""
    return "; ".join(f"{c} (unverified)" if c in UNVERIFIED else c for c in citation)


def message_with_hint(finding: Finding) -> str:
    """The message, then "Hint: ..." and "Citation: ..." on lines of their own, unescaped: the
    text the Markdown and GitHub outputs each escape their own way."""
    lines = [finding.message]
    if finding.hint:
        lines.append(f"Hint: {finding.hint}")
    if finding.citation:
        lines.append(f"Citation: {cited(finding.citation)}")
    return "\n".join(lines)
