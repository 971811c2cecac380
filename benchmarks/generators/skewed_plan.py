"""The plan of the second, skewed shape: hubs, long lists and ids with long common prefixes.

Real registers are not uniform. One cloud supplier is named by thousands of processing
activities, one access-control measure by thousands of risks, one DPIA covers a whole
department's activities, and a few records carry lists ten times longer than the rest. Ids are
often long and alike (``ctl-isms-annex-a-organisational-00012``), which is exactly what a
"did you mean" suggestion has to compare. Code that is linear on the uniform shape of
plan.py can be quadratic here; this plan keeps every choice deterministic per seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from generators.departments import DEPARTMENTS, Department
from generators.plan import Plan, allocate, link_ai_systems, make_people, plan_suppliers

SKEWED_PREFIX = {
    "processing-activity": "pa-register-of-processing",
    "risk": "risk-enterprise-register-2026",
    "control": "ctl-isms-annex-a-organisational",
    "supplier": "sup-procurement-framework-agreement",
    "task": "task-compliance-calendar",
    "ai-system": "ai-inventory-of-systems",
    "dpia": "dpia-data-protection-impact",
    "incident": "inc-security-incident-log",
    "statement-of-applicability": "soa",
}
"""Ids that share 20 to 35 characters before their number: hard for "did you mean"."""

HUBS = 3
"""Records of a kind that most references of that kind go to (the first ids of the kind)."""
HUB_SHARE = 0.6
"""How often a reference goes to a hub rather than to a record drawn at random."""
LONG_SHARE = 0.03
"""Records that carry long lists (40 controls, 30 data categories, 25 recipients) and long
free texts."""
BIG_DPIA_ACTIVITIES = 400
"""The activities the first DPIA covers: one assessment for a whole department's processing."""


@dataclass(slots=True)
class SkewedPlan(Plan):
    """A Plan whose references lean on a few hubs, and which marks some records long."""

    long: frozenset[str] = field(default_factory=frozenset)

    def some(self, rng: random.Random, kind: str, low: int, high: int) -> list[str]:
        pool = self.ids[kind]
        if not pool:
            return []
        wanted = min(len(pool), rng.randint(low, high))
        chosen = {rng.choice(pool[:HUBS]) for _ in range(wanted) if rng.random() < HUB_SHARE}
        while len(chosen) < wanted:
            chosen.add(rng.choice(pool))
        return sorted(chosen)

    def processors_for(self, rng: random.Random, pa: str) -> list[str]:
        """Most activities use the hub processors (the cloud and mail providers everyone
        uses), some one more; a long activity names 25."""
        if self.is_long(pa):
            return sorted(rng.sample(self.processors, min(25, len(self.processors))))
        hubs = self.ids["supplier"][:HUBS]
        chosen = set(rng.sample(hubs, rng.randint(1, len(hubs))))
        if rng.random() < 0.3:  # a third use a supplier of their own
            chosen.add(rng.choice(self.processors))
        return sorted(chosen)

    def is_long(self, record_id: str) -> bool:
        return record_id in self.long


def skewed_ids(
    counts: dict[str, int], rng: random.Random
) -> tuple[dict[str, list[str]], dict[str, Department]]:
    """Ids by kind, and each processing activity's department (its id names it)."""
    ids = {
        kind: [f"{SKEWED_PREFIX[kind]}-{n:05d}" for n in range(1, counts[kind] + 1)]
        for kind in counts
    }
    ids["statement-of-applicability"] = [
        f"soa-{n:05d}" for n in range(1, counts["statement-of-applicability"] + 1)
    ]
    departments = [rng.choice(DEPARTMENTS) for _ in ids["processing-activity"]]
    ids["processing-activity"] = [
        f"{SKEWED_PREFIX['processing-activity']}-{d.key}-{n:05d}"
        for n, d in enumerate(departments, 1)
    ]
    return ids, dict(zip(ids["processing-activity"], departments, strict=True))


def plan_skewed_links(plan: SkewedPlan, rng: random.Random) -> None:
    """One DPIA covers hundreds of activities, the others two each; AI systems as plan.py."""
    activities = plan.ids["processing-activity"]
    shuffled = rng.sample(activities, len(activities))
    start = 0
    for n, dpia in enumerate(plan.ids["dpia"]):
        size = min(BIG_DPIA_ACTIVITIES, len(activities) // 10) if n == 0 else 2
        covered = sorted(shuffled[start : start + size])
        start += size
        plan.dpia_pas[dpia] = covered
        plan.pa_dpia.update(dict.fromkeys(covered, dpia))
    link_ai_systems(plan, activities, rng)


def make_skewed_plan(entities: int, seed: int) -> SkewedPlan:
    counts = allocate(entities)
    rng = random.Random(seed)  # noqa: S311 - not for security
    ids, departments = skewed_ids(counts, rng)
    every = [record_id for kind_ids in ids.values() for record_id in kind_ids]
    long = frozenset(r for r in every if random.Random(f"{seed}/long/{r}").random() < LONG_SHARE)  # noqa: S311
    plan = SkewedPlan(seed, ids, make_people(), department=departments, long=long)
    plan_suppliers(plan, rng)
    # The hub suppliers are processors: the cloud and mail providers everyone uses.
    plan.processors = sorted(set(plan.processors) | set(ids["supplier"][:HUBS]))
    for sid in ids["supplier"][:HUBS]:
        fact = plan.suppliers[sid]
        plan.suppliers[sid] = type(fact)(
            fact.id, fact.name, "processor", fact.country, fact.service
        )
    plan_skewed_links(plan, rng)
    return plan
