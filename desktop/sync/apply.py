"""Applying the server's records here (pull and targeted resync), never over unsynced local edits.

One record that cannot be stored here never stops the others, nor the cursor: it is checked against
the wire format's rules and its parents before it is stored, and a record that still fails is set
aside with its reason (quarantine, shown on the sync page, tried again at every sync) or, when it is
a resident with the CCCD of one here, becomes a duplicate-person conflict a person decides.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, inspect, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from desktop.store import touched
from desktop.store.base import SyncedRecord, utcnow
from desktop.store.bulk import among_json, bulk_index, in_chunks
from desktop.store.changelog import CHANGE_LOG
from desktop.store.models.sync import SyncConflict, SyncHeld, SyncQuarantine
from desktop.store.records import field_names, from_plain, record_fields, record_kinds
from desktop.sync import local_changes, protocol as p
from desktop.sync.payload_rules import MISSING_REF, payload_problems

log = logging.getLogger(__name__)


@dataclass
class ApplyOutcome:
    applied: int = 0
    kept_local: int = 0
    skipped: int = 0
    failed: int = 0  # set aside (quarantined) with their reason
    duplicates: int = 0  # waiting for a person: the same person (CCCD) as a record here
    held: int = 0  # of kinds this app does not know: kept in sync_held until it does


def unsynced_ids(s: Session) -> set[str]:
    """Records with a local change the server has not acknowledged (or in conflict / quarantine)."""
    return set(s.scalars(select(CHANGE_LOG.c.record_id).where(
        CHANGE_LOG.c.state.in_(("pending", "sending", "error", "quarantined"))).distinct()).all())


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


_STAMPED = ("created_at", "updated_at", "deleted_at")  # the columns `_insert_new` sets to the page's stamp
# the columns every new record gets besides its payload's, in this order (`_insert_new`'s rows)
_NEW_ROW = ("id", "version", "sync_state", "created_at", "updated_at", "created_by", "updated_by", "deleted_at")


def _insert_new(s: Session, todo: list) -> None:
    """Records new here go in with one driver-level executemany per kind and payload shape (no ORM
    objects, no per-row statement compilation): the bulk of a first pull. Values pass through
    each column type's own bind processor, so they are stored exactly as the ORM would store them.
    A row is read straight off its payload in the statement's column order (records of one kind mostly
    carry the same fields): no dict of column values made and read again per record."""
    shapes: dict[tuple, list[p.RemoteRecord]] = {}
    for cls, _obj, rr in todo:
        shapes.setdefault((cls, tuple(rr.payload)), []).append(rr)
    stamp = utcnow()
    conn = s.connection()
    dialect = conn.dialect
    converters: dict[type, dict] = {}
    for (cls, shape), records in shapes.items():
        if cls not in converters:
            converters[cls] = _converters(cls)
        known = [name for name in shape if name in converters[cls]]  # fields of another app's version left out
        parsed = [(i, converters[cls][name]) for i, name in enumerate(known) if converters[cls][name] is not None]
        keys = (*known, *_NEW_ROW)
        table = cls.__table__
        # columns the payload lacks (an older app's record) get their Python-side defaults, as the ORM gives them
        defaults = [c for c in table.columns if c.key not in keys and c.default is not None
                    and (c.default.is_scalar or c.default.is_callable)]
        columns = [table.columns[k] for k in keys] + defaults
        processors = [c.type._cached_bind_processor(dialect) for c in columns]
        names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
        sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) "
               f"VALUES ({', '.join('?' * len(columns))})")

        # Only the columns with a bind processor are touched per row (dates, booleans: a few of some thirty),
        # and the page's stamp (every row's created_at and updated_at) is processed once per column.
        converted = [(i, proc) for i, proc in enumerate(processors) if proc is not None]
        stamped = {i: processors[i](stamp) for i, c in enumerate(columns) if c.key in _STAMPED}
        params = []
        for rr in records:
            payload = rr.payload
            out = [payload[name] for name in known]
            for i, parse in parsed:  # a date or a time sent as text (`from_plain`'s conversions)
                if isinstance(out[i], str):
                    out[i] = parse(out[i])
            out += (rr.record_id, rr.version, "synced", stamp, stamp, "", "", stamp if rr.deleted else None)
            if defaults:
                out.extend(c.default.arg if c.default.is_scalar else c.default.arg(None) for c in defaults)
            for i, proc in converted:
                v = out[i]
                if v is not None:
                    out[i] = stamped[i] if v is stamp and i in stamped else proc(v)
            params.append(tuple(out))
        with bulk_index(conn, table.name):  # a search index kept by triggers is filled set-based
            conn.exec_driver_sql(sql, params)


def _apply_one(s: Session, cls, obj, rr: p.RemoteRecord) -> None:
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
    Held records of kinds this app now knows (it was upgraded) are applied first. A record
    that cannot be stored here is set aside (quarantined, or a duplicate-person conflict);
    the others are stored and the caller moves the cursor on."""
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    touched.note(s, {rr.kind for rr in records} | set(s.scalars(select(SyncHeld.record_kind).distinct())))
    out = ApplyOutcome()
    _release_held(s, protected, out)
    _apply(s, records, protected, out)
    if any(rr.kind in MERGED_BY_NAME for rr in records):
        merge_same_names(s)
    if out.applied:
        recheck_duplicates(s)
    return out


