"""Bulk inserts into tables whose search index is kept by row triggers.

A trigger indexing one row at a time is about twice as slow as filling the index for all
new rows with one INSERT ... SELECT. For a table listed here, a bulk writer drops the
per-row insert trigger inside its transaction (`pause_row_indexing`; made again from its
own stored SQL before the commit, and a rollback restores it too) and indexes the new rows
itself with `index_statements`. Generic writers (sync applying a pulled page) use
`bulk_index`; the resident import pauses once and indexes batch by batch.

(Migration 0002's pause table `resident_fts_pause`, which the insert trigger still checks,
is no longer written: dropping the trigger measured faster.)
"""

from __future__ import annotations

import importlib
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

from sqlalchemy import Connection

T = TypeVar("T")

SQL_VARIABLES_PER_STATEMENT = 900
"""How many bound values one `IN (...)` takes: under SQLite's old 999-variable limit, with room left."""


def in_chunks(values: Sequence[T], size: int = SQL_VARIABLES_PER_STATEMENT) -> Iterator[Sequence[T]]:
    """`values` in slices of at most `size`, for `column.in_(slice)` statements."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def among_json(column: str) -> str:
    """SQL: `column` is one of the values of a JSON array given as ONE parameter (`json.dumps(values)`). One
    statement for any number of values, with no IN list for SQLAlchemy to compile and bind value by value
    (a tenth of settling a push's batch); SQLite probes the column's index (or the primary key) per value."""
    return f"{column} IN (SELECT value FROM json_each(?))"


def _resident_index_sql(where: str) -> tuple[str, ...]:
    # the name and the digit index tables (migration 0010_resident_ids_fts) and the list's counts
    # (0015_resident_list): the rows the triggers would add
    versions = "desktop.store.migrations.versions."
    return (*importlib.import_module(versions + "0010_resident_ids_fts").index_insert_statements(where),
            *importlib.import_module(versions + "0015_resident_list").tally_statements(where))


# table -> (its per-row insert triggers, SQL statements doing their work for the live rows matching a WHERE condition)
_INDEXED: dict[str, tuple[tuple[str, ...], Callable[[str], tuple[str, ...]]]] = {
    "resident": (("resident_fts_insert", "resident_tally_insert"), _resident_index_sql),
}


def index_statements(table: str, where: str) -> tuple[str, ...]:
    """SQL adding the index rows of `table`'s live rows matching `where` (the rows its triggers would add)."""
    return _INDEXED[table][1](where)


def pause_row_indexing(conn: Connection, table: str) -> Callable[[], None]:
    """Drop `table`'s per-row index triggers for the caller's transaction; call the returned
    function to make them again (a rollback restores them as well)."""
    made = []
    for trigger in _INDEXED[table][0]:
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)).scalar()
        if sql:
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
            made.append(sql)

    def resume() -> None:
        for sql in made:
            conn.exec_driver_sql(sql)

    return resume


@contextmanager
def bulk_index(conn: Connection, table: str) -> Iterator[None]:
    """Inside: rows inserted into `table` are not indexed one by one; on leaving, the rows added
    since entering (rowids above the largest before) are indexed set-based. Use it inside the
    transaction (or savepoint) of the insert, so a rollback puts the trigger back too."""
    if table not in _INDEXED:
        yield
        return
    before = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar_one()
    resume = pause_row_indexing(conn, table)
    yield
    resume()
    for sql in index_statements(table, f"rowid > {int(before)}"):
        conn.exec_driver_sql(sql)
