"""The commitments GDPR Art. 28(3) requires of a processor's agreement, field by field.

SUP011 judges a recorded reading of an agreement with them; the supplier register shows which
commitments the reading did not find.
"""

from __future__ import annotations

from complykit.model.supplier import ProcessorTerms, SubProcessing

# Each field of ``ProcessorTerms`` and the provision that requires it, in the order of the
# article. tests/checks/test_supplier_terms.py holds this against the model's fields and
# the bundled GDPR catalog's Art. 28(3) items.
ART_28_3: dict[str, tuple[str, str]] = {
    "documented_instructions": ("GDPR Art. 28(3)(a)", "processing only on our instructions"),
    "confidentiality": ("GDPR Art. 28(3)(b)", "confidentiality of its staff"),
    "security": ("GDPR Art. 28(3)(c)", "the security measures of Art. 32"),
    "sub_processors": ("GDPR Art. 28(3)(d)", "the conditions for engaging sub-processors"),
    "data_subject_rights": ("GDPR Art. 28(3)(e)", "help with data subjects' requests"),
    "compliance_assistance": ("GDPR Art. 28(3)(f)", "help with Arts. 32-36"),
    "deletion_or_return": ("GDPR Art. 28(3)(g)", "deletion or return of the data at the end"),
    "audits": ("GDPR Art. 28(3)(h)", "information and audits"),
    "unlawful_instructions": (
        "GDPR Art. 28(3) second subparagraph",
        "warning us of an instruction that infringes the law",
    ),
}  # fmt: skip


def missing_terms(terms: ProcessorTerms, sub_processing: SubProcessing | None = None) -> list[str]:
    """The fields of ``terms`` left out, in the order of the article.

    The clause recorded under ``dpa.sub_processing`` sets the conditions for engaging
    sub-processors (a ban included), so it counts as ``sub_processors`` (point (d)).
    """
    covered = {"sub_processors"} if sub_processing is not None and sub_processing.clause else set()
    return [field for field in ART_28_3 if getattr(terms, field) is None and field not in covered]


def point_of(field: str) -> str:
    """The part of Art. 28(3) that requires ``field``: a point such as ``"(g)"``, or
    ``"second subparagraph"``."""
    return ART_28_3[field][0].removeprefix("GDPR Art. 28(3)").strip()
