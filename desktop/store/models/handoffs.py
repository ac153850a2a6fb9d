"""Police hand-offs (phiếu chuyển công an): a resident stopped by something only the ward police can fix."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord


class PoliceHandoff(SyncedRecord, Base):
    """What the police liaison must do for one resident (e.g. level-2 identification), since when, and its state:
    mo (open), xong (done), tra_lai (returned: the police could not or need something else)."""

    __tablename__ = "police_handoff"

    resident_id: Mapped[str] = mapped_column(String(36), ForeignKey("resident.id"), nullable=False, index=True)
    help_session_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("help_session.id"), nullable=True)
    reason: Mapped[str] = mapped_column(String(40), nullable=False)  # a FAILURE_REASONS code
    needed: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    since: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="mo", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
