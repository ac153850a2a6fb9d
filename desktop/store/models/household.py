"""Households (hộ) and door-to-door visits, all synced through the change log.

Membership is a column on the resident (`Resident.household_id`), not a record of its own: a
resident then belongs to at most one household by construction, and moving a member is one field
of the resident that merges like any other (two laptops cannot each add a membership record for
the same person). The head is a plain id (no foreign key: resident -> household -> resident would
be a cycle the unit of work cannot order); the sync rules still check it is of the same ward.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, SyncedRecord


class Household(SyncedRecord, Base):
    __tablename__ = "household"

    code: Mapped[str] = mapped_column(String(8), nullable=False, index=True)  # core.household_code, stored form
    residential_group_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("residential_group.id"), nullable=True, index=True)
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    address_folded: Mapped[str] = mapped_column(String(300), nullable=False, default="", index=True)
    register_no: Mapped[str] = mapped_column(String(40), nullable=False, default="", index=True)  # số hộ from an import
    head_resident_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class HouseholdVisit(SyncedRecord, Base):
    """One door-to-door visit to a household: who was met, when to come back."""

    __tablename__ = "household_visit"

    household_id: Mapped[str] = mapped_column(String(36), ForeignKey("household.id"), nullable=False, index=True)
    visited_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    visited_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    met: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    next_visit_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class HouseholdVisitMember(SyncedRecord, Base):
    """A visit's outcome for one member (core.vocab.VISIT_OUTCOMES)."""

    __tablename__ = "household_visit_member"

    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("household_visit.id"), nullable=False, index=True)
    resident_id: Mapped[str] = mapped_column(String(36), ForeignKey("resident.id"), nullable=False, index=True)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
