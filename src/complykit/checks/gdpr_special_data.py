"""GDPR043: data categories whose names say they hold special-category or criminal-offence
data, but that are not marked as such, so that GDPR013 and GDPR016 never ask for their grounds."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import controller_activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import SpecialCategory
from complykit.model.processing import DataCategory
from complykit.model.wording.special_data import criminal_reading, special_category
from complykit.workspace.repository import Repository


@check(
    code="GDPR043",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="special-data-unmarked",
    severity=Severity.WARNING,
    citation=("GDPR Art. 9(1)", "GDPR Art. 10"),
    hint="If it is such data, mark the category: `special_category` with its `art9_condition`, "
    "or `criminal_offence_data: true` with its `art10_basis`. If it is not, rename it to say "
    "what it holds, or set this finding aside with a waiver.",
)
def special_data_unmarked(repo: Repository) -> Iterator[Problem]:
    """A data category whose name clearly names special-category or criminal-offence data is
    not marked as such.

    Special categories may be processed only under an Art. 9(2) condition (Art. 9(1)), and
    criminal-offence data only under official authority or a law that allows it (Art. 10);
    complykit asks for the condition (GDPR013) or the basis (GDPR016) only of a category
    marked ``special_category`` or ``criminal_offence_data``. A category named after such
    data ("Medical diagnosis", "Ziekmeldingen", "Strafbeschikking", "Fingerprint for time
    clock") but not marked is asked for neither. Names are read with the word lists the
    register import uses, in Dutch, English, French and German. Left alone are names that deny
    such data just before naming it ("geen medische gegevens"), that name several special
    categories at once, or that only come near them: "Health and safety training records", a
    health or medical insurance ("Ziektekostenverzekering", "Assurance maladie"), a medical
    device, a restriction of processing (Art. 18), school absence ("Schoolverzuim",
    "verzuimmeldingen leerlingen"), a health check of servers, "Geloofwaardigheidstoets",
    "Politieke ambtsdragers", the Ministry of Justice, a device fingerprint, the request for a
    VOG. A practitioner named first ("Medisch specialist (naam behandelaar)") is read as the
    carer: in a patient register the link to a practitioner can reveal health, which the name
    does not tell, so mark such a category yourself. A VOG or the status of a criminal record
    check holds criminal-offence data only if it records a refusal, convictions or judicial
    data, so for those names the finding asks rather than states. A category that already
    gives an ``art9_condition`` or ``art10_basis`` is left alone.

    PASS: ``{name: Medical diagnosis, special_category: health, art9_condition: h}``, or
    ``{name: Verzoeken tot beperking van de verwerking}``.
    FAIL: ``{name: Medical diagnosis and medication}``, ``{name: Ziekmeldingen}``, or
    ``{name: Weigering VOG}``.
    """
    for entry, activity in controller_activities(repo):
        for index, category in enumerate(activity.personal_data):
            # The marks first: a marked category's name need not be read.
            named = special_category(category.name) if _unmarked_special(category) else None
            reading = criminal_reading(category.name) if _unmarked_criminal(category) else None
            if named is None and reading is None:
                continue
            where = ("personal_data", index, "name")
            said = f"'{activity.name}' lists '{category.name}'"
            if named is not None:
                yield Problem(entry, where, _special_message(said, named),
                              hint=_special_hint(named), citation=("GDPR Art. 9(1)",))  # fmt: skip
            if reading is not None:
                yield Problem(entry, where, _criminal_message(said, reading),
                              hint=_criminal_hint(reading), citation=("GDPR Art. 10",))  # fmt: skip


def _special_message(said: str, named: SpecialCategory) -> str:
    return (
        f"{said}, which looks like {named} data (Art. 9(1)), but does not mark it "
        f"`special_category: {named}`, so no Art. 9(2) condition is asked for"
    )


def _special_hint(named: SpecialCategory) -> str:
    return (
        f"If it is such data, mark the category `special_category: {named}` with its "
        f"`art9_condition`. {_IF_NOT}"
    )


_IF_NOT = (
    "If it is not, rename it to say what it holds, or set this finding aside with a waiver "
    "(`kind: waiver`, `code: GDPR043`, the record and the reason)."
)


def _criminal_message(said: str, reading: str) -> str:
    if reading == "named":
        return (
            f"{said}, which looks like criminal-offence data (Art. 10), but does not mark it "
            "`criminal_offence_data: true`, so no official authority or law that allows it is "
            "asked for"
        )
    return (
        f"{said}, which is not marked `criminal_offence_data: true`: if it records convictions, "
        "a refusal or judicial data, it is criminal-offence data (Art. 10), and no official "
        "authority or law that allows it is asked for"
    )


def _criminal_hint(reading: str) -> str:
    marking = "mark the category `criminal_offence_data: true` with its `art10_basis`."
    if reading == "named":
        return f"If it is such data, {marking} {_IF_NOT}"
    return (
        f"If it records convictions, a refusal or the judicial data behind them, {marking} If it "
        "records only that a certificate was issued or a check was cleared, set this finding "
        "aside with a waiver (`kind: waiver`, `code: GDPR043`, the record and the reason)."
    )


def _unmarked_special(category: DataCategory) -> bool:
    return category.special_category is None and category.art9_condition is None


def _unmarked_criminal(category: DataCategory) -> bool:
    return not category.criminal_offence_data and category.art10_basis is None
