"""The management summary as worksheets: findings, breaches, SoA, risks, overdue, DPIAs, AI."""

from __future__ import annotations

from complykit.reports.labels import N_
from complykit.reports.summary import SummaryContext
from complykit.reports.xlsx_book import Book, Cell, Sheet, Words, book


def summary_book(context: SummaryContext, words: Words) -> Book:
    g = words.gettext
    severities = [words.label(s, "severity-family") for s in context["severities"]]
    sheets = [
        Sheet(
            g("Findings of complykit validate"),
            (g(N_("Rule family")), *severities),
            [(f["family"], *f["counts"]) for f in context["families"]],
        ),
        Sheet(
            g("Open personal-data breaches"),
            tuple(
                map(
                    g,
                    (
                        N_("Incident"),
                        N_("Aware"),
                        N_("72-hour deadline (Art. 33(1))"),
                        N_("Authority (Art. 33)"),
                        N_("Record id"),
                    ),
                )
            ),
            [
                (
                    b["title"],
                    words.moment(b["aware_at"]),
                    words.moment(b["deadline"])
                    if b["documented"]
                    else words.gettext("breach not documented"),
                    words.moment(b["notified_at"]),
                    b["id"],
                )
                for b in context["open_breaches"]
            ],
        ),
        Sheet(
            g("Statements of Applicability: implementation"),
            (
                g("Framework"),
                g("Applicable controls"),
                g("implemented"),
                g("partially implemented"),
                "%",
            ),
            [
                (i["framework"], i["applicable"], i["implemented"], i["partial"], i["percent"])
                for i in context["implementation"]
            ],
        ),
        Sheet(
            g("Risks above the appetite of %(appetite)s", appetite=context["appetite"]),
            tuple(
                map(g, (N_("Risk"), N_("Score"), N_("Treatment"), N_("Accepted"), N_("Record id")))
            ),
            [
                (
                    r["title"],
                    r["score"],
                    words.label(r["treatment"], "treatment"),
                    words.yesno(r["accepted"]),
                    r["id"],
                )
                for r in context["above_appetite"]
            ],
        ),
        Sheet(
            g("Overdue reviews and tasks"),
            tuple(map(g, (N_("Record"), N_("Due"), N_("Record id")))),
            [(o["title"], o["due"], o["id"]) for o in context["overdue"]],
        ),
        Sheet(
            g("DPIAs pending"),
            tuple(map(g, (N_("DPIA"), N_("Status"), N_("Record id")))),
            _dpias(words, context),
        ),
        Sheet(
            g("AI systems per risk class"),
            tuple(words.label(c["risk_class"], "risk-class") for c in context["ai_classes"]),
            [tuple(c["count"] for c in context["ai_classes"])],
        ),
    ]
    return book(words, g("Management summary"), context["header"], sheets)


def _dpias(words: Words, context: SummaryContext) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = [
        (d["title"], words.label(d["status"], "dpia-status"), d["id"])
        for d in context["pending_dpias"]
    ]
    rows.extend(
        (name, words.gettext("DPIA required, none recorded"), None)
        for name in context["unscreened"]
    )
    return rows