def retry_set_aside(s: Session, protected: set[str], record_id: str | None = None) -> ApplyOutcome:
    """Try again the pulled records set aside (all of them, or one): a parent that came later, a
    duplicate a person has decided, an app that was upgraded. Those that still fail stay set aside."""
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    q = select(SyncQuarantine).where(SyncQuarantine.direction == "pull", SyncQuarantine.version > 0)
    if record_id is not None:
        q = q.where(SyncQuarantine.record_id == record_id)
    rows = list(s.scalars(q.order_by(SyncQuarantine.id)))
    records = [p.RemoteRecord(kind=r.record_kind, record_id=r.record_id, version=r.version, deleted=r.deleted, seq=0,
                              payload=json.loads(r.payload_json or "{}")) for r in rows]
    touched.note(s, {rr.kind for rr in records})
    out = ApplyOutcome()
    _apply(s, records, protected, out)
    recheck_duplicates(s)
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
        for chunk in in_chunks(ids):
            for rid, version in s.execute(select(cls.id, cls.version).where(cls.id.in_(chunk))):
                local[(kind, rid)] = version
    records = [
        p.RemoteRecord(kind=r.record_kind, record_id=r.record_id, version=r.version, payload=json.loads(r.payload_json),
                       deleted=bool(r.deleted), seq=r.seq)
        for r in rows if local.get((r.record_kind, r.record_id), 0) < r.version
    ]
    ids = [r.id for r in rows]
    for chunk in in_chunks(ids):
        s.execute(delete(SyncHeld).where(SyncHeld.id.in_(chunk)))
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
    settled: list[p.RemoteRecord] = []
    for kind, group in by_kind.items():
        cls = kinds.get(kind)
        if cls is None:
            _hold(s, kind, group)
            out.held += len(group)
            log.warning("pulled %d records of unknown kind %s (newer app?): held until this app knows it",
                        len(group), kind)
            continue
        existing = {}
        for chunk in in_chunks(_present(s, cls, [rr.record_id for rr in group])):  # objects only for those here
            for obj in s.scalars(select(cls).where(cls.id.in_(chunk))):
                existing[obj.id] = obj
        for rr in group:
            obj = existing.get(rr.record_id)
            if rr.record_id in protected:
                _refresh_conflict(s, rr)
                out.kept_local += 1
                continue
            if obj is not None and obj.version == rr.version and obj.is_deleted == rr.deleted:
                settled.append(rr)
                continue  # already the same (our own change coming back)
            problems = payload_problems(kind, rr.payload, insert=True, check_size=False)
            if problems:  # nothing this app can store: set aside, the rest goes on
                _set_aside(s, rr, problems[0].reason, out)
                continue
            todo.append((cls, obj, rr))
    for kind in _parents_first():  # a record's parents are stored (or set aside) before it is checked
        group = [t for t in todo if t[2].kind == kind]
        if group:
            settled.extend(_store_kind(s, group, out))
    _clear_set_aside(s, settled)


def _present(s: Session, cls: type, ids: list[str]) -> list[str]:
    """Which of `ids` this laptop holds, by one statement over the page's ids as one JSON parameter (most of a
    first pull's records are new: no IN lists of hundreds of parameters compiled for nothing)."""
    table = cls.__table__
    return [rid for (rid,) in s.connection().exec_driver_sql(
        f"SELECT id FROM {table.name} WHERE {among_json('id')}", (json.dumps(ids),)).all()]


