"""Complaint deadlines on the working-hours calendar, and what "overdue" means.

- Acceptance: the agency accepts (đã tiếp nhận) within 8 working hours of recording.
- Handling: urgent (khẩn cấp) within 4 working hours; normal and complex within the
  category's working days (catalogue `deadline_days`). The handling clock starts when
  the agency accepts (until then, provisionally, at recording) and restarts on reopen.
- Overdue: awaiting acceptance past the acceptance deadline, or accepted and not yet
  handled past the handling deadline.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_

from desktop.core.complaint_catalogue import Catalogue, catalogue_for
from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING
from desktop.services.context import AppContext
from desktop.store.models import Complaint

ACCEPT_WORKING_HOURS = 8
URGENT_WORKING_HOURS = 4


def catalogue(ctx: AppContext) -> Catalogue:
    return catalogue_for(ctx.folder.root)


def handling_hours(cat: Catalogue, kind: str, category: str, severity: str) -> float:
    if severity == "khan_cap":
        return URGENT_WORKING_HOURS
    c = cat.category(kind, category)
    days = (c.complex_days if severity == "phuc_tap" else c.normal_days) if c else 5
    return days * cat.calendar.hours_per_day


def accept_due(cat: Catalogue, recorded_at: datetime) -> datetime:
    return cat.calendar.add_working_hours(recorded_at, ACCEPT_WORKING_HOURS)


def handle_due(cat: Catalogue, kind: str, category: str, severity: str, start: datetime) -> datetime:
    return cat.calendar.add_working_hours(start, handling_hours(cat, kind, category, severity))


def current_due(status: str, accept_due_at: datetime | None, handle_due_at: datetime | None) -> datetime | None:
    """The deadline the complaint is running against now (None when no clock runs)."""
    if status in AWAITING_ACCEPTANCE:
        return accept_due_at
    if status in AWAITING_HANDLING:
        return handle_due_at
    return None


def overdue_stage(status: str, accept_due_at: datetime | None, handle_due_at: datetime | None, now: datetime) -> str | None:
    """"tiep_nhan" or "xu_ly" when that deadline has passed, else None."""
    if status in AWAITING_ACCEPTANCE and accept_due_at is not None and now > accept_due_at:
        return "tiep_nhan"
    if status in AWAITING_HANDLING and handle_due_at is not None and now > handle_due_at:
        return "xu_ly"
    return None


def overdue_clause(now: datetime):
    """SQL condition matching overdue complaints at `now` (the same rule as overdue_stage)."""
    return or_(
        and_(Complaint.status.in_(AWAITING_ACCEPTANCE), Complaint.accept_due_at.is_not(None), Complaint.accept_due_at < now),
        and_(Complaint.status.in_(AWAITING_HANDLING), Complaint.handle_due_at.is_not(None), Complaint.handle_due_at < now),
    )


def set_deadlines_on_record(cat: Catalogue, c: Complaint, at: datetime) -> None:
    c.recorded_at = at
    c.accept_due_at = accept_due(cat, at)
    c.handle_due_at = handle_due(cat, c.kind, c.category, c.severity, at)


def restart_handling_clock(cat: Catalogue, c: Complaint, at: datetime) -> None:
    c.handle_due_at = handle_due(cat, c.kind, c.category, c.severity, at)
