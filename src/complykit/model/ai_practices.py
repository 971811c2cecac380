"""What an AI system does and where: the facts AI Act Art. 5(1)(a)-(h) is decided from.

Each technique names conduct from one point of Art. 5(1); the settings and the flags below
carry the conditions and exceptions the article itself makes, so that a rule, not the record's
author, concludes whether a practice is prohibited.
"""

from typing import Literal

from complykit.model.base import StrictModel
from complykit.model.declaring import Field
from complykit.model.empty import EMPTY
from complykit.model.types import IsoDate, NonEmptyStr, Text

Technique = Literal[
    "manipulative-techniques",
    "exploits-vulnerabilities",
    "social-scoring",
    "offence-prediction",
    "untargeted-facial-scraping",
    "emotion-recognition",
    "biometric-categorisation",
    "real-time-remote-biometric-identification",
]
Setting = Literal[
    "workplace",
    "education",
    "law-enforcement",
    "publicly-accessible-spaces",
]
LawEnforcementObjective = Literal["victim-search", "imminent-threat", "suspect-location"]


class RbiAuthorisation(StrictModel):
    """The prior authorisation of real-time remote biometric identification for law enforcement
    in publicly accessible spaces (Art. 5(3))."""

    authority: NonEmptyStr
    """The authority that granted it: a judicial authority, or an independent administrative
    authority whose decision binds, of the Member State where the system is used."""
    granted: IsoDate
    """When it was granted. It precedes the use; only in a duly justified urgency may the use
    start first, and then the authorisation is asked for within 24 hours (see `urgent_use`)."""
    reference: NonEmptyStr | None = None
    """The decision's number or file reference."""


class UrgentRbiUse(StrictModel):
    """A use of real-time remote biometric identification begun without the prior
    authorisation, in a duly justified situation of urgency (Art. 5(3), second sentence)."""

    started: IsoDate
    """When the use began without authorisation."""
    justification: Text = Field(description="Why the urgency was duly justified.")
    requested: IsoDate | None = None
    """When the authorisation was requested: without undue delay, at the latest within 24
    hours. complykit reads days, not hours: a request on the day the use began or the next day
    passes, and with no request yet the use counts as pending on those two days (AIA033 says
    the request is due) and as prohibited from the day after (AIA001). Keep the times in
    `justification` to show the 24 hours were kept."""
    rejected: IsoDate | None = None
    """When the authorisation was rejected, if it was: the use must then stop at once and its
    data, results and outputs be discarded and deleted. Once granted, record it as
    `authorisation` instead."""


class PracticeFacts(StrictModel):
    """What the system does and where it is used, as AI Act Art. 5(1) asks (`practices`)."""

    techniques: list[Technique] = EMPTY
    """What the system does, each tied to one point of Art. 5(1): `manipulative-techniques`
    (subliminal, purposefully manipulative or deceptive techniques, point a),
    `exploits-vulnerabilities` (of age, disability or a social or economic situation, b),
    `social-scoring` (evaluates or classifies people over time by social behaviour or personal
    traits, c), `offence-prediction` (assesses the risk that a person commits a criminal offence,
    d), `untargeted-facial-scraping` (builds or expands facial recognition databases from the
    internet or CCTV, e), `emotion-recognition` (infers people's emotions or intentions from
    their biometric data, such as face, voice, gait or keystrokes, f; the AI Act's definition
    of an emotion recognition system requires biometric data, so sentiment analysis of written
    text is not emotion recognition), `biometric-categorisation` (deduces race, political
    opinions, trade union membership, beliefs, sex life or sexual orientation from biometric
    data, g), `real-time-remote-biometric-identification` (h)."""
    settings: list[Setting] = EMPTY
    """Where the system is used: `workplace`, `education` (point f), `law-enforcement` and
    `publicly-accessible-spaces` (point h)."""
    no_significant_harm: bool = False
    """Points a and b: the techniques neither materially distort people's behaviour nor cause,
    or are reasonably likely to cause, significant harm. Explain it in `reasoning`."""
    no_detrimental_treatment: bool = False
    """Point c: the score never leads to detrimental treatment in unrelated contexts, nor to
    treatment that is unjustified or disproportionate to the behaviour."""
    supports_human_assessment: bool = False
    """Point d: the system only supports a human assessment of a person's involvement in a
    criminal activity that already rests on objective, verifiable facts linked to it, and does
    not predict from profiling or personality traits alone."""
    medical_or_safety_purpose: bool = False
    """Point f: emotions are inferred for medical or safety reasons; the article's own
    exception to the prohibition at work or school. It is no exception to Annex III point
    1(c): such a system stays high-risk emotion recognition unless Art. 6(3) applies. Physical
    states such as fatigue or pain are not emotions: do not record them as
    `emotion-recognition`."""
    lawful_dataset_labelling: bool = False
    """Point g: the categorisation only labels or filters lawfully acquired biometric datasets,
    or categorises biometric data in the area of law enforcement."""
    law_enforcement_objective: LawEnforcementObjective | None = None
    """Point h: the objective the real-time identification is strictly necessary for:
    `victim-search` (i: victims of abduction, trafficking or sexual exploitation, missing
    persons), `imminent-threat` (ii: to life or physical safety, or a terrorist attack) or
    `suspect-location` (iii: a suspect of an Annex II offence punishable by at least four
    years). The objective alone lifts no prohibition: the use also needs the prior
    `authorisation` (Art. 5(3)) and a `national_law` that allows it (Art. 5(5)); the other
    safeguards of Art. 5(2)-(7) apply as well."""
    authorisation: RbiAuthorisation | None = None
    """Point h: the prior authorisation by a judicial or independent administrative authority
    for the real-time identification (Art. 5(3))."""
    urgent_use: UrgentRbiUse | None = None
    """Point h: a use begun before the authorisation in a duly justified urgency, with its
    request (Art. 5(3)). While the authorisation is requested in time and not rejected it
    stands in for `authorisation`; once granted, record that."""
    national_law: NonEmptyStr | None = None
    """Point h: the national law of the Member State that allows real-time remote biometric
    identification for law enforcement and lays down its detailed rules (Art. 5(5)); where a
    Member State has made no such law, the use is not allowed there at all."""
    reasoning: Text | None = Field(
        default=None,
        description="Why the facts are as recorded, and why an exception applies if one is used.",
    )
