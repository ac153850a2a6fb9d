"""Cross-ward CCCD matches as the server last told them (local, not synced: the server is the source)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base


class CrossWardMatch(Base):
    """A resident here whose CCCD another ward registered too: of the other record only its ward, name and
    birth year. `moved`: "" open, "here" this ward marked its resident as moved away, "there" the other did."""

    __tablename__ = "cross_ward_match"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    other_ward: Mapped[str] = mapped_column(String(5), nullable=False)
    other_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    other_birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    moved: Mapped[str] = mapped_column(String(8), nullable=False, default="")
