"""INC: whether a breach record holds up: a risk rating that the facts make implausible, and
the facts, effects and measures that the notification and the breach register must hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import (
    Clock,
    at,
    breaches,
    clock_of,
    duration,
    end_of,
    term_stands,
)
from complykit.facts.problem import Problem
from complykit.model.incident import Breach, Incident
from complykit.model.wording.countries import folded
from complykit.workspace.repository import Repository

# From this many people, a confidentiality breach rated as posing no risk at all asks for a
# second look: the more people, the likelier that some are harmed (phishing, fraud, distress).
# complykit's choice of number, not the law's.
MANY = 1000


@check(
    code="INC020",
    reads=("incident",),
    per_record=True,
    name="breach-risk-implausibly-none",
    severity=Severity.WARNING,
    citation=("GDPR Art. 33(1)", "GDPR Art. 34"),
    hint="Assess the risk again: what could the recipient do with the data, how sensitive is "
    "it, how many people are affected? If the breach is likely to result in a risk, rate it "
    "`risk` or `high-risk` and notify. If it is unlikely to because the recipient is bound to "
    "confidentiality and confirmed it deleted the data unused, record that in "
    "`breach.recipient_assurance`.",
)
def breach_risk_implausibly_none(repo: Repository) -> Iterator[Problem]:
    """As controller, a confidentiality breach of special-category data, or of data about
    1,000 people or more, is rated as posing no risk and not notified.

    Only a breach unlikely to result in a risk may go unreported (Art. 33(1)). Special
    categories of data (Art. 9(1)) in the wrong hands are likely to harm the people, however
    few they are, and often enough that they must hear of it (Art. 34); the EDPB's breach
    guidance says as much, but it is not among complykit's checked reference facts, so take
    that as unverified. With many people affected, "no risk at all" is rarely right either;
    1,000 people is complykit's own threshold for a second look, not a number in the law.
    This is a plausibility warning, not a verdict. It is answered by facts, not by a count
    or a reasoning alone: data that was unintelligible to the recipient
    (``data_subjects.exemption: a``, e.g. encrypted), or a recipient bound to confidentiality
    that confirmed it deleted the data unused (``recipient_assurance``).

    PASS: ``special_categories: true`` and ``risk_to_individuals: high-risk``; or
    ``risk_to_individuals: none`` for an encrypted laptop with ``exemption: a``; or for one
    misdirected referral letter whose recipient, bound by medical secrecy, confirmed it
    deleted it unopened (``recipient_assurance``).
    FAIL: ``nature: [confidentiality]``, ``special_categories: true``,
    ``approximate_data_subjects: 5``, ``risk_to_individuals: none`` and ``authority:
    {required: false}``, whatever ``risk_reasoning`` says.
    """
    for entry, _, breach in breaches(repo, "controller"):
        if not _implausible(breach):
            continue
        count = breach.approximate_data_subjects
        citation: tuple[str, ...] = ()
        if breach.special_categories:
            what = "of special categories of personal data (Art. 9(1))"
            if count is not None:
                what += f" about {count:,} people"
        else:
            citation = ("GDPR Art. 33(1)",)
            what = (
                f"affecting about {count:,} people (from {MANY:,} people complykit asks for a "
                "second look; the number is its own, not the law's)"
            )
        yield Problem(
            entry,
            ("breach", "risk_to_individuals"),
            f"a confidentiality breach {what} is rated as posing no risk to people and is not "
            "notified; data like this in the wrong hands nearly always poses a risk, often a "
            "high one",
            citation=citation,
        )


def _implausible(breach: Breach) -> bool:
    authority, people = breach.authority, breach.data_subjects
    count = breach.approximate_data_subjects
    return (
        breach.risk_to_individuals == "none"
        and "confidentiality" in breach.nature
        and not (authority and authority.notified_at)
        and not (people and people.exemption == "a")
        and breach.recipient_assurance is None
        and ((count or 0) >= MANY or breach.special_categories)
    )


@check(
    code="INC025",
    reads=("incident",),
    per_record=True,
    name="breach-loss-unrestored-rated-none",
    severity=Severity.WARNING,
    citation=("GDPR Art. 33(1)",),
    hint="Assess the risk again: how long were the people without their data, and what did "
    "that cost them (delayed payments, care, service)? If the breach is likely to result in a "
    "risk, rate it `risk` or `high-risk` and notify. If the data was back, record when in "
    "`breach.restored_at`; if only a copy was lost and the data stayed in use elsewhere, "
    "record where in `breach.still_available`. If it is unlikely to result in a risk all the "
    "same, say why in `risk_reasoning` and set this finding aside with a waiver that says so.",
)
def breach_loss_unrestored_rated_none(repo: Repository) -> Iterator[Problem]:
    """As controller, personal data lost or made unavailable is rated as posing no risk and not
    notified, though the record shows neither that it stayed in use elsewhere nor that it was
    available again within 72 hours of becoming aware.

    Only a breach unlikely to result in a risk may go unreported (Art. 33(1)), and for a loss
    of availability how long the people are without their data weighs in that: complykit asks
    about it, it does not decide it. complykit reads the EDPB's examples as holding a
    ransomware attack whose data was restored from a backup within a few hours unlikely to
    result in a risk (Guidelines 01/2021, case 1), and the same attack without a proper backup
    notifiable (case 2). The 72 hours are the notification term of Art. 33(1), borrowed as
    complykit's own mark for asking, not a risk threshold in the law; those guidelines are not
    among complykit's checked reference facts, so take that reading as unverified.

    It is answered by ``breach.restored_at`` within the 72 hours, by notifying, or, when
    nothing had to be restored, by ``breach.still_available``: only a copy was lost and the
    data stayed in use elsewhere without interruption (the CRM still held it). A backup the
    data had to be restored from is no such place: until the restore the people were without
    it. So ``restored_at``, when recorded, is judged whatever ``still_available`` says, and a
    ``still_available`` that names a backup does not answer. A ``restored_at`` before the
    incident occurred (``occurred_at``) is impossible (INC002) and shows nothing. Without
    ``restored_at`` it waits, as INC006 does, until the 72 hours have passed or run out on the
    ``--as-of`` day ("now" is the end of that day in UTC), and then says when they run out.

    PASS: ``nature: [availability]``, ``risk_to_individuals: none`` and ``restored_at`` four
    hours after ``aware_at``; or ``still_available: in the CRM`` for a lost USB stick holding a
    copy; or no ``restored_at`` while the 72 hours still run after the ``--as-of`` day; or the
    authority notified.
    FAIL: ``nature: [availability]``, ``risk_to_individuals: none``, ``authority: {required:
    false}`` and no ``restored_at`` more than 72 hours after ``aware_at``, or a
    ``restored_at`` five days after ``aware_at`` (also with ``still_available: in the offsite
    backup``), or ``still_available: in the offsite backup`` and no ``restored_at``, or a
    ``restored_at`` before ``occurred_at``.
    """
    for entry, incident, breach in breaches(repo, "controller"):
        authority = breach.authority
        if (
            breach.risk_to_individuals != "none"
            or "availability" not in breach.nature
            or (authority and authority.notified_at)
        ):
            continue
        said = _not_shown_back(incident, breach, repo)
        if said is None:
            continue
        yield Problem(
            entry,
            ("breach", "risk_to_individuals"),
            "personal data was lost or made unavailable, and the breach is rated as posing no "
            f"risk to people and is not notified, but {said}. Is it unlikely to result in a "
            "risk all the same? complykit asks because how long the people were without their "
            "data weighs in that (Art. 33(1)). The 72 hours are Art. 33(1)'s term for "
            "notifying, complykit's mark for asking, not a risk threshold in the law; in "
            "complykit's own reading of the EDPB's examples (not verified), ransomware whose "
            "data was restored from a backup within hours was unlikely to result in a risk, "
            f"and without a proper backup notifiable{clock_of(incident).note}",
        )


# A backup is where data is restored from, not where it stays in use: "in the offsite backup",
# "op de back-up", "reservekopie", "sauvegarde".
_BACKUP = re.compile(r"\b(?:back ?ups?|reservekopie(?:en)?|sauvegardes?|datensicherung)\b")


def _not_shown_back(incident: Incident, breach: Breach, repo: Repository) -> str | None:
    """What the record shows of the data coming back, or None when it was back within the 72
    hours, stayed in use elsewhere, or the 72 hours still run after the ``--as-of`` day and it
    may yet be."""
    clock, restored = clock_of(incident), breach.restored_at
    if restored is not None:
        return _restored_late(incident, clock, restored, breach.still_available)
    kept = breach.still_available
    if kept is not None and not _BACKUP.search(folded(kept)):
        return None
    if clock.deadline >= end_of(repo):
        return None
    if kept is not None:
        unshown = (
            f"`still_available` ('{kept}') names a backup: data that must first be restored "
            "from one did not stay available, and the record does not show it available again "
            "(no `restored_at`)"
        )
    else:
        unshown = (
            "the record does not show the data available again (no `restored_at`, no "
            "`still_available`)"
        )
    return term_stands(
        f"the 72 hours {clock.since}",
        clock.deadline,
        repo.as_of,
        lead=f"{unshown}, and ",
        passed=f"{unshown} within the 72 hours {clock.since}",
    )


def _restored_late(
    incident: Incident, clock: Clock, restored: datetime, kept: str | None
) -> str | None:
    """What a ``restored_at`` shows when it does not show the data back in time: later than the
    72 hours, or before the incident occurred (impossible, so no answer)."""
    occurred = incident.occurred_at
    if occurred is not None and restored < occurred:
        return (
            f"its `restored_at` ({at(restored)}) is before the incident occurred "
            f"({at(occurred)}), so the record does not show when the data was back"
        )
    if restored <= clock.deadline:
        return None
    said = (
        f"the data was available again only at {at(restored)}, "
        f"{duration(restored - clock.start)} {clock.since}"
    )
    if occurred is not None:
        said += f" ({duration(restored - occurred)} after it occurred at {at(occurred)})"
    if kept is not None:
        said += (
            f"; `still_available` ('{kept}') does not answer this: data that had to be "
            "restored was not available until then"
        )
    return said


@check(
    code="INC021",
    reads=("incident",),
    per_record=True,
    name="breach-documentation-thin",
    severity=Severity.WARNING,
    citation=("GDPR Art. 33(3)", "GDPR Art. 33(5)"),
    hint="Record `breach.data_categories`, `breach.approximate_data_subjects` (an estimate is "
    "fine), `breach.likely_consequences` and the incident's `actions`; what is not known yet "
    "may follow in phases (Art. 33(4)).",
)
def breach_documentation_thin(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach record lacks facts that the notification or the breach register
    must hold.

    A breach notified to the authority must describe the categories of personal data and the
    approximate number of people concerned (Art. 33(3)(a)), the likely consequences (point
    (c)) and the measures taken or proposed (point (d)). Every breach, notified or not, is
    documented with its facts, its effects and the remedial action taken (Art. 33(5)); for a
    breach not notified, the effects are taken as given by ``risk_reasoning``, so only the
    data, the number of people and the actions are asked for.

    PASS: ``data_categories``, ``approximate_data_subjects``, ``likely_consequences`` and
    ``actions`` recorded.
    FAIL: ``authority: {required: true, notified_at: ...}`` and no ``data_categories``,
    ``approximate_data_subjects``, ``likely_consequences`` or ``actions``.
    """
    for entry, incident, breach in breaches(repo, "controller"):
        notified = breach.authority is not None and breach.authority.required
        missing = _missing(incident, breach, notified=notified)
        if not missing:
            continue
        names = [name for name, _ in missing]
        listed = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
        if notified:
            citation = tuple(dict.fromkeys(f"GDPR Art. 33(3)({point})" for _, point in missing))
            why = "which the notification to the authority must describe (Art. 33(3))"
        else:
            citation = ("GDPR Art. 33(5)",)
            why = "which the breach register must document for every breach (Art. 33(5))"
        yield Problem(
            entry,
            ("breach",),
            f"the breach record does not give {listed}, {why}",
            citation=citation,
            at_key=True,
        )


def _missing(incident: Incident, breach: Breach, *, notified: bool) -> list[tuple[str, str]]:
    """What is missing, each with its point of Art. 33(3)."""
    missing = []
    if not breach.data_categories:
        missing.append(("the categories of personal data", "a"))
    if breach.approximate_data_subjects is None:
        missing.append(("the approximate number of people affected", "a"))
    if notified and breach.likely_consequences is None:
        missing.append(("the likely consequences", "c"))
    if not incident.actions:
        missing.append(("the measures taken or proposed", "d"))
    return missing