def _foreign_keys(cls: type) -> list[tuple[str, str]]:
    """(column, kind it points at) of a record kind's foreign keys."""
    return [(c.key, fk.column.table.name) for c in inspect(cls).columns for fk in c.foreign_keys]


def _parents_first() -> tuple[str, ...]:
    """Every record kind, each after the kinds it points at (a kind pointing at itself aside)."""
    kinds = record_kinds()
    order: list[str] = []

    def visit(kind: str, path: tuple[str, ...]) -> None:
        if kind in order or kind in path:
            return
        for _column, target in _foreign_keys(kinds[kind]):
            if target != kind and target in kinds:
                visit(target, path + (kind,))
        order.append(kind)

    for kind in kinds:
        visit(kind, ())
    return tuple(order)


def _store_kind(s: Session, group: list, out: ApplyOutcome) -> list[p.RemoteRecord]:
    """One kind's records of the page, those whose parents are here; the stored ones. A kind pointing at
    itself (a complaint marked as a duplicate of another) is stored again without the records whose
    same-kind parent failed, so no broken link is left for the commit."""
    while True:
        page = ApplyOutcome()
        ready = _with_parents(s, group, page)
        with s.begin_nested() as kind_savepoint:
            stored = _store(s, ready, page)
            kept = {rr.record_id for rr in stored}
            lost = {rr.record_id for _c, _o, rr in group} - kept
            broken = [rr for rr in stored if any(rr.payload.get(col) in lost for col, target in
                                                 _foreign_keys(type_of(rr)) if target == rr.kind)] if lost else []
            if broken:
                kind_savepoint.rollback()
        if not broken:
            for name in ("applied", "failed", "duplicates"):
                setattr(out, name, getattr(out, name) + getattr(page, name))
            return stored
        s.expire_all()
        for rr in broken:
            _set_aside(s, rr, f"{_self_ref(rr)}: {MISSING_REF}", out)
        gone = {rr.record_id for rr in broken}
        group = [t for t in group if t[2].record_id not in gone]


def type_of(rr: p.RemoteRecord) -> type:
    return record_kinds()[rr.kind]


def _self_ref(rr: p.RemoteRecord) -> str:
    return next(col for col, target in _foreign_keys(type_of(rr)) if target == rr.kind)


def _with_parents(s: Session, todo: list, out: ApplyOutcome) -> list:
    """The records whose parents (the records they point at) are here or in this page; the others are
    set aside (`<field>: missing_ref`) and tried again at the end of the sync and at every later one.
    Checked before storing: foreign keys are deferred to the commit, where one broken link would
    refuse the whole page."""
    links = {cls: _foreign_keys(cls) for cls in {t[0] for t in todo}}
    wanted: dict[str, set[str]] = {}
    for cls, _obj, rr in todo:
        for column, target in links[cls]:
            value = rr.payload.get(column)
            if isinstance(value, str) and value:
                wanted.setdefault(target, set()).add(value)
    if not wanted:
        return todo
    kinds = record_kinds()
    here: dict[str, set[str]] = {}
    for target, id_set in wanted.items():
        ids = sorted(id_set)
        found = here.setdefault(target, set())
        for chunk in in_chunks(ids):
            found.update(s.scalars(select(kinds[target].id).where(kinds[target].id.in_(chunk))))
    coming: dict[str, set[str]] = {}
    for _cls, _obj, rr in todo:
        coming.setdefault(rr.kind, set()).add(rr.record_id)
    while True:  # a record left out takes the ones pointing at it along
        keep, dropped = [], False
        for cls, obj, rr in todo:
            missing = next((column for column, target in links[cls]
                            if isinstance(rr.payload.get(column), str) and rr.payload[column]
                            and rr.payload[column] not in here.get(target, ())
                            and rr.payload[column] not in coming.get(target, ())), None)
            if missing is None:
                keep.append((cls, obj, rr))
                continue
            _set_aside(s, rr, f"{missing}: {MISSING_REF}", out)
            coming[rr.kind].discard(rr.record_id)
            dropped = True
        todo = keep
        if not dropped:
            return todo


def _record_fault(exc: BaseException) -> bool:
    """A failure of the record being stored (a constraint, a value its column cannot take), not of the
    database itself (a full disk, a corrupt page: those stop the sync)."""
    if isinstance(exc, IntegrityError):
        return True
    if isinstance(exc, DBAPIError):
        return False
    return isinstance(exc, (StatementError, ValueError, TypeError))


