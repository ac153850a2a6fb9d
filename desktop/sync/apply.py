"""Applying the server's records here (pull and targeted resync), never over unsynced local edits."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.store.base import SyncedRecord, utcnow
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models.sync import SyncConflict, SyncQuarantine
from desktop.store.records import field_names, from_plain, record_kinds
from desktop.sync import protocol as p

log = logging.getLogger(__name__)


@dataclass
class ApplyOutcome:
    applied: int = 0
    kept_local: int = 0
    skipped: int = 0
    failed: int = 0


def unsynced_ids(s: Session) -> set[str]:
    """Records with a local change the server has not acknowledged (or in conflict / quarantine)."""
    return set(s.scalars(select(ChangeLogEntry.record_id).where(
        ChangeLogEntry.state.in_(("pending", "sending", "error", "quarantined"))).distinct()))


def _converters(cls: type[SyncedRecord]) -> dict:
    """Per content field: None (stored as sent) or the function turning its JSON value back."""
    out: dict = {}
    for name in field_names(cls):
        try:
            python_type = inspect(cls).columns[name].type.python_type
        except NotImplementedError:
            python_type = None
        if python_type is datetime:
            out[name] = datetime.fromisoformat
        elif python_type is date:
            out[name] = date.fromisoformat
        else:
            out[name] = None
    return out


def _values(cls: type[SyncedRecord], payload: dict, converters: dict | None = None) -> dict:
    """The payload's known fields as column values (same conversions as `from_plain`)."""
    if converters is None:
        converters = _converters(cls)
    out = {}
    for name, value in payload.items():
        if name not in converters:
            continue
        convert = converters[name]
        if convert is not None and isinstance(value, str):
            value = from_plain(cls, name, value)
        out[name] = value
    return out


def _insert_new(s: Session, todo: list) -> None:
    """Records new here go in with executemany (no ORM objects): the bulk of a first pull."""
    groups: dict[tuple, list[dict]] = {}
    stamp = utcnow()
    converters: dict[type, dict] = {}
    for cls, _obj, rr in todo:
        if cls not in converters:
            converters[cls] = _converters(cls)
        row = _values(cls, rr.payload, converters[cls])
        row.update(id=rr.record_id, version=rr.version, sync_state="synced", created_at=stamp, updated_at=stamp,
                   created_by="", updated_by="", deleted_at=stamp if rr.deleted else None)
        groups.setdefault((cls, frozenset(row)), []).append(row)
    for (cls, _keys), rows in groups.items():
        table = cls.__table__
        s.execute(table.insert(), [{table.columns[k].key: v for k, v in r.items()} for r in rows])


def _apply_one(s: Session, cls, obj, rr: p.RemoteRecord) -> None:  # noqa: ANN001
    values = _values(cls, rr.payload)
    if obj is None:
        obj = cls(id=rr.record_id, **values)
        s.add(obj)
    else:
        for name, value in values.items():
            setattr(obj, name, value)
    obj.version = rr.version
    obj.sync_state = "synced"
    if rr.deleted and obj.deleted_at is None:
        obj.deleted_at = utcnow()
    elif not rr.deleted and obj.deleted_at is not None:
        obj.deleted_at = None


def apply_records(s: Session, records: list[p.RemoteRecord], protected: set[str]) -> ApplyOutcome:
    """Store remote records in this (applying_remote) session. Unknown kinds are skipped and logged."""
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    kinds = record_kinds()
    out = ApplyOutcome()
    by_kind: dict[str, list[p.RemoteRecord]] = {}
    for rr in records:
        by_kind.setdefault(rr.kind, []).append(rr)
    todo: list[tuple[type, object, p.RemoteRecord]] = []
    for kind, group in by_kind.items():
        cls = kinds.get(kind)
        if cls is None:
            out.skipped += len(group)
            log.warning("pulled %d records of unknown kind %s (newer app?)", len(group), kind)
            continue
        ids = [rr.record_id for rr in group]
        existing = {}
        for chunk in range(0, len(ids), 900):
            for obj in s.scalars(select(cls).where(cls.id.in_(ids[chunk:chunk + 900]))):
                existing[obj.id] = obj
        for rr in group:
            obj = existing.get(rr.record_id)
            if rr.record_id in protected:
                _refresh_conflict(s, rr)
                out.kept_local += 1
                continue
            if obj is not None and obj.version == rr.version and obj.is_deleted == rr.deleted:
                continue  # already the same (our own change coming back)
            todo.append((cls, obj, rr))
    try:
        with s.begin_nested():
            _insert_new(s, [t for t in todo if t[1] is None])
            for cls, obj, rr in todo:
                if obj is not None:
                    _apply_one(s, cls, obj, rr)
            s.flush()
        out.applied += len(todo)
    except IntegrityError:
        # One bad record must not hold back the others: apply one by one, quarantine the failures.
        s.expire_all()
        for cls, _obj, rr in todo:
            try:
                with s.begin_nested():
                    _apply_one(s, cls, s.get(cls, rr.record_id), rr)
                    s.flush()
                out.applied += 1
            except IntegrityError as exc:
                out.failed += 1
                reason = type(exc.orig).__name__ + ": " + str(exc.orig).split("\n")[0][:200]
                s.add(SyncQuarantine(direction="pull", record_kind=rr.kind, record_id=rr.record_id,
                                     reason=reason, payload_json=json.dumps(rr.payload, ensure_ascii=False)))
                log.warning("pulled record not stored: kind=%s %s", rr.kind, reason)
    return out


def _refresh_conflict(s: Session, rr: p.RemoteRecord) -> None:
    """A newer server copy of a record in conflict: show the person the newest 'theirs'."""
    conflict = s.scalar(select(SyncConflict).where(SyncConflict.record_id == rr.record_id,
                                                   SyncConflict.resolved_at.is_(None)))
    if conflict is not None and rr.version > conflict.remote_version:
        conflict.remote_payload_json = json.dumps(rr.payload, ensure_ascii=False)
        conflict.remote_version = rr.version
        conflict.remote_deleted = rr.deleted
