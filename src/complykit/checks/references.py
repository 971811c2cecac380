"""REF: references between records, to people, catalogs and countries, must resolve."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from complykit.catalog.hints import control_hint
from complykit.checks.hinting import HintBudget
from complykit.checks.registry import EVERY_KIND, check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.repeats import repeats
from complykit.model.ai_system import AiSystem
from complykit.model.references import Reference
from complykit.model.soa import StatementOfApplicability
from complykit.model.types import ControlsMarker, CountryMarker, RefTo
from complykit.model.validate import suggest
from complykit.model.wording.countries import country_code
from complykit.workspace.repository import Entry, Repository


def _refs(repo: Repository) -> Iterator[tuple[Entry | None, Reference, RefTo]]:
    for entry, reference in repo.references_to(RefTo):
        if isinstance(reference.marker, RefTo):  # always: it tells the type checker so
            yield entry, reference, reference.marker


@check(
    code="REF001",
    reads=(EVERY_KIND,),
    local=1,
    name="unknown-reference",
    severity=Severity.ERROR,
    hint="Check the id for typos, or add the record it names.",
)
def unknown_reference(repo: Repository) -> Iterator[Problem]:
    """A field names a record or person that does not exist.

    PASS: ``processors: [sup-aws]`` with a supplier ``sup-aws`` in the workspace.
    FAIL: ``processors: [sup-asw]``.
    """
    people = repo.person_ids
    broken = []
    for entry, reference, marker in _refs(repo):
        target = reference.value
        exists = target in people if marker.kinds == ("person",) else target in repo.by_id
        if not exists and target not in repo.invalid_ids:
            broken.append((entry, reference, marker))
    budget = HintBudget()
    hinted = [found for found in broken if budget.allows(found[0])]
    # The hints of all broken references at once: the ids are read once, not once per typo.
    hints = repo.suggest_ids((reference.value, marker.kinds) for _, reference, marker in hinted)
    for entry, reference, marker in broken:
        person = marker.kinds == ("person",)
        what = "person" if person else " or ".join(marker.kinds) or "record"
        hint = hints.get((reference.value, marker.kinds))
        yield Problem(
            entry,
            reference.loc,
            f"unknown {what} '{reference.value}'",
            # A person is no record: "add the record it names" sent people to write one.
            hint=_PERSON_HINT if person and hint is None else hint,
        )


_PERSON_HINT = "Check the id for typos, or add the person to `people` in complykit.yaml."


@check(
    code="REF002",
    reads=(EVERY_KIND,),
    local=1,
    name="wrong-kind-reference",
    severity=Severity.ERROR,
    hint="Name a record of the kind the field takes, or correct the id.",
)
def wrong_kind_reference(repo: Repository) -> Iterator[Problem]:
    """A field names a record of the wrong kind.

    PASS: ``dpia: dpia-triage`` naming a ``dpia`` record.
    FAIL: ``dpia: pa-triage`` naming a processing activity.
    """
    wrong = []
    for entry, reference, marker in _refs(repo):
        target = repo.by_id.get(reference.value)
        if target is None or not marker.kinds or marker.kinds == ("person",):
            continue
        if target.kind not in marker.kinds:
            wrong.append((entry, reference, marker, target.kind))
    hints = repo.suggest_ids((reference.value, marker.kinds) for _, reference, marker, _ in wrong)
    for entry, reference, marker, kind in wrong:
        yield Problem(
            entry,
            reference.loc,
            f"'{reference.value}' is a {kind}, but this field needs a {' or '.join(marker.kinds)}",
            hint=hints[reference.value, marker.kinds],
        )


@check(
    code="REF003",
    reads=(EVERY_KIND,),
    local=1,
    name="duplicate-id",
    severity=Severity.ERROR,
    hint="Give each record its own id; ids are unique across the whole workspace.",
)
def duplicate_id(repo: Repository) -> Iterator[Problem]:
    """Two records share an id, so references to it are ambiguous.

    PASS: ids ``pa-hr`` and ``pa-payroll``.
    FAIL: two files both with ``id: pa-hr``.
    """
    for entry in repo.entries:
        first = repo.by_id[entry.id]
        if first is not entry:
            yield Problem(
                entry,
                ("id",),
                f"id '{entry.id}' is already used by a {first.kind} in {first.path}",
            )


@check(
    code="REF012",
    reads=(EVERY_KIND,),
    name="ids-differ-only-in-case",
    severity=Severity.WARNING,
    hint="Rename one of the two records, and the references to it, so that their ids differ by "
    "more than upper and lower case. On a case-insensitive file system (the default on macOS "
    "and Windows) files named after these ids are one file, and a checkout keeps only one.",
)
def ids_differ_only_in_case(repo: Repository) -> Iterator[Problem]:
    """Two records have ids that differ only in upper and lower case.

    Their files, when named after the ids, collide on a macOS or Windows checkout, where git
    silently keeps one of them; and a reader of a report cannot tell the two apart. Two
    records with the very same id are REF003; each spelling is compared once, by its first
    record.

    PASS: ids ``pa-hr`` and ``pa-payroll``.
    FAIL: ids ``pa-HR`` and ``pa-hr``.
    """
    first_spelling: dict[str, Entry] = {}
    for entry in repo.entries:
        if repo.by_id[entry.id] is not entry:
            continue  # a second record with this very id: REF003
        first = first_spelling.setdefault(entry.id.casefold(), entry)
        if first is not entry:
            yield Problem(
                entry,
                ("id",),
                f"id '{entry.id}' (in {entry.path}) differs only in case from '{first.id}', "
                f"a {first.kind} in {first.path}",
            )


@check(
    code="REF004",
    reads=(EVERY_KIND,),
    local=1,
    name="unknown-framework",
    severity=Severity.ERROR,
    hint="Use a catalog id from `complykit catalog list`, or add the catalog.",
)
def unknown_framework(repo: Repository) -> Iterator[Problem]:
    """A framework id names no bundled or workspace catalog.

    PASS: ``frameworks: [iso27001-2022]``.
    FAIL: ``frameworks: [iso27001]`` (no edition).
    """
    known = [c.id for c in repo.catalogs.frameworks]
    budget = HintBudget()
    for index, framework in enumerate(repo.config.frameworks):
        if repo.catalogs.framework(framework) is None:
            yield Problem(
                None,
                ("frameworks", index),
                f"unknown framework '{framework}'",
                hint=budget.hint(None, suggest, framework, known),
            )
    for entry, reference in repo.references_to(ControlsMarker):
        for framework in reference.value:
            if repo.catalogs.framework(framework) is None:
                yield Problem(
                    entry,
                    (*reference.loc, framework),
                    f"unknown framework '{framework}'",
                    hint=budget.hint(entry, suggest, framework, known),
                    at_key=True,
                )
    for entry, soa in repo.records(StatementOfApplicability):
        if repo.catalogs.framework(soa.framework) is None:
            yield Problem(
                entry,
                ("framework",),
                f"unknown framework '{soa.framework}'",
                hint=budget.hint(entry, suggest, soa.framework, known),
            )


@check(
    code="REF005",
    reads=(EVERY_KIND,),
    per_record=True,
    name="unknown-control",
    severity=Severity.ERROR,
    hint="Use a control id of that framework: `complykit catalog show FRAMEWORK` lists them.",
)
def unknown_control(repo: Repository) -> Iterator[Problem]:
    """A control id does not exist in the framework it is listed under.

    PASS: ``controls: {iso27001-2022: [A.8.13]}``.
    FAIL: ``controls: {iso27001-2022: [A.12.3.1]}`` (a 2013 id).
    """
    budget = HintBudget()
    for entry, reference in repo.references_to(ControlsMarker):
        for framework, ids in reference.value.items():
            catalog = repo.catalogs.framework(framework)
            for index, control in enumerate(ids if catalog is not None else ()):
                if control not in catalog:  # type: ignore[operator]
                    yield Problem(
                        entry,
                        (*reference.loc, framework, index),
                        f"{framework} has no control '{control}'",
                        hint=budget.hint(entry, control_hint, repo.catalogs, framework, control),
                    )


@check(
    code="REF006",
    reads=(EVERY_KIND,),
    per_record=True,
    name="unknown-country",
    severity=Severity.ERROR,
    hint="Use an ISO 3166-1 alpha-2 code such as NL, BE, DE, US or GB (not UK).",
)
def unknown_country(repo: Repository) -> Iterator[Problem]:
    """A country code is not an ISO 3166-1 alpha-2 code.

    PASS: ``country: GB``.
    FAIL: ``country: UK``.
    """
    countries = repo.catalogs.countries
    for entry, reference in repo.references_to(CountryMarker):
        if not countries.known(reference.value):
            meant = country_code(reference.value)  # UK is GB, VS (Dutch) US, EL (EU) GR
            known = meant is not None and countries.known(meant)
            hint = f"Did you mean '{meant}'? Codes are ISO 3166-1 alpha-2." if known else None
            yield Problem(
                entry, reference.loc, f"unknown country code '{reference.value}'", hint=hint
            )


@check(
    code="REF008",
    reads=("ai-system",),
    per_record=True,
    name="unknown-annex-iii-point",
    severity=Severity.ERROR,
    citation=("AI Act Art. 6(2)",),
    hint="See `complykit catalog search 'Annex III'` for the areas and their points.",
)
def unknown_annex_iii_point(repo: Repository) -> Iterator[Problem]:
    """An AI system names an Annex III area or point that the AI Act does not have.

    PASS: ``annex_iii: {area: 4, point: a}`` (recruitment and selection).
    FAIL: ``annex_iii: {area: 2, point: c}`` (area 2 has only point a).
    """
    catalog = repo.catalogs.framework("eu-ai-act")
    if catalog is None:
        return
    for entry, system in repo.records(AiSystem):
        basis = system.classification.annex_iii
        if basis is None:
            continue
        item = f"Annex III({basis.area})" + (f"({basis.point})" if basis.point else "")
        if item not in catalog:
            yield Problem(
                entry,
                ("classification", "annex_iii", "point" if basis.point else "area"),
                f"the AI Act has no {item}",
            )


@check(
    code="REF010",
    reads=(),
    name="duplicate-person",
    severity=Severity.ERROR,
    hint="Give each person in `people` their own id; if two entries are the same person, keep one.",
)
def duplicate_person(repo: Repository) -> Iterator[Problem]:
    """Two people in complykit.yaml share an id, so the records that name it are ambiguous.

    Every owner, approver or assessor named by that id would be taken to be the first of
    them: a second entry could put another name on every report without any record changing.

    PASS: people ``fatima-elamrani`` and ``jan-devries``.
    FAIL: two entries under ``people`` with ``id: fatima-elamrani``.
    """
    people = repo.config.people
    for index, person, first in repeats(people, attrgetter("id"), attrgetter("name")):
        yield Problem(
            None, ("people", index, "id"), f"person id '{person.id}' is already used by '{first}'"
        )
