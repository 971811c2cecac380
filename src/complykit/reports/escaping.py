"""What an HTML template writes for ``{{ value }}``: escaped as Jinja escapes it, minus a copy.

With autoescape on, Jinja's compiled templates pass each value they write through
``markupsafe.escape``, which returns a new ``Markup`` object. Its constructor is Python code,
and it ran 1.9 million times in a 10,000-record report pack: a tenth of the rendering time.
The written value is only joined into the page, where a plain string with the same text does
as well. So the templates are compiled (``OutputCodeGenerator``) to write ``escaped_text``
instead: the same characters, escaped by markupsafe's own function, without the object.

Nothing else changes: a macro's output, a ``{% set %}`` block and a filter block are still
joined and marked safe by Jinja, so markup made in a template is never escaped twice, and a
value that is markup already (``__html__``: a translated message, a macro's result) is
written as it is, as ``markupsafe.escape`` writes it.

The same generator compiles ``_("a constant label")`` to ``translated``: a register asks for
the same few labels in every row (290,000 times in a 10,000-record pack), and each went
through Jinja's ``Context.call`` (which inspects the callable and copies its arguments) only to
find the answer ``render`` remembered the first time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import markupsafe
from jinja2 import nodes
from jinja2.compiler import CodeGenerator

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2.compiler import Frame
    from jinja2.runtime import Context


def _markupsafe_inner() -> Callable[[str], str]:
    """markupsafe's escaping of a plain string (its C speedup, when built), else the same
    text through its public ``escape``."""
    inner = getattr(markupsafe, "_escape_inner", None)  # markupsafe 2.1 and 3.0
    if callable(inner):
        return inner  # type: ignore[no-any-return]
    return lambda text: str(markupsafe.escape(text))


_escape_inner = _markupsafe_inner()


def escaped_text(value: Any, /) -> str:
    """``str(markupsafe.escape(value))``, without making the Markup object first."""
    if type(value) is str:
        return _escape_inner(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return _escape_inner(str(value))


def translated(context: Context, gettext: Any, message: str, /) -> Any:
    """``_(message)`` as the template would call it: the remembered translation when ``gettext``
    is the environment's remembering one and has it, else the call Jinja would make."""
    remembered = getattr(gettext, "remembered", None)
    if remembered is not None:
        found = remembered.get((message, context.eval_ctx.autoescape))
        if found is not None:
            return found
    return context.call(gettext, message)


_GETTEXT_NAMES = frozenset({"_", "gettext"})


def _constant_message(node: nodes.Call) -> bool:
    """``_("text")``: a translation of a constant, with nothing to fill in."""
    return (
        isinstance(node.node, nodes.Name)
        and node.node.name in _GETTEXT_NAMES
        and len(node.args) == 1
        and isinstance(node.args[0], nodes.Const)
        and type(node.args[0].value) is str
        and not node.kwargs
        and node.dyn_args is None
        and node.dyn_kwargs is None
    )


class OutputCodeGenerator(CodeGenerator):
    """Jinja's code generator (``Environment.code_generator_class``), writing values through
    ``escaped_text`` where autoescape is known to be on when the template compiles."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:  # noqa: N802 - Jinja's name
        self.writeline(f"from {__name__} import escaped_text, translated")
        super().visit_Template(node, frame)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("escaped_text(")
        if finalize.src is not None:
            self.write(finalize.src)

    def visit_Call(  # noqa: N802 - Jinja's name
        self, node: nodes.Call, frame: Frame, forward_caller: bool = False
    ) -> None:
        if forward_caller or self.environment.is_async or not _constant_message(node):
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        # The callable is looked up exactly as Jinja would (a template that shadows ``_`` gets
        # its own); only the call differs.
        self.write("translated(context, ")
        self.visit(node.node, frame)
        self.write(f", {node.args[0].value!r})")  # type: ignore[attr-defined]
