"""Values written by HTML templates: escaped exactly as markupsafe escapes them, markup kept."""

from __future__ import annotations

from typing import Any

import markupsafe
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment, StrictUndefined

from complykit.reports.escaping import escaped_text
from complykit.reports.render import FORMATS, TEMPLATES, environment, translations


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


_LABEL_SOURCES = {
    "label": '{{ _("yes") }}|{{ gettext("no") }}',
    "label in a loop": '{% for x in xs %}{{ _("yes") }}{{ x }}{% endfor %}',
    "label in a macro": '{% macro m(v) %}{{ _("no") }}{{ v }}{% endmacro %}{{ m(1) }}{{ m(2) }}',
    "label with markup": '{{ _("a < b & c") }}|{{ _("100%% sure") }}',
    "label with a value": '{{ _("%(n)s records", n="<b>") }}',
    "a macro's own _": '{% macro m(_) %}{{ _("yes") }}{% endmacro %}{{ m(shout) }}',
    "a loop's own _": '{% for _ in [shout] %}{{ _("no") }}{% endfor %}',
}


def _stock_environment(lang: str) -> Environment:
    """Jinja as it comes, translated as the report environment is: what folding must equal."""
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True, undefined=StrictUndefined)
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("source", _LABEL_SOURCES.values(), ids=list(_LABEL_SOURCES))
def test_constant_labels_render_as_jinja_renders_them(lang: str, source: str) -> None:
    """``_("label")`` compiles to a look-up of the remembered translation; what it writes is
    what Jinja's own call writes, twice in a row (the second from what was remembered), and a
    template that binds its own ``_`` calls that."""
    values = {"xs": [1, 2], "shout": str.upper}
    expected = _stock_environment(lang).from_string(source).render(values)
    template = environment(lang).from_string(source)
    assert template.render(values) == expected
    assert template.render(values) == expected


def test_a_constant_label_is_translated_without_a_call_through_jinja() -> None:
    env = environment("nl")
    code = env.compile('{{ _("yes") }}{{ _("%(n)s x", n=1) }}{{ f("yes") }}', raw=True)
    assert code.count("translated(context,") == 1
    assert env.from_string('{{ _("yes") }}').render() == "ja"
