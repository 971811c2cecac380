"""How many "did you mean" hints a rule works out for one record.

A hint compares a wrong value with every value it might have meant (difflib, about half a
millisecond against a catalog's controls). Real records have a few wrong values; a pull
request can add one record with tens of thousands, and then the hints alone took tens of
seconds (20,000 unknown controls: 9.5 s; 50,000 references to missing records: 13 s). The
first ``PER_RECORD`` wrong values of a record get their hint, as before; the rest are reported
all the same, with the rule's general hint.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import ParamSpec

from complykit.workspace.repository import Entry

PER_RECORD = 100
P = ParamSpec("P")


class HintBudget:
    """Counts the hints worked out per record (``None``: the workspace configuration)."""

    def __init__(self, per_record: int = PER_RECORD) -> None:
        self.per_record = per_record
        self._given: Counter[int] = Counter()

    def allows(self, entry: Entry | None) -> bool:
        """Whether ``entry`` may have one more worked-out hint (and counts it if so)."""
        key = id(entry)  # entries live as long as the repository the rule reads
        if self._given[key] >= self.per_record:
            return False
        self._given[key] += 1
        return True

    def hint(
        self, entry: Entry | None, work_out: Callable[P, str | None], *args: P.args, **kw: P.kwargs
    ) -> str | None:
        """``work_out(*args)`` while ``entry`` has hints left, else None (the rule's own)."""
        return (work_out(*args, **kw) or None) if self.allows(entry) else None
