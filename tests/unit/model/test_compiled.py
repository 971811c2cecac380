"""pydantic-core's extension loaded alone (``model.compiled``): the same classes, less import."""

from __future__ import annotations

import subprocess
import sys
import textwrap

EXAMPLE = "examples/tulip-health"


def _python(code: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        check=True,
        text=True,
    )
    return done.stdout.strip()


def test_a_plain_validation_never_imports_the_pydantic_core_package() -> None:
    """The run the command line makes on a cache miss: records declared plain, every record of
    the example validated, findings made; the package's ``__init__`` (and its ``core_schema``)
    is never run, the compiled module is."""
    out = _python(
        f"""
        import os, sys
        from datetime import date
        from pathlib import Path
        os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
        from complykit.model.plain import use_plain_records
        assert use_plain_records()
        from complykit.validate.engine import run
        result = run(Path("{EXAMPLE}"), as_of=date(2026, 12, 1), jobs=1)
        assert result.records_checked > 50, result.records_checked
        assert not result.findings, result.findings
        print(sorted(m for m in sys.modules if m.startswith("pydantic")))
        """
    )
    assert out == "['pydantic_core._pydantic_core']"


def test_the_package_imported_later_holds_the_very_same_classes() -> None:
    """One ``ValidationError``: what complykit catches is what pydantic raises, whichever was
    imported first."""
    out = _python(
        """
        from complykit.model import compiled
        import pydantic, pydantic_core
        assert compiled.ValidationError is pydantic_core.ValidationError
        assert compiled.ValidationError is pydantic.ValidationError
        assert compiled.SchemaValidator is pydantic_core.SchemaValidator
        assert compiled.version == pydantic_core.__version__
        class Thing(pydantic.BaseModel):
            size: int
        try:
            Thing(size="big")
        except compiled.ValidationError as error:
            print(error.errors()[0]["type"])
        """
    )
    assert out == "int_parsing"


def test_with_the_package_already_imported_its_module_is_used() -> None:
    out = _python(
        """
        import pydantic_core
        from complykit.model import compiled
        print(compiled.SchemaValidator is pydantic_core.SchemaValidator)
        """
    )
    assert out == "True"


def test_a_validator_built_alone_reports_errors_with_their_places() -> None:
    """The extension without its package still validates and explains, down to the field
    (explaining imports the package: a cost paid only where a record is wrong)."""
    out = _python(
        """
        from complykit.model import compiled
        validator = compiled.SchemaValidator(
            {"type": "typed-dict", "fields": {"due": {"type": "typed-dict-field",
             "schema": {"type": "date"}}}}
        )
        try:
            validator.validate_python({"due": "2026-02-30"})
        except compiled.ValidationError as error:
            detail = error.errors()[0]
            print(detail["loc"], detail["type"], detail["input"])
        """
    )
    assert out == "('due',) date_from_datetime_parsing 2026-02-30"
