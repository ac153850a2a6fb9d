"""Outreach work: campaigns and booths, volunteers, help sessions, targets,
communications and training classes (all synced through the change log),
plus the local record of the shift on duty (not synced)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord, UtcDateTime, utcnow


class Volunteer(SyncedRecord, Base):
    __tablename__ = "volunteer"

    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    force: Mapped[str] = mapped_column(String(24), nullable=False, default="to_cds")
    phone: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Campaign(SyncedRecord, Base):
    """Đợt ra quân / điểm hỗ trợ."""

    __tablename__ = "campaign"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    place: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    residential_group_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("residential_group.id"), nullable=True, index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, index=True)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    forces: Mapped[str] = mapped_column(String(200), nullable=False, default="")  # comma-separated codes
    volunteer_ids: Mapped[str] = mapped_column(Text, nullable=False, default="")  # comma-separated ids
    outside_office_hours: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class HelpSession(SyncedRecord, Base):
    """Lượt hỗ trợ: one resident helped to install iHaNoi, with steps, outcome and follow-up."""

    __tablename__ = "help_session"

    resident_id: Mapped[str] = mapped_column(String(36), ForeignKey("resident.id"), nullable=False, index=True)
    campaign_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("campaign.id"), nullable=True, index=True)
    volunteer_ids: Mapped[str] = mapped_column(Text, nullable=False, default="")  # comma-separated ids
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    informed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    installed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    account_created: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    vneid_linked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    first_use: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False, default="dang_ho_tro", index=True)
    failure_reasons: Mapped[str] = mapped_column(String(300), nullable=False, default="")  # comma-separated codes
    failure_other: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    follow_up_needed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, index=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up_done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Target(SyncedRecord, Base):
    """A target for one target group (or every resident: "tat_ca"): a percentage by a date."""

    __tablename__ = "outreach_target"

    target_group: Mapped[str] = mapped_column(String(24), nullable=False, index=True)
    percent: Mapped[int] = mapped_column(Integer, nullable=False, default=100)
    deadline: Mapped[date] = mapped_column(Date, nullable=False)
    stage: Mapped[str] = mapped_column(String(20), nullable=False, default="da_tao_tai_khoan")


class CommunicationItem(SyncedRecord, Base):
    """An item published (Truyền thông, cảnh báo): the directive asks for one every 3 days."""

    __tablename__ = "communication_item"

    published_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    channel: Mapped[str] = mapped_column(String(24), nullable=False, default="ihanoi")
    audience: Mapped[str] = mapped_column(String(24), nullable=False, default="tat_ca")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class TrainingClass(SyncedRecord, Base):
    __tablename__ = "training_class"

    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    trainer: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    audience: Mapped[str] = mapped_column(String(24), nullable=False, default="tat_ca")
    attendance: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    campaign_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("campaign.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DutyShift(Base):
    """The shift on duty on this laptop (one row, local, not synced): who is stamped on records."""

    __tablename__ = "duty_shift"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    volunteer_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    volunteer_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    campaign_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
