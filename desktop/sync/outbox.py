"""The outbox side: building push batches from the change log and settling their answers.

A batch is written (rows marked `sending` with the batch id, a `sync_batch` row) and
committed BEFORE it is sent. If the answer never arrives, the same batch (same items,
same change ids) is sent again next time and the server answers `already_stored` for
whatever it had committed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.store.base import new_id, utcnow
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models.sync import SyncBatch, SyncConflict, SyncQuarantine
from desktop.store.records import from_plain, record_kinds
from desktop.sync import protocol as p

log = logging.getLogger(__name__)

UNSYNCED_STATES = ("pending", "sending", "error")


@dataclass
class BatchOutcome:
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    complete: bool = True
    records: list[tuple[str, str]] = field(default_factory=list)


def _coalesce(rows: list[ChangeLogEntry]) -> p.ChangeItem:
    """Several local changes of one record travel as one item (base of the first, payload of the last)."""
    first, last = rows[0], rows[-1]
    fields: set[str] = set()
    for row in rows:
        fields.update(row.fields)
    deleted = any(r.op == "delete" for r in rows)
    op = "insert" if first.op == "insert" else ("delete" if deleted else "update")
    return p.ChangeItem(
        change_id=last.change_id, kind=first.record_kind, record_id=first.record_id, op=op,
        base_version=first.base_version, version=last.version, fields=sorted(fields),
        payload=last.payload, deleted=deleted,
    )


def _group(rows: list[ChangeLogEntry]) -> list[list[ChangeLogEntry]]:
    groups: dict[tuple[str, str], list[ChangeLogEntry]] = {}
    for row in rows:
        groups.setdefault((row.record_kind, row.record_id), []).append(row)
    return list(groups.values())


def open_batches(s: Session) -> list[str]:
    return list(s.scalars(select(SyncBatch.batch_id).where(SyncBatch.state == "sending").order_by(SyncBatch.created_at)))


def blocked_records(s: Session) -> set[str]:
    return set(s.scalars(select(SyncConflict.record_id).where(SyncConflict.resolved_at.is_(None))))


def new_batch(s: Session, max_items: int = p.MAX_BATCH_ITEMS, max_bytes: int = p.MAX_BATCH_BYTES) -> str | None:
    """Take pending changes into a new batch (saved, not yet sent); None when nothing waits."""
    blocked = blocked_records(s)
    rows = list(s.scalars(
        select(ChangeLogEntry).where(ChangeLogEntry.state == "pending").order_by(ChangeLogEntry.seq)
        .limit(max_items * 4)))
    chosen: list[ChangeLogEntry] = []
    size = 0
    count = 0
    for group in _group(rows):
        if group[0].record_id in blocked:
            continue
        item_bytes = sum(len(r.payload_json) for r in group[-1:]) + 200
        if count and (count + 1 > max_items or size + item_bytes > max_bytes):
            break
        chosen.extend(group)
        size += item_bytes
        count += 1
    if not chosen:
        return None
    batch_id = new_id()
    s.add(SyncBatch(batch_id=batch_id, item_count=count, state="sending"))
    ids = [r.seq for r in chosen]
    for chunk in range(0, len(ids), 900):
        s.execute(update(ChangeLogEntry).where(ChangeLogEntry.seq.in_(ids[chunk:chunk + 900]))
                  .values(state="sending", batch_id=batch_id))
    return batch_id


def batch_items(s: Session, batch_id: str) -> tuple[list[p.ChangeItem], list[list[ChangeLogEntry]]]:
    rows = list(s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.batch_id == batch_id,
                                                       ChangeLogEntry.state == "sending").order_by(ChangeLogEntry.seq)))
    groups = _group(rows)
    return [_coalesce(g) for g in groups], groups


def settle(s: Session, batch_id: str, groups: list[list[ChangeLogEntry]], items: list[p.ChangeItem],
           answer: p.PushResponse) -> BatchOutcome:
    """Apply the server's per-item results to the change log and the records."""
    kinds = record_kinds()
    by_change = {r.change_id: r for r in answer.results}
    out = BatchOutcome()
    for item, rows in zip(items, groups):
        result = by_change.get(item.change_id)
        if result is None:
            out.complete = False
            continue
        cls = kinds.get(item.kind)
        obj = s.get(cls, item.record_id) if cls else None
        if result.status in ("applied", "already_stored"):
            for row in rows:
                row.state, row.error = "sent", None
            if obj is not None:
                _acknowledge(s, obj, item, result)
            out.applied += 1
            out.records.append((item.kind, item.record_id))
        elif result.status == "conflict" and result.server_payload is not None and obj is not None:
            for row in rows:
                row.state, row.error = "error", "conflict"
            record_conflict(s, obj, item, result)
            out.conflicts += 1
        else:
            reason = result.reason or result.status
            for row in rows:
                row.state, row.error = "quarantined", reason
            s.add(SyncQuarantine(direction="push", record_kind=item.kind, record_id=item.record_id,
                                 change_id=item.change_id, reason=reason,
                                 payload_json=json.dumps(item.payload, ensure_ascii=False)))
            if obj is not None:
                obj.sync_state = "error"
            out.rejected += 1
            log.warning("change quarantined: kind=%s reason=%s", item.kind, reason)
    batch = s.get(SyncBatch, batch_id)
    if batch is not None and out.complete:
        batch.state = "done"
    return out


