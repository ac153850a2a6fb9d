"""Local bookkeeping of the sync client (never synced itself): state, batches, conflicts, quarantine."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, UtcDateTime, utcnow


class SyncState(Base):
    """One row: which server and device this folder syncs as, the pull cursor, the last outcome."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    server_url: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    device_id: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    ward_code: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    cursor: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, nullable=False, default="")
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_check_json: Mapped[str] = mapped_column(Text, nullable=False, default="")
    last_check_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SyncBatch(Base):
    """A push batch, saved before it is sent (with the list of its change-log rows); `sending` until its answer
    is applied."""

    __tablename__ = "sync_batch"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="sending", index=True)
    item_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # the change-log rows it carries (a JSON array of their `seq`), which stay `pending` until it is settled;
    # None: taken by a version before 0016, whose rows are marked `sending` with the batch id
    seqs_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class SyncConflict(Base):
    """What a person decides.

    `edit`: the same field edited here and elsewhere (keep mine / take theirs / edit); the record is here.
    `duplicate`: a pulled resident (`record_id`, held in `remote_payload_json` until decided) has the CCCD
    of a resident here (`local_record_id`): the same person (merge them) or two people (correct a CCCD)."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conflict_kind: Mapped[str] = mapped_column(String(16), nullable=False, default="edit", server_default="edit")
    record_kind: Mapped[str] = mapped_column(String(64), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    local_record_id: Mapped[str] = mapped_column(String(36), nullable=False, default="", server_default="")
    fields_json: Mapped[str] = mapped_column(Text, nullable=False)
    local_payload_json: Mapped[str] = mapped_column(Text, nullable=False)
    remote_payload_json: Mapped[str] = mapped_column(Text, nullable=False)
    remote_version: Mapped[int] = mapped_column(Integer, nullable=False)
    remote_deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # mine | theirs | edit; same_person | different_people; elsewhere (decided on another laptop)
    resolution: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    resolved_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    resolved_payload_json: Mapped[str] = mapped_column(Text, nullable=False, default="")


class SyncQuarantine(Base):
    """A record the server refused (push), or a pulled one that could not be stored here (pull: kept as
    received, at `version`, one row per record, tried again at every sync), with its reason."""

    __tablename__ = "sync_quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    direction: Mapped[str] = mapped_column(String(8), nullable=False)  # push | pull
    record_kind: Mapped[str] = mapped_column(String(64), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    change_id: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    payload_json: Mapped[str] = mapped_column(Text, nullable=False, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class SyncBlob(Base):
    """Attachment files known to be complete on the server (by content hash)."""

    __tablename__ = "sync_blob"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class SyncHeld(Base):
    """A pulled record of a kind this app does not know yet (sent by a newer app through the server),
    kept as received and applied once an upgraded app knows its kind: the pull cursor has moved past it."""

    __tablename__ = "sync_held"
    __table_args__ = (UniqueConstraint("record_kind", "record_id", name="uq_sync_held_kind_record"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # the server's sequence number
    payload_json: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
