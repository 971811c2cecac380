"""What a rule or a fact helper found about one record, before a rule stamps it as a finding."""

from __future__ import annotations

from complykit.core.frozen import frozen
from complykit.load.positions import Loc
from complykit.workspace.repository import Entry


@frozen
class Problem:
    """What a check found; ``where`` None means complykit.yaml."""

    where: Entry | None
    loc: Loc
    message: str
    hint: str | None = None
    citation: tuple[str, ...] = ()
    at_key: bool = False
    """Point at the mapping key rather than its value (for problems with the key itself)."""
