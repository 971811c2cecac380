"""Readable, translatable names for the closed vocabularies that reports show.

Each value maps to an English msgid; the ``label`` filter translates it. ``N_`` only marks a
string for extraction, so the translation test finds these msgids as it finds the templates'.
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, do not translate"
    return message


LABELS: dict[str, dict[str, str]] = {
    "role": {
        "controller": N_("controller"),
        "joint-controller": N_("joint controller"),
        "processor": N_("processor"),
    },
    "legal-basis": {
        "consent": N_("consent"),
        "contract": N_("performance of a contract"),
        "legal-obligation": N_("legal obligation"),
        "vital-interests": N_("vital interests"),
        "public-task": N_("public interest / official authority"),
        "legitimate-interests": N_("legitimate interests"),
        "not-stated": N_("no legal basis stated"),
    },
    "special-category": {
        "racial-or-ethnic-origin": N_("racial or ethnic origin"),
        "political-opinions": N_("political opinions"),
        "religious-or-philosophical-beliefs": N_("religious or philosophical beliefs"),
        "trade-union-membership": N_("trade union membership"),
        "genetic": N_("genetic data"),
        "biometric": N_("biometric data for unique identification"),
        "health": N_("data concerning health"),
        "sex-life-or-orientation": N_("sex life or sexual orientation"),
    },
    "transfer-mechanism": {
        "adequacy-decision": N_("adequacy decision (Art. 45)"),
        "standard-contractual-clauses": N_("standard contractual clauses (Art. 46(2)(c))"),
        "binding-corporate-rules": N_("binding corporate rules (Art. 47)"),
        "code-of-conduct": N_("approved code of conduct (Art. 46(2)(e))"),
        "certification": N_("approved certification mechanism (Art. 46(2)(f))"),
        "ad-hoc-clauses": N_("ad hoc contractual clauses (Art. 46(3)(a))"),
        "derogation": N_("derogation for a specific situation (Art. 49)"),
    },
    "recipient-type": {
        "internal": N_("internal"),
        "processor": N_("processor"),
        "controller": N_("controller"),
        "public-authority": N_("public authority"),
        "other": N_("other"),
    },
    "status": {
        "to-decide": N_("to decide"),
        "not-implemented": N_("not implemented"),
        "planned": N_("planned"),
        "partially-implemented": N_("partially implemented"),
        "implemented": N_("implemented"),
        "not-applicable": N_("not applicable"),
    },
    "dpia-status": {
        "planned": N_("planned"),
        "in-progress": N_("in progress"),
        "completed": N_("completed"),
        "approved": N_("approved"),
        "needs-update": N_("needs update"),
    },
    "risk-category": {
        "security": N_("information security"),
        "privacy": N_("privacy"),
        "ai": N_("AI"),
        "compliance": N_("compliance"),
        "operational": N_("operational"),
        "supplier": N_("supplier"),
        "legal": N_("legal"),
        "continuity": N_("continuity"),
    },
    "treatment": {
        "mitigate": N_("mitigate"),
        "accept": N_("accept"),
        "transfer": N_("transfer"),
        "avoid": N_("avoid"),
    },
    "ai-role": {
        "provider": N_("provider"),
        "deployer": N_("deployer"),
        "importer": N_("importer"),
        "distributor": N_("distributor"),
        "authorised-representative": N_("authorised representative"),
        "product-manufacturer": N_("product manufacturer"),
    },
    "risk-class": {
        "prohibited": N_("prohibited practice"),
        "high-risk": N_("high-risk"),
        "transparency": N_("transparency obligations"),
        "minimal": N_("minimal risk"),
    },
    "assessment-type": {
        "dpia": N_("DPIA (GDPR Art. 35)"),
        "fria": N_("FRIA (AI Act Art. 27)"),
        "iama": N_("IAMA (human rights and algorithms)"),
        "aisia": N_("AI system impact assessment (ISO/IEC 42001)"),
    },
    "assessment-status": {
        "not-started": N_("not started"),
        "in-progress": N_("in progress"),
        "completed": N_("completed"),
    },
    "lifecycle": {
        "idea": N_("idea"),
        "design": N_("design"),
        "development": N_("development"),
        "validation": N_("validation"),
        "deployment": N_("deployment"),
        "operation": N_("in operation"),
        "retired": N_("retired"),
    },
    "task-type": {
        "training": N_("training"),
        "internal-audit": N_("internal audit"),
        "management-review": N_("management review"),
        "access-review": N_("access review"),
        "risk-review": N_("risk review"),
        "supplier-review": N_("supplier review"),
        "policy-review": N_("policy review"),
        "dpia-review": N_("DPIA review"),
        "continuity-test": N_("continuity test"),
        "penetration-test": N_("penetration test"),
        "ai-monitoring-review": N_("AI monitoring review"),
        "record-review": N_("register review"),
        "other": N_("other"),
    },
}


def label_msgid(vocabulary: str, value: str) -> str:
    """The English msgid for a value; an unknown value is shown as written."""
    return LABELS[vocabulary].get(value, value)
