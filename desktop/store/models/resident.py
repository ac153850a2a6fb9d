"""A resident of the ward (personal data: masked in lists, audited when revealed)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord, UtcDateTime


class Resident(SyncedRecord, Base):
    __tablename__ = "resident"

    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    # Search and sort keys derived from full_name by the service (desktop.core.text.fold).
    name_folded: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    sort_key: Mapped[str] = mapped_column(String(220), nullable=False, default="")  # indexed with id (0002)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sex: Mapped[str | None] = mapped_column(String(4), nullable=True)  # nam | nu
    cccd: Mapped[str | None] = mapped_column(String(12), nullable=True)
    cmnd: Mapped[str | None] = mapped_column(String(9), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)  # E.164
    residential_group_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("residential_group.id"), nullable=True, index=True
    )
    address_detail: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    # The household (hộ) the resident belongs to: at most one (store/models/household.py says why a column).
    household_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("household.id"), nullable=True, index=True)
    target_group: Mapped[str] = mapped_column(String(24), nullable=False, default="nguoi_dan_khac", index=True)
    workplace: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    adoption_stage: Mapped[str] = mapped_column(String(20), nullable=False, default="chua_biet", index=True)
    aware_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    installed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    account_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_given: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    consent_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    consent_version: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (
        # One live record per CCCD; tombstones keep theirs.
        Index("uq_resident_cccd_live", "cccd", unique=True, sqlite_where=text("cccd IS NOT NULL AND deleted_at IS NULL")),
    )
