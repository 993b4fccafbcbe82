"""Move progress between machines: the whole store as one JSON document, and back.

``export`` writes every table, rows in key order, with a fixed layout, so exporting what was
imported gives the same bytes. ``import`` fills an empty store in one transaction; it refuses a
store that already holds progress (it never overwrites, never merges silently) and a document of
another format version or with unknown tables.
"""

from __future__ import annotations

import json
from typing import Any

from mlkata.store import SCHEMA_VERSION, Store, StoreError

FORMAT = "mlkata-progress"
TABLES = (
    "runs",
    "sources",
    "starts",
    "hints",
    "solves",
    "giveups",
    "snapshots",
    "mocks",
    "reviews",
    "review_log",
    "answers",
)
"""Every table of the store, in the order they are written."""


class TransferError(Exception):
    """The document cannot be imported (or the store cannot take it); the message says why."""


def _columns(store: Store, table: str) -> list[str]:
    assert table in TABLES  # table names are never user input: they come from TABLES
    return [r[1] for r in store.query(f"PRAGMA table_info({table})")]


def export_progress(store: Store) -> str:
    """The store as a JSON document (ends with a newline)."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        columns = _columns(store, table)
        order = ", ".join(columns)
        rows = store.query(f"SELECT {order} FROM {table} ORDER BY {order}")
        tables[table] = {"columns": columns, "rows": [list(r) for r in rows]}
    document = {"format": FORMAT, "schema": SCHEMA_VERSION, "tables": tables}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def held(store: Store) -> dict[str, int]:
    """Rows per table that holds any."""
    counts = {t: int(store.query(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES}
    return {t: n for t, n in counts.items() if n}


def import_progress(store: Store, text: str) -> dict[str, int]:
    """Fill an empty store from an exported document; returns the rows imported per table."""
    document = _parse(text)
    if existing := held(store):
        what = ", ".join(f"{n} {t}" for t, n in existing.items())
        raise TransferError(
            f"the progress database {store.path or '(in memory)'} already holds progress ({what}); "
            "import only into an empty one (move it aside, or import with --database NEW_FILE)"
        )
    imported: dict[str, int] = {}
    try:
        with store.transaction() as db:
            for table, data in document["tables"].items():
                columns = data["columns"]
                if columns != _columns(store, table):
                    raise TransferError(f"table {table}: columns {columns} differ from this version's {_columns(store, table)}")
                marks = ", ".join("?" for _ in columns)
                db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", data["rows"])
                imported[table] = len(data["rows"])
    except StoreError as exc:
        raise TransferError(str(exc)) from None
    return imported


def _parse(text: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise TransferError(f"not a JSON document: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError(f'not an ML Kata progress export (no "format": "{FORMAT}")')
    if document.get("schema") != SCHEMA_VERSION:
        raise TransferError(f"exported with schema {document.get('schema')}; this version reads schema {SCHEMA_VERSION}")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise TransferError('no "tables" object')
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise TransferError(f"unknown tables: {', '.join(unknown)}")
    for table, data in tables.items():
        ok = isinstance(data, dict) and isinstance(data.get("columns"), list) and isinstance(data.get("rows"), list)
        if not ok or not all(isinstance(r, list) and len(r) == len(data["columns"]) for r in data["rows"]):
            raise TransferError(f'table {table}: expected {{"columns": [...], "rows": [[...], ...]}} with one value per column')
    return document
