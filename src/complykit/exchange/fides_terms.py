"""Between complykit's GDPR vocabulary and Fides' (fideslang 3): legal bases, Art. 9(2)
conditions, transfer grounds, and the default taxonomy parents our own wording falls under."""

from __future__ import annotations

import unicodedata

from complykit.model.enums import Art9Condition, LegalBasis, TransferMechanism
from complykit.model.processing import DataCategory, Purpose

LEGAL_BASIS = {
    LegalBasis.CONSENT: "Consent",
    LegalBasis.CONTRACT: "Contract",
    LegalBasis.LEGAL_OBLIGATION: "Legal obligations",
    LegalBasis.VITAL_INTERESTS: "Vital interests",
    LegalBasis.PUBLIC_TASK: "Public interest",
    LegalBasis.LEGITIMATE_INTERESTS: "Legitimate interests",
}
BASIS_OF = {fides: ours for ours, fides in LEGAL_BASIS.items()}
# SpecialCategoryLegalBasisEnum, in the order of Art. 9(2)(a)-(j).
ART9_LEGAL_BASIS = dict(
    zip(
        Art9Condition,
        (
            "Explicit consent",
            "Employment, social security and social protection",
            "Vital interests",
            "Not-for-profit bodies",
            "Made public by the data subject",
            "Legal claims or judicial acts",
            "Reasons of substantial public interest (with a basis in law)",
            "Health or social care (with a basis in law)",
            "Public health (with a basis in law)",
            "Archiving, research and statistics (with a basis in law)",
        ),
        strict=True,
    )
)
ART9_OF = {fides: ours for ours, fides in ART9_LEGAL_BASIS.items()}
TRANSFER_BASIS = {
    TransferMechanism.ADEQUACY_DECISION: "Adequacy Decision",
    TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES: "SCCs",
    TransferMechanism.BINDING_CORPORATE_RULES: "BCRs",
    TransferMechanism.CODE_OF_CONDUCT: "Other",
    TransferMechanism.CERTIFICATION: "Other",
    TransferMechanism.AD_HOC_CLAUSES: "Other",
    TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT: "Other",
    TransferMechanism.SA_STANDARD_CLAUSES: "Other",
    TransferMechanism.ADMINISTRATIVE_ARRANGEMENT: "Other",
    TransferMechanism.DEROGATION: "Other",
}
_SPECIAL_PARENT = {
    "health": "user.health_and_medical",
    "genetic": "user.health_and_medical.genetic",
    "biometric": "user.biometric",
    "racial-or-ethnic-origin": "user.demographic.race_ethnicity",
    "political-opinions": "user.demographic.political_opinion",
    "religious-or-philosophical-beliefs": "user.demographic.religious_belief",
    "sex-life-or-orientation": "user.demographic.sexual_orientation",
    "trade-union-membership": "user.workplace",
}
# Back from a parent to the special category, the most specific parent first; user.workplace is
# left out because most workplace data is not trade-union membership.
SPECIAL_OF = {
    parent: special
    for special, parent in sorted(_SPECIAL_PARENT.items(), key=lambda i: -len(i[1]))
    if parent != "user.workplace"
}
# Words in a category's name, English or Dutch, and the default category they fall under.
_CATEGORY_WORDS = (
    (("e-mail", "email", "mail"), "user.contact.email"),
    (("telefoon", "phone", "mobiel"), "user.contact.phone_number"),
    (("adres", "address", "naw"), "user.contact.address"),
    (("bsn", "burgerservicenummer", "national id", "paspoort", "passport"),
     "user.government_id"),
    (("iban", "bank", "rekening"), "user.financial.bank_account"),
    (("salaris", "salary", "loon", "financ", "payment", "betaal"), "user.financial"),
    (("geboortedatum", "date of birth", "birth"), "user.demographic.date_of_birth"),
    (("ip-adres", "ip address", "cookie", "device"), "user.device"),
    (("camera", "beeld", "foto", "photo", "image"), "user.content.self_image"),
    (("locatie", "location", "gps"), "user.location"),
    (("naam", "name"), "user.name"),
    (("strafrecht", "criminal", "vog"), "user.criminal_history"),
    (("cv", "functie", "job", "werk", "employment"), "user.workplace"),
)  # fmt: skip
_USE_WORDS = (
    (("nieuwsbrief", "newsletter", "marketing", "campagne", "campaign"),
     "marketing.communications"),
    (("sollicit", "werving", "recruit", "vacature", "vacanc"), "employment.recruitment"),
    (("salaris", "payroll", "personeel", "hr ", "medewerker", "employee", "verlof"),
     "employment"),
    (("beveilig", "security", "camera", "toegang", "access"), "essential.service.security"),
    (("support", "klantenservice", "helpdesk", "vragen", "questions"),
     "essential.service.operations.support"),
    (("fraude", "fraud"), "essential.fraud_detection"),
    (("statistiek", "analyse", "analytics", "rapportage", "reporting"), "analytics.reporting"),
    (("betaling", "payment", "factur", "invoice", "incasso"),
     "essential.service.payment_processing"),
)  # fmt: skip


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " " + "".join(c for c in decomposed if not unicodedata.combining(c)) + " "


def category_parent(category: DataCategory) -> str:
    """The default Fides data category a category of ours belongs under."""
    if category.special_category:
        return _SPECIAL_PARENT[category.special_category]
    if category.criminal_offence_data:
        return "user.criminal_history"
    words = _folded(category.name)
    return next((parent for stems, parent in _CATEGORY_WORDS if _has(words, stems)), "user")


def use_parent(purpose: Purpose) -> str:
    """The default Fides data use a purpose of ours belongs under."""
    words = _folded(purpose.description)
    found = next((parent for stems, parent in _USE_WORDS if _has(words, stems)), None)
    if found is not None:
        return found
    if purpose.legal_basis == LegalBasis.LEGAL_OBLIGATION:
        return "essential.legal_obligation"
    return "essential.service"


def _has(words: str, stems: tuple[str, ...]) -> bool:
    return any(f" {stem}" in words or f"-{stem}" in words for stem in stems)
