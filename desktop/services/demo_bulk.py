"""Bulk insert of synced records for demo and benchmark data, with their change-log rows.

The ORM path (one flush per record) is far too slow for 200k residents; this writes
rows with Core executemany in the caller's transaction and builds exactly the
change-log rows the before_flush hook would have written (op insert, version 1,
payload of every content field), so sync sees no difference.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone
from typing import Iterable

from desktop.store.base import SyncedRecord, utcnow
from desktop.store.records import field_names

CHUNK = 20_000


def _dump(value) -> str:  # noqa: ANN001  (same form as desktop.store.changelog._dump)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _plain(value):  # noqa: ANN001, ANN202
    """The stored form: aware datetimes as UTC ISO text (as UtcDateTime), dates ISO, bools 0/1."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def bulk_insert(session, cls: type[SyncedRecord], rows: Iterable[dict], actor: str) -> int:  # noqa: ANN001
    """Insert `rows` (content fields plus `id`) as new records of `cls`; returns the count.

    Values are turned into their stored form here and sent with the driver's executemany
    (no per-row ORM or type processing); the change-log payload carries the same values.
    """
    names = field_names(cls)
    fields_json = _dump(sorted(names))
    kind = cls.__tablename__  # type: ignore[attr-defined]
    table = cls.__table__  # type: ignore[attr-defined]
    columns = [c.key for c in table.columns]
    defaults = {c.key: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar}
    now = _plain(utcnow())
    book = {"version": 1, "created_at": now, "created_by": actor, "updated_at": now, "updated_by": actor,
            "deleted_at": None, "sync_state": "queued"}
    insert_sql = "INSERT INTO {t} ({c}) VALUES ({q})".format(
        t=table.name, c=", ".join(columns), q=", ".join("?" * len(columns)))
    log_cols = ("change_id", "record_kind", "record_id", "op", "base_version", "version", "fields_json",
                "payload_json", "actor", "created_at", "state")
    log_sql = "INSERT INTO change_log ({c}) VALUES ({q})".format(c=", ".join(log_cols), q=", ".join("?" * len(log_cols)))
    conn = session.connection()
    total = 0
    batch: list[tuple] = []
    changes: list[tuple] = []

    def flush() -> None:
        if batch:
            conn.exec_driver_sql(insert_sql, batch)
            conn.exec_driver_sql(log_sql, changes)
            batch.clear()
            changes.clear()

    for raw in rows:
        row = {**defaults, **{k: _plain(v) for k, v in raw.items()}, **book}
        batch.append(tuple(row.get(c) for c in columns))
        payload = _dump({n: row.get(n) for n in names})
        changes.append((str(uuid.uuid4()), kind, row["id"], "insert", 0, 1, fields_json, payload, actor, now, "pending"))
        total += 1
        if len(batch) >= CHUNK:
            flush()
    flush()
    return total
