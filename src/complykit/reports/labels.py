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
        "public-authority-instrument": N_(
            "binding instrument between public authorities (Art. 46(2)(a))"
        ),
        "sa-standard-clauses": N_(
            "standard clauses adopted by a supervisory authority (Art. 46(2)(d))"
        ),
        "administrative-arrangement": N_(
            "administrative arrangement between public authorities (Art. 46(3)(b))"
        ),
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
    "notified-by": {
        "us": N_("us"),
        "controller": N_("the controller"),
        "processor": N_("our processor"),
    },
    "assessment-status": {
        "not-started": N_("not started"),
        "in-progress": N_("in progress"),
        "completed": N_("completed"),
        "not-required": N_("considered, not required"),
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
        "ai-literacy": N_("AI literacy"),
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
    "severity": {
        "low": N_("low"),
        "medium": N_("medium"),
        "high": N_("high"),
        "critical": N_("critical"),
    },
    "incident-status": {
        "open": N_("open"),
        "contained": N_("contained"),
        "resolved": N_("resolved"),
        "closed": N_("closed"),
    },
    "breach-nature": {
        "confidentiality": N_("confidentiality (disclosure)"),
        "integrity": N_("integrity (alteration)"),
        "availability": N_("availability (loss)"),
    },
    "breach-risk": {
        "none": N_("unlikely to result in a risk"),
        "risk": N_("a risk"),
        "high-risk": N_("a high risk"),
    },
    "art34-exemption": {
        "a": N_("Art. 34(3)(a): data unintelligible, e.g. encrypted"),
        "b": N_("Art. 34(3)(b): measures taken so the high risk is no longer likely"),
        "c": N_("Art. 34(3)(c): disproportionate effort; public communication instead"),
    },
    "supplier-role": {
        "processor": N_("processor"),
        "sub-processor": N_("sub-processor"),
        "controller": N_("controller"),
        "joint-controller": N_("joint controller"),
        "none": N_("no personal data"),
    },
    "sub-authorisation": {
        "specific": N_("each approved by us in writing (specific authorisation)"),
        "general": N_("general written authorisation"),
        "none": N_("none allowed"),
    },
    "ai-training": {
        "allowed": N_("allowed"),
        "prohibited": N_("prohibited"),
        "opt-out": N_("allowed unless we object (opt-out)"),
        "not-applicable": N_("not applicable"),
        "unknown": N_("unknown"),
    },
    "transfer-tool": {
        "eea": N_("none needed: within the EEA"),
        "not-recorded": N_("not recorded in the register"),
    },
    "residual-risk": {
        "low": N_("low"),
        "medium": N_("medium"),
        "high": N_("high"),
    },
    "wp248": {
        "evaluation_or_scoring": N_("1. evaluation or scoring"),
        "automated_decision_legal_effect": N_(
            "2. automated decision-making with legal or similarly significant effect"
        ),
        "systematic_monitoring": N_("3. systematic monitoring"),
        "sensitive_data": N_("4. sensitive data or data of a highly personal nature"),
        "large_scale": N_("5. data processed on a large scale"),
        "matching_or_combining": N_("6. matching or combining datasets"),
        "vulnerable_data_subjects": N_("7. data concerning vulnerable data subjects"),
        "innovative_technology": N_("8. innovative use of new technological solutions"),
        "prevents_exercising_rights": N_(
            "9. processing that prevents exercising a right or using a service or contract"
        ),
    },
    # How complykit inferred that decisions with legal or similarly significant effects rest
    # on an evaluation or scoring (Art. 35(3)(a)) that the screening does not say they do.
    "decisions-inferred": {
        "automated": N_("inferred by complykit from its automated decisions with such effects"),
        "can-refuse": N_(
            "inferred by complykit: the screening does not say whether they do, and the "
            "processing can stop people using a right, a service or a contract"
        ),
    },
    # How far Art. 35(3)(a) reaches an evaluation or scoring, from the two halves of the point
    # (``facts/dpia_screening.art35_3_a``): the decisions resting on it, stated or inferred,
    # and the evaluation being systematic, extensive and automated, stated or not.
    "art35-3-a": {
        "applies": N_(
            "decisions with legal or similarly significant effects rest on it (Art. 35(3)(a))"
        ),
        "applies-if-systematic": N_(
            "decisions with legal or similarly significant effects rest on it: Art. 35(3)(a) if "
            "the evaluation is systematic and extensive and based on automated processing, "
            "including profiling"
        ),
        "may-apply": N_(
            "decisions with legal or similarly significant effects may rest on it (Art. 35(3)(a))"
        ),
        "may-apply-if-systematic": N_(
            "decisions with legal or similarly significant effects may rest on it: Art. 35(3)(a) "
            "if the evaluation is systematic and extensive and based on automated processing, "
            "including profiling"
        ),
    },
    "ap-list": {
        "1": N_("1. covert investigation"),
        "2": N_("2. blacklists"),
        "3": N_("3. fraud prevention"),
        "4": N_("4. credit scores"),
        "5": N_("5. financial situation"),
        "6": N_("6. genetic personal data"),
        "7": N_("7. health data"),
        "8": N_("8. partnerships"),
        "9": N_("9. camera surveillance"),
        "10": N_("10. flexible camera surveillance"),
        "11": N_("11. employee monitoring"),
        "12": N_("12. location data"),
        "13": N_("13. communication data"),
        "14": N_("14. internet of things"),
        "15": N_("15. profiling"),
        "16": N_("16. observation and influencing of behaviour"),
        "17": N_("17. biometric data"),
    },
    "vulnerable": {
        "children": N_("children"),
        "patients": N_("patients"),
        "employees": N_("employees"),
        "applicants": N_("applicants"),
        "elderly": N_("elderly people"),
        "asylum-seekers": N_("asylum seekers"),
        "mentally-ill": N_("people with a mental illness"),
        "other": N_("other vulnerable people"),
    },
    "data-source": {
        "data-subject": N_("the data subject"),
        "customer": N_("our customer"),
        "third-party": N_("a third party"),
        "public": N_("public sources"),
        "generated": N_("generated by us"),
    },
    "location-type": {
        "primary": N_("primary"),
        "backup": N_("backup"),
        "logs": N_("logs"),
        "analytics": N_("analytics"),
        "archive": N_("archive"),
        "cache": N_("cache"),
    },
    "art22-exception": {
        "contract": N_("necessary for a contract (Art. 22(2)(a))"),
        "law": N_("authorised by law (Art. 22(2)(b))"),
        "explicit-consent": N_("explicit consent (Art. 22(2)(c))"),
    },
    "ai-consequence": {
        "death": N_("death of a person (Art. 3(49)(a))"),
        "serious-harm-to-health": N_("serious harm to a person's health (Art. 3(49)(a))"),
        "critical-infrastructure": N_(
            "serious and irreversible disruption of critical infrastructure (Art. 3(49)(b))"
        ),
        "fundamental-rights": N_(
            "infringement of Union law protecting fundamental rights (Art. 3(49)(c))"
        ),
        "property-or-environment": N_(
            "serious harm to property or the environment (Art. 3(49)(d))"
        ),
    },
    "soa-reason": {
        "risk-treatment": N_("risk treatment"),
        "legal": N_("legal requirement"),
        "contractual": N_("contractual requirement"),
        "business": N_("business need"),
        "best-practice": N_("good practice"),
    },
    "screening-conclusion": {
        "dpia-required": N_("DPIA required"),
        "dpia-not-required": N_("DPIA not required"),
        "to-decide": N_("to decide"),
    },
    "severity-family": {
        "error": N_("errors"),
        "warning": N_("warnings"),
        "info": N_("notes"),
    },
    "national-id": {
        "bsn": N_("citizen service number (BSN, UAVG art. 46)"),
        "rrn": N_("national register number (Belgium)"),
        "other": N_("national identification number (Art. 87)"),
    },
    "feared-event": {
        "illegitimate-access": N_("illegitimate access to personal data"),
        "unwanted-modification": N_("unwanted modification of personal data"),
        "disappearance": N_("disappearance of personal data"),
    },
    "cnil-level": {
        "1": N_("1 negligible"),
        "2": N_("2 limited"),
        "3": N_("3 significant"),
        "4": N_("4 maximum"),
    },
    "authority-type": {
        "police": N_("police"),
        "sector-regulator": N_("sector regulator"),
        "ai-act-authority": N_("AI Act market surveillance authority"),
        "csirt": N_("CSIRT"),
        "other": N_("other"),
    },
    "action-status": {
        "planned": N_("planned"),
        "in-progress": N_("in progress"),
        "done": N_("done"),
        "cancelled": N_("cancelled"),
    },
    "model-source": {
        "in-house": N_("built in-house"),
        "vendor": N_("from a vendor"),
        "open-source": N_("open source"),
        "fine-tuned": N_("fine-tuned by us"),
    },
    "vendor-training": {
        "allowed": N_("allowed"),
        "prohibited": N_("prohibited"),
        "opt-out": N_("allowed unless we opt out"),
        "unknown": N_("unknown"),
        "not-applicable": N_("not applicable"),
    },
    "conformity-route": {
        "internal-control": N_("internal control (Annex VI)"),
        "notified-body": N_("notified body (Annex VII)"),
        "product-legislation": N_("procedure of the Annex I legislation (Art. 43(3))"),
    },
    "ai-technique": {
        "manipulative-techniques": N_("manipulative or deceptive techniques (Art. 5(1)(a))"),
        "exploits-vulnerabilities": N_("exploits vulnerabilities (Art. 5(1)(b))"),
        "social-scoring": N_("social scoring (Art. 5(1)(c))"),
        "offence-prediction": N_("criminal offence risk assessment (Art. 5(1)(d))"),
        "untargeted-facial-scraping": N_("untargeted scraping of facial images (Art. 5(1)(e))"),
        "emotion-recognition": N_("emotion recognition (Art. 5(1)(f))"),
        "biometric-categorisation": N_("biometric categorisation (Art. 5(1)(g))"),
        "real-time-remote-biometric-identification": N_(
            "real-time remote biometric identification (Art. 5(1)(h))"
        ),
    },
    "ai-setting": {
        "workplace": N_("workplace"),
        "education": N_("education"),
        "law-enforcement": N_("law enforcement"),
        "publicly-accessible-spaces": N_("publicly accessible spaces"),
    },
    "law-enforcement-objective": {
        "victim-search": N_("search for victims or missing persons (Art. 5(1)(h)(i))"),
        "imminent-threat": N_("imminent threat to life or terrorist attack (Art. 5(1)(h)(ii))"),
        "suspect-location": N_("locating a suspect (Art. 5(1)(h)(iii))"),
    },
    "transparency-exception": {
        "obvious": N_("obvious to a reasonably well-informed person (Art. 50(1))"),
        "law-enforcement": N_(
            "authorised by law to detect, prevent, investigate or prosecute criminal offences "
            "(Art. 50(1)-(4))"
        ),
        "assistive-editing": N_("assistive function for standard editing (Art. 50(2))"),
        "no-substantial-alteration": N_("does not substantially alter the input (Art. 50(2))"),
        "artistic-work": N_(
            "evidently artistic, creative, satirical or fictional work: limited disclosure "
            "(Art. 50(4))"
        ),
        "editorial-responsibility": N_("human review with editorial responsibility (Art. 50(4))"),
    },
}


def label_msgid(vocabulary: str, value: str) -> str:
    """The English msgid for a value; an unknown value is shown as written."""
    return LABELS[vocabulary].get(value, value)
