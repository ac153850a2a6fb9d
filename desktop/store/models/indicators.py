"""The ward's official figures for a year (entered by the team lead): the denominators of the city's indicators."""

from __future__ import annotations

from sqlalchemy import Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord


class WardFigures(SyncedRecord, Base):
    """Số liệu chính thức của phường cho một năm: population aged 15+, of which smartphone owners,
    households, officials on the payroll. One live row per year (the service keeps it so)."""

    __tablename__ = "ward_figures"

    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    population_15_plus: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    smartphone_owners_15_plus: Mapped[int | None] = mapped_column(Integer, nullable=True)
    households: Mapped[int | None] = mapped_column(Integer, nullable=True)
    officials: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(Text, nullable=False, default="")  # e.g. "Công an phường, 01/2026"
