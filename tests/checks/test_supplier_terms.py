"""SUP011 names each Art. 28(3) commitment by the provision the bundled catalog holds for it."""

from complykit.catalog import load_catalogs
from complykit.facts.processor_terms import ART_28_3, missing_terms, point_of
from complykit.model.supplier import ProcessorTerms, SubProcessing
from complykit.reports.suppliers import SECOND_SUBPARAGRAPH


def test_every_field_of_the_terms_is_judged_in_the_order_of_the_article() -> None:
    assert list(ART_28_3) == list(ProcessorTerms.model_fields)


def test_every_commitment_of_art_28_3_in_the_catalog_has_a_field() -> None:
    gdpr = load_catalogs().framework("gdpr")
    assert gdpr is not None
    required = [item.id for item in gdpr.items if item.parent == "Art. 28(3)"]
    cited = [citation.removeprefix("GDPR ") for citation, _ in ART_28_3.values()]
    assert cited == required


def test_terms_left_out_are_missing_and_terms_written_are_not() -> None:
    terms = ProcessorTerms(documented_instructions="§ 2", audits="§ 8")
    missing = missing_terms(terms)
    assert "documented_instructions" not in missing
    assert "audits" not in missing
    assert missing[0] == "confidentiality"
    assert missing[-1] == "unlawful_instructions"
    assert len(missing) == 7


def test_the_sub_processing_clause_counts_for_point_d() -> None:
    terms = ProcessorTerms(documented_instructions="§ 2")
    assert "sub_processors" in missing_terms(terms)
    assert "sub_processors" in missing_terms(terms, SubProcessing(authorisation="none"))
    with_clause = SubProcessing(authorisation="none", clause="Art. 7: no sub-processors")
    assert "sub_processors" not in missing_terms(terms, with_clause)


def test_the_one_part_named_in_words_is_the_one_the_reports_translate() -> None:
    named = {point_of(field) for field in ART_28_3} - {f"({c})" for c in "abcdefgh"}
    assert named == {SECOND_SUBPARAGRAPH}
