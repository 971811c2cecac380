"""The supplier register as worksheets; the public variant is the sub-processor list only."""

from __future__ import annotations

from complykit.reports.labels import N_
from complykit.reports.suppliers import Place, SubProcessorRow, SupplierRow, SuppliersContext
from complykit.reports.xlsx_book import Book, Cell, Sheet, Words, book, lines

_COLUMNS = (
    N_("Supplier"),
    N_("Role (GDPR)"),
    N_("Services"),
    N_("Established in"),
    N_("Criticality"),
    N_("Data processing agreement (Art. 28(3))"),
    N_("Version"),
    N_("Commitments required by Art. 28(3)"),
    N_("Locations and transfer tool"),
    N_("Sub-processors"),
    N_("Sub-processor of"),
    N_("Breach notice term (Art. 33(2))"),
    N_("Use of our data to train AI"),
    N_("Certifications"),
    N_("Contract end"),
    N_("Processing activities"),
    N_("Owner"),
    N_("Next review"),
    N_("Record id"),
)
_PUBLIC_COLUMNS = (N_("Sub-processor"), N_("Purpose"), N_("Location"), N_("Transfer tool"))


def suppliers_book(context: SuppliersContext, words: Words) -> Book:
    if context["audience"] == "public":
        sheet = Sheet(
            words.gettext("Sub-processors"),
            tuple(map(words.gettext, _PUBLIC_COLUMNS)),
            [row for s in context["sub_processors"] for row in _public_rows(words, s)],
        )
        return book(words, words.gettext("Sub-processors"), context["header"], [sheet])
    columns = tuple(map(words.gettext, _COLUMNS))
    sheets = [
        Sheet(
            words.gettext("Processors"),
            columns,
            [_row(words, s) for s in context["processors"]],
        ),
        Sheet(
            words.gettext("Other suppliers"), columns, [_row(words, s) for s in context["others"]]
        ),
    ]
    title = words.gettext("Register of processors and suppliers")
    return book(words, title, context["header"], sheets)


def tool(words: Words, place: Place) -> str:
    if place["tool"] in ("eea", "not-recorded"):
        return words.label(place["tool"], "transfer-tool")
    return words.label(place["tool"], "transfer-mechanism")


def _place(words: Words, place: Place) -> str:
    purpose = f" ({place['purpose']})" if place["purpose"] else ""
    return f"{words.country(place['country'])}{purpose}: {tool(words, place)}"


def _row(words: Words, s: SupplierRow) -> tuple[Cell, ...]:
    breach = words.duration(s["breach_within"]) if s["breach_within"] else None
    if breach and s["breach_clause"]:
        breach += f"; {s['breach_clause']}"
    training = words.label(s["ai_training"], "ai-training") if s["ai_training"] else None
    if training and s["ai_training_opted_out"]:
        training += "; " + words.gettext("we opted out on %(on)s") % {
            "on": words.long_date(s["ai_training_opted_out"])
        }
    if training and s["ai_training_clause"]:
        training += f"; {s['ai_training_clause']}"
    service = f"{words.gettext('AI service')}: {words.yesno(s['ai_service'])}"
    training = f"{service}\n{training}" if training else service
    certificates = [
        c["name"] + (f", {words.long_date(c['expires'])}" if c["expires"] else "")
        for c in s["certifications"]
    ]
    subs = [
        f"{p['name']} — {p['service']}; {_place(words, p['place'])}{_approved(words, p)}"
        for p in s["sub_processors"]
    ]
    if s["sub_authorisation"]:
        subs.insert(0, _authorisation(words, s))
    return (
        s["name"],
        lines(
            [
                words.label(s["role"], "supplier-role"),
                *(
                    f"{r['activity']}: {words.label(r['role'], 'supplier-role')}"
                    for r in s["activity_roles"]
                ),
            ]
        ),
        lines(s["services"]),
        words.country(s["country"]),
        words.label(s["criticality"], "severity"),
        s["dpa_signed"],
        s["dpa_version"],
        _terms(words, s["dpa_terms_missing"]) if s["dpa_signed"] else None,
        lines([_place(words, p) for p in s["places"]]),
        lines(subs),
        lines(s["engaged_by"]),
        breach,
        training,
        lines(certificates),
        s["contract_end"],
        lines(s["activities"]),
        s["owner"],
        s["next_review"],
        s["id"],
    )


def _approved(words: Words, sub: SubProcessorRow) -> str:
    if sub["approved_on"] is None:
        return ""
    return "; " + words.gettext("approved on %(on)s") % {"on": words.long_date(sub["approved_on"])}


def _authorisation(words: Words, s: SupplierRow) -> str:
    text = words.label(str(s["sub_authorisation"]), "sub-authorisation")
    if s["sub_objection"] is not None:
        period = words.duration(s["sub_objection"])
        text += "; " + words.gettext("%(period)s to object to a change") % {"period": period}
    return f"{words.gettext('Engaging sub-processors (Art. 28(2))')}: {text}"


def _terms(words: Words, missing: list[str] | None) -> str:
    if missing is None:
        return words.gettext("not yet checked against the article")
    if not missing:
        return words.gettext("a clause recorded for each")
    points = ", ".join(words.gettext(point) for point in missing)
    return words.gettext("no clause recorded for %(points)s") % {"points": points}


def _public_rows(words: Words, s: SupplierRow) -> list[tuple[Cell, ...]]:
    services = lines(s["services"])
    rows: list[tuple[Cell, ...]] = [
        (
            s["name"] if first else None,
            services if first else None,
            words.country(p["country"]) + (f" ({p['purpose']})" if p["purpose"] else ""),
            tool(words, p),
        )
        for first, p in zip((True, *[False] * len(s["places"])), s["places"], strict=False)
    ] or [(s["name"], services, None, None)]
    rows.extend(
        (
            f"{p['name']} ({words.gettext('engaged by %(name)s', name=s['name'])})",
            p["service"],
            words.country(p["place"]["country"]),
            tool(words, p["place"]),
        )
        for p in s["sub_processors"]
    )
    return rows
