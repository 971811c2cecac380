"""DPIAs as worksheets: one row per assessment, and its risks with likelihood and impact apart."""

from __future__ import annotations

from complykit.reports.dpia import Document, DpiaContext, FearedRow, Screening
from complykit.reports.labels import N_
from complykit.reports.xlsx_book import Book, Cell, Sheet, Words, book, lines

_COLUMNS = (
    N_("DPIA"),
    N_("Status"),
    N_("Processing activities covered"),
    N_("WP248 criteria met"),
    N_("AP list (Dutch DPIA list)"),
    N_("Systematic description of the processing (Art. 35(7)(a))"),
    N_("Necessity and proportionality (Art. 35(7)(b))"),
    N_("Measures to address the risks (Art. 35(7)(d))"),
    N_("Residual risk"),
    N_("Advice of the data protection officer (Art. 35(2))"),
    N_("Views of data subjects (Art. 35(9))"),
    N_("Prior consultation of the supervisory authority (Art. 36)"),
    N_("Approved"),
    N_("Next review"),
    N_("Record id"),
)
_RISK_COLUMNS = (
    N_("DPIA"),
    N_("Risk"),
    N_("Inherent likelihood"),
    N_("Inherent impact"),
    N_("Inherent score"),
    N_("Residual likelihood"),
    N_("Residual impact"),
    N_("Residual score"),
    N_("Record id"),
)

_FEARED_COLUMNS = (
    N_("DPIA"),
    N_("Feared event"),
    N_("Impacts"),
    N_("Threats"),
    N_("Risk sources"),
    N_("Measures"),
    N_("Severity"),
    N_("Likelihood"),
    N_("Record id"),
)


def dpia_book(context: DpiaContext, words: Words) -> Book:
    docs = context["documents"]
    sheets = [
        Sheet(
            words.gettext("DPIAs"),
            tuple(map(words.gettext, _COLUMNS)),
            [_row(words, d) for d in docs],
        ),
        Sheet(
            words.gettext("Risks"),
            tuple(map(words.gettext, _RISK_COLUMNS)),
            [_risk_row(d, r) for d in docs for r in d["risks"]],
        ),
        Sheet(
            words.gettext("Feared events (CNIL PIA method)"),
            tuple(map(words.gettext, _FEARED_COLUMNS)),
            [_feared_row(words, d, f) for d in docs for f in d["feared_events"]],
        ),
    ]
    title = (
        docs[0]["title"] if len(docs) == 1 else words.gettext("Data protection impact assessments")
    )
    return book(words, title, context["header"], sheets)


def _feared_row(words: Words, d: Document, f: FearedRow) -> tuple[Cell, ...]:
    return (
        d["title"],
        words.label(f["event"], "feared-event"),
        f["impacts"],
        f["threats"],
        f["sources"],
        f["measures"],
        words.label(f["severity"], "cnil-level"),
        words.label(f["likelihood"], "cnil-level"),
        d["id"],
    )


def _risk_row(d: Document, r: object) -> tuple[Cell, ...]:
    risk = dict(r)  # type: ignore[call-overload]
    residual = risk["residual"]
    return (
        d["title"],
        risk["title"],
        risk["inherent"]["likelihood"],
        risk["inherent"]["impact"],
        risk["inherent"]["score"],
        residual["likelihood"] if residual else None,
        residual["impact"] if residual else None,
        residual["score"] if residual else None,
        risk["id"],
    )


def _criterion(words: Words, criterion: str, d: Document) -> str:
    label = words.label(criterion, "wp248")
    if criterion == "systematic_monitoring" and any(s["public_area"] for s in d["screenings"]):
        return f"{label}: {words.gettext('of a publicly accessible area (Art. 35(3)(c))')}"
    if criterion == "evaluation_or_scoring" and (screening := _firmest_art35_3_a(d)):
        reach = words.label(screening["art35_3_a"] or "", "art35-3-a")
        reading = screening["decisions_on_score"]
        if reading == "stated":
            return f"{label}: {reach}"
        return f"{label}: {reach}; {words.label(reading or '', 'decisions-inferred')}"
    return label


# Of the activities a DPIA covers, the screening whose Art. 35(3)(a) reading is firmest: one
# cell of the sheet speaks for them all, and marks as inferred only what no screening states.
_FIRMEST = ("applies", "applies-if-systematic", "may-apply", "may-apply-if-systematic")


def _firmest_art35_3_a(d: Document) -> Screening | None:
    reached = [s for s in d["screenings"] if s["art35_3_a"] in _FIRMEST]
    return min(reached, key=lambda s: _FIRMEST.index(s["art35_3_a"] or ""), default=None)


def _row(words: Words, d: Document) -> tuple[Cell, ...]:
    criteria = sorted({c for s in d["screenings"] for c in s["criteria"]})
    ap_items = sorted({i for s in d["screenings"] for i in s["ap_items"]}, key=int)
    measures = [
        f"{m['title']} ({words.label(m['status'], 'status')})" if m["status"] else m["title"]
        for m in d["measures"]
    ]
    if d["measures_description"]:
        measures.append(d["measures_description"])
    advice = d["dpo_advice"]
    views = d["views"]
    prior = d["prior_consultation"]
    return (
        d["title"],
        words.label(d["status"], "dpia-status"),
        lines(d["activities"]),
        lines([_criterion(words, c, d) for c in criteria]),
        lines([words.label(i, "ap-list") for i in ap_items]),
        d["description"],
        d["necessity"],
        lines(measures),
        words.label(d["residual_risk"], "residual-risk") if d["residual_risk"] else None,
        f"{words.long_date(advice.given_on)}: {advice.summary}\n{words.gettext('Followed')}: "
        f"{words.yesno(advice.followed)}"
        if advice
        else None,
        f"{words.gettext('Sought')}: {words.yesno(views.sought)}"
        + "".join(f"\n{t}" for t in (views.summary, views.reason_not_sought) if t)
        if views
        else None,
        f"{words.gettext('Required')}: {words.yesno(prior.required)}" if prior else None,
        f"{d['approved_by']}, {words.long_date(d['approved_on'])}"
        if d["approved_by"] and d["approved_on"]
        else d["approved_by"],
        d["next_review"],
        d["id"],
    )