def _fault_reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (type(orig).__name__ + ": " + str(orig).split("\n")[0])[:300]


def _store(s: Session, todo: list, out: ApplyOutcome) -> list[p.RemoteRecord]:
    """Store the page's records; the stored ones. Changes to records already here go first, so a value they
    give up (a CCCD moved to another resident) is free for the new ones. If any fails, one by one in the
    server's order: each failure becomes a duplicate-person conflict or is set aside with its reason."""
    if not todo:
        return []
    try:
        with s.begin_nested():
            for cls, obj, rr in todo:
                if obj is not None:
                    _apply_one(s, cls, obj, rr)
            s.flush()
            _insert_new(s, [t for t in todo if t[1] is None])
        out.applied += len(todo)
        return [rr for _cls, _obj, rr in todo]
    except Exception as exc:
        if not _record_fault(exc):
            raise
        log.info("a page of %d records stored one by one (%s in the page's statement)", len(todo), type(exc).__name__)
    s.expire_all()
    stored = []
    for cls, _obj, rr in sorted(todo, key=lambda t: t[2].seq):
        try:
            with s.begin_nested():
                _apply_one(s, cls, s.get(cls, rr.record_id), rr)
                s.flush()
        except Exception as exc:
            if not _record_fault(exc):
                raise
            if not record_duplicate(s, cls, rr):
                _set_aside(s, rr, _fault_reason(exc), out)
            else:
                out.duplicates += 1
            continue
        out.applied += 1
        stored.append(rr)
    return stored


def _set_aside(s: Session, rr: p.RemoteRecord, reason: str, out: ApplyOutcome) -> None:
    """Quarantine a pulled record as received (one row per record, its newest version) with the reason."""
    out.failed += 1
    row = s.scalar(select(SyncQuarantine).where(SyncQuarantine.direction == "pull", SyncQuarantine.record_id == rr.record_id,
                                                SyncQuarantine.record_kind == rr.kind))
    if row is not None and row.version > rr.version:
        return
    if row is None:
        row = SyncQuarantine(direction="pull", record_kind=rr.kind, record_id=rr.record_id)
        s.add(row)
    elif row.version != rr.version:
        row.created_at = utcnow()  # a newer version refused: since when this one waits
    row.reason, row.version, row.deleted = reason, rr.version, rr.deleted
    row.payload_json = json.dumps(rr.payload, ensure_ascii=False)
    log.warning("pulled record set aside: kind=%s %s", rr.kind, reason)


def _clear_set_aside(s: Session, settled: list[p.RemoteRecord]) -> None:
    """Pulled records now stored here (at their version or newer) leave the quarantine."""
    if not settled or s.scalar(select(SyncQuarantine.id).where(SyncQuarantine.direction == "pull").limit(1)) is None:
        return
    versions = {rr.record_id: rr.version for rr in settled}
    ids = list(versions)
    for chunk in in_chunks(ids):
        for row in s.scalars(select(SyncQuarantine).where(SyncQuarantine.direction == "pull",
                                                          SyncQuarantine.record_id.in_(chunk))):
            if row.version <= versions[row.record_id]:
                s.delete(row)


def set_aside_ids(s: Session) -> dict[str, set[str]]:
    """Ids of pulled records the server holds that are kept aside here (quarantined, or waiting as a
    duplicate person): the check after sync counts them as present, it must not fetch them again."""
    out: dict[str, set[str]] = {}
    for kind, record_id in s.execute(select(SyncQuarantine.record_kind, SyncQuarantine.record_id)
                                     .where(SyncQuarantine.direction == "pull")):
        out.setdefault(kind, set()).add(record_id)
    for kind, record_id in s.execute(select(SyncConflict.record_kind, SyncConflict.record_id).where(
            SyncConflict.conflict_kind == "duplicate", SyncConflict.resolved_at.is_(None))):
        out.setdefault(kind, set()).add(record_id)
    return out


# -- the same thing twice ------------------------------------------------------------------
# A pulled resident with the CCCD of another live resident here: the same person registered on
# two laptops, or a CCCD typed wrong on one. A person decides (desktop.sync.conflicts); until then
# the pulled one waits in the conflict row, and the laptop's own resident stays as it is.
NATURAL_KEYS = {"resident": "cccd"}
# Kinds one record per name: a residential group created with the same name on two laptops is one group.
MERGED_BY_NAME = {"residential_group": "name_folded"}


