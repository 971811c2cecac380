"""PDF output: the HTML report laid out by WeasyPrint, which follows the template's print CSS.

The same HTML gives the same bytes. What could make WeasyPrint's output differ between runs, and
how it is pinned: the document's created and modified dates default to the clock (set to the
as-of date below); PDF/X variants write a random XMP document id (no variant is asked for);
the file identifier is off by default; font subsets are named from their content; and the
fonts themselves come from the system, so the print CSS names DejaVu Sans first, which
``.ci/run`` installs. tests/unit/reports/test_pdf_layout.py compares two processes.

WeasyPrint is an optional extra (``complykit[pdf]``): it needs Pango from the system, and
most users print from the HTML. Its import is slow, so it happens only when a PDF is written.
"""

from __future__ import annotations

import warnings
from datetime import date

from complykit.core.errors import ComplykitError

INSTALL_HINT = (
    "Install the PDF extra: pip install 'complykit[pdf]' (WeasyPrint; it needs Pango, e.g. "
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0), or print the HTML report from a browser."
)


def html_to_pdf(html: str, as_of: date) -> bytes:
    """The PDF of an HTML report, dated ``as_of`` in its metadata rather than by the clock."""
    with warnings.catch_warnings():
        # Without the system's HarfBuzz-Subset library WeasyPrint subsets fonts itself and
        # says it will not in future versions; the PDF is the same, so users need not see it.
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        try:
            import weasyprint  # type: ignore[import-untyped]  # noqa: PLC0415 - optional, slow
        except (ImportError, OSError) as error:  # OSError: WeasyPrint found no Pango library
            message = f"PDF output is not available: {error}"
            raise ComplykitError(message, hint=INSTALL_HINT) from None
        document = weasyprint.HTML(string=html).render()
        stamp = f"{as_of.isoformat()}T00:00:00Z"
        document.metadata.created = stamp
        document.metadata.modified = stamp
        pdf: bytes = document.write_pdf()
    return pdf
