"""About 2% of records get a mistake real registers have, so that rules fire and findings are
located, as in a real run: a mistyped reference, a reference to a record nobody wrote yet
(no id is near it, so "did you mean" has to look far), a missing retention period, a risk over
appetite without acceptance, an expired certificate, a typo in a field name, a duplicate key.

Each defect is a small edit of the rendered text that keeps the document parseable unless the
defect is a YAML one; which records get one depends only on the seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

DEFECT_RATE = 0.02

Edit = Callable[[str], str]

_REFERENCE = re.compile(r"\b((?:sup|ctl|risk|pa-[a-z]+|dpia|ai)-\d{4})(\d)\b")
_RETENTION = re.compile(r"^retention:\n(?:  .*\n)+", re.MULTILINE)
_RESIDUAL = re.compile(r"^residual:\n  likelihood: \d\n  impact: \d\n", re.MULTILINE)
_ACCEPTANCE = re.compile(r"^acceptance:\n(?:  .*\n)+", re.MULTILINE)
_EXPIRES = re.compile(r"expires: \d{4}-\d\d-\d\d")


def mistyped_reference(text: str) -> str:
    """The last digit of the first reference (after the record's own id) becomes a letter."""
    head, sep, body = text.partition("\nowner: ")
    return head + sep + _REFERENCE.sub(lambda m: m.group(1) + "x", body, count=1)


def unwritten_reference(text: str) -> str:
    """The first reference names a record that was never written, nowhere near an id."""
    head, sep, body = text.partition("\nowner: ")
    return head + sep + _REFERENCE.sub(_unwritten, body, count=1)


def _unwritten(match: re.Match[str]) -> str:
    """``sup-00421`` becomes ``sup-planned-12400``: distinct per record, like real ones."""
    return f"{match.group(1)[:-5]}-planned-{match.group(0)[-5:][::-1]}"


def missing_retention(text: str) -> str:
    return _RETENTION.sub("", text, count=1)


def over_appetite(text: str) -> str:
    residual = "residual:\n  likelihood: 5\n  impact: 5\n"
    return _ACCEPTANCE.sub("", _RESIDUAL.sub(residual, text, count=1), count=1)


def expired_certificate(text: str) -> str:
    return _EXPIRES.sub("expires: 2025-03-31", text, count=1)


def misspelled_field(text: str) -> str:
    """A field name with a typo: the document fails schema validation."""
    return text.replace("\nowner: ", "\nonwer: ", 1)


def duplicate_key(text: str) -> str:
    owner = text.split("\nowner: ", 1)[1].split("\n", 1)[0]
    return f"{text}owner: {owner}\n"


EDITS: dict[str, tuple[Edit, ...]] = {
    "processing-activity": (
        mistyped_reference,
        unwritten_reference,
        missing_retention,
        misspelled_field,
    ),
    "risk": (over_appetite, mistyped_reference, unwritten_reference),
    "control": (misspelled_field,),
    "supplier": (expired_certificate, misspelled_field),
    "task": (mistyped_reference, duplicate_key),
    "ai-system": (mistyped_reference, unwritten_reference),
    "dpia": (mistyped_reference, unwritten_reference),
    "incident": (mistyped_reference, duplicate_key),
}


def maybe_defective(seed: int, kind: str, record_id: str, text: str, rate: float) -> str:
    """``text`` with one defect for about ``rate`` of the records, else unchanged."""
    rng = random.Random(f"{seed}/defect/{record_id}")  # noqa: S311 - not for security
    edits = EDITS.get(kind, ())
    if not edits or rng.random() >= rate:
        return text
    return rng.choice(edits)(text)
