"""Art. 5(1)(a)-(h) decided from what a system does and where, with the article's exceptions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from complykit.facts.ai_act_index import IN_USE, Gap, catalog, start_of, systems
from complykit.load.positions import Loc
from complykit.model.ai_practices import PracticeFacts, Technique
from complykit.model.ai_system import AiSystem
from complykit.workspace.repository import Repository

_SPACE_FOR_H = frozenset({"law-enforcement", "publicly-accessible-spaces"})

# Each point: the technique that may fall under it, and whether its conditions are met and no
# exception of the article's own applies on the ``--as-of`` day (point h's urgent use depends on
# it: see ``_authorisation_lacks``).
_POINTS: dict[str, tuple[Technique, Callable[[PracticeFacts, date], bool]]] = {
    "a": ("manipulative-techniques", lambda f, _: not f.no_significant_harm),
    "b": ("exploits-vulnerabilities", lambda f, _: not f.no_significant_harm),
    "c": ("social-scoring", lambda f, _: not f.no_detrimental_treatment),
    "d": ("offence-prediction", lambda f, _: not f.supports_human_assessment),
    "e": ("untargeted-facial-scraping", lambda _, __: True),
    "f": (
        "emotion-recognition",
        lambda f, _: (
            bool({"workplace", "education"} & set(f.settings)) and not f.medical_or_safety_purpose
        ),
    ),
    "g": ("biometric-categorisation", lambda f, _: not f.lawful_dataset_labelling),
    "h": (
        "real-time-remote-biometric-identification",
        lambda f, as_of: set(f.settings) >= _SPACE_FOR_H and bool(_missing_for_h(f, as_of)),
    ),
}


def _missing_for_h(facts: PracticeFacts, as_of: date) -> list[str]:
    """What point h's exception still lacks: a listed objective, the prior authorisation
    (Art. 5(3)) and the national law that allows the use (Art. 5(5)). Without all three the
    prohibition stands."""
    missing = []
    if facts.law_enforcement_objective is None:
        missing.append("no listed `law_enforcement_objective`")
    authorisation = _authorisation_lacks(facts, as_of)
    if authorisation is not None:
        missing.append(authorisation)
    if facts.national_law is None:
        missing.append("no `national_law` that allows the use (Art. 5(5))")
    return missing


def _authorisation_lacks(facts: PracticeFacts, as_of: date) -> str | None:
    """What the authorisation of Art. 5(3) lacks on ``as_of``: none granted and no urgent use
    pending, or an urgent use whose authorisation was asked for too late, was never asked for
    once the 24 hours ran out, or was rejected.

    An urgent use stands in for the authorisation while its 24 hours may still run and, once
    requested in time, until the authority decides. The record holds days, not hours, so
    complykit reads by day and gives the benefit of the doubt: a request on the day the use
    began or on the next day is in time (it may be up to 48 hours late, which only the times
    kept in ``justification`` can show), and a use with no request is still pending on those
    two days (``urgent_request_due``). Only a request, or its absence, on a later day is
    certainly beyond the 24 hours."""
    if facts.authorisation is not None:
        return None
    urgent = facts.urgent_use
    if urgent is None:
        return (
            "no prior `authorisation` by a judicial or independent administrative authority "
            "(Art. 5(3))"
        )
    if urgent.rejected is not None:
        return (
            f"an urgent use whose authorisation was rejected on {urgent.rejected.isoformat()}, "
            "so the use must stop at once and its data, results and outputs be deleted "
            "(Art. 5(3))"
        )
    last_day = urgent.started + _ONE_DAY
    if urgent.requested is None and as_of > last_day:
        return (
            f"an urgent use begun on {urgent.started.isoformat()} whose authorisation was not "
            f"requested within 24 hours: no request is recorded, and by day the 24 hours ran "
            f"out on {last_day.isoformat()} at the latest (Art. 5(3))"
        )
    if urgent.requested is not None and urgent.requested > last_day:
        return (
            f"an urgent use begun on {urgent.started.isoformat()} whose authorisation was not "
            f"requested within 24 hours: it was requested on {urgent.requested.isoformat()}, "
            "more than a day later (Art. 5(3))"
        )
    return None


def urgent_request_due(facts: PracticeFacts | None, as_of: date) -> tuple[date, date] | None:
    """The day a pending urgent use began and the last day on which its authorisation may
    still be requested, when none is granted, requested or rejected and, read by day, the 24
    hours of Art. 5(3) may still run on ``as_of``: the day the use began and the next. None
    otherwise (AIA001 judges the rest)."""
    if facts is None or facts.authorisation is not None or facts.urgent_use is None:
        return None
    urgent = facts.urgent_use
    if urgent.requested is not None or urgent.rejected is not None:
        return None
    last_day = urgent.started + _ONE_DAY
    return (urgent.started, last_day) if as_of <= last_day else None


_ONE_DAY = timedelta(days=1)


def prohibited_points(facts: PracticeFacts | None, as_of: date) -> list[str]:
    """The Art. 5(1) points the recorded facts fall under on ``as_of``, in the article's order."""
    if facts is None:
        return []
    return [
        point
        for point, (technique, applies) in _POINTS.items()
        if technique in facts.techniques and applies(facts, as_of)
    ]


def recorded_points(facts: PracticeFacts | None) -> list[str]:
    """The Art. 5(1) points whose conduct the recorded techniques name, whether or not the
    point's conditions are met and its exceptions left out: the points a finding that the
    system is not prohibited after all is about."""
    if facts is None:
        return []
    return [point for point, (technique, _) in _POINTS.items() if technique in facts.techniques]


