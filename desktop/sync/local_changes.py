"""Local changes made by sync itself, inside a session that is applying the server's records.

Such a session writes no change-log rows on its own (`applying_remote`); what sync decides here
(merging two residential groups of the same name, a person's decision on a duplicate resident)
must still reach the other laptops, so each change is logged by hand, as the change log's hook
would log it: version + 1, the record queued, one row with the fields it touched.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.store.base import SyncedRecord, utcnow
from desktop.store.changelog import log_change
from desktop.store.records import from_plain, record_kinds


def _stamp(obj: SyncedRecord, actor: str) -> int:
    base = obj.version
    obj.version = base + 1
    obj.updated_at, obj.updated_by = utcnow(), actor
    obj.sync_state = "queued"
    return base


def edit(s: Session, obj: SyncedRecord, values: dict[str, Any], actor: str) -> bool:
    """Set plain (JSON) values on a record as a local change; False when nothing differs."""
    cls = type(obj)
    changed = {}
    for name, value in values.items():
        value = from_plain(cls, name, value)
        if getattr(obj, name) != value:
            changed[name] = value
    if not changed:
        return False
    for name, value in changed.items():
        setattr(obj, name, value)
    mark_edited(s, obj, sorted(changed), actor)
    return True


def mark_edited(s: Session, obj: SyncedRecord, fields: list[str], actor: str) -> None:
    """Log fields already set on a record as one local change."""
    base = _stamp(obj, actor)
    log_change(s, obj, "update", base, sorted(fields))


def tombstone(s: Session, obj: SyncedRecord, actor: str) -> None:
    """Delete a record (a tombstone) as a local change."""
    if obj.deleted_at is None:
        obj.deleted_at = utcnow()
    base = _stamp(obj, actor)
    log_change(s, obj, "delete", base, [])


def referrers(target_kind: str) -> list[tuple[type, str]]:
    """(record class, column) of every foreign key that points at `target_kind`."""
    out = []
    for cls in record_kinds().values():
        for column in inspect(cls).columns:
            if any(fk.column.table.name == target_kind for fk in column.foreign_keys):
                out.append((cls, column.key))
    return out


def repoint(s: Session, target_kind: str, from_id: str, to_id: str, actor: str) -> int:
    """Every record pointing at `from_id` points at `to_id` instead (local changes). How many."""
    n = 0
    for cls, column in referrers(target_kind):
        for obj in s.scalars(select(cls).where(getattr(cls, column) == from_id)):
            n += edit(s, obj, {column: to_id}, actor)
    return n
