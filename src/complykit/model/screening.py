"""The facts a DPIA screening decides on (EDPB/WP248 criteria and the Dutch AP list).

Each flag is one criterion, stated as a fact about the processing, so that rules count criteria
instead of guessing from prose. 'Sensitive data' (criterion 4) is derived from the activity's
data categories and need not be repeated here; ``highly_personal_data`` covers the rest of it.
"""

from typing import Annotated, Literal

from complykit.model.base import StrictModel
from complykit.model.declaring import Field, NonNegativeInt
from complykit.model.empty import EMPTY
from complykit.model.types import IsoDate, NonEmptyStr, Text

VulnerableGroup = Literal[
    "children",
    "patients",
    "employees",
    "applicants",
    "elderly",
    "asylum-seekers",
    "mentally-ill",
    "other",
]


class Scale(StrictModel):
    """The numbers behind 'large scale' (WP248 criterion 5)."""

    data_subjects: NonNegativeInt | None = None
    """Approximate number of people whose data is processed."""
    records: NonNegativeInt | None = None
    """Approximate number of records or data items processed."""
    geographic_extent: Literal["local", "regional", "national", "international"] | None = None
    """How far the processing reaches geographically."""
    large_scale: bool
    """Our judgement, given the numbers above; 'no' beside 100,000 people or more is
    questioned (DPIA014)."""


class LegislativeAssessment(StrictModel):
    """The law that makes a DPIA of our own unnecessary under Art. 35(10)."""

    law: NonEmptyStr
    """The Union or Member State law that the processing rests on under Art. 6(1)(c) or (e)
    and that regulates this processing, e.g. 'Wet basisregistratie personen, art. 3.3'."""
    impact_assessment: NonEmptyStr
    """Where the general impact assessment made when that law was adopted can be found, e.g.
    'Memorie van toelichting, Kamerstukken II 2012/13, 33 219, nr. 3, par. 7'."""


class DpiaScreening(StrictModel):
    """Per-criterion answers (EDPB/WP248 criteria 1-9) for one processing activity."""

    evaluation_or_scoring: bool = False
    """Whether people are evaluated or scored, including profiling and prediction (criterion 1)."""
    automated_decision_legal_effect: bool = False
    """Whether automated decisions have legal or similarly significant effects (criterion 2)."""
    decisions_with_significant_effect: bool | None = None
    """Whether decisions with legal or similarly significant effects on people rest on the
    evaluation or scoring, whoever takes them: a loan officer who decides on a credit score
    takes one. With `evaluation_or_scoring` this is Art. 35(3)(a), which always needs a DPIA,
    where the evaluation is systematic and extensive and based on automated processing,
    including profiling; a person taking the decision does not change that. Left out, it is
    taken to be so when automated decisions with such effects are made
    (`automated_decision_legal_effect`, `automated_decisions.used`) or the processing can
    stop people using a right, a service or a contract (`prevents_exercising_rights`), and
    the findings and the DPIA report say that complykit inferred it. Set `false` only if no
    such decision rests on the evaluation, with the reason in `rationale`: what is stated
    wins. Whether the evaluation is systematic and extensive is
    `systematic_extensive_automated`, not this."""
    systematic_extensive_automated: bool | None = None
    """Whether the evaluation or scoring is systematic and extensive and based on automated
    processing, including profiling: the other half of Art. 35(3)(a). Left out, complykit
    does not decide it, and findings on Art. 35(3)(a) say the DPIA is needed if it is so.
    `true` with `decisions_with_significant_effect` makes Art. 35(3)(a) hold without
    condition; `false`, with the reason in `rationale`, takes the activity out of Art.
    35(3)(a) (the evaluation still counts as WP248 criterion 1)."""
    systematic_monitoring: bool = False
    """Whether people are systematically observed or monitored, e.g. in public (criterion 3)."""
    publicly_accessible_area: bool = False
    """Whether the monitoring covers a place anyone may enter, such as a street, shop, station,
    park or public transport. With `systematic_monitoring` and a large scale this is Art.
    35(3)(c), which always needs a DPIA."""
    highly_personal_data: bool = False
    """Other highly personal data, e.g. financial, location or messages (rest of criterion 4)."""
    scale: Scale | None = None
    """The numbers and the judgement on whether the processing is large scale (criterion 5)."""
    matching_or_combining: bool = False
    """Whether data sets are matched or combined in ways people would not expect (criterion 6)."""
    vulnerable_data_subjects: list[VulnerableGroup] = EMPTY
    """The vulnerable groups among the data subjects, e.g. children or employees (criterion 7)."""
    innovative_technology: bool = False
    """Whether new technology, or a new use of it, is applied, including AI (criterion 8)."""
    prevents_exercising_rights: bool = False
    """Whether it can stop people using a right, a service or a contract (criterion 9)."""
    ap_list_items: list[Annotated[int, Field(ge=1, le=17)]] = EMPTY
    """Items (1-17) of the Dutch AP list of processing that always needs a DPIA."""
    art35_10_basis: LegislativeAssessment | None = None
    """The Art. 35(10) exemption: the processing rests on Art. 6(1)(c) or (e) and a law that
    regulates it, and a data protection impact assessment was already made as part of a
    general impact assessment when that law was adopted; then no DPIA of our own is needed,
    even for processing on the AP list or in Art. 35(3), unless the Member State requires one
    before the processing starts. It counts only when every purpose of the activity rests on
    Art. 6(1)(c) or (e)."""
    conclusion: Literal["dpia-required", "dpia-not-required", "to-decide"] = "to-decide"
    """The outcome of the screening."""
    rationale: Text | None = None
    """Why the screening reached its conclusion, especially if it departs from the count."""
    screened_on: IsoDate | None = None
    """When the screening was done."""
