"""Field descriptions from the docstrings under each field, read once per module.

Pydantic's ``use_attribute_docstrings`` finds each class's source by walking the call stack and
tokenising from the class's line, for every class: about a third of the time it took to import
the models. Here each model module is parsed once and every class of it is looked up in that
tree, with the same rule (a string right after an annotated name is that field's description;
an explicit ``Field(description=...)``, also one carried by an ``Annotated`` type, wins).
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


def describe_fields(model: type[BaseModel]) -> None:
    """Give each field of ``model`` without a description the docstring written under it."""
    docs = _module_docstrings(model.__module__).get(model.__qualname__, {})
    for name, field in model.__pydantic_fields__.items():
        if field.description is None and name in docs:
            field.description = docs[name]


@functools.cache
def _module_docstrings(module: str) -> dict[str, dict[str, str]]:
    """Attribute docstrings of every class in ``module``, by qualified name."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (KeyError, OSError, TypeError, SyntaxError):  # no source (frozen, interactive)
        return {}
    return dict(_classes(tree.body, ""))


def _classes(body: list[ast.stmt], prefix: str) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []
    for node in body:
        if isinstance(node, ast.ClassDef):
            name = f"{prefix}{node.name}"
            found.append((name, _attribute_docs(node)))
            found += _classes(node.body, f"{name}.")
    return found


def _attribute_docs(node: ast.ClassDef) -> dict[str, str]:
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