# Annex III point 1 (biometrics): the technique that makes a system high-risk under Art. 6(2)
# when no point of Art. 5(1) prohibits it (Annex III has none of Art. 5's exceptions).
_ANNEX_III_1: dict[str, Technique] = {
    "a": "real-time-remote-biometric-identification",
    "b": "biometric-categorisation",
    "c": "emotion-recognition",
}


def annex_iii_biometric_points(facts: PracticeFacts | None) -> list[str]:
    """The points of Annex III area 1 the recorded techniques fall under, in its order.

    ``medical_or_safety_purpose`` leaves emotion recognition in point 1(c): the medical or
    safety exception is Art. 5(1)(f)'s alone, and Annex III has none. A system that detects
    physical states such as fatigue or pain does not recognise emotions (recital 18) and
    should not record ``emotion-recognition`` at all."""
    if facts is None:
        return []
    return [point for point, technique in _ANNEX_III_1.items() if technique in facts.techniques]


def practice_title(repo: Repository, point: str) -> str:
    """``Art. 5(1)(f) (emotion recognition at work or school)``, with the catalog's title."""
    found = catalog(repo)
    item = found.item(f"Art. 5(1)({point})") if found else None
    title = f" ({item.title.lower()})" if item else ""
    return f"Art. 5(1)({point}){title}"


BIOMETRIC_EMOTIONS = (
    "`emotion-recognition` means inferring emotions or intentions from biometric data such as "
    "face, voice or gait; sentiment analysis of text is not"
)
"""Said with an Art. 5(1)(f) or Annex III(1)(c) finding drawn from ``practices``: the AI Act's
emotion recognition works on biometric data, and text sentiment recorded as such is a false
alarm."""


def prohibited_gaps(repo: Repository) -> Iterator[Gap]:
    """Systems not retired that are, may be or are classified as a prohibited practice; the
    message says whether the system is in use (``IN_USE``) or still before that."""
    for entry, system in systems(repo):
        if system.lifecycle == "retired":
            continue
        for loc, point, verdict in _reasons(system, repo.as_of):
            item = f"Art. 5(1)({point})" if point else "Art. 5(1)"
            what = practice_title(repo, point) if point else item
            if system.lifecycle in IN_USE:
                stage = f", yet its life cycle is '{system.lifecycle}', not retired"
            else:
                stage = (
                    f"; at life cycle '{system.lifecycle}' it must not be placed on the market, "
                    "put into service or used"
                )
            if point == "f" and loc[0] == "practices":
                stage += f" ({BIOMETRIC_EMOTIONS})"
            citation: tuple[str, ...] = (f"AI Act {item}",)
            if point == "h" and loc[0] == "practices" and system.practices is not None:
                stage += _h_exception_lacks(system.practices, repo.as_of)
                citation += _h_safeguards(system.practices, repo.as_of)
            yield Gap(
                entry,
                loc,
                f"'{system.name}' {verdict} a prohibited AI practice under {what}{stage}",
                citation,
                start_of(repo, [item]),
            )


def _h_safeguards(facts: PracticeFacts, as_of: date) -> tuple[str, ...]:
    """The safeguards of point h's exception the record lacks, when it names an objective.
    complykit's reference records them only within the point's summary, so the messages say
    their paragraph numbers are unverified."""
    if facts.law_enforcement_objective is None:
        return ()
    needs = (
        ("AI Act Art. 5(3)", _authorisation_lacks(facts, as_of) is None),
        ("AI Act Art. 5(5)", facts.national_law is not None),
    )
    return tuple(citation for citation, met in needs if not met)


def _h_exception_lacks(facts: PracticeFacts, as_of: date) -> str:
    """What the record lacks for point h's exception, when it names an objective: the
    objective alone lifts no prohibition."""
    if facts.law_enforcement_objective is None:
        return ""
    lacks = _missing_for_h(facts, as_of)
    return (
        f"; its objective ({facts.law_enforcement_objective}) alone is no exception, and it "
        f"records {' and '.join(lacks)} (paragraph numbers unverified in complykit's "
        "reference)"
    )


def _reasons(system: AiSystem, as_of: date) -> Iterator[tuple[Loc, str, str]]:
    """Where and why: from the facts first, then a suspicion or the declared class.

    The declared class counts unless the recorded techniques name a point's conduct. Where
    they do and the point does not catch them (point f's safety exception, say), the facts
    decide: AIA013 reports the class as wrong, and telling the user to stop a system the facts
    allow would be advice against the law's own exception (a crane's panic stop switched off).
    Practices that name no point's technique (only a setting, say) clear nothing: they leave
    the owner's own "prohibited" standing, and with it "stop using"."""
    facts = system.practices
    from_facts = prohibited_points(facts, as_of)
    if facts is not None:  # points come only from facts; this tells the type checker so
        for point in from_facts:
            index = facts.techniques.index(_POINTS[point][0])
            yield ("practices", "techniques", index), point, "is, from its recorded practices,"
    basis = system.classification
    suspected = basis.suspected_art5_practice
    if suspected is not None and suspected not in from_facts:
        yield ("classification", "suspected_art5_practice"), suspected, "may be"
    elif not recorded_points(facts) and suspected is None and basis.risk_class == "prohibited":
        yield ("classification", "risk_class"), "", "is classified as"
