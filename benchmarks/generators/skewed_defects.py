"""Defects and waivers of the skewed shape: more broken references than the uniform shape
(near ids with long common prefixes, far ones, ids planned but never written), some records
with several defects at once, and a waiver for many of the broken references, as a register
that lives with its open items does."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from generators import defects

SKEWED_DEFECT_RATE = 0.04
SEVERAL = 0.15
"""Of the defective records, the share that gets three defects instead of one."""
WAIVED = 0.5
"""Of the records with a broken reference, the share whose finding is waived."""

_REFERENCE = re.compile(r"(?<=[\[ ])((?:sup|ctl|risk|dpia|ai|pa)-[a-z0-9-]+-)(\d{5})(?=[,\]\n])")
"""A reference in a field or flow list; not an id inside a document's URL."""


def _in_body(text: str) -> tuple[str, str, str]:
    head, sep, body = text.partition("\nowner: ")
    return head, sep, body


def near_reference(text: str) -> str:
    """The last digit of the first reference becomes a letter: one edit from a real id."""
    head, sep, body = _in_body(text)
    return head + sep + _REFERENCE.sub(lambda m: m.group(0)[:-1] + "x", body, count=1)


def far_reference(text: str) -> str:
    """A number beyond every id: same 30-character prefix as thousands of ids."""
    head, sep, body = _in_body(text)
    return (
        head
        + sep
        + _REFERENCE.sub(lambda m: m.group(1) + "9" + m.group(2)[1:][::-1], body, count=1)
    )


def planned_reference(text: str) -> str:
    """A record planned but never written: ``...-planned-NNNNN``."""
    head, sep, body = _in_body(text)
    return (
        head
        + sep
        + _REFERENCE.sub(lambda m: f"{m.group(1)}planned-{m.group(2)[::-1]}", body, count=1)
    )


REFERENCE_EDITS = (near_reference, far_reference, planned_reference)
OTHER_EDITS: dict[str, tuple[defects.Edit, ...]] = {
    "processing-activity": (defects.missing_retention, defects.misspelled_field),
    "risk": (defects.over_appetite,),
    "supplier": (defects.expired_certificate, defects.misspelled_field),
    "task": (defects.duplicate_key,),
    "incident": (defects.duplicate_key,),
}


@dataclass(slots=True)
class Defects:
    """Which records got a broken reference (the ones a waiver may name)."""

    seed: int
    rate: float
    broken: list[str] = field(default_factory=list)

    def apply(self, kind: str, record_id: str, text: str) -> str:
        rng = random.Random(f"{self.seed}/skewed-defect/{record_id}")  # noqa: S311 - not for security
        if kind == "statement-of-applicability" or rng.random() >= self.rate:
            return text
        edits = (*REFERENCE_EDITS, *OTHER_EDITS.get(kind, ()))
        count = 3 if rng.random() < SEVERAL else 1
        chosen = rng.sample(edits, min(count, len(edits)))
        broken = False
        for edit in chosen:
            changed = edit(text)
            broken |= edit in REFERENCE_EDITS and changed != text
            text = changed
        # A record that no longer reads has no REF001 for a waiver to set aside.
        if broken and not {defects.misspelled_field, defects.duplicate_key} & set(chosen):
            self.broken.append(record_id)
        return text


def render_waivers(plan_people: list[str], broken: list[str], seed: int) -> dict[str, list[str]]:
    """One waiver per waived record, a few of them naming a record whose finding is gone
    (WVR002), each in a file of its own under waivers/."""
    rng = random.Random(f"{seed}/waivers")  # noqa: S311 - not for security
    files: dict[str, list[str]] = {}
    for n, record_id in enumerate(sorted(broken)):
        if rng.random() >= WAIVED:
            continue
        wid = f"wv-open-reference-{n:05d}"
        text = "\n".join(
            [
                "kind: waiver",
                f"id: {wid}",
                "code: REF001",
                f"records: [{record_id}]",
                "reason: The record it names is being written; the register is complete by Q1.",
                f"owner: {rng.choice(plan_people)}",
                f"approved_by: {plan_people[1]}",
                "approved_on: 2026-09-01",
                f"expires: 2027-0{rng.randint(1, 9)}-28",
            ]
        )
        files[f"waivers/{wid}.yaml"] = [text + "\n"]
    return files
