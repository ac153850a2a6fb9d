"""Applying the server's records here (pull and targeted resync), never over unsynced local edits."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, inspect, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.store.base import SyncedRecord, utcnow
from desktop.store.bulk import bulk_index
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models.sync import SyncConflict, SyncHeld, SyncQuarantine
from desktop.store.records import field_names, from_plain, record_kinds
from desktop.sync import protocol as p

log = logging.getLogger(__name__)


@dataclass
class ApplyOutcome:
    applied: int = 0
    kept_local: int = 0
    skipped: int = 0
    failed: int = 0
    held: int = 0  # of kinds this app does not know: kept in sync_held until it does


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
    """Records new here go in with one driver-level executemany per kind and column set (no ORM
    objects, no per-row statement compilation): the bulk of a first pull. Values pass through
    each column type's own bind processor, so they are stored exactly as the ORM would store them."""
    groups: dict[tuple, list[dict]] = {}
    stamp = utcnow()
    converters: dict[type, dict] = {}
    for cls, _obj, rr in todo:
        if cls not in converters:
            converters[cls] = _converters(cls)
        row = _values(cls, rr.payload, converters[cls])
        row.update(id=rr.record_id, version=rr.version, sync_state="synced", created_at=stamp, updated_at=stamp,
                   created_by="", updated_by="", deleted_at=stamp if rr.deleted else None)
        groups.setdefault((cls, tuple(row)), []).append(row)
    conn = s.connection()
    dialect = conn.dialect
    for (cls, keys), rows in groups.items():
        table = cls.__table__
        # columns the payload lacks (an older app's record) get their Python-side defaults, as the ORM gives them
        defaults = [c for c in table.columns if c.key not in keys and c.default is not None
                    and (c.default.is_scalar or c.default.is_callable)]
        columns = [table.columns[k] for k in keys] + defaults
        processors = [c.type._cached_bind_processor(dialect) for c in columns]
        names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
        sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) "
               f"VALUES ({', '.join('?' * len(columns))})")

        def values(row: dict) -> list:
            out = [row[k] for k in keys]
            out.extend(c.default.arg if c.default.is_scalar else c.default.arg(None) for c in defaults)
            return out

        params = [
            tuple(v if proc is None or v is None else proc(v) for v, proc in zip(values(r), processors))
            for r in rows
        ]
        with bulk_index(conn, table.name):  # a search index kept by triggers is filled set-based
            conn.exec_driver_sql(sql, params)


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
    """Store remote records in this (applying_remote) session.

    Records of a kind this app does not know (sent by a newer app) are held as received
    (`sync_held`): the cursor moves past them, so they would otherwise never come again.
    Held records of kinds this app now knows (it was upgraded) are applied first."""
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    out = ApplyOutcome()
    _release_held(s, protected, out)
    _apply(s, records, protected, out)
    return out


def _hold(s: Session, kind: str, group: list[p.RemoteRecord]) -> None:
    """Keep records of an unknown kind, the newest version of each."""
    table = SyncHeld.__table__
    stamp = utcnow()
    for rr in group:
        stmt = sqlite_insert(table).values(
            record_kind=kind, record_id=rr.record_id, version=rr.version, deleted=rr.deleted, seq=rr.seq,
            payload_json=json.dumps(rr.payload, ensure_ascii=False), received_at=stamp)
        s.execute(stmt.on_conflict_do_update(
            index_elements=["record_kind", "record_id"],
            set_={"version": stmt.excluded.version, "deleted": stmt.excluded.deleted, "seq": stmt.excluded.seq,
                  "payload_json": stmt.excluded.payload_json, "received_at": stmt.excluded.received_at},
            where=stmt.excluded.version >= table.c.version))


def _release_held(s: Session, protected: set[str], out: ApplyOutcome) -> None:
    """Apply held records whose kind this app knows now; a newer local copy wins over a held one."""
    held_kinds = set(s.scalars(select(SyncHeld.record_kind).distinct()))
    if not held_kinds:
        return
    kinds = record_kinds()
    ready = sorted(held_kinds & set(kinds))
    if not ready:
        return
    rows = s.execute(select(SyncHeld.id, SyncHeld.record_kind, SyncHeld.record_id, SyncHeld.version, SyncHeld.deleted,
                            SyncHeld.seq, SyncHeld.payload_json)
                     .where(SyncHeld.record_kind.in_(ready)).order_by(SyncHeld.seq, SyncHeld.id)).all()
    local: dict[tuple[str, str], int] = {}
    for kind in ready:
        cls = kinds[kind]
        ids = [r.record_id for r in rows if r.record_kind == kind]
        for chunk in range(0, len(ids), 900):
            for rid, version in s.execute(select(cls.id, cls.version).where(cls.id.in_(ids[chunk:chunk + 900]))):
                local[(kind, rid)] = version
    records = [
        p.RemoteRecord(kind=r.record_kind, record_id=r.record_id, version=r.version, payload=json.loads(r.payload_json),
                       deleted=bool(r.deleted), seq=r.seq)
        for r in rows if local.get((r.record_kind, r.record_id), 0) < r.version
    ]
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), 900):
        s.execute(delete(SyncHeld).where(SyncHeld.id.in_(ids[chunk:chunk + 900])))
    before = out.applied
    _apply(s, records, protected, out)
    log.info("held records of kinds now known (%s): %d applied, %d already newer here",
             ",".join(ready), out.applied - before, len(rows) - len(records))


def _apply(s: Session, records: list[p.RemoteRecord], protected: set[str], out: ApplyOutcome) -> None:
    kinds = record_kinds()
    by_kind: dict[str, list[p.RemoteRecord]] = {}
    for rr in records:
        by_kind.setdefault(rr.kind, []).append(rr)
    todo: list[tuple[type, object, p.RemoteRecord]] = []
    for kind, group in by_kind.items():
        cls = kinds.get(kind)
        if cls is None:
            _hold(s, kind, group)
            out.held += len(group)
            log.warning("pulled %d records of unknown kind %s (newer app?): held until this app knows it",
                        len(group), kind)
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


def _refresh_conflict(s: Session, rr: p.RemoteRecord) -> None:
    """A newer server copy of a record in conflict: show the person the newest 'theirs'."""
    conflict = s.scalar(select(SyncConflict).where(SyncConflict.record_id == rr.record_id,
                                                   SyncConflict.resolved_at.is_(None)))
    if conflict is not None and rr.version > conflict.remote_version:
        conflict.remote_payload_json = json.dumps(rr.payload, ensure_ascii=False)
        conflict.remote_version = rr.version
        conflict.remote_deleted = rr.deleted
