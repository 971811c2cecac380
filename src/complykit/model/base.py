"""The strict base every record and sub-record derives from."""

from typing import Any

from complykit.model.declaring import BaseModel, ConfigDict
from complykit.model.docstrings import describe_fields
from complykit.model.empty import EMPTY
from complykit.model.types import IsoDate, NonEmptyStr, PersonRef, RecordId


class StrictModel(BaseModel):
    """Unknown fields are errors and no value is coerced: ``"3"`` is not a number."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        # Built by pydantic when first used, once the docstrings are the fields' descriptions;
        # validation uses validators compiled from schemas generated ahead (model/prebuilt.py).
        defer_build=True,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        describe_fields(cls)


class Record(StrictModel):
    """Fields every record kind shares. ``kind`` is narrowed to a literal by each subclass."""

    kind: str
    """The record kind; each kind's model narrows it to one fixed value."""
    id: RecordId
    owner: PersonRef | None = None
    """Who is accountable for this record (a person id from complykit.yaml)."""
    next_review: IsoDate | None = None
    """When this record is next reviewed."""
    tags: list[NonEmptyStr] = EMPTY
    """Free labels for filtering and reports."""
    notes: str | None = None
    """Anything else a reviewer should know."""

    @property
    def label(self) -> str:
        """A human name for the record: its title or name when it has one."""
        for attribute in ("name", "title"):
            value = getattr(self, attribute, None)
            if isinstance(value, str):
                return value
        return self.id
