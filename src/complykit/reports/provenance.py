"""Provenance in words: which commit a document was built from, and by which complykit."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

    from complykit.reports.request import Provenance


def built_from(provenance: Provenance | None, messages: NullTranslations) -> str:
    """One line for the header: the commit, its tag, the revision named, uncommitted changes."""
    _ = messages.gettext
    if provenance is None:
        return _("not recorded")
    if not provenance.in_git or provenance.commit is None:
        return _("not in a git repository")
    parts = [_("git commit %(commit)s") % {"commit": provenance.commit}]
    if provenance.tag:
        parts.append(_("tag %(tag)s") % {"tag": provenance.tag})
    if provenance.revision and provenance.revision != provenance.tag:
        parts.append(_("revision %(revision)s") % {"revision": provenance.revision})
    if provenance.dirty:
        parts.append(_("with uncommitted changes in the workspace"))
    else:
        parts.append(_("no uncommitted changes"))
    return "; ".join(parts)


def generator(provenance: Provenance | None) -> str:
    """The tool and version that rendered the document."""
    return "complykit" if provenance is None else f"complykit {provenance.version}"
