"""``complykit catalog``: list the frameworks, show one framework or control, search them all."""

from __future__ import annotations

import json
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from complykit.cli.boundary import exits

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from complykit.catalog import Catalog, CatalogSet, Item, MappingRow, MappingSet

SCHEMA_VERSION = "1"
UNVERIFIED_NOTE = "unverified: complykit's own reading, not confirmed by an authority"
_SHORT = 16  # cells up to this wide (ids, dates, flags) never wrap


class ViewFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    ViewFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
]
WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="The workspace folder, or any path inside one.",
        show_default="the workspace around the current directory",
    ),
]
_ItemArgument = Annotated[str | None, typer.Argument(help="An item id, e.g. A.5.1 or 'Art. 6(1)'.")]

app = typer.Typer(
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
    catalogs, bundled = _load(workspace)
    rows = [_header(c, "bundled" if c.id in bundled else "workspace") for c in catalogs.frameworks]
    if output_format == ViewFormat.JSON:
        print_json({"schema_version": SCHEMA_VERSION, "catalogs": rows})
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
    catalogs, _ = _load(workspace)
    catalog = find_framework(catalogs, framework)
    if control is None:
        return _show_framework(catalog, output_format)
    return _show_item(catalogs, catalog, _find_item(catalogs, catalog, control), output_format)


@app.command("search")
@exits
def search(
    text: Annotated[str, typer.Argument(help="Words to find in ids, titles and summaries.")],
    framework: Annotated[
        str | None, typer.Option("--framework", help="Search only this framework.")
    ] = None,
    workspace: WorkspaceOption = None,
    output_format: FormatOption = ViewFormat.TEXT,
) -> int:
    """Find items whose id, title or summary contains the text, ignoring case."""
    catalogs, _ = _load(workspace)
    only = find_framework(catalogs, framework).id if framework else None
    found = [(fw, i) for fw, i in catalogs.search(text) if only is None or fw == only]
    results = [{"framework": fw, **i.model_dump(mode="json")} for fw, i in found]
    columns = ("framework", "id", "kind", "title")
    if output_format == ViewFormat.JSON:
        document = {"schema_version": SCHEMA_VERSION, "query": text, "framework": only}
        print_json({**document, "results": results})
    elif results:
        print_table(columns, [[r[c] for c in columns] for r in results])
    else:
        typer.echo(f"No item matches '{text}'.")
    return 0


def find_framework(catalogs: CatalogSet, name: str) -> Catalog:
    """The catalog for an id or alias, or a ComplykitError with a "did you mean"."""
    import difflib  # noqa: PLC0415 - keep --help fast

    from complykit.errors import ComplykitError  # noqa: PLC0415

    catalog = catalogs.framework(name)
    if catalog is not None:
        return catalog
    names = [n for c in catalogs.frameworks for n in (c.id, *c.framework.aliases)]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    known = ", ".join(c.id for c in catalogs.frameworks)
    hint = f"Did you mean {' or '.join(close)}?" if close else f"Known frameworks: {known}."
    raise ComplykitError(f"unknown framework '{name}'", hint=hint)


def _find_item(catalogs: CatalogSet, catalog: Catalog, item_id: str) -> Item:
    from complykit.checks.hints import control_hint  # noqa: PLC0415
    from complykit.errors import ComplykitError  # noqa: PLC0415

    item = catalog.item(item_id)
    if item is not None:
        return item
    listing = f"See `complykit catalog show {catalog.id}` for every id."
    hint = control_hint(catalogs, catalog.id, item_id) or listing
    raise ComplykitError(f"{catalog.id} has no item '{item_id}'", hint=hint)


def _load(workspace: Path | None) -> tuple[CatalogSet, frozenset[str]]:
    from complykit.catalog import load_catalogs  # noqa: PLC0415
    from complykit.errors import ComplykitError  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415
    from complykit.scaffold import workspace_catalogs  # noqa: PLC0415

    try:
        root = find_root(workspace or Path.cwd())
    except ComplykitError:
        if workspace is not None:
            raise
        root = None  # outside a workspace: the bundled catalogs alone
    bundled = frozenset(c.id for c in load_catalogs().frameworks)
    return workspace_catalogs(root), bundled


def _header(catalog: Catalog, source: str | None = None) -> dict[str, Any]:
    header = catalog.framework.model_dump(mode="json")
    header["counts"] = dict(sorted(Counter(item.kind for item in catalog.items).items()))
    return header | ({"source": source} if source else {})


def _counts(header: dict[str, Any]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in header["counts"].items())


def _show_framework(catalog: Catalog, output_format: ViewFormat) -> int:
    items = [item.model_dump(mode="json") for item in catalog.items]
    header = _header(catalog)
    if output_format == ViewFormat.JSON:
        print_json({"schema_version": SCHEMA_VERSION, "framework": header, "controls": items})
        return 0
    typer.echo(f"{catalog.id}: {catalog.framework.name} ({_counts(header)})")
    if catalog.framework.unverified:
        typer.echo(UNVERIFIED_NOTE)
    print_table(("id", "kind", "title"), [[i["id"], i["kind"], i["title"]] for i in items])
    return 0


def _show_item(catalogs: CatalogSet, catalog: Catalog, item: Item, fmt: ViewFormat) -> int:
    links = _links(catalogs, catalog.id, item.id)
    if fmt == ViewFormat.JSON:
        document = {"schema_version": SCHEMA_VERSION, "framework": _header(catalog)}
        print_json({**document, "control": item.model_dump(mode="json"), "mappings": links})
        return 0
    typer.echo(f"{catalog.id} {item.id}: {item.title} ({item.kind})")
    for label in ("group", "parent", "summary", "role", "applies_from"):
        if getattr(item, label) is not None:
            typer.echo(f"  {label}: {getattr(item, label)}")
    columns = ("direction", "framework", "id", "relationship", "unverified", "title")
    if links:
        print_table(columns, [[link[c] for c in columns] for link in links])
    if any(link["unverified"] for link in links):
        typer.echo(UNVERIFIED_NOTE)
    return 0


def _links(catalogs: CatalogSet, framework_id: str, item_id: str) -> list[dict[str, Any]]:
    """Mapping rows from the item ("to" their target) and onto it ("from" their source)."""
    here = (framework_id, item_id)
    links = []
    for mapping in catalogs.mappings:
        info = mapping.mapping
        for row in mapping.rows:
            if here in {(info.source_framework, row.source), (info.target_framework, row.target)}:
                out = (info.source_framework, row.source) == here
                links.append(_link(catalogs, mapping, row, out=out))
    return links


def _link(
    catalogs: CatalogSet, mapping: MappingSet, row: MappingRow, *, out: bool
) -> dict[str, Any]:
    info = mapping.mapping
    framework = info.target_framework if out else info.source_framework
    other_id = row.target if out else row.source
    catalog = catalogs.framework(framework)
    item = catalog.item(other_id) if catalog is not None else None
    return {
        "direction": "to" if out else "from",
        "mapping": info.id,
        "framework": framework,
        "id": other_id,
        "title": item.title if item is not None else None,
        "relationship": row.relationship,
        "unverified": row.unverified or info.unverified,
        "note": row.note,
    }


def print_json(document: object) -> None:
    # ASCII-only output survives any stream encoding, as in the validate JSON format.
    typer.echo(json.dumps(document, indent=2, ensure_ascii=True))


def print_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A plain Rich table; ids and other short values never wrap, long text does."""
    from rich.console import Console  # noqa: PLC0415 - Rich is slow to import
    from rich.table import Table  # noqa: PLC0415

    cells = [[_cell(value) for value in row] for row in rows]
    table = Table(box=None, header_style="bold", pad_edge=False)
    for index, column in enumerate(columns):
        widest = max((len(row[index]) for row in cells), default=0)
        table.add_column(column, no_wrap=widest <= _SHORT)
    for row in cells:
        table.add_row(*row)
    Console(highlight=False, markup=False, emoji=False).print(table)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "-" if value is None else str(value)
