"""Every id and cross-reference, decided before any record is written."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from generators.departments import DEPARTMENTS, Department
from generators.vocabulary import (
    EEA,
    FIRST_NAMES,
    ID_PREFIX,
    KIND_SHARES,
    LAST_NAMES,
    RECORDS_PER_SOA,
    ROLES,
    SERVICES,
    SOA_FRAMEWORKS,
    THIRD_COUNTRIES,
    VENDOR_PARTS,
    VENDOR_SUFFIX,
)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class SupplierFact:
    id: str
    name: str
    role: str
    country: str
    service: str


@dataclass(slots=True)
class Plan:
    """Every id and every cross-reference, decided before any record is written."""

    seed: int
    ids: dict[str, list[str]]
    people: list[Person]
    suppliers: dict[str, SupplierFact] = field(default_factory=dict)
    processors: list[str] = field(default_factory=list)
    department: dict[str, Department] = field(default_factory=dict)
    pa_dpia: dict[str, str] = field(default_factory=dict)
    dpia_pas: dict[str, list[str]] = field(default_factory=dict)
    pa_ais: dict[str, list[str]] = field(default_factory=dict)
    ai_pas: dict[str, list[str]] = field(default_factory=dict)

    def rng(self, record_id: str) -> random.Random:
        """A generator of its own per record, so one record's choices never shift another's."""
        return random.Random(f"{self.seed}/{record_id}")  # noqa: S311 - not for security

    def some(self, rng: random.Random, kind: str, low: int, high: int) -> list[str]:
        """Between low and high distinct ids of ``kind`` (fewer when there are fewer)."""
        pool = self.ids[kind]
        return sorted(rng.sample(pool, min(len(pool), rng.randint(low, high))))

    def processors_for(self, rng: random.Random, pa: str) -> list[str]:  # noqa: ARG002 - the skewed plan's choice depends on it
        """The processors activity ``pa`` uses: one to three, drawn evenly."""
        count = min(len(self.processors), rng.randint(1, 3))
        return sorted(rng.sample(self.processors, count))

    def person(self, rng: random.Random) -> str:
        return rng.choice(self.people).id


def allocate(total: int) -> dict[str, int]:
    """Records per kind for ``total`` records (largest remainder, so the counts add up).

    Statements of Applicability are one per framework, not a share: a large organisation has
    one per standard however many activities it runs.
    """
    soas = min(len(SOA_FRAMEWORKS), total // RECORDS_PER_SOA)
    total -= soas
    exact = {kind: total * share for kind, share in KIND_SHARES}
    counts = {kind: int(value) for kind, value in exact.items()}
    by_remainder = sorted(exact, key=lambda k: (counts[k] - exact[k], k))
    for kind in by_remainder[: total - sum(counts.values())]:
        counts[kind] += 1
    counts["statement-of-applicability"] = soas
    return counts


def make_people() -> list[Person]:
    people = []
    for n, role in enumerate(ROLES):
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[n % len(LAST_NAMES)]
        slug = f"{first[0]}.{last.split()[-1]}".lower()
        people.append(Person(f"{slug}-{n + 1:02d}", f"{first} {last}", role))
    return people


def plan_suppliers(plan: Plan, rng: random.Random) -> None:
    for n, sid in enumerate(plan.ids["supplier"]):
        roll = rng.random()
        role = "processor" if roll < 0.7 else "controller" if roll < 0.85 else "none"
        third = rng.random() < 0.2
        country = rng.choice(THIRD_COUNTRIES if third else EEA)
        stem = f"{VENDOR_PARTS[n % len(VENDOR_PARTS)]}{n // len(VENDOR_PARTS) + 1}"
        name = f"{stem} {rng.choice(VENDOR_SUFFIX)}"
        plan.suppliers[sid] = SupplierFact(sid, name, role, country, rng.choice(SERVICES))
        if role == "processor":
            plan.processors.append(sid)


def plan_links(plan: Plan, rng: random.Random) -> None:
    """Pair DPIAs and AI systems with processing activities, recording both directions."""
    activities = plan.ids["processing-activity"]
    shuffled = rng.sample(activities, len(activities))
    for n, dpia in enumerate(plan.ids["dpia"]):
        covered = shuffled[2 * n : 2 * n + 2]
        plan.dpia_pas[dpia] = covered
        plan.pa_dpia.update(dict.fromkeys(covered, dpia))
    link_ai_systems(plan, activities, rng)


def link_ai_systems(plan: Plan, activities: list[str], rng: random.Random) -> None:
    """Each AI system used by one or two activities, in both directions."""
    for ai in plan.ids["ai-system"]:
        used_by = sorted(rng.sample(activities, min(len(activities), rng.randint(1, 2))))
        plan.ai_pas[ai] = used_by
        for pa in used_by:
            plan.pa_ais.setdefault(pa, []).append(ai)


def make_plan(entities: int, seed: int) -> Plan:
    counts = allocate(entities)
    ids = {
        kind: [f"{ID_PREFIX[kind]}-{n:05d}" for n in range(1, counts[kind] + 1)] for kind in counts
    }
    rng = random.Random(seed)  # noqa: S311 - not for security
    departments = [rng.choice(DEPARTMENTS) for _ in ids["processing-activity"]]
    ids["processing-activity"] = [f"pa-{d.key}-{n:05d}" for n, d in enumerate(departments, 1)]
    plan = Plan(
        seed,
        ids,
        make_people(),
        department=dict(zip(ids["processing-activity"], departments, strict=True)),
    )
    plan_suppliers(plan, rng)
    plan_links(plan, rng)
    return plan
