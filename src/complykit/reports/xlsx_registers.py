"""Register rows: a processing activity or an AI system per row, cells worded as the templates."""

from __future__ import annotations

from complykit.reports.ai_register import Basis, Oversight, System
from complykit.reports.labels import N_
from complykit.reports.ropa import (
    Activity,
    DataRow,
    Party,
    Purpose,
    Recipient,
    TransferRow,
)
from complykit.reports.ropa_links import AutomatedDecisions, Location, Screening, Source
from complykit.reports.xlsx_book import Cell, Sheet, Words, lines


def activity_sheet(
    words: Words, title: str, activities: list[Activity], *, processor: bool = False
) -> Sheet:
    """The Art. 30(1) or 30(2) section; only the processor's sheet names the controllers."""
    columns = (
        N_("Name"),
        N_("Description"),
        N_("Our role"),
        *([N_("Controllers on whose behalf we process")] if processor else []),
        N_("Joint controllers"),
        N_("Purposes and legal basis"),
        N_("Categories of data subjects"),
        N_("Categories of personal data"),
        N_("Sources of the data"),
        N_("Recipients"),
        N_("Processors"),
        N_("Transfers to third countries"),
        N_("Where the data is stored"),
        N_("Retention period"),
        N_("Technical and organisational security measures"),
        N_("Automated decision-making (Art. 22)"),
        N_("DPIA screening"),
        N_("DPIA"),
        N_("AI systems"),
        N_("Risks"),
        N_("Owner"),
        N_("Next review"),
        N_("Art. 30(5) exemption claimed"),
        N_("Record id"),
    )
    rows = [_activity(words, activity, processor=processor) for activity in activities]
    return Sheet(title, tuple(map(words.gettext, columns)), rows)


def _activity(words: Words, a: Activity, *, processor: bool) -> tuple[Cell, ...]:
    controllers = [lines([_party(words, p) for p in a["controllers"]])] if processor else []
    security = [*a["security_measures"], *filter(None, [a["security_description"]])]
    return (
        a["name"],
        a["description"],
        words.label(a["role"], "role"),
        *controllers,
        lines([*(_party(words, p) for p in a["joint_controllers"]), *_arrangement(words, a)]),
        lines([_purpose(words, p) for p in a["purposes"]]),
        lines(a["data_subjects"]),
        lines([_data(words, d) for d in a["personal_data"]]),
        lines([_source(words, src) for src in a["links"]["sources"]]),
        lines([_recipient(words, r) for r in a["recipients"]]) or _no_recipients(words, a),
        lines(a["processors"]),
        lines(
            [*(_transfer(words, t) for t in a["transfers"]), *filter(None, [a["public_powers"]])]
        ),
        lines([_location(words, loc) for loc in a["links"]["locations"]]),
        _retention(words, a),
        lines(security),
        _automated(words, a["links"]["automated"]),
        _screening(words, a["links"]["screening"]),
        lines(a["links"]["dpias"]),
        lines(a["links"]["ai_systems"]),
        lines(a["links"]["risks"]),
        a["owner"],
        a["next_review"],
        _exemption(words, a),
        a["id"],
    )


def _no_recipients(words: Words, a: Activity) -> str | None:
    reason = a["no_recipients"]
    return f"{words.gettext('no recipients')}: {reason}" if reason else None


def _exemption(words: Words, a: Activity) -> str | None:
    claim = a["art30_exemption"]
    if claim is None:
        return None
    occasional = f"{words.gettext('occasional')}: {words.yesno(claim['occasional'])}"
    return f"{occasional}\n{claim['reasoning']}"


def _country(words: Words, code: str | None) -> list[str]:
    return [] if code is None else [words.country(code)]


def _party(words: Words, party: Party) -> str:
    text = party["name"] + (f"; {party['contact']}" if party["contact"] else "")
    return text + "".join(f" ({country})" for country in _country(words, party["country"]))


