"""Field descriptions from the docstrings under each field, read once per module.

Pydantic's ``use_attribute_docstrings`` finds each class's source by walking the call stack and
tokenising from the class's line, for every class: about a third of the time it took to import
the models. Here each model module is parsed once and every class of it is looked up in that
tree, with the same rule (a string right after an annotated name is that field's description;
an explicit ``Field(description=...)``, also one carried by an ``Annotated`` type, wins, except
the "Free text." of ``types.Text``, which says less than any docstring).
"""

from __future__ import annotations

import functools
import sys
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.model.prebuilt import docstrings
from complykit.model.types import FREE_TEXT

if TYPE_CHECKING:
    import ast

    from pydantic import BaseModel


def describe_fields(model: type[BaseModel]) -> None:
    """Give each field of ``model`` without a description the docstring written under it. A
    `Text` field's "Free text." gives way too: it hid what a waiver's `reason` is to say behind
    two words, in the schema an editor shows and in the draft `complykit new` writes."""
    docs = _module_docstrings(model.__module__).get(model.__qualname__, {})
    for name, field in model.__pydantic_fields__.items():
        if field.description in (None, FREE_TEXT) and name in docs:
            field.description = docs[name]


@functools.cache
def _module_docstrings(module: str) -> dict[str, dict[str, str]]:
    """Attribute docstrings of every class in ``module``, by qualified name: as read ahead into
    prebuilt.json when the module's source is the one they were read from (parsing every
    model module took about 9 ms of each run), else read now."""
    try:
        source = Path(sys.modules[module].__file__ or "").read_bytes()
    except (KeyError, OSError):
        return read_docstrings(module)
    return docstrings(module, source) or read_docstrings(module)


def read_docstrings(module: str) -> dict[str, dict[str, str]]:
    """Attribute docstrings of every class in ``module``, read from its source."""
    import ast  # noqa: PLC0415 - only when prebuilt.json does not have them
    import inspect  # noqa: PLC0415 - as ast: 6-9 ms that a run with prebuilt.json never needs

    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (KeyError, OSError, TypeError, SyntaxError):  # no source (frozen, interactive)
        return {}
    return dict(_classes(tree.body, ""))


def _classes(body: list[ast.stmt], prefix: str) -> list[tuple[str, dict[str, str]]]:
    import ast  # noqa: PLC0415 - see read_docstrings

    found: list[tuple[str, dict[str, str]]] = []
    for node in body:
        if isinstance(node, ast.ClassDef):
            name = f"{prefix}{node.name}"
            found.append((name, _attribute_docs(node)))
            found += _classes(node.body, f"{name}.")
    return found


def _attribute_docs(node: ast.ClassDef) -> dict[str, str]:
    import ast  # noqa: PLC0415 - see read_docstrings
    import inspect  # noqa: PLC0415 - see read_docstrings

    docs: dict[str, str] = {}
    for before, after in pairwise(node.body):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(after.value.value)
    return docs
