"""The change log (outbox): one row per insert, update or delete of a synced record.

Rows are written by a `before_flush` hook in the same transaction as the change, so
a rolled-back transaction leaves none and a committed change always has exactly one.
Sync reads pending rows, sends them, and marks them; nothing else writes here.
"""

from __future__ import annotations

import json
import os
import time
from json.encoder import encode_basestring
from typing import Callable, Sequence

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, String, Table, Text, event, func, inspect,
                        join, select, text)
from sqlalchemy.orm import Session, column_property
from sqlalchemy.orm.attributes import PASSIVE_NO_INITIALIZE

from desktop.store.base import Base, SyncedRecord, UtcDateTime, new_id, sequential_ids, utcnow
from desktop.store.records import field_names, kind_of, record_fields
from desktop.sync.payload_rules import canonical

CHANGE_STATES = ("pending", "sending", "sent", "error", "quarantined")
# `fields_json` of an insert: every content field, i.e. the payload's keys. Spelled out it
# repeated ~280 bytes on every insert row (a quarter of the log of a bulk import).
ALL_FIELDS = '"*"'


class HardDeleteRefused(Exception):
    """Synced records are never removed: call `mark_deleted()` (a tombstone)."""


class RecordRefused(ValueError):
    """A save the sync server would refuse (a note over its length limit, a date without its time zone…):
    refused here, at entry, so nothing is stored that could never sync. The message (for people) names
    the field and the limit; `problems` are the wire format's (desktop.sync.payload_rules)."""

    def __init__(self, kind: str, problems: list):
        from desktop.core.record_labels import kind_label, problem_text

        self.kind, self.problems = kind, problems
        super().__init__(kind_label(kind) + ": " + " ".join(
            problem_text(kind, p.field, p.code, p.limit) for p in problems))


class ChangeJson:
    """`fields` and `payload` decoded from a change-log row's `fields_json` / `payload_json` text."""

    __slots__ = ()

    @property
    def fields(self) -> list[str]:
        """The names of the fields the change touched (all the payload's for an insert)."""
        if self.fields_json == ALL_FIELDS:
            return sorted(json.loads(self.payload_json))
        return json.loads(self.fields_json)

    @property
    def payload(self) -> dict:
        return json.loads(self.payload_json)


CHANGE_LOG = Table(
    "change_log", Base.metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(36), unique=True, nullable=False, default=new_id),
    Column("record_kind", String(64), nullable=False),
    Column("record_id", String(36), nullable=False, index=True),
    Column("op", String(8), nullable=False),  # insert | update | delete
    Column("base_version", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("fields_json", Text, nullable=False),  # names of the fields this change touched (ALL_FIELDS: every one)
    Column("actor", String(120), nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=False, default=utcnow),
    Column("state", String(12), nullable=False, default="pending", index=True),
    Column("batch_id", String(36), nullable=True),
    Column("error", Text, nullable=True),
    # Sync looks changes up by their batch (`batch_id = ?`): unsent ones (NULL) stay out of the index.
    Index("ix_change_log_batch_id", "batch_id", sqlite_where=text("batch_id IS NOT NULL")),
)
# A change's payload (every content field after it, ~1 kB a resident) in a table of its own, under the change's
# number: settling a pushed batch rewrites its change-log rows (state, batch id), and with the payload inline
# every row was a quarter of a page, each page encrypted and written to the WAL and the database: ~15 us an item
# of a push's laptop CPU. The foreign key is the ORM's (it copies the number and orders the inserts); the
# database has none (migration 0017): compaction empties both tables at once, which a parent table cannot be.
CHANGE_PAYLOAD = Table(
    "change_payload", Base.metadata,
    Column("seq", Integer, ForeignKey("change_log.seq"), primary_key=True, autoincrement=False),
    Column("payload_json", Text, nullable=False),  # every content field after the change
)


