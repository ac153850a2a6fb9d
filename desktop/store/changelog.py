"""The change log (outbox): one row per insert, update or delete of a synced record.

Rows are written by a `before_flush` hook in the same transaction as the change, so
a rolled-back transaction leaves none and a committed change always has exactly one.
Sync reads pending rows, sends them, and marks them; nothing else writes here.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Integer, String, Text, event, inspect, select, func
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.store.base import Base, SyncedRecord, UtcDateTime, new_id, utcnow
from desktop.store.records import field_names, kind_of, record_fields

CHANGE_STATES = ("pending", "sending", "sent", "error", "quarantined")


class HardDeleteRefused(Exception):
    """Synced records are never removed: call `mark_deleted()` (a tombstone)."""


class ChangeLogEntry(Base):
    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False, default=new_id)
    record_kind: Mapped[str] = mapped_column(String(64), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    op: Mapped[str] = mapped_column(String(8), nullable=False)  # insert | update | delete
    base_version: Mapped[int] = mapped_column(Integer, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    fields_json: Mapped[str] = mapped_column(Text, nullable=False)  # names of the fields this change touched
    payload_json: Mapped[str] = mapped_column(Text, nullable=False)  # every content field after the change
    actor: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="pending", index=True)
    batch_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)

    @property
    def fields(self) -> list[str]:
        return json.loads(self.fields_json)

    @property
    def payload(self) -> dict:
        return json.loads(self.payload_json)


def _dump(value) -> str:  # noqa: ANN001
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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
    session.add(
        ChangeLogEntry(
            record_kind=kind_of(obj),
            record_id=obj.id,
            op=op,
            base_version=base_version,
            version=obj.version,
            fields_json=_dump(sorted(fields)),
            payload_json=_dump(record_fields(obj)),
            actor=session.info.get("actor", ""),
        )
    )


def _changed_fields(obj: SyncedRecord) -> list[str]:
    state = inspect(obj)
    names = set(field_names(type(obj)))
    return [a.key for a in state.attrs if a.key in names and a.history.has_changes()]


def _record_changes(session: Session, _flush_context, _instances) -> None:  # noqa: ANN001
    if session.info.get("applying_remote"):
        return  # sync applying the server's changes: they are not local edits
    actor = session.info.get("actor", "")
    now = utcnow()
    for obj in list(session.deleted):
        if isinstance(obj, SyncedRecord):
            raise HardDeleteRefused(f"{kind_of(obj)} {obj.id}: use mark_deleted()")
    for obj in list(session.new):
        if not isinstance(obj, SyncedRecord):
            continue
        _fill_defaults(obj)
        obj.version = 1
        obj.created_at = obj.updated_at = now
        obj.created_by = obj.updated_by = actor
        obj.sync_state = "queued"
        _log(session, obj, "insert", 0, field_names(type(obj)))
    for obj in list(session.dirty):
        if not isinstance(obj, SyncedRecord) or obj in session.new:
            continue
        fields = _changed_fields(obj)
        deleted_now = inspect(obj).attrs.deleted_at.history.has_changes() and obj.deleted_at is not None
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


def pending_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.state.in_(("pending", "sending", "error")))
    ) or 0