def record_duplicate(s: Session, cls: type, rr: p.RemoteRecord) -> bool:
    """A duplicate-person conflict for this pulled record, if a live local record has its natural key."""
    key = NATURAL_KEYS.get(rr.kind)
    value = rr.payload.get(key) if key else None
    if not value or rr.deleted:
        return False
    column = getattr(cls, key)
    local = s.scalar(select(cls).where(column == value, cls.deleted_at.is_(None), cls.id != rr.record_id).limit(1))
    if local is None:
        return False
    mine, theirs = record_fields(local), rr.payload
    differing = [f for f in field_names(cls) if f in theirs and mine.get(f) != theirs.get(f)]  # in the form's order
    conflict = s.scalar(select(SyncConflict).where(SyncConflict.conflict_kind == "duplicate",
                                                   SyncConflict.record_id == rr.record_id,
                                                   SyncConflict.resolved_at.is_(None)))
    if conflict is None:
        conflict = SyncConflict(conflict_kind="duplicate", record_kind=rr.kind, record_id=rr.record_id, remote_version=0)
        s.add(conflict)
    elif conflict.remote_version > rr.version:
        return True
    conflict.local_record_id = local.id
    conflict.fields_json = json.dumps(differing)
    conflict.local_payload_json = json.dumps(mine, ensure_ascii=False)
    conflict.remote_payload_json = json.dumps(theirs, ensure_ascii=False)
    conflict.remote_version, conflict.remote_deleted = rr.version, rr.deleted
    log.warning("pulled %s has the %s of one here: a person decides", rr.kind, key)
    return True


def recheck_duplicates(s: Session) -> int:
    """Duplicate-person conflicts that were decided on another laptop (the CCCD was corrected, one of the two
    deleted): the pulled record now fits, it is stored and the conflict closed. How many."""
    kinds = record_kinds()
    closed = 0
    for c in list(s.scalars(select(SyncConflict).where(SyncConflict.conflict_kind == "duplicate",
                                                       SyncConflict.resolved_at.is_(None)))):
        cls = kinds.get(c.record_kind)
        if cls is None:
            continue
        obj = s.get(cls, c.record_id)
        if obj is None or obj.version < c.remote_version:
            rr = p.RemoteRecord(kind=c.record_kind, record_id=c.record_id, version=c.remote_version,
                                payload=json.loads(c.remote_payload_json), deleted=c.remote_deleted, seq=0)
            try:
                with s.begin_nested():
                    _apply_one(s, cls, obj, rr)
                    s.flush()
            except Exception as exc:
                if not _record_fault(exc):
                    raise
                continue
        c.resolved_at, c.resolution, c.resolved_by = utcnow(), "elsewhere", ""
        c.resolved_payload_json = json.dumps(record_fields(s.get(cls, c.record_id)), ensure_ascii=False)
        closed += 1
    return closed


def merge_same_names(s: Session, actor: str = "sync") -> int:
    """Live records of a MERGED_BY_NAME kind sharing a folded name become one: the one with the smallest id
    stays (every laptop picks the same), the others' references move to it and they are deleted, as local
    changes that sync. How many were merged away."""
    merged = 0
    for kind, column_name in MERGED_BY_NAME.items():
        cls = record_kinds()[kind]
        column = getattr(cls, column_name)
        names = list(s.scalars(select(column).where(cls.deleted_at.is_(None)).group_by(column)
                               .having(func.count() > 1)))
        for name in names:
            keep, *others = sorted(s.scalars(select(cls).where(column == name, cls.deleted_at.is_(None))),
                                   key=lambda o: o.id)
            for other in others:
                local_changes.repoint(s, kind, other.id, keep.id, actor)
                local_changes.tombstone(s, other, actor)
                merged += 1
            log.info("%s: %d records of the same name merged into one", kind, len(others))
    if merged:
        s.flush()
    return merged


def _refresh_conflict(s: Session, rr: p.RemoteRecord) -> None:
    """A newer server copy of a record in conflict: show the person the newest 'theirs'."""
    conflict = s.scalar(select(SyncConflict).where(SyncConflict.record_id == rr.record_id,
                                                   SyncConflict.resolved_at.is_(None)))
    if conflict is not None and rr.version > conflict.remote_version:
        conflict.remote_payload_json = json.dumps(rr.payload, ensure_ascii=False)
        conflict.remote_version = rr.version
        conflict.remote_deleted = rr.deleted
