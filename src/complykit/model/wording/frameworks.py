"""Frameworks as people name them (``AVG``, ``ISO 27001``, ``AI Act``) to catalog ids.

``frameworks: [AVG, ISO 27001]`` in complykit.yaml is refused: the config holds catalog ids.
The model cannot read the catalogs, whose aliases name the same frameworks, so the names are
listed here too; a test keeps every bundled catalog's id and aliases among them.
"""

from __future__ import annotations

import re

from complykit.model.wording.folding import unaccented

_NAMES = {
    "gdpr": (
        "gdpr", "avg", "rgpd", "dsgvo", "regulation eu 2016/679", "celex:32016r0679",
        "general data protection regulation", "algemene verordening gegevensbescherming",
        "uavg",
    ),
    "eu-ai-act": (
        "eu ai act", "ai act", "aia", "ai verordening", "regulation eu 2024/1689",
        "artificial intelligence act",
    ),
    "iso27001-2022": (
        "iso27001 2022", "iso/iec 27001:2022", "iso 27001:2022", "iso27001", "iso 27001",
        "iso/iec 27001", "iso 27001 2022",
    ),
    "iso27001-2013": ("iso27001 2013", "iso/iec 27001:2013", "iso 27001:2013"),
    "iso27701-2019": (
        "iso27701 2019", "iso/iec 27701:2019", "iso 27701:2019", "iso27701", "iso 27701",
        "iso/iec 27701",
    ),
    "iso42001-2023": (
        "iso42001 2023", "iso/iec 42001:2023", "iso 42001:2023", "iso42001", "iso 42001",
        "iso/iec 42001",
    ),
    "dpia-criteria": ("dpia criteria", "dpia", "wp248"),
}  # fmt: skip
_ID_OF = {name: framework for framework, names in _NAMES.items() for name in names}


def framework_words(text: str) -> str:
    """A framework's name as the table keys it: lower case, no accents, brackets or dashes."""
    return " ".join(re.sub(r"[^\w:/.]+", " ", unaccented(text).replace("_", " ")).split())


def framework_meant(text: str) -> str | None:
    """The catalog id a framework's name or alias stands for, or None."""
    return _ID_OF.get(framework_words(text))