def _recipient(words: Words, recipient: Recipient) -> str:
    details = [words.label(recipient["type"], "recipient-type")]
    return f"{recipient['name']} ({', '.join(details + _country(words, recipient['country']))})"


def _purpose(words: Words, purpose: Purpose) -> str:
    basis = words.label(purpose["legal_basis"], "legal-basis")
    point = purpose["point"]
    article = f" ({words.gettext('Art. 6(1)(%(point)s)', point=point)})" if point else ""
    provision = f"; {purpose['provision']}" if purpose["provision"] else ""
    return f"{purpose['description']} — {basis}{article}{provision}"


def _data(words: Words, data: DataRow) -> str:
    parts = [data["name"]]
    if data["special_category"]:
        special = [words.label(data["special_category"], "special-category")]
        if data["art9_condition"]:
            special.append(words.gettext("Art. 9(2)(%(point)s)", point=data["art9_condition"]))
        special.extend(filter(None, [data["art9_provision"]]))
        parts.append(f"{words.gettext('special category')}: {', '.join(special)}")
    if data["criminal"]:
        basis = f": {data['art10_basis']}" if data["art10_basis"] else ""
        parts.append(words.gettext("criminal offence data (Art. 10)") + basis)
    if data["national_id"]:
        provision = data["national_id_provision"]
        number = words.label(data["national_id"], "national-id")
        parts.append(f"{number}: {provision}" if provision else number)
    if data["retention"]:
        parts.append(f"{words.gettext('retention')}: {words.duration(data['retention'])}")
    return "; ".join(parts)


def _transfer(words: Words, transfer: TransferRow) -> str:
    mechanism = words.label(transfer["mechanism"], "transfer-mechanism")
    parts = [f"{words.country(transfer['country'])}: {transfer['recipient']} — {mechanism}"]
    derogation = transfer["derogation"]
    if derogation == "compelling-legitimate-interests":
        parts[0] += f", {words.gettext('Art. 49(1), second subparagraph')}"
    elif derogation:
        parts[0] += f", {words.gettext('Art. 49(1)(%(point)s)', point=derogation)}"
    if transfer["safeguards"]:
        parts.append(f"{words.gettext('safeguards')}: {transfer['safeguards']}")
    if transfer["authorisation"]:
        parts.append(transfer["authorisation"])
    if transfer["assessment"]:
        parts.append(f"{words.gettext('transfer impact assessment')}: {transfer['assessment']}")
    return "; ".join(parts)


def _retention(words: Words, activity: Activity) -> str | None:
    retention = activity["retention"]
    if retention is None:
        return None
    period = retention["period"]
    if retention["permanent"]:
        text = words.gettext("kept permanently")
    elif period is None:
        text = words.gettext("until %(event)s") % {"event": retention["until"]}
    else:
        text = f"{words.duration(period)}, {words.gettext('counted from')}: "
        text += retention["trigger"] or ""
    return text + (f" ({retention['provision']})" if retention["provision"] else "")


def system_sheet(words: Words, systems: list[System]) -> Sheet:
    columns = (
        N_("Name"),
        N_("Intended purpose"),
        N_("Our role (AI Act)"),
        N_("Risk class"),
        N_("Basis of the classification"),
        N_("Human oversight"),
        N_("Impact assessments"),
        N_("Vendor"),
        N_("Life-cycle stage"),
        N_("Owner"),
        N_("Next review"),
        N_("Record id"),
    )
    rows = [_system(words, system) for system in systems]
    return Sheet(words.gettext("AI systems"), tuple(map(words.gettext, columns)), rows)


def system_details_sheet(words: Words, systems: list[System]) -> Sheet:
    """Every other fact of each system, one row per fact: long text stays readable."""
    columns = (N_("Name"), N_("Field"), N_("Value"), N_("Record id"))
    rows: list[tuple[Cell, ...]] = [
        (s["name"], fact["label"], "\n".join(fact["lines"]), s["id"])
        for s in systems
        for fact in s["details"]
    ]
    return Sheet(words.gettext("AI system details"), tuple(map(words.gettext, columns)), rows)


