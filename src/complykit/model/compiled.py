"""pydantic-core's compiled extension, loaded without the Python package around it.

A validation that runs on prebuilt validators (``model.prebuilt``) needs four names of
pydantic-core: ``SchemaValidator``, ``SchemaError``, ``ValidationError`` and ``__version__``.
All four live in its compiled module, ``pydantic_core._pydantic_core``. Importing that module
the ordinary way first runs the package's ``__init__``, which imports ``core_schema`` (the
typed dicts for *writing* schemas by hand), ``typing_extensions`` and ``decimal``: about
15 ms of every cold ``validate``, 5% of one on a 1,000-record workspace, for nothing a
prebuilt validator reads.

So the extension is loaded here from the package's folder, under its own name, and put in
``sys.modules``; when something imports the package later (pydantic, a report, the schema
export), the package's ``from ._pydantic_core import ...`` finds this very module, so there
is one ``ValidationError`` class, one ``SchemaValidator``, whichever came first. The compiled
code imports the package itself where it needs it, to explain a failed validation
(``ValidationError.errors()``): a cost paid only where a record is wrong. When the package is
already imported, or the extension cannot be found or loaded this way (another layout, a
frozen application), the ordinary import is used: slower, never different.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING

EXTENSION = "pydantic_core._pydantic_core"


def _loaded_alone() -> ModuleType | None:
    """The extension loaded from the package's folder without running the package; None when
    that cannot be done here."""
    package = importlib.util.find_spec("pydantic_core")
    if package is None or not package.submodule_search_locations:
        return None
    spec = importlib.machinery.PathFinder.find_spec(EXTENSION, package.submodule_search_locations)
    if spec is None or not isinstance(spec.loader, importlib.machinery.ExtensionFileLoader):
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[EXTENSION] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[EXTENSION]
        raise
    return module


def _extension() -> ModuleType:
    loaded = sys.modules.get(EXTENSION)
    if loaded is not None:
        return loaded
    if "pydantic_core" not in sys.modules:
        try:
            alone = _loaded_alone()
        except (ImportError, OSError, ValueError):
            alone = None
        if alone is not None:
            return alone
    import pydantic_core._pydantic_core as ordinary  # noqa: PLC0415 - the fallback

    return ordinary


if TYPE_CHECKING:  # the same objects, as the package's stubs describe them
    from pydantic_core import SchemaError, SchemaValidator, ValidationError
    from pydantic_core import __version__ as version
else:
    _core = _extension()
    SchemaError = _core.SchemaError
    SchemaValidator = _core.SchemaValidator
    ValidationError = _core.ValidationError
    version = _core.__version__

__all__ = ["SchemaError", "SchemaValidator", "ValidationError", "version"]
