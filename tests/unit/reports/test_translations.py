"""The Dutch catalog: every msgid the reports use is translated, and nothing else is kept."""

from __future__ import annotations

import re

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po

from complykit.reports.render import TEMPLATES, po_path

SOURCE = TEMPLATES.parent
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _used_msgids() -> set[str]:
    found: set[str] = set()
    for template in sorted(TEMPLATES.glob("*.j2")):
        messages = extract_from_file("jinja2.ext:babel_extract", template, options=JINJA_OPTIONS)
        found.update(str(message) for _, message, _, _ in messages)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    for module in sorted(SOURCE.glob("*.py")):
        messages = extract_from_file("python", module, keywords=keywords)
        found.update(str(message) for _, message, _, _ in messages)
    return found


def _dutch() -> dict[str, str]:
    with po_path("nl").open("rb") as stream:
        catalog = read_po(stream, locale="nl")
    return {str(m.id): str(m.string) for m in catalog if m.id and not m.fuzzy}


def test_every_msgid_has_a_dutch_translation() -> None:
    """Each string the templates, labels and sheets use has a non-empty Dutch translation."""
    dutch = _dutch()
    missing = sorted(m for m in _used_msgids() if not dutch.get(m))
    assert missing == []


def test_the_catalog_holds_no_unused_msgids() -> None:
    """The Dutch catalog keeps no translation that no template or label uses any more."""
    assert sorted(set(_dutch()) - _used_msgids()) == []


def test_translations_keep_their_placeholders() -> None:
    """A translation has the same %(name)s placeholders as its msgid."""
    wrong = {
        msgid: text
        for msgid, text in _dutch().items()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(text))
    }
    assert wrong == {}
