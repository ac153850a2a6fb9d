"""The installation's ward and its residential groups."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord, UtcDateTime, utcnow


class WardProfile(Base):
    """Which current ward/commune this data folder belongs to (one row, local, not synced)."""

    __tablename__ = "ward_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    ward_code: Mapped[str] = mapped_column(String(5), nullable=False)
    ward_name: Mapped[str] = mapped_column(String(120), nullable=False)
    province_code: Mapped[int] = mapped_column(Integer, nullable=False)
    province_name: Mapped[str] = mapped_column(String(120), nullable=False)
    team_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class ResidentialGroup(SyncedRecord, Base):
    """Tổ dân phố / thôn inside the ward."""

    __tablename__ = "residential_group"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    name_folded: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="to_dan_pho")
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
