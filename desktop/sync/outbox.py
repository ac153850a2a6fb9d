"""The outbox side: building push batches from the change log and settling their answers.

A batch is written (a `sync_batch` row listing its change-log rows, which stay `pending`)
and committed BEFORE it is sent; no later batch takes rows an open batch lists. If the
answer never arrives, the same batch (same items, same change ids) is sent again next
time and the server answers `already_stored` for whatever it had committed. Settling
writes each row's outcome and batch id. (A batch of an earlier version marked its rows
`sending` with its id instead; it is read back that way.)
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.store.base import new_id, utcnow
from desktop.store.changelog import ALL_FIELDS, CHANGE_LOG, CHANGE_PAYLOAD, ChangeJson, ChangeLogEntry
from desktop.store.models.sync import SyncBatch, SyncConflict, SyncQuarantine
from desktop.store.records import from_plain, record_kinds
from desktop.store.bulk import among_json, in_chunks
from desktop.sync import protocol as p

log = logging.getLogger(__name__)

UNSYNCED_STATES = ("pending", "sending", "error")
_SEQ_AMONG = among_json("seq")  # a batch's rows by their numbers, one JSON array
_SEQ_AMONG_LOG = among_json("change_log.seq")
_NO_SYNC = {"synchronize_session": False}


@dataclass(slots=True)
class OutboxRow(ChangeJson):
    """One change-log row read with a Core select (no ORM identity map: pushes read thousands)."""

    seq: int
    change_id: str
    record_kind: str
    record_id: str
    op: str
    base_version: int
    version: int
    fields_json: str
    payload_json: str


_LOG = CHANGE_LOG
_ROW_COLUMNS = (_LOG.c.seq, _LOG.c.change_id, _LOG.c.record_kind, _LOG.c.record_id, _LOG.c.op, _LOG.c.base_version,
                _LOG.c.version, _LOG.c.fields_json, CHANGE_PAYLOAD.c.payload_json)
_ROW_NAMES = ", ".join(f"{c.table.name}.{c.name}" for c in _ROW_COLUMNS)
_WITH_PAYLOAD = "change_log JOIN change_payload ON change_payload.seq = change_log.seq"
# rows waiting, in order, but for those an open batch lists (one taken but not settled yet: at the server, or its
# answer lost); those of a batch from before 0016 are `sending`, not `pending`
_PENDING = (f"SELECT {_ROW_NAMES} FROM {_WITH_PAYLOAD} WHERE change_log.state = 'pending' AND change_log.seq NOT IN "
            "(SELECT j.value FROM sync_batch AS b, json_each(b.seqs_json) AS j WHERE b.state = 'sending') "
            "AND change_log.seq > ? ORDER BY change_log.seq LIMIT ?")


@dataclass
class BatchOutcome:
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    already_stored: int = 0  # applied items the server held already (sent before, answer lost)
    changes: int = 0  # local changes settled (several of one record travel as one item)
    merged: int = 0  # of those, later edits that went in the same item as an earlier one
    complete: bool = True
    records: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class OutboxItem:
    """One item of a batch as it goes out (the wire's `protocol.ChangeItem`), its payload kept as the change
    log's canonical JSON text: it is spliced into the request as it is (`protocol.push_request_json`), not
    decoded and encoded again for every record sent."""

    change_id: str
    kind: str
    record_id: str
    op: str
    base_version: int
    version: int
    fields: list[str]
    payload_text: str
    deleted: bool = False

    @property
    def payload(self) -> dict:
        return json.loads(self.payload_text)


def _coalesce(rows: list[OutboxRow], known_fields: dict[str, tuple[str, ...]]) -> OutboxItem:
    """Several local changes of one record travel as one item (base of the first, payload of the last).
    `known_fields`: `fields_json` texts already decoded, their names sorted (a batch's edits mostly share a few)."""
    first, last = rows[0], rows[-1]
    if len(rows) == 1 and first.fields_json != ALL_FIELDS:  # most items: one edit, its names as decoded before
        fields = list(_names(first.fields_json, known_fields))
    else:
        names: set[str] = set()
        for row in rows:
            if row.fields_json == ALL_FIELDS:  # an insert touched every field: its payload's keys
                names.update(json.loads(row.payload_json))
            else:
                names.update(_names(row.fields_json, known_fields))
        fields = sorted(names)
    deleted = any(r.op == "delete" for r in rows)
    op = "insert" if first.op == "insert" else ("delete" if deleted else "update")
    return OutboxItem(change_id=last.change_id, kind=first.record_kind, record_id=first.record_id, op=op,
                      base_version=first.base_version, version=last.version, fields=fields,
                      payload_text=last.payload_json, deleted=deleted)


def _names(fields_json: str, known: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    decoded = known.get(fields_json)
    if decoded is None:
        decoded = known[fields_json] = tuple(sorted(json.loads(fields_json)))
    return decoded


def _items(groups: list[list[OutboxRow]]) -> list[OutboxItem]:
    known: dict[str, tuple[str, ...]] = {}
    return [_coalesce(g, known) for g in groups]


def _group(rows: list) -> list[list]:
    groups: dict[tuple[str, str], list] = {}
    for row in rows:
        groups.setdefault((row.record_kind, row.record_id), []).append(row)
    return list(groups.values())


def open_batches(s: Session) -> list[str]:
    return list(s.scalars(select(SyncBatch.batch_id).where(SyncBatch.state == "sending").order_by(SyncBatch.created_at)))


def blocked_records(s: Session) -> set[str]:
    return set(s.scalars(select(SyncConflict.record_id).where(SyncConflict.resolved_at.is_(None))))


def _choose(rows: list[OutboxRow], blocked: set[str], max_items: int, max_bytes: int) -> tuple[list, int, bool]:
    """Whole records' rows, in order, up to the bounds: (rows, item count, a bound was reached)."""
    chosen: list = []
    size = 0
    count = 0
    for group in _group(rows):
        if group[0].record_id in blocked:
            continue
        item_bytes = len(group[-1].payload_json) + 200
        if count and (count + 1 > max_items or size + item_bytes > max_bytes):
            return chosen, count, True
        chosen.extend(group)
        size += item_bytes
        count += 1
    return chosen, count, count >= max_items


@dataclass(slots=True)
class Batch:
    """A batch saved for sending: its id, its items and, per item, the change-log rows it carries."""

    batch_id: str
    items: list[OutboxItem]
    groups: list[list[OutboxRow]]


def take_batch(s: Session, max_items: int = p.MAX_BATCH_ITEMS, max_bytes: int = p.MAX_BATCH_BYTES,
               exclude: set[str] | frozenset[str] = frozenset()) -> Batch | None:
    """Take pending changes into a new batch (saved, not yet sent); None when nothing waits.
    Records in `exclude` (those of the batch still at the server) wait for a later batch.
    The rows are read once, whole: the batch's items are made from the rows that chose them."""
    blocked = blocked_records(s) | set(exclude)
    # One batch's worth of pending rows is read; only when they cannot fill a batch (records with several
    # changes, records left out) are the next ones read, after the last row read (none is read twice).
    rows: list[OutboxRow] = []
    limit, after = max_items, 0
    while True:
        more = [OutboxRow(*r) for r in s.connection().exec_driver_sql(  # one fetchall, not a fetchone per row
            _PENDING, (after, limit)).fetchall()]
        rows += more
        chosen, count, full = _choose(rows, blocked, max_items, max_bytes)
        if full or len(more) < limit or len(rows) >= max_items * 16:
            break
        after, limit = rows[-1].seq, max(max_items - count, max_items // 4)
    if not chosen:
        return None
    batch_id = new_id()
    # the batch lists its rows; they are not written (a row rewritten as `sending` was ~40 % of the pages a
    # push's transaction writes, each encrypted and written twice, to the WAL and to the database)
    s.add(SyncBatch(batch_id=batch_id, item_count=count, state="sending",
                    seqs_json=json.dumps([r.seq for r in chosen])))
    groups = _group(chosen)
    return Batch(batch_id, _items(groups), groups)


def new_batch(s: Session, max_items: int = p.MAX_BATCH_ITEMS, max_bytes: int = p.MAX_BATCH_BYTES,
              exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """`take_batch`'s batch id (its items are read back with `batch_items`)."""
    batch = take_batch(s, max_items, max_bytes, exclude)
    return batch.batch_id if batch is not None else None


def batch_items(s: Session, batch_id: str) -> tuple[list[OutboxItem], list[list[OutboxRow]]]:
    """The items of a batch saved earlier (sent again after a lost answer): its rows not settled yet."""
    listed = s.scalar(select(SyncBatch.seqs_json).where(SyncBatch.batch_id == batch_id))
    if listed is not None:
        found = s.connection().exec_driver_sql(
            f"SELECT {_ROW_NAMES} FROM {_WITH_PAYLOAD} WHERE {_SEQ_AMONG_LOG} AND change_log.state = 'pending' "
            "ORDER BY change_log.seq", (listed,))
    else:  # taken by a version before 0016: its rows are marked
        found = s.execute(select(*_ROW_COLUMNS).select_from(ChangeLogEntry.__table__)
                          .where(_LOG.c.batch_id == batch_id, _LOG.c.state == "sending").order_by(_LOG.c.seq))
    rows = [OutboxRow(*r) for r in found]
    groups = _group(rows)
    return _items(groups), groups


def _load(s: Session, cls, ids: list[str]) -> dict:
    out = {}
    for chunk in in_chunks(ids):
        for obj in s.scalars(select(cls).where(cls.id.in_(chunk))):
            out[obj.id] = obj
    return out


@dataclass(slots=True)
class LaterWatch:
    """Which records of a push can have local changes after those their batch carries, so that settling a batch
    looks up only those (`settle`'s `watch`), not every record it sent (an index probe a record: 6 us an item
    of an edit push, a twentieth of the laptop's work). Taken when the push starts: the records with
    several unsettled changes then, and every record changed since (rows numbered after the last one then,
    gathered as the push goes on: the rows of the change log are numbered in the order they are written)."""

    several: set[str]
    since: set[str]
    last_seq: int

    @classmethod
    def taken(cls, s: Session) -> LaterWatch:
        conn = s.connection()
        several = {rid for (rid,) in conn.exec_driver_sql(
            "SELECT record_id FROM change_log WHERE state IN ('pending', 'sending') GROUP BY record_id "
            "HAVING count(*) > 1")}
        return cls(several, set(), conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM change_log").scalar_one())

    def among(self, s: Session, record_ids: list[str]) -> list[str]:
        """Those of `record_ids` that may have later changes."""
        for seq, rid in s.connection().exec_driver_sql(
                "SELECT seq, record_id FROM change_log WHERE seq > ? ORDER BY seq", (self.last_seq,)):
            self.since.add(rid)
            self.last_seq = seq
        return [rid for rid in record_ids if rid in self.several or rid in self.since]


def _later_by_record(s: Session, record_ids: list[str], batch_id: str, after: int = 0,
                     own: frozenset[int] | set[int] = frozenset()) -> dict[str, list[ChangeLogEntry]]:
    """Local changes of these records outside this batch (`own`: its rows' numbers) still waiting or in flight.

    Looked up by record id only (its index) and filtered here: with the state in the WHERE
    clause SQLite walks the state index over every pending row, once per batch (quadratic
    over a large push). Only rows after `after` (the batch's first change) can matter; that test is
    made on the index entries, so the records' earlier, settled rows are never read. The rows are
    loaded as objects only when there are any (rare)."""
    seqs = [seq for seq, state, row_batch in s.connection().exec_driver_sql(
        f"SELECT seq, state, batch_id FROM change_log WHERE {among_json('record_id')} AND seq > ?",
        (json.dumps(record_ids), after)).all()
        if state in ("pending", "sending") and row_batch != batch_id and seq not in own]
    out: dict[str, list[ChangeLogEntry]] = {}
    for chunk in in_chunks(seqs):
        for row in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.seq.in_(chunk))
                             .order_by(ChangeLogEntry.seq)):
            out.setdefault(row.record_id, []).append(row)
    return out


def settle(s: Session, batch_id: str, groups: list[list[OutboxRow]], items: list[OutboxItem],
           answer: p.PushResponse, watch: LaterWatch | None = None) -> BatchOutcome:
    """Apply the server's per-item results to the change log and the records.

    The common case (stored as sent, nothing typed since, nothing merged) is settled
    set-wise with executemany; merges, rebases, conflicts and rejections go record by record.
    `watch`: the push's (taken before its first batch), so only records that may have later changes are
    looked up; without it every record of the batch is.
    """
    kinds = record_kinds()
    by_change = {r.change_id: r for r in answer.results}
    out = BatchOutcome()
    own = {r.seq for rows in groups for r in rows}
    first_seq = min(own, default=0)
    sent_ids = [i.record_id for i in items]
    later_all = _later_by_record(s, sent_ids if watch is None else watch.among(s, sent_ids), batch_id,
                                 after=first_seq, own=own)
    states: dict[str, list[int]] = {"sent": [], "error": []}
    simple: dict[str, list[dict]] = {}
    detailed: list[tuple[OutboxItem, list[OutboxRow], p.ItemResult, list[ChangeLogEntry]]] = []
    for item, rows in zip(items, groups):
        result = by_change.get(item.change_id)
        if result is None:
            out.complete = False
            continue
        last_seq = max(r.seq for r in rows)
        later = [r for r in later_all.get(item.record_id, []) if r.seq > last_seq]
        out.changes += len(rows)
        out.merged += len(rows) - 1
        out.already_stored += result.status == "already_stored"
        if result.status in ("applied", "already_stored"):
            states["sent"].extend(r.seq for r in rows)
            out.applied += 1
            out.records.append((item.kind, item.record_id))
            plain = (result.server_version is not None and result.server_payload is None and not later
                     and (item.deleted or not result.server_deleted))
            if plain and item.kind in kinds:
                simple.setdefault(item.kind, []).append({"b_id": item.record_id, "b_version": result.server_version})
                continue
        elif result.status == "conflict" and result.server_payload is not None:
            states["error"].extend(r.seq for r in rows)
        detailed.append((item, rows, result, later))
    table = CHANGE_LOG
    conn = s.connection()
    for state, seqs in states.items():
        if seqs:
            conn.exec_driver_sql(f"UPDATE change_log SET state = ?, error = ?, batch_id = ? WHERE {_SEQ_AMONG}",
                                 (state, "conflict" if state == "error" else None, batch_id, json.dumps(seqs)))
    quote = conn.dialect.identifier_preparer.quote
    for kind, params in simple.items():
        # one driver-level executemany: SQLAlchemy's own builds and processes every row's parameters in Python
        # (two thirds of a push's settle); ids and versions are plain strings and ints, nothing to convert
        conn.exec_driver_sql(f"UPDATE {quote(kinds[kind].__table__.name)} SET version = ?, sync_state = 'synced' "
                             "WHERE id = ?", [(p_["b_version"], p_["b_id"]) for p_ in params])
    with s.no_autoflush:
        objects: dict[tuple[str, str], object] = {}
        by_kind: dict[str, list[str]] = {}
        for item, _rows, _result, _later in detailed:
            by_kind.setdefault(item.kind, []).append(item.record_id)
        for kind, ids in by_kind.items():
            if kind in kinds:
                for rid, obj in _load(s, kinds[kind], ids).items():
                    objects[(kind, rid)] = obj
        for item, rows, result, later in detailed:
            obj = objects.get((item.kind, item.record_id))
            if result.status in ("applied", "already_stored"):
                if obj is not None:
                    _acknowledge(obj, item, result, later)
            elif result.status == "conflict" and result.server_payload is not None and obj is not None:
                record_conflict(s, obj, item, result)
                out.conflicts += 1
            else:
                reason = result.reason or result.status
                seqs = [r.seq for r in rows]
                s.execute(update(table).where(table.c.seq.in_(seqs)).values(state="quarantined", error=reason),
                          execution_options=_NO_SYNC)
                s.add(SyncQuarantine(direction="push", record_kind=item.kind, record_id=item.record_id,
                                     change_id=item.change_id, reason=reason,
                                     payload_json=item.payload_text))
                if obj is not None:
                    obj.sync_state = "error"
                out.rejected += 1
                log.warning("change quarantined: kind=%s reason=%s", item.kind, reason)
        batch = s.get(SyncBatch, batch_id)
        if batch is not None and out.complete:
            batch.state = "done"
            batch.seqs_json = None  # its rows carry its id now; batches are kept, their lists need not be
    return out


def _acknowledge(obj, item: OutboxItem, result: p.ItemResult, later: list[ChangeLogEntry]) -> None:
    """The server holds the change: take its version (and merged fields not edited here since)."""
    if result.server_version is None:
        obj.sync_state = "synced"
        return
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
    if not later:
        obj.version = result.server_version
        obj.sync_state = "synced"
        return
    delta = result.server_version - item.version  # rebase what was typed since onto the server's numbering
    if delta:
        obj.version = obj.version + delta
        for row in later:
            row.base_version += delta
            row.version += delta


def record_conflict(s: Session, obj, item: OutboxItem, result: p.ItemResult) -> None:
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
