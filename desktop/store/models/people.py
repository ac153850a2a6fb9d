"""Operators of a shared laptop, and the audit trail (append-only, hash-chained, synced)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord, UtcDateTime, new_id, utcnow


class Operator(Base):
    """A person who signs in on this laptop. Local only: secrets never leave the machine."""

    __tablename__ = "operator"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    name_folded: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    secret_kind: Mapped[str] = mapped_column(String(8), nullable=False, default="pin")  # pin | password
    secret_hash: Mapped[str] = mapped_column(String(200), nullable=False)  # argon2id
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class AuditOrigin(Base):
    """This database's audit chain id (one row). A restored copy gets a new one."""

    __tablename__ = "audit_origin"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    origin: Mapped[str] = mapped_column(String(36), nullable=False, default=new_id)


class AuditEntry(SyncedRecord, Base):
    """One audited event. Never updated or deleted (SQL triggers refuse it); each entry
    carries the hash of the previous one of its chain (`origin`), so a change is detected.
    `detail_json` holds no personal data: field names, counts, file kinds, never values."""

    __tablename__ = "audit_entry"

    origin: Mapped[str] = mapped_column(String(36), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    occurred_at: Mapped[str] = mapped_column(String(32), nullable=False, index=True)  # UTC ISO, part of the hash
    actor: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    operator_id: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    record_kind: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, default="", index=True)
    detail_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (UniqueConstraint("origin", "seq", name="uq_audit_entry_origin_seq"),)
