"""Names for the ids that records hold: people from the config, and referenced records."""

from __future__ import annotations

from complykit.workspace.repository import Repository


def person_name(repo: Repository, person_id: str | None) -> str | None:
    """The person's name from ``people``, or the id when no such person exists."""
    if person_id is None:
        return None
    return next((p.name for p in repo.config.people if p.id == person_id), person_id)


def record_label(repo: Repository, record_id: str) -> str:
    """The referenced record's name or title, or its id when it did not load."""
    entry = repo.by_id.get(record_id)
    return entry.record.label if entry is not None else record_id


def sort_key(text: str, record_id: str) -> tuple[str, str]:
    """Case-insensitive order by name, ties broken by id, so output never depends on files."""
    return text.casefold(), record_id
