"""The provider duties (Art. 11, 17, 43, 47, 48, 49(1), 72) a high-risk system leaves unmet, and
the registration (Art. 49(2)) of a system its provider holds not high-risk under Art. 6(3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from complykit.facts.ai_act_index import Gap, high_risk_route, is_legacy, start_of, systems
from complykit.model.ai_duties import ProviderDuties
from complykit.model.ai_system import AiSystem
from complykit.model.prebuilt import instance
from complykit.workspace.repository import Entry, Repository

GapFinder = Callable[[Repository], Iterator[Gap]]

_NONE = instance(ProviderDuties)
_ROUTES = {
    "Art. 6(1)": ("product-legislation",),
    "Annex III(1)": ("internal-control", "notified-body"),
    "Annex III": ("internal-control",),
}


def _provided(repo: Repository) -> Iterator[tuple[Entry, AiSystem, str, ProviderDuties]]:
    for entry, system in systems(repo, in_use=True):
        route = high_risk_route(repo, system)
        if route and "provider" in system.roles:
            yield entry, system, route, system.provider_duties or _NONE


def _gap(repo: Repository, found: tuple[Entry, AiSystem, str], duty: str, message: str) -> Gap:
    entry, system, route = found
    loc = ("provider_duties",) if system.provider_duties else ("roles",)
    return Gap(
        entry,
        loc,
        f"'{system.name}' is a high-risk system we provide, but {message}",
        (f"AI Act {duty}",),
        start_of(repo, [route, duty]),
        is_legacy(repo, system),
    )


def _finder(
    duty: str, lacks: Callable[[ProviderDuties], str | None]
) -> Callable[[Repository], Iterator[Gap]]:
    def find(repo: Repository) -> Iterator[Gap]:
        for entry, system, route, duties in _provided(repo):
            message = lacks(duties)
            if message is not None:
                yield _gap(repo, (entry, system, route), duty, message)

    return find


qms_gaps = _finder(
    "Art. 17",
    lambda d: None if d.quality_management_system else "no `quality_management_system` is recorded",
)
documentation_gaps = _finder(
    "Art. 11",
    lambda d: None if d.technical_documentation else "no `technical_documentation` is recorded",
)
declaration_gaps = _finder(
    "Art. 47",
    lambda d: (
        None
        if d.declaration_of_conformity
        else "no `declaration_of_conformity` date shows an EU declaration of conformity"
    ),
)
ce_marking_gaps = _finder(
    "Art. 48", lambda d: None if d.ce_marking else "`ce_marking` is not recorded as affixed"
)
monitoring_plan_gaps = _finder(
    "Art. 72",
    lambda d: (
        None if d.post_market_monitoring_plan else "no `post_market_monitoring_plan` is recorded"
    ),
)


def conformity_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, route, duties in _provided(repo):
        message = _conformity_problem(system, route, duties)
        if message is not None:
            yield _gap(repo, (entry, system, route), "Art. 43", message)


def allowed_routes(system: AiSystem, route: str) -> tuple[str, ...]:
    """Art. 43(3) for Annex I products, 43(1) for Annex III point 1, 43(2) for points 2-8."""
    basis = system.classification.annex_iii
    if route == "Art. 6(1)":
        return _ROUTES["Art. 6(1)"]
    biometric = basis is not None and basis.area == 1
    return _ROUTES["Annex III(1)"] if biometric else _ROUTES["Annex III"]


def _conformity_problem(system: AiSystem, route: str, duties: ProviderDuties) -> str | None:
    done = duties.conformity_assessment
    if done is None or done.completed is None:
        return "no completed `conformity_assessment` is recorded"
    allowed = allowed_routes(system, route)
    if done.route not in allowed:
        return f"its conformity assessment route '{done.route}' is not {' or '.join(allowed)}"
    if done.route != "internal-control" and done.notified_body is None:
        return "its conformity assessment names no `notified_body`"
    return None


def registration_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, route, duties in _provided(repo):
        basis = system.classification.annex_iii
        if basis is not None and basis.area != 2 and duties.eu_database_registration is None:
            message = "no `eu_database_registration` shows it registered in the EU database"
            yield _gap(repo, (entry, system, route), "Art. 49(1)", message)


def national_registration_gaps(repo: Repository) -> Iterator[Gap]:
    """Annex III point 2 (critical infrastructure) systems we provide with no national
    registration: Art. 49(1) leaves them out of the EU database and Art. 49(5) has them
    registered at national level instead, so an EU database entry does not meet it."""
    for entry, system, route, duties in _provided(repo):
        basis = system.classification.annex_iii
        if basis is None or basis.area != 2 or duties.national_registration is not None:
            continue
        instead = (
            "; its EU database entry does not take the place of it"
            if duties.eu_database_registration
            else ""
        )
        message = (
            "no `national_registration` shows it registered at national level, where Annex "
            f"III point 2 (critical infrastructure) systems are registered{instead}"
        )
        yield _gap(repo, (entry, system, route), "Art. 49(5)", message)


def art6_3_registration_gaps(repo: Repository) -> Iterator[Gap]:
    """Systems we provide as not high-risk under Art. 6(3) that are not registered: Art. 49(2)
    asks the provider to register itself and the system before placing it on the market. The
    duty is an Annex III one, so it moves with Art. 6(2)'s date. A system in use before that
    was placed on the market before Art. 49 applied; it starts as the provider duties of the
    same system held high-risk would (Art. 111(2) and its ``legacy_review``), since the lighter
    route cannot owe more than the high-risk one."""
    for entry, system in systems(repo, in_use=True):
        claim = system.classification.art6_3_exception
        if claim is None or "provider" not in system.roles or claim.eu_database_registration:
            continue
        if system.classification.annex_iii is None:
            continue  # AIA003: an exception with no Annex III use case departs from nothing
        yield Gap(
            entry,
            ("classification", "art6_3_exception"),
            f"'{system.name}' is an Annex III system we provide as not high-risk under the "
            f"Art. 6(3)({claim.condition}) exception, but no `eu_database_registration` shows "
            "us and the system registered in the EU database",
            ("AI Act Art. 49(2)",),
            start_of(repo, ["Art. 49(2)", "Art. 6(2)"]),
            is_legacy(repo, system),
        )


def product_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, route, duties in _provided(repo):
        if route != "Art. 6(1)":
            continue
        product = duties.annex_i_product
        if product is None:
            message = "no `annex_i_product` names its Annex I legislation, class and notified body"
        elif product.third_party_assessment and product.notified_body is None:
            message = f"its {product.legislation} conformity assessment names no `notified_body`"
        else:
            continue
        yield _gap(repo, (entry, system, route), "Art. 43", message)


FINDERS: tuple[GapFinder, ...] = (
    qms_gaps,
    documentation_gaps,
    conformity_gaps,
    declaration_gaps,
    ce_marking_gaps,
    registration_gaps,
    national_registration_gaps,
    art6_3_registration_gaps,
    monitoring_plan_gaps,
    product_gaps,
)
