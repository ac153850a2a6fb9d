"""Complaints (phản ánh, kiến nghị), their append-only event log, attachments and feedback."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, object_session

from desktop.store.base import Base, SyncedRecord, UtcDateTime


class Complaint(SyncedRecord, Base):
    __tablename__ = "complaint"

    code: Mapped[str] = mapped_column(String(16), nullable=False, index=True)  # short id shown to people
    kind: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    category: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    severity: Mapped[str] = mapped_column(String(16), nullable=False, default="thong_thuong")
    status: Mapped[str] = mapped_column(String(24), nullable=False, default="nhap", index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Reporter: a registered resident, or a name and phone, or anonymous.
    reporter_resident_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("resident.id"), nullable=True, index=True)
    reporter_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    reporter_phone: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    hide_name_publicly: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    withhold_identity_from_agency: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    consent_to_contact: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Place and time.
    address_text: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    address_folded: Mapped[str] = mapped_column(String(300), nullable=False, default="", index=True)
    residential_group_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("residential_group.id"), nullable=True, index=True
    )
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    occurred_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # Intake.
    channel: Mapped[str] = mapped_column(String(20), nullable=False, default="diem_ho_tro")
    taken_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    # Lifecycle facts (the event log is the history; these are the current state).
    agency: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    duplicate_of_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("complaint.id"), nullable=True)
    recorded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    handled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    accept_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)
    handle_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)
    reopen_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Why an on-site complaint was closed as handled without a photo after handling (the handler's words).
    no_after_photo_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ComplaintEvent(SyncedRecord, Base):
    """One step in a complaint's life. Append-only: never edited after it is written."""

    __tablename__ = "complaint_event"

    complaint_id: Mapped[str] = mapped_column(String(36), ForeignKey("complaint.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    actor: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(24), nullable=True)
    to_status: Mapped[str] = mapped_column(String(24), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    agency: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    duplicate_of_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class EventEditRefused(Exception):
    """A complaint's event log is append-only: a written event is never changed."""


@event.listens_for(ComplaintEvent, "before_update")
def _events_are_append_only(_mapper, _connection, target: ComplaintEvent) -> None:
    session = object_session(target)
    if session is not None and session.info.get("applying_remote"):
        return  # sync applying the server's copy
    content = {c.key for c in inspect(ComplaintEvent).column_attrs} - set(SyncedRecord.BOOKKEEPING)
    changed = [a.key for a in inspect(target).attrs if a.key in content and a.history.has_changes()]
    if changed:
        raise EventEditRefused(f"complaint_event {target.id}: {', '.join(sorted(changed))}")


class Attachment(SyncedRecord, Base):
    """A photo or video of a complaint: the file lives once in the data folder, named by its SHA-256."""

    __tablename__ = "attachment"

    complaint_id: Mapped[str] = mapped_column(String(36), ForeignKey("complaint.id"), nullable=False, index=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    path: Mapped[str] = mapped_column(String(300), nullable=False)  # relative to the data folder
    mime: Mapped[str] = mapped_column(String(60), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    media: Mapped[str] = mapped_column(String(8), nullable=False, default="photo")  # photo | video
    phase: Mapped[str] = mapped_column(String(8), nullable=False, default="truoc")  # truoc | sau (after handling)
    original_name: Mapped[str] = mapped_column(String(260), nullable=False, default="")
    captured_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)


class ComplaintFeedback(SyncedRecord, Base):
    """The resident's word after handling: resolved yes / partly / no / don't know, 1-5, comment."""

    __tablename__ = "complaint_feedback"

    complaint_id: Mapped[str] = mapped_column(String(36), ForeignKey("complaint.id"), nullable=False, index=True)
    resolved: Mapped[str] = mapped_column(String(12), nullable=False)  # co | mot_phan | khong | khong_biet
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    collected_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    collected_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
