"""Bulk insert of synced records for demo and benchmark data, with their change-log rows.

The ORM path (one flush per record) is far too slow for 200k residents; this writes
rows with Core executemany in the caller's transaction and builds exactly the
change-log rows the before_flush hook would have written (op insert, version 1,
payload of every content field), through the change log's own bulk helper
(`desktop.store.changelog.BulkInsertLog`, shared with the resident import).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Iterable

from desktop.store import touched
from desktop.store.base import SyncedRecord, utcnow
from desktop.store.changelog import BulkInsertLog

CHUNK = 20_000


def _plain(value):
    """The stored form: aware datetimes as UTC ISO text (as UtcDateTime), dates ISO."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def bulk_insert(session, cls: type[SyncedRecord], rows: Iterable[dict], actor: str) -> int:
    """Insert `rows` (content fields plus `id`) as new records of `cls`; returns the count.

    Values are turned into their stored form here and sent with the driver's executemany
    (no per-row ORM or type processing); the change-log payload carries the same values.
    """
    table = cls.__table__  # type: ignore[attr-defined]
    touched.note(session, {table.name})  # its SQL goes around the flush hook
    columns = [c.key for c in table.columns]
    defaults = {c.key: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar}
    now = _plain(utcnow())
    log = BulkInsertLog(cls, actor, now)
    names = log.names
    book = {"version": 1, "created_at": now, "created_by": actor, "updated_at": now, "updated_by": actor,
            "deleted_at": None, "sync_state": "queued"}
    insert_sql = "INSERT INTO {t} ({c}) VALUES ({q})".format(
        t=table.name, c=", ".join(columns), q=", ".join("?" * len(columns)))
    conn = session.connection()
    total = 0
    batch: list[tuple] = []

    def flush() -> None:
        if batch:
            conn.exec_driver_sql(insert_sql, batch)
            log.flush(conn)
            batch.clear()

    for raw in rows:
        row = {**defaults, **{k: _plain(v) for k, v in raw.items()}, **book}
        batch.append(tuple(row.get(c) for c in columns))
        log.add(row["id"], [row.get(n) for n in names])
        total += 1
        if len(batch) >= CHUNK:
            flush()
    flush()
    return total