def _system(words: Words, s: System) -> tuple[Cell, ...]:
    assessments = []
    for a in s["assessments"]:
        text = f"{words.label(a['type'], 'assessment-type')}: "
        text += words.label(a["status"], "assessment-status")
        text += f", {words.long_date(a['completed'])}" if a["completed"] else ""
        assessments.append(text + (f"; {a['reference']}" if a["reference"] else ""))
    return (
        s["name"],
        s["purpose"],
        lines([words.label(role, "ai-role") for role in s["roles"]]),
        words.label(s["risk_class"], "risk-class"),
        _basis(words, s["basis"]),
        _oversight(words, s["oversight"]),
        lines(assessments),
        s["vendor"],
        words.label(s["lifecycle"], "lifecycle"),
        s["owner"],
        s["next_review"],
        s["id"],
    )


def _basis(words: Words, basis: Basis) -> str:
    parts = []
    annex_iii = basis["annex_iii"]
    if annex_iii:
        text = words.gettext("Annex III, point %(ref)s", ref=annex_iii["ref"])
        text += f": {annex_iii['title']}" if annex_iii["title"] else ""
        if basis["art6_3_condition"]:
            condition = basis["art6_3_condition"]
            text += "; " + words.gettext(
                "not high-risk under Art. 6(3)(%(point)s)", point=condition
            )
        parts.append(text)
    if basis["annex_i"]:
        parts.append(f"{words.gettext('Annex I product legislation')}: {basis['annex_i']}")
    return "\n".join([*parts, basis["reasoning"]])


def _oversight(words: Words, oversight: Oversight | None) -> str | None:
    if oversight is None:
        return None
    details = "; ".join(
        [
            f"{words.gettext('Overseers')}: {', '.join(oversight['overseers'])}",
            f"{words.gettext('can override')}: {words.yesno(oversight['can_override'])}",
            f"{words.gettext('trained')}: {words.yesno(oversight['trained'])}",
        ]
    )
    return f"{oversight['description']}\n{details}"


def _source(words: Words, source: Source) -> str:
    kind = words.label(source["type"], "data-source")
    return f"{kind}: {source['description']}" if source["description"] else kind


def _location(words: Words, location: Location) -> str:
    text = f"{location['system']} ({words.label(location['type'], 'location-type')}), "
    text += words.country(location["country"])
    return text + (f"; {location['supplier']}" if location["supplier"] else "")


def _automated(words: Words, decisions: AutomatedDecisions | None) -> str | None:
    if decisions is None:
        return None
    parts = [words.yesno(decisions["used"]) or ""]
    if decisions["exception"]:
        parts.append(words.label(decisions["exception"], "art22-exception"))
    parts.extend(filter(None, [decisions["logic"], decisions["safeguards"]]))
    return "; ".join(parts)


def _screening(words: Words, screening: Screening | None) -> str | None:
    if screening is None:
        return None
    parts = [
        words.label(screening["conclusion"], "screening-conclusion"),
        words.gettext("%(count)s WP248 criteria met", count=screening["criteria"]),
    ]
    if screening["ap_items"]:
        items = ", ".join(map(str, screening["ap_items"]))
        parts.append(f"{words.gettext('AP list items')} {items}")
    return "; ".join(parts)


def _arrangement(words: Words, a: Activity) -> list[str]:
    """The Art. 26 arrangement beside the joint controllers it binds; nothing without them."""
    if not a["joint_controllers"]:
        return []
    if a["arrangement_agreed"] is None:
        return [words.gettext("No arrangement (Art. 26) recorded")]
    agreed = words.long_date(a["arrangement_agreed"])
    text = words.gettext("Arrangement (Art. 26) agreed on %(on)s") % {"on": agreed}
    if a["arrangement_essence"]:
        text += f"; {words.gettext('its essence is published in')}: {a['arrangement_essence']}"
    return [text]
