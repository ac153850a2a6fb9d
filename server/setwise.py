"""Set-based reads and writes of a push's rows, one statement per table (issue #19 item 3).

On PostgreSQL a batch's ids go as ONE array parameter (`col = ANY(:ids)`, an index lookup) and its rows as
one JSON text (`INSERT ... SELECT FROM jsonb_array_elements(...)`, `UPDATE ... FROM (SELECT ... FROM jsonb_array_elements(...))`):
one short statement, whatever the batch's size, instead of an IN list or a VALUES list of thousands of parameters
that SQLAlchemy expands and psycopg splits on every call (most of a push's server time). SQLite keeps
its IN lists (in slices under its 999 bound parameters) and executemany, which are cheap there.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from itertools import chain
from typing import Any, Callable, Iterator, NamedTuple, Sequence

from sqlalchemy import Column, ColumnElement, Connection, String, Table, Text, bindparam, cast, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY

import msgspec

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
    """`column` is one of `values` (one of `id_chunks`'s lists). On PostgreSQL the values go as one array
    literal (text: psycopg dumps a list element by element in Python, 1 us an id), compared as text (a cast to
    the column's VARCHAR(n)[] would cut a longer value short), and as a set: `IN (SELECT unnest(...))`, which
    the planner joins (hash or index). `= ANY(cast)` was a row filter whenever the statistics said the table
    was small (a new ward's first push), each row compared with every id one by one: the cast array is no
    constant, so PostgreSQL does not hash it (2,000 ids over 6,000 rows: 3.3 s a lookup)."""
    if _pg(conn):
        return column.in_(select(func.unnest(cast(bindparam(None, array_literal(values), type_=Text), ARRAY(Text)))))
    return column.in_(values)


Send = Callable[[str, Any], Any]  # (sql, parameters) -> the cursor its rows come from


@contextmanager
def pipeline(conn: Connection) -> Iterator[Send | None]:
    """On PostgreSQL, `send(sql, params)` (the driver's `%s` placeholders): the statement goes to the database at
    once and runs there while Python goes on; it gives back a cursor, whose rows wait for it when read
    (psycopg's pipeline mode, in the caller's transaction). A push's lookups run while its items are checked,
    its writes while the city's figures work out what moved. A database error comes out as SQLAlchemy's, as from
    `conn.execute`. None on SQLite (nothing to overlap: its statements run in this process) and with another
    driver: the caller then runs each statement in turn."""
    raw = conn.connection.driver_connection if _pg(conn) else None
    if not hasattr(raw, "pipeline"):  # SQLite, or a PostgreSQL driver other than psycopg 3
        yield None
        return
    import psycopg
    from sqlalchemy.exc import DBAPIError

    try:
        with raw.pipeline():
            yield raw.execute
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error, dialect=conn.dialect) from exc


def array_literal(values: list[str]) -> str:
    """PostgreSQL's text form of a text array: every element quoted (commas, braces, spaces and NULL are then
    plain characters), a backslash or a quote escaped."""
    if not values:
        return "{}"
    joined = '","'.join(values)
    if "\\" in joined or joined.count('"') != 2 * (len(values) - 1):  # the separators' quotes only: none to escape
        joined = '","'.join(v.replace("\\", "\\\\").replace('"', '\\"') for v in values)
    return '{"' + joined + '"}'


_ENCODE = msgspec.json.Encoder().encode


def rows_json(rows: list[list]) -> str:
    """The rows as one JSON text of arrays. msgspec writes it (a batch's record rows, their payload texts full of
    quotes to escape: 1.5 us a row, not 2.9; its version rows 0.2, not 1.3); rows holding a float (msgspec
    writes NaN as null, where the json module's text makes PostgreSQL refuse it) or a lone surrogate (which
    msgspec refuses) go through the json module, as all rows did before."""
    if float not in set(map(type, chain.from_iterable(rows))):
        try:
            return _ENCODE(rows).decode("utf-8")
        except UnicodeEncodeError:
            pass
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


class Rows(NamedTuple):
    """Rows given as value lists in the order of `names` (a push's rows: made so by the push, not as dicts
    that `_recordset` would take apart again, 2 us a record and a version)."""

    names: tuple[str, ...]
    values: list[list]

    def dicts(self) -> list[dict]:
        return [dict(zip(self.names, row)) for row in self.values]

    @classmethod
    def of(cls, rows: list[dict] | Rows) -> Rows:
        """`rows` as `Rows` (dicts with the same keys, the first one's order; `Rows` as they are)."""
        if isinstance(rows, Rows):
            return rows
        names = tuple(rows[0]) if rows else ()
        return cls(names, [[r[n] for n in names] for r in rows])


def _recordset(conn: Connection, table: Table, rows: Rows, send: Send | None = None) -> tuple[str, dict]:
    """A subquery `(SELECT (e->>0)::type AS column, ...) AS v` over the rows, and its one parameter: the rows as
    one JSON text of arrays (made by the json module's C encoder, read by PostgreSQL's C parser; psycopg dumps a
    Python list as an array element by element in Python, which cost a third of a push's server CPU). Arrays,
    not objects, and jsonb, not json: no column names repeated in every row, and each row parsed once (json's
    `->>` parses the element again for every column): 2,000 records' rows cost 1.7 us, not 2.8, an item to
    write out and 3 us, not 7, to read in. Text columns are left as text (the assignment to VARCHAR(n) still
    refuses a value that is too long, which a cast would cut short)."""
    q = conn.dialect.identifier_preparer.quote
    columns = ", ".join(
        f"(e->>{i}){'' if isinstance(table.c[n].type, String) else '::' + table.c[n].type.compile(dialect=conn.dialect)}"
        f" AS {q(n)}" for i, n in enumerate(rows.names))
    text_rows = rows_json(rows.values)
    placeholder = ":rows" if send is None else "%(rows)s"  # SQLAlchemy's, or the driver's for `pipeline`'s send
    return f"(SELECT {columns} FROM jsonb_array_elements(CAST({placeholder} AS jsonb)) AS e) AS v", {"rows": text_rows}


def _run(conn: Connection, send: Send | None, sql: str, params: dict) -> None:
    if send is None:
        conn.execute(text(sql), params)
    else:
        send(sql, params)


def _dicts(rows: list[dict] | Rows) -> list[dict]:
    return rows.dicts() if isinstance(rows, Rows) else rows


def insert_rows(conn: Connection, table: Table, rows: list[dict] | Rows, send: Send | None = None) -> None:
    """Insert `rows` (dicts with the same keys, or `Rows`) in one statement. A UNIQUE clash raises, as one
    INSERT would. `send`: `pipeline`'s (PostgreSQL), the statement not waited for."""
    if not _pg(conn):
        dicts = _dicts(rows)
        if dicts:
            conn.execute(insert(table), dicts)
        return
    rows = Rows.of(rows)
    if not rows.values:
        return
    q = conn.dialect.identifier_preparer.quote
    source, params = _recordset(conn, table, rows, send)
    listed = ", ".join(q(n) for n in rows.names)
    _run(conn, send, f"INSERT INTO {q(table.name)} ({listed}) SELECT {listed} FROM {source}", params)


def update_rows(conn: Connection, table: Table, keys: list[str], rows: list[dict] | Rows,
                send: Send | None = None) -> None:
    """Set the rows' other columns on the rows their `keys` name, in one statement (`send`: as `insert_rows`)."""
    if not _pg(conn):
        dicts = _dicts(rows)
        if dicts:
            values = [n for n in dicts[0] if n not in keys]
            conn.execute(
                update(table).where(*[table.c[k] == bindparam(f"b_{k}") for k in keys])
                .values({n: bindparam(n) for n in values}),
                [{**{n: r[n] for n in values}, **{f"b_{k}": r[k] for k in keys}} for r in dicts])
        return
    rows = Rows.of(rows)
    if not rows.values:
        return
    values = [n for n in rows.names if n not in keys]
    q = conn.dialect.identifier_preparer.quote
    source, params = _recordset(conn, table, rows, send)
    sets = ", ".join(f"{q(n)} = v.{q(n)}" for n in values)
    match = " AND ".join(f"t.{q(k)} = v.{q(k)}" for k in keys)
    _run(conn, send, f"UPDATE {q(table.name)} AS t SET {sets} FROM {source} WHERE {match}", params)
