"""``complykit catalog``: list the frameworks, show one framework or control, search them all."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from complykit.cli.boundary import exits
from complykit.cli.options import WorkspaceOption
from complykit.cli.output import (
    SCHEMA_VERSION,
    UNVERIFIED_NOTE,
    FormatOption,
    ViewFormat,
    print_document,
    print_table,
    say,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from complykit.catalog import Catalog, CatalogSet, Item
    from complykit.contracts.catalog import FrameworkHeader


_ItemArgument = Annotated[str | None, typer.Argument(help="An item id, e.g. A.5.1 or 'Art. 6(1)'.")]

app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="catalog",
    help="Browse the frameworks, controls and mappings complykit knows.",
    no_args_is_help=True,
)


@app.command("list")
@exits
def list_catalogs(
    workspace: WorkspaceOption = None, output_format: FormatOption = ViewFormat.TEXT
) -> int:
    """List every catalog: the bundled ones and the workspace's own catalogs/ folder."""
    from complykit.contracts.catalog import CatalogListDocument, FrameworkListing  # noqa: PLC0415

    catalogs, bundled = _load(workspace)
    listed = [
        FrameworkListing(
            **_header(c).model_dump(), source="bundled" if c.id in bundled else "workspace"
        )
        for c in catalogs.frameworks
    ]
    document: CatalogListDocument = {"schema_version": SCHEMA_VERSION, "catalogs": listed}
    rows = print_document(CatalogListDocument, document, output_format)["catalogs"]
    if output_format == ViewFormat.JSON:
        return 0
    columns = ("id", "edition", "soa", "unverified", "source", "items", "name")
    print_table(columns, [[r[c] if c != "items" else _counts(r) for c in columns] for r in rows])
    return 0


@app.command("show")
@exits
def show(
    framework: Annotated[str, typer.Argument(help="Framework id or alias, e.g. iso27001-2022.")],
    control: _ItemArgument = None,
    workspace: WorkspaceOption = None,
    output_format: FormatOption = ViewFormat.TEXT,
) -> int:
    """Show a framework and all its items, or one item with its mappings both ways."""
    from complykit.catalog.hints import require_framework, require_item  # noqa: PLC0415

    catalogs, _ = _load(workspace)
    catalog = require_framework(catalogs, framework)
    if control is None:
        return _show_framework(catalog, output_format)
    return _show_item(catalogs, catalog, require_item(catalogs, catalog, control), output_format)


@app.command("search")
@exits
def search(
    text: Annotated[str, typer.Argument(help="Words to find in ids, titles and summaries.")],
    framework: Annotated[
        str | None,
        typer.Option("--framework", help="Search only this framework.", metavar="FRAMEWORK"),
    ] = None,
    workspace: WorkspaceOption = None,
    output_format: FormatOption = ViewFormat.TEXT,
) -> int:
    """Find items whose id, title or summary contains the text, ignoring case."""
    from complykit.catalog.hints import require_framework  # noqa: PLC0415

    if not text.strip():  # every item contains "": a search for nothing is a slip
        raise typer.BadParameter("give words to search for", param_hint="TEXT")

    catalogs, _ = _load(workspace)
    only = require_framework(catalogs, framework).id if framework else None
    from complykit.contracts.catalog import CatalogSearchDocument, SearchResult  # noqa: PLC0415

    found = [(fw, i) for fw, i in catalogs.search(text) if only is None or fw == only]
    document: CatalogSearchDocument = {
        "schema_version": SCHEMA_VERSION,
        "query": text,
        "framework": only,
        "results": [SearchResult(framework=fw, **i.model_dump()) for fw, i in found],
    }
    results = print_document(CatalogSearchDocument, document, output_format)["results"]
    columns = ("framework", "id", "kind", "title")
    if output_format == ViewFormat.JSON:
        return 0
    if results:
        print_table(columns, [[r[c] for c in columns] for r in results])
    else:
        say(f"No item matches '{text}'.")
    return 0


def _load(workspace: Path | None) -> tuple[CatalogSet, frozenset[str]]:
    from complykit.catalog import load_catalogs  # noqa: PLC0415
    from complykit.core.errors import ComplykitError  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415
    from complykit.workspace.open import workspace_catalogs  # noqa: PLC0415

    try:
        root = find_root(workspace or Path.cwd())
    except ComplykitError:
        if workspace is not None:
            raise
        root = None  # outside a workspace: the bundled catalogs alone
    bundled = frozenset(c.id for c in load_catalogs().frameworks)
    catalogs, findings = workspace_catalogs(root)
    for finding in findings:
        where = f"{finding.path.as_posix()}:{finding.line}:{finding.column}"
        say(f"warning: {where}: {finding.code} {finding.message} (file left out)", err=True)
    return catalogs, bundled


def _header(catalog: Catalog) -> FrameworkHeader:
    from complykit.contracts.catalog import FrameworkHeader  # noqa: PLC0415

    counts = dict(sorted(Counter(str(item.kind) for item in catalog.items).items()))
    return FrameworkHeader(**catalog.framework.model_dump(), counts=counts)


def _counts(header: Mapping[str, Any]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in header["counts"].items())


def _show_framework(catalog: Catalog, output_format: ViewFormat) -> int:
    from complykit.contracts.catalog import CatalogShowDocument  # noqa: PLC0415

    document: CatalogShowDocument = {
        "schema_version": SCHEMA_VERSION,
        "framework": _header(catalog),
        "controls": list(catalog.items),
    }
    shown = print_document(CatalogShowDocument, document, output_format)
    header, items = shown["framework"], shown["controls"]
    if output_format == ViewFormat.JSON:
        return 0
    say(f"{catalog.id}: {catalog.framework.name} ({_counts(header)})")
    if catalog.framework.unverified:
        say(UNVERIFIED_NOTE)
    print_table(("id", "kind", "title"), [[i["id"], i["kind"], i["title"]] for i in items])
    return 0


def _show_item(catalogs: CatalogSet, catalog: Catalog, item: Item, fmt: ViewFormat) -> int:
    from complykit.catalog.links import links as find_links  # noqa: PLC0415
    from complykit.contracts.catalog import CatalogItemDocument, LinkDocument  # noqa: PLC0415

    document: CatalogItemDocument = {
        "schema_version": SCHEMA_VERSION,
        "framework": _header(catalog),
        "control": item,
        # A plain TypedDict, not the dataclass, so the published schema is fixed by the contract.
        "mappings": [
            LinkDocument(
                direction=link.direction,
                mapping=link.mapping,
                framework=link.framework,
                id=link.id,
                title=link.title,
                relationship=link.relationship,
                unverified=link.unverified,
                note=link.note,
            )
            for link in find_links(catalogs, catalog.id, item.id)
        ],
    }
    links = print_document(CatalogItemDocument, document, fmt)["mappings"]
    if fmt == ViewFormat.JSON:
        return 0
    say(f"{catalog.id} {item.id}: {item.title} ({item.kind})")
    for label in ("group", "parent", "summary", "role", "applies_from"):
        if getattr(item, label) is not None:
            say(f"  {label}: {getattr(item, label)}")
    columns = ("direction", "framework", "id", "relationship", "unverified", "title")
    if links:
        print_table(columns, [[link[c] for c in columns] for link in links])
    if any(link["unverified"] for link in links):
        say(UNVERIFIED_NOTE)
    return 0
