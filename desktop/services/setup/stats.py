"""Counts per record kind and changes waiting to sync."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.services.context import AppContext
from desktop.store.changelog import pending_count
from desktop.store.records import record_kinds


def store_stats(ctx: AppContext) -> dict:
    """{"records": {kind: live count}, "deleted": {kind: tombstones}, "pending_changes": n}."""
    records: dict[str, int] = {}
    deleted: dict[str, int] = {}
    with ctx.read() as s:
        for kind, cls in record_kinds().items():
            live, dead = s.execute(
                select(
                    func.count().filter(cls.deleted_at.is_(None)),
                    func.count().filter(cls.deleted_at.is_not(None)),
                ).select_from(cls)
            ).one()
            records[kind] = live
            deleted[kind] = dead
        pending = pending_count(s)
    return {"records": records, "deleted": deleted, "pending_changes": pending}


def pending_changes(ctx: AppContext) -> int:
    with ctx.read() as s:
        return pending_count(s)