class ChangeLogEntry(ChangeJson, Base):
    """A change-log row with its payload (mapped over both tables: an insert writes both, a settle only the log).
    Queries that need no payload read `CHANGE_LOG` itself, not this class (which joins the payloads)."""

    __table__ = join(CHANGE_LOG, CHANGE_PAYLOAD, CHANGE_LOG.c.seq == CHANGE_PAYLOAD.c.seq)

    seq = column_property(CHANGE_LOG.c.seq, CHANGE_PAYLOAD.c.seq)  # one number, both tables; every other column
    # is mapped under its own name (change_id, record_kind, record_id, op, …, payload_json, state, batch_id, error)


def _fill_defaults(obj: SyncedRecord) -> None:
    """Apply scalar/callable column defaults now, so the logged payload equals the stored row."""
    for column in inspect(type(obj)).columns:
        key = column.key
        if getattr(obj, key, None) is None and column.default is not None:
            default = column.default
            if default.is_scalar:
                setattr(obj, key, default.arg)
            elif default.is_callable:
                setattr(obj, key, default.arg(None))


def _log(session: Session, obj: SyncedRecord, op: str, base_version: int, fields: list[str]) -> None:
    from desktop.sync.payload_rules import payload_problems

    kind = kind_of(obj)
    payload = record_fields(obj)
    payload_text = canonical(payload)
    problems = payload_problems(kind, payload, insert=op == "insert", fields=fields, text=payload_text)
    if problems:
        raise RecordRefused(kind, problems)
    session.add(
        ChangeLogEntry(
            record_kind=kind,
            record_id=obj.id,
            op=op,
            base_version=base_version,
            version=obj.version,
            fields_json=ALL_FIELDS if op == "insert" else canonical(sorted(fields)),
            payload_json=payload_text,
            actor=session.info.get("actor", ""),
        )
    )


def log_change(session: Session, obj: SyncedRecord, op: str, base_version: int, fields: list[str]) -> None:
    """The row of a change made in a session that writes none by itself (sync's own decisions, in a
    session applying the server's records): checked and written as the hook writes it."""
    _log(session, obj, op, base_version, fields)


def _changed(state, key: str) -> bool:
    """Whether an attribute of a loaded object holds a value other than the stored one."""
    return state.get_history(key, PASSIVE_NO_INITIALIZE).has_changes()


def _changed_fields(obj: SyncedRecord, state) -> list[str]:
    """The content fields edited since the object was loaded (`state`: its `inspect()`), in the model's order.
    Only attributes set since (the keys of `committed_state`) are asked, through `InstanceState.get_history`:
    `state.attrs` would make an `AttributeState` for every column of every edited record, cached on its state
    in a reference cycle (~39 objects a resident: an edit of 100,000 residents left ~3.8 million for the
    cycle collector)."""
    touched = state.committed_state
    return [name for name in field_names(type(obj)) if name in touched and _changed(state, name)]


def _record_changes(session: Session, _flush_context, _instances) -> None:
    if session.info.get("applying_remote"):
        return  # sync applying the server's changes: they are not local edits
    actor = session.info.get("actor", "")
    now = utcnow()
    for obj in list(session.deleted):
        if isinstance(obj, SyncedRecord):
            raise HardDeleteRefused(f"{kind_of(obj)} {obj.id}: use mark_deleted()")
    new = list(session.new)
    for obj in new:
        if not isinstance(obj, SyncedRecord):
            continue
        _fill_defaults(obj)
        obj.version = 1
        obj.created_at = obj.updated_at = now
        obj.created_by = obj.updated_by = actor
        obj.sync_state = "queued"
        _log(session, obj, "insert", 0, field_names(type(obj)))
    added = {id(obj) for obj in new}  # `session.new` is rebuilt on every access: once, not once per dirty object
    for obj in list(session.dirty):
        if not isinstance(obj, SyncedRecord) or id(obj) in added:
            continue
        state = inspect(obj)
        fields = _changed_fields(obj, state)
        deleted_now = obj.deleted_at is not None and _changed(state, "deleted_at")
        if not fields and not deleted_now:
            continue  # bookkeeping only (e.g. sync marking a record synced)
        base = obj.version
        obj.version = base + 1
        obj.updated_at = now
        obj.updated_by = actor
        obj.sync_state = "queued"
        _log(session, obj, "delete" if deleted_now else "update", base, fields)


