"""Set-based reads and writes of a push's rows, one statement per table (issue #19 item 3).

On PostgreSQL a batch's ids go as ONE array parameter (`col = ANY(:ids)`, an index lookup) and its rows as
one JSON text (`INSERT ... SELECT FROM json_to_recordset(...)`, `UPDATE ... FROM json_to_recordset(...)`):
one short statement, whatever the batch's size, instead of an IN list or a VALUES list of thousands of parameters
that SQLAlchemy expands and psycopg splits on every call (most of a push's server time). SQLite keeps
its IN lists (in slices under its 999 bound parameters) and executemany, which are cheap there.
"""

from __future__ import annotations

import json

from typing import Iterable, Iterator, Sequence

from sqlalchemy import Column, ColumnElement, Connection, Table, any_, bindparam, insert, text, update
from sqlalchemy.dialects.postgresql import ARRAY

SQLITE_CHUNK = 900  # ids per IN list (under SQLite's 999 bound parameters)


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def id_chunks(conn: Connection, values: Sequence[str]) -> Iterator[list[str]]:
    """`values` in as few lookups as the database allows (one on PostgreSQL)."""
    values = list(values)
    if not values:
        return
    if _pg(conn):
        yield values
        return
    for start in range(0, len(values), SQLITE_CHUNK):
        yield values[start:start + SQLITE_CHUNK]


def among(conn: Connection, column: Column, values: list[str]) -> ColumnElement[bool]:
    """`column` is one of `values` (one of `id_chunks`'s lists)."""
    if _pg(conn):
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def _recordset(conn: Connection, table: Table, names: list[str], rows: Iterable[dict]) -> tuple[str, dict]:
    """`json_to_recordset(:rows) AS v(column type, ...)` over the rows, and its one parameter: the rows as one
    JSON text (made by the json module's C encoder, read by PostgreSQL's C parser; psycopg dumps a Python list
    as an array element by element in Python, which cost a third of a push's server CPU)."""
    q = conn.dialect.identifier_preparer.quote
    columns = ", ".join(f"{q(n)} {table.c[n].type.compile(dialect=conn.dialect)}" for n in names)
    text_rows = json.dumps([{n: r[n] for n in names} for r in rows], ensure_ascii=False, separators=(",", ":"))
    return f"json_to_recordset(CAST(:rows AS json)) AS v({columns})", {"rows": text_rows}


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert `rows` (dicts with the same keys) in one statement. A UNIQUE clash raises, as one INSERT would."""
    if not rows:
        return
    if not _pg(conn):
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    q = conn.dialect.identifier_preparer.quote
    source, params = _recordset(conn, table, names, rows)
    listed = ", ".join(q(n) for n in names)
    conn.execute(text(f"INSERT INTO {q(table.name)} ({listed}) SELECT {listed} FROM {source}"), params)


def update_rows(conn: Connection, table: Table, keys: list[str], rows: list[dict]) -> None:
    """Set the rows' other columns on the rows their `keys` name, in one statement."""
    if not rows:
        return
    names = list(rows[0])
    values = [n for n in names if n not in keys]
    if not _pg(conn):
        conn.execute(
            update(table).where(*[table.c[k] == bindparam(f"b_{k}") for k in keys])
            .values({n: bindparam(n) for n in values}),
            [{**{n: r[n] for n in values}, **{f"b_{k}": r[k] for k in keys}} for r in rows])
        return
    q = conn.dialect.identifier_preparer.quote
    source, params = _recordset(conn, table, names, rows)
    sets = ", ".join(f"{q(n)} = v.{q(n)}" for n in values)
    match = " AND ".join(f"t.{q(k)} = v.{q(k)}" for k in keys)
    conn.execute(text(f"UPDATE {q(table.name)} AS t SET {sets} FROM {source} WHERE {match}"), params)