def _later_rows(s: Session, kind: str, record_id: str) -> list[ChangeLogEntry]:
    return list(s.scalars(select(ChangeLogEntry).where(
        ChangeLogEntry.record_kind == kind, ChangeLogEntry.record_id == record_id,
        ChangeLogEntry.state.in_(("pending",)))))


def _acknowledge(s: Session, obj, item: p.ChangeItem, result: p.ItemResult) -> None:  # noqa: ANN001
    """The server holds the change: take its version (and merged fields not edited here since)."""
    if result.server_version is None:
        obj.sync_state = "synced"
        return
    later = _later_rows(s, item.kind, item.record_id)
    touched: set[str] = set()
    for row in later:
        touched.update(row.fields)
    cls = type(obj)
    if result.server_payload is not None:
        for name, value in result.server_payload.items():
            if name in touched or not hasattr(cls, name) or name in cls.BOOKKEEPING:
                continue
            try:
                setattr(obj, name, from_plain(cls, name, value))
            except KeyError:
                continue
    if result.server_deleted and obj.deleted_at is None:
        obj.deleted_at = utcnow()
    delta = result.server_version - item.version
    if delta:
        obj.version = obj.version + delta
        for row in later:
            row.base_version += delta
            row.version += delta
    if not later:
        obj.sync_state = "synced"


def record_conflict(s: Session, obj, item: p.ChangeItem, result: p.ItemResult) -> None:  # noqa: ANN001
    from desktop.store.records import record_fields

    existing = s.scalar(select(SyncConflict).where(SyncConflict.record_id == item.record_id,
                                                   SyncConflict.resolved_at.is_(None)))
    local = json.dumps(record_fields(obj), ensure_ascii=False)
    remote = json.dumps(result.server_payload, ensure_ascii=False)
    if existing is None:
        s.add(SyncConflict(
            record_kind=item.kind, record_id=item.record_id, fields_json=json.dumps(result.conflict_fields),
            local_payload_json=local, remote_payload_json=remote, remote_version=result.server_version or 0,
            remote_deleted=result.server_deleted))
    else:
        existing.fields_json = json.dumps(sorted(set(json.loads(existing.fields_json)) | set(result.conflict_fields)))
        existing.local_payload_json, existing.remote_payload_json = local, remote
        existing.remote_version = result.server_version or existing.remote_version
    obj.sync_state = "conflict"
    log.info("conflict on %s: fields %s", item.kind, ",".join(result.conflict_fields))
