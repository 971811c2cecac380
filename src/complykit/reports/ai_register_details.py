"""The rest of an AI system's record as labelled facts, in the report's language.

The AI register's summary rows show the classification and oversight; everything else the record
holds (AI Act Art. 5, 12, 26, 27, 43-50; ISO/IEC 42001 8.4) is a fact here: a translated label
and its lines. HTML, Markdown and XLSX render the same facts, so no format drops a field.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypedDict

from complykit.reports.labels import N_
from complykit.reports.names import record_label

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complykit.model.ai_duties import (
        ConformityAssessment,
        DeployerDuties,
        EuDatabaseRegistration,
        NationalRegistration,
        ProviderDuties,
    )
    from complykit.model.ai_practices import PracticeFacts
    from complykit.model.ai_system import AiSystem, ImpactAssessment
    from complykit.reports.xlsx_book import Words
    from complykit.workspace.repository import Repository


class Fact(TypedDict):
    label: str
    lines: list[str]


_TRANSPARENCY = (
    ("interacts_with_people", N_("interacts with people (Art. 50(1))")),
    ("synthetic_content", N_("generates synthetic content (Art. 50(2))")),
    ("emotion_recognition", N_("emotion recognition (Art. 50(3))")),
    ("biometric_categorisation", N_("biometric categorisation (Art. 50(3))")),
    ("deep_fake", N_("deep fake (Art. 50(4))")),
    ("public_interest_text", N_("text on matters of public interest (Art. 50(4))")),
)
_FRIA = "fria"
_EXCEPTIONS = (
    ("no_significant_harm", N_("no material distortion or significant harm (Art. 5(1)(a)-(b))")),
    ("no_detrimental_treatment", N_("no detrimental treatment from the score (Art. 5(1)(c))")),
    ("supports_human_assessment", N_("only supports a human assessment (Art. 5(1)(d))")),
    ("medical_or_safety_purpose", N_("medical or safety reasons (Art. 5(1)(f))")),
    ("lawful_dataset_labelling", N_("labelling of lawfully acquired datasets (Art. 5(1)(g))")),
)


def details(repo: Repository, record: AiSystem, words: Words) -> list[Fact]:
    """Every fact of the record that the summary rows leave out, empty facts dropped."""
    facts = [
        _fact(words.gettext("Description"), [record.description]),
        _fact(words.gettext("Affected persons"), record.affected_persons),
        _fact(words.gettext("In use since"), [_date(words, record.in_use_since)]),
        _legacy(record, words),
        _art6_3(record, words),
        _fact(
            words.gettext("Processes personal data"), [words.yesno(record.processes_personal_data)]
        ),
        _fact(
            words.gettext("Processing activities"),
            [record_label(repo, ref) for ref in record.processing_activities],
        ),
        _fact(words.gettext("Data sources"), record.data_sources),
        _fact(
            words.gettext("Model source"),
            [words.label(record.model_source, "model-source") if record.model_source else None],
        ),
        *_gpai(repo, record, words),
        *_vendor_training(record, words),
        *_transparency(record, words),
        *_logging(record, words),
        _fact(
            words.gettext("Accuracy, robustness and cybersecurity"),
            [record.accuracy_and_robustness],
        ),
        *_practices(record.practices, words),
        *_deployer(record.deployer_duties, words),
        *_provider(record.provider_duties, words),
        _fria(record, words),
        *(_assessment(a, words) for a in record.impact_assessments),
        _fact(words.gettext("Notes"), [record.notes]),
    ]
    return [fact for fact in facts if fact["lines"]]


def _fact(label: str, lines: Iterable[str | None]) -> Fact:
    return Fact(label=label, lines=[line for line in lines if line])


def _date(words: Words, value: date | None) -> str | None:
    return words.long_date(value) if value is not None else None


def _gpai(repo: Repository, record: AiSystem, words: Words) -> list[Fact]:
    model = record.general_purpose_model
    if model is None:
        return []
    provider = record_label(repo, model.supplier) if model.supplier else model.provider
    return [
        _fact(
            words.gettext("General-purpose AI model"),
            [
                f"{model.name} ({provider})",
                _labelled(
                    words.gettext("systemic risk (Art. 51)"), words.yesno(model.systemic_risk)
                ),
            ],
        )
    ]


def _vendor_training(record: AiSystem, words: Words) -> list[Fact]:
    terms = record.vendor_training
    if terms is None:
        return []
    lines = [
        _labelled(words.gettext("on our data"), words.label(terms.our_data, "vendor-training")),
        _labelled(
            words.gettext("on our customers' data"),
            words.label(terms.customer_data, "vendor-training"),
        ),
        _opted_out(terms.opted_out, words),
        terms.clause,
    ]
    return [_fact(words.gettext("Training by the vendor"), lines)]


def _opted_out(day: date | None, words: Words) -> str | None:
    if day is None:
        return None
    return words.gettext("we opted out on %(on)s") % {"on": words.long_date(day)}


def _transparency(record: AiSystem, words: Words) -> list[Fact]:
    transparency = record.classification.transparency
    situations = [
        words.gettext(text) for field, text in _TRANSPARENCY if getattr(transparency, field)
    ]
    lines = [
        ", ".join(situations) or words.gettext("no Art. 50 situation applies"),
        transparency.disclosure,
        _labelled(
            words.gettext("machine-readable marking of the output (Art. 50(2))"),
            transparency.marking,
        ),
        *(
            _labelled(
                words.gettext("exception relied on"),
                " - ".join(
                    part
                    for part in (
                        words.label(exception.ground, "transparency-exception"),
                        exception.reasoning,
                    )
                    if part
                ),
            )
            for exception in transparency.exceptions
        ),
    ]
    return [_fact(words.gettext("Transparency (Art. 50)"), lines)]


def _logging(record: AiSystem, words: Words) -> list[Fact]:
    logging = record.logging
    if logging is None:
        return []
    lines = [_labelled(words.gettext("enabled"), words.yesno(logging.enabled))]
    if logging.retention is not None:
        lines.append(_labelled(words.gettext("kept for"), words.duration(logging.retention)))
    return [_fact(words.gettext("Logs (Art. 12, 26(6))"), [*lines, logging.description])]


def _practices(practices: PracticeFacts | None, words: Words) -> list[Fact]:
    if practices is None:
        return []
    techniques = [words.label(t, "ai-technique") for t in practices.techniques]
    settings = [words.label(s, "ai-setting") for s in practices.settings]
    exceptions = [words.gettext(text) for field, text in _EXCEPTIONS if getattr(practices, field)]
    objective = practices.law_enforcement_objective
    lines = [
        _labelled(words.gettext("Techniques"), ", ".join(techniques) or words.gettext("none")),
        _labelled(words.gettext("Settings"), ", ".join(settings) or words.gettext("none")),
        _labelled(words.gettext("Exceptions relied on"), ", ".join(exceptions))
        if exceptions
        else None,
        _labelled(
            words.gettext("Law-enforcement objective"),
            words.label(objective, "law-enforcement-objective"),
        )
        if objective
        else None,
        _labelled(
            words.gettext("Prior authorisation (Art. 5(3))"),
            _authorisation(practices, words),
        ),
        _labelled(
            words.gettext("Urgent use before authorisation (Art. 5(3))"),
            _urgent_use(practices, words),
        ),
        _labelled(words.gettext("National law (Art. 5(5))"), practices.national_law),
        practices.reasoning,
    ]
    return [_fact(words.gettext("Practices (Art. 5(1))"), lines)]


def _authorisation(practices: PracticeFacts, words: Words) -> str | None:
    granted = practices.authorisation
    if granted is None:
        return None
    parts = [granted.authority, words.long_date(granted.granted), granted.reference]
    return ", ".join(p for p in parts if p)


def _urgent_use(practices: PracticeFacts, words: Words) -> str | None:
    urgent = practices.urgent_use
    if urgent is None:
        return None
    parts = [
        words.long_date(urgent.started),
        _labelled(words.gettext("authorisation requested"), _date(words, urgent.requested)),
        _labelled(words.gettext("rejected"), _date(words, urgent.rejected)),
        urgent.justification,
    ]
    return "; ".join(p for p in parts if p)


def _deployer(duties: DeployerDuties | None, words: Words) -> list[Fact]:
    if duties is None:
        return []
    lines = [
        _labelled(words.gettext("Monitoring (Art. 26(5))"), duties.monitoring)
        if duties.monitoring
        else None,
        _labelled(words.gettext("used at the workplace"), words.yesno(duties.used_at_workplace))
        if duties.used_at_workplace is not None
        else None,
        _labelled(
            words.gettext("workers informed (Art. 26(7))"), _date(words, duties.workers_informed)
        )
        if duties.workers_informed
        else None,
        _labelled(
            words.gettext("decides about people (Art. 26(11))"),
            words.yesno(duties.decisions_about_people),
        ),
        _labelled(words.gettext("how they are told"), duties.persons_informed)
        if duties.persons_informed
        else None,
        _registration(duties.eu_database_registration, words),
    ]
    return [_fact(words.gettext("Deployer duties (Art. 26)"), lines)]


def _provider(duties: ProviderDuties | None, words: Words) -> list[Fact]:
    if duties is None:
        return []
    product = duties.annex_i_product
    lines = [
        _labelled(
            words.gettext("quality management system (Art. 17)"), duties.quality_management_system
        ),
        _labelled(
            words.gettext("technical documentation (Art. 11)"), duties.technical_documentation
        ),
        _conformity(duties.conformity_assessment, words),
        _labelled(
            words.gettext("EU declaration of conformity (Art. 47)"),
            _date(words, duties.declaration_of_conformity),
        ),
        _labelled(words.gettext("CE marking (Art. 48)"), words.yesno(duties.ce_marking)),
        _registration(duties.eu_database_registration, words),
        _national(duties.national_registration, words),
        _labelled(
            words.gettext("post-market monitoring plan (Art. 72)"),
            duties.post_market_monitoring_plan,
        ),
    ]
    if product is not None:
        parts = [
            product.legislation,
            words.gettext("Annex I point %(point)s", point=product.annex_i_point),
            _labelled(words.gettext("class"), product.conformity_class),
            _labelled(
                words.gettext("third-party assessment"),
                words.yesno(product.third_party_assessment),
            ),
            _labelled(words.gettext("notified body"), product.notified_body),
        ]
        lines.append(_labelled(words.gettext("Annex I product"), "; ".join(p for p in parts if p)))
    return [_fact(words.gettext("Provider duties (Art. 16)"), lines)]


def _legacy(record: AiSystem, words: Words) -> Fact:
    review = record.legacy_review
    if review is None:
        return _fact("", [])
    return _fact(
        words.gettext("Design changed significantly since 2 August 2026 (Art. 111(2))"),
        [
            words.yesno(review.significant_change),
            _labelled(words.gettext("changed on"), _date(words, review.changed_on)),
            _labelled(words.gettext("reviewed"), _date(words, review.reviewed)),
            _labelled(
                words.gettext("intended to be used by public authorities"),
                words.yesno(record.intended_for_public_authorities),
            )
            if record.intended_for_public_authorities is not None
            else None,
            review.reasoning,
        ],
    )


def _art6_3(record: AiSystem, words: Words) -> Fact:
    """The Art. 6(3) claim's reasoning, and what its provider did about it (Art. 6(4), 49(2));
    the summary rows show only its condition."""
    claim = record.classification.art6_3_exception
    if claim is None:
        return _fact("", [])
    return _fact(
        words.gettext("Not high-risk under Art. 6(3)"),
        [
            claim.reasoning,
            _labelled(
                words.gettext("assessment documented (Art. 6(4))"), _date(words, claim.documented)
            ),
            _registration(claim.eu_database_registration, words),
        ],
    )


def _labelled(label: str, value: str | None) -> str | None:
    return f"{label}: {value}" if value else None


def _conformity(assessment: ConformityAssessment | None, words: Words) -> str | None:
    if assessment is None:
        return None
    parts = [
        words.label(assessment.route, "conformity-route"),
        _date(words, assessment.completed),
        _labelled(words.gettext("notified body"), assessment.notified_body),
        _labelled(words.gettext("certificate"), assessment.certificate),
    ]
    text = "; ".join(p for p in parts if p)
    return _labelled(words.gettext("conformity assessment (Art. 43)"), text)


def _registration(registration: EuDatabaseRegistration | None, words: Words) -> str | None:
    if registration is None:
        return None
    text = words.long_date(registration.registered)
    text += f", {registration.reference}" if registration.reference else ""
    return _labelled(words.gettext("EU database (Art. 49)"), text)


def _national(registration: NationalRegistration | None, words: Words) -> str | None:
    if registration is None:
        return None
    parts = [registration.authority, words.long_date(registration.registered)]
    parts += [registration.reference] if registration.reference else []
    return _labelled(words.gettext("national registration (Art. 49(5))"), ", ".join(parts))


def _fria(record: AiSystem, words: Words) -> Fact:
    """The Art. 27 decision when no FRIA is recorded; a recorded one is an assessment fact."""
    if any(a.type == "fria" for a in record.impact_assessments):
        return _fact("", [])  # the assessment's own fact shows the decision
    return _fact(_capital(words.label(_FRIA, "assessment-type")), [words.gettext("none recorded")])


def _assessment(assessment: ImpactAssessment, words: Words) -> Fact:
    impacts = assessment.impacts
    lines = [
        words.label(assessment.status, "assessment-status"),
        _labelled(words.gettext("reasoning"), assessment.reasoning),
        _labelled(
            words.gettext("impacts on individuals"), impacts.individuals if impacts else None
        ),
        _labelled(words.gettext("impacts on groups"), impacts.groups if impacts else None),
        _labelled(words.gettext("impacts on society"), impacts.society if impacts else None),
        _labelled(words.gettext("consequences"), assessment.consequences),
        _labelled(
            words.gettext("results notified to the market surveillance authority"),
            _date(words, assessment.authority_notified),
        ),
        _labelled(words.gettext("last reviewed"), _date(words, assessment.last_reviewed)),
        _labelled(
            words.gettext("review interval"),
            words.duration(assessment.review_interval) if assessment.review_interval else None,
        ),
    ]
    return _fact(_capital(words.label(assessment.type, "assessment-type")), lines)


def _capital(label: str) -> str:
    """A vocabulary label ("effectbeoordeling ...") as a row heading ("Effectbeoordeling ...")."""
    return label[:1].upper() + label[1:]
