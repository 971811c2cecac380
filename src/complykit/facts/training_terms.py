"""Whether a supplier or AI vendor may train models on the data we send it, by its terms and
by what we did about them.

``opt-out`` terms allow training until we object; once we have (``opted_out``, on or before
the day judged), they allow none. The terms stay recorded as written, and the objection beside
them, so that a reader sees both what the contract says and what we did.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

NO_TRAINING = frozenset({"prohibited", "not-applicable"})


class TrainingTerms(Protocol):
    @property
    def customer_data(self) -> str: ...
    @property
    def opted_out(self) -> date | None: ...


def objected(terms: TrainingTerms, as_of: date) -> bool:
    """Whether we objected to ``opt-out`` terms on or before ``as_of``."""
    return (
        terms.customer_data == "opt-out"
        and terms.opted_out is not None
        and (terms.opted_out <= as_of)
    )


def may_train_on_customer_data(terms: TrainingTerms, as_of: date) -> bool:
    """Whether the terms, with our objection if any, let the vendor train on customer data
    (``unknown`` counts: nothing says it may not)."""
    return terms.customer_data not in NO_TRAINING and not objected(terms, as_of)


def opt_out_not_exercised(terms: TrainingTerms, as_of: date) -> bool:
    """``opt-out`` terms with no objection recorded by ``as_of``."""
    return terms.customer_data == "opt-out" and not objected(terms, as_of)
