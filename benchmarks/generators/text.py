"""YAML text helpers: quoting, flow lists, folded prose, dates and record heads."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date, timedelta
from typing import TYPE_CHECKING

from generators.vocabulary import ANNEX_A, SENTENCES

if TYPE_CHECKING:
    import random
    from collections.abc import Sequence

    from generators.plan import Plan

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .,;/()'_+-]*$")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
_RESERVED = frozenset({"true", "false", "null", "Null", "NULL", "yes", "no", "on", "off"})


def q(text: str, *, in_flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain where that is safe, else double-quoted."""
    safe = _PLAIN.match(text) and text not in _RESERVED and not text.endswith(" ")
    if safe and not (in_flow and _FLOW_UNSAFE.search(text)):
        return text
    return json.dumps(text)


def annex(rng: random.Random, count: int) -> str:
    """``count`` ISO/IEC 27001:2022 Annex A control ids in catalog order."""
    return flow(sorted(rng.sample(ANNEX_A, count), key=ANNEX_A.index))


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(q(i, in_flow=True) for i in items) + "]"


def prose(key: str, text: str, indent: int = 0, *, item: bool = False) -> list[str]:
    """A text field: one line when short, else a folded block wrapped at 96 columns.

    With ``item`` the field opens a sequence entry (``- key: ...``) at ``indent``.
    """
    head = " " * indent + ("- " if item else "") + key
    if len(head) + len(text) < 94:
        return [f"{head}: {q(text)}"]
    body = " " * (indent + (4 if item else 2))
    return [f"{head}: >-", *(body + line for line in textwrap.wrap(text, 96 - len(body)))]


def day(rng: random.Random, start: date, span_days: int) -> str:
    return (start + timedelta(days=rng.randrange(span_days))).isoformat()


def sentences(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(low, high)))


def common_head(plan: Plan, rng: random.Random, kind: str, record_id: str) -> list[str]:
    return [
        f"kind: {kind}",
        f"id: {record_id}",
        f"owner: {plan.person(rng)}",
        f"next_review: {day(rng, date(2027, 1, 4), 360)}",
    ]