def install(session_class: type[Session]) -> None:
    """Attach the change-log hook to a Session class (done once by the store)."""
    if not event.contains(session_class, "before_flush", _record_changes):
        event.listen(session_class, "before_flush", _record_changes)


# -- bulk inserts ------------------------------------------------------------------------
CHANGE_COLUMNS = ("seq", "change_id", "record_kind", "record_id", "op", "base_version", "version", "fields_json",
                  "actor", "created_at", "state")
_INSERT_CHANGES = "INSERT INTO change_log ({c}) VALUES ({q})".format(
    c=", ".join(CHANGE_COLUMNS), q=", ".join("?" * len(CHANGE_COLUMNS)))
_INSERT_PAYLOADS = "INSERT INTO change_payload (seq, payload_json) VALUES (?, ?)"
# the number of the last change written (either table: a change and its payload share theirs)
LAST_SEQ_SQL = ("SELECT max((SELECT coalesce(max(seq), 0) FROM change_log), "
                "(SELECT coalesce(max(seq), 0) FROM change_payload))")
_JSON_SCALARS: dict[type, Callable[[object], str]] = {
    str: encode_basestring, int: int.__repr__, type(None): lambda _v: "null",
    bool: lambda v: "true" if v else "false",
}


def payload_encoder(names: Sequence[str]) -> Callable[[Sequence], str]:
    """A function turning content values (in `names` order, JSON-ready) into `canonical(dict(zip(names, values)))`.

    Byte for byte the same text, about three times faster: the keys are sorted and quoted
    once; strings, integers, booleans and None are written by the json module's own
    encoders; anything else (floats, lists…) goes through `canonical`.
    """
    order = sorted(range(len(names)), key=lambda i: names[i])
    template = "{" + ",".join(encode_basestring(names[i]).replace("%", "%%") + ":%s" for i in order) + "}"
    scalars = _JSON_SCALARS

    def encode(values: Sequence) -> str:
        return template % tuple([(scalars.get(v.__class__) or canonical)(v) for v in [values[i] for i in order]])

    return encode


