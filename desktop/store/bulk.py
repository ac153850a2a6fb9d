"""Bulk inserts into tables whose search index is kept by row triggers.

A trigger indexing one row at a time is about twice as slow as filling the index for all
new rows with one INSERT ... SELECT. A table listed here has a pause table (a row in it
makes the trigger stand aside) and the SQL that indexes the rows matching a condition.
Generic writers (sync applying a pulled page) use `bulk_index`; they need no per-kind code.
"""

from __future__ import annotations

import importlib
from contextlib import contextmanager
from typing import Callable, Iterator

from sqlalchemy import Connection


def _resident_index_sql(where: str) -> tuple[str, ...]:
    # the name and the digit index tables (migration 0010_resident_ids_fts), the rows the triggers would add
    return importlib.import_module("desktop.store.migrations.versions.0010_resident_ids_fts").index_insert_statements(where)


# table -> (pause table, SQL statements indexing the live rows matching a WHERE condition); same rows as the triggers
_INDEXED: dict[str, tuple[str, Callable[[str], tuple[str, ...]]]] = {
    "resident": ("resident_fts_pause", _resident_index_sql),
}


@contextmanager
def bulk_index(conn: Connection, table: str) -> Iterator[None]:
    """Inside: rows inserted into `table` are not indexed one by one; on leaving, the rows added
    since entering (rowids above the largest before) are indexed set-based. Use it inside the
    transaction (or savepoint) of the insert, so a rollback takes the pause row back too."""
    entry = _INDEXED.get(table)
    if entry is None:
        yield
        return
    pause, index_sql = entry
    before = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar_one()
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO {pause} (id) VALUES (1)")
    yield
    conn.exec_driver_sql(f"DELETE FROM {pause}")
    for sql in index_sql(f"rowid > {int(before)}"):
        conn.exec_driver_sql(sql)
