"""Which facts in the registers make which SoA exclusions untenable, as data.

Each rule names controls and a register fact; when the fact holds, excluding any of those
controls contradicts what the registers say. Facts are computed in ``soa_scope.py``.
"""

from __future__ import annotations

from complykit.core.frozen import frozen


@frozen
class ScopeRule:
    framework: str
    controls: tuple[str, ...]
    fact: str
    reason: str


SCOPE_RULES = (
    ScopeRule(
        "iso27001-2022",
        ("A.5.34",),
        "processing-activities",
        "the register lists processing of personal data",
    ),
    ScopeRule(
        "iso27001-2022",
        ("A.5.19", "A.5.20", "A.5.21", "A.5.22"),
        "suppliers",
        "the workspace lists suppliers",
    ),
    ScopeRule(
        "iso27001-2022",
        ("A.5.24", "A.5.25", "A.5.26", "A.5.27"),
        "incidents",
        "the workspace records incidents",
    ),
    ScopeRule(
        "iso27701-2019",
        ("A.7.5.1", "A.7.5.2", "A.7.5.3"),
        "controller-transfers",
        "a controller activity transfers personal data outside the EEA",
    ),
    ScopeRule(
        "iso27701-2019",
        ("A.7.2.5",),
        "dpia-required",
        "a processing activity's DPIA screening concludes a DPIA is required",
    ),
    ScopeRule(
        "iso27701-2019",
        ("A.7.2.6",),
        "controller-processors",
        "a controller activity uses processors",
    ),
    ScopeRule(
        "iso27701-2019",
        ("A.7.3.10",),
        "automated-decisions",
        "a processing activity makes automated decisions (GDPR Art. 22)",
    ),
    ScopeRule(
        "iso27701-2019",
        ("B.8.5.1", "B.8.5.2"),
        "processor-transfers",
        "a processor activity transfers personal data outside the EEA",
    ),
    ScopeRule(
        "iso27701-2019",
        ("B.8.5.6", "B.8.5.7", "B.8.5.8"),
        "processor-subprocessors",
        "a processor activity engages sub-processors",
    ),
    ScopeRule(
        "iso42001-2023",
        ("A.5.2", "A.5.3", "A.5.4"),
        "ai-systems",
        "the AI register lists AI systems",
    ),
    ScopeRule("iso42001-2023", ("A.10.3",), "ai-vendors", "an AI system comes from a supplier"),
)