class BulkInsertLog:
    """The change-log rows of records inserted in bulk (executemany), written as the
    before_flush hook writes them for an ORM insert: op insert, base version 0,
    version 1, fields `ALL_FIELDS`, a payload of every content field,
    state pending. Used by the resident import and by demo / benchmark data.

        log = BulkInsertLog(Resident, actor, created_at_as_stored)
        payload = log.add(record_id, values)   # content values in field_names order, JSON-ready
        log.flush(connection)                  # executemany; the caller's transaction
    """

    def __init__(self, cls: type[SyncedRecord], actor: str, created_at: str):
        self.cls = cls
        self.kind = cls.__tablename__  # type: ignore[attr-defined]
        self.names = field_names(cls)
        self.fields_json = ALL_FIELDS
        self.payload = payload_encoder(self.names)
        self.actor = actor
        self.created_at = created_at  # the stored form (UTC ISO text with microseconds)
        self.change_id = sequential_ids()
        self.rows: list[tuple] = []
        self.payloads: list[str] = []
        self.total = 0

    def add(self, record_id: str, values: Sequence, payload: str | None = None) -> None:
        self.rows.append((self.change_id(), self.kind, record_id, "insert", 0, 1, self.fields_json,
                          self.actor, self.created_at, "pending"))
        self.payloads.append(payload if payload is not None else self.payload(values))

    def flush(self, conn) -> int:
        n = len(self.rows)
        if n:
            first = conn.exec_driver_sql(LAST_SEQ_SQL).scalar() + 1
            conn.exec_driver_sql(_INSERT_CHANGES, [(first + i, *row) for i, row in enumerate(self.rows)])
            conn.exec_driver_sql(_INSERT_PAYLOADS, list(enumerate(self.payloads, start=first)))
            self.rows, self.payloads = [], []
            self.total += n
        return n

    def from_table_sql(self, where: str) -> list[tuple[str, tuple]]:
        """SQL statements (each with its leading parameters, run in this order) writing, set-based in SQLite,
        the change-log rows and their payloads of records already inserted in the kind's table: those matching
        `where`, in rowid order. Each statement takes first an offset, then the returned parameters, then
        `where`'s: a row's number is its rowid plus the offset, in both tables. The caller passes the number of
        the last change written (`LAST_SEQ_SQL`, read before the first) minus the rowid before the first row
        matched, so every number comes after it (rowids the records skipped leave numbers unused; no window
        function numbers the rows, which cost the import ~3 us a row).

        The payload is made by `json_object` from the stored values, keys sorted: the text
        `canonical(record_fields(record))` gives (SQLite's JSON strings are escaped as Python's
        json escapes them; booleans stored 0/1 become true/false; UTC times lose a zero
        fraction as `isoformat()` does). Change ids are time-ordered UUIDs as
        `sequential_ids` makes them, numbered by rowid. One statement, no Python per row:
        a bulk writer may run it on another thread while it prepares the next rows.
        Kinds with floating-point columns are refused (SQLite prints them differently).
        """
        table = self.cls.__table__  # type: ignore[attr-defined]
        parts = []
        for name in sorted(self.names):
            column = table.c[name]
            q = f'"{column.name}"'
            if isinstance(column.type, Float):
                raise NotImplementedError(f"{self.kind}.{name}: floats are written by the Python path")
            if isinstance(column.type, Boolean):
                expr = f"CASE WHEN {q} IS NULL THEN NULL WHEN {q} THEN json('true') ELSE json('false') END"
            elif isinstance(column.type, UtcDateTime):
                expr = f"CASE WHEN substr({q}, 20, 7) = '.000000' THEN substr({q}, 1, 19) || substr({q}, 27) ELSE {q} END"
            else:
                expr = q
            parts.append(f"'{name}', {expr}")
        change_id, id_params = sequential_id_sql("rowid")
        seq = "? + rowid"
        payloads = (f"INSERT INTO change_payload (seq, payload_json) SELECT {seq}, json_object({', '.join(parts)}) "
                    f"FROM {table.name} WHERE {where} ORDER BY rowid")
        log = (f"INSERT INTO change_log ({', '.join(CHANGE_COLUMNS)}) "
               f"SELECT {seq}, {change_id}, ?, id, 'insert', 0, 1, ?, ?, ?, 'pending' "
               f"FROM {table.name} WHERE {where} ORDER BY rowid")
        return [(payloads, ()), (log, (*id_params, self.kind, self.fields_json, self.actor, self.created_at))]


def sequential_id_sql(number: str) -> tuple[str, tuple]:
    """An SQL expression (and its parameters, which come first) making time-ordered UUIDs in the
    layout of `sequential_ids` from `number`, an SQL integer expression that grows by one per
    record (a rowid; a batch's offset plus a row's place in it). The millisecond of the call and
    72 random bits are fixed; the last 12 hex digits are a random 46-bit start plus `number`.
    """
    stamp = f"{int(time.time() * 1000) & (1 << 48) - 1:012x}"
    rand = int.from_bytes(os.urandom(9), "big")
    prefix = f"{stamp[:8]}-{stamp[8:]}-7{rand & 0xfff:03x}-{0x8000 | (rand >> 12) & 0x3fff:04x}-"
    base = (rand >> 26) & ((1 << 46) - 1)  # + number stays below 2**48 (12 hex digits)
    return f"printf('%s%012x', ?, ? + {number})", (prefix, base)


def pending_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(CHANGE_LOG).where(CHANGE_LOG.c.state.in_(("pending", "sending", "error")))
    ) or 0
