"""Values written by HTML templates: escaped exactly as markupsafe escapes them, markup kept."""

from __future__ import annotations

from typing import Any

import markupsafe
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.reports.escaping import escaped_text
from complykit.reports.render import FORMATS, TEMPLATES, environment


class _Html:
    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return self.text


@given(st.text())
def test_text_is_escaped_as_markupsafe_escapes_it(text: str) -> None:
    assert escaped_text(text) == str(markupsafe.escape(text))


@given(st.text())
def test_markup_is_written_as_it_is(text: str) -> None:
    assert escaped_text(markupsafe.Markup(text)) == text  # noqa: S704 - the case under test
    assert escaped_text(_Html(text)) == text


@pytest.mark.parametrize("value", [3, 2.5, None, True, ["<a>", "&"], ("'",)])
def test_other_values_are_escaped_as_text(value: Any) -> None:
    assert escaped_text(value) == str(markupsafe.escape(value))


def test_a_template_escapes_values_once_and_keeps_its_own_markup() -> None:
    """A macro's markup, a set block and a filter block are not escaped again; values are."""
    source = (
        "{% macro bold(x) %}<b>{{ x }}</b>{% endmacro %}"
        "{% set block %}<i>{{ value }}</i>{% endset %}"
        "{{ bold(value) }}|{{ value }}|{{ block }}|"
        "{% filter upper %}<u>{{ value }}</u>{% endfilter %}"
    )
    html = environment("en").from_string(source).render(value="<&'\">")
    assert html == (
        "<b>&lt;&amp;&#39;&#34;&gt;</b>|&lt;&amp;&#39;&#34;&gt;|"
        "<i>&lt;&amp;&#39;&#34;&gt;</i>|<U>&LT;&AMP;&#39;&#34;&GT;</U>"
    )


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob(f"*.{FORMATS['html']}")), ids=str)
def test_html_templates_write_values_without_a_markup_copy(path: Any) -> None:
    """Each HTML template compiles to code that writes through ``escaped_text`` (a tenth of a
    report pack's rendering time went to making a Markup object of every value)."""
    env = environment("en")
    source, _, _ = env.loader.get_source(env, path.name)  # type: ignore[union-attr]
    code = env.compile(source, path.name, raw=True)
    assert "escaped_text(" in code
    assert "escape(" not in code.replace("escaped_text(", "")
