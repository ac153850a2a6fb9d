"""The complaints report (REPORTS["complaints"]): what the Department of Home Affairs looks
at — receiving, handling on time, and whether residents were satisfied.

Complaints count when they were recorded inside the period (Hanoi dates). On-time rates
are over complaints whose deadline has been decided: done (on time or late) or still
waiting past the deadline (late); those still inside their deadline are left out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING, STATUSES
from desktop.core.period import Period
from desktop.services.complaints import deadlines as dl
from desktop.services.complaints.complaints import RESOLVED
from desktop.services.context import AppContext
from desktop.store.base import utcnow
from desktop.store.models import Complaint, ComplaintFeedback


def _rate(on_time: int, late: int) -> float | None:
    return round(on_time / (on_time + late), 4) if on_time + late else None


def complaints_report(ctx: AppContext, period: Period, now: datetime | None = None) -> dict:
    now = now or utcnow()
    cal = dl.catalogue(ctx).calendar
    with ctx.read() as s:
        rows = list(s.scalars(select(Complaint).where(
            Complaint.deleted_at.is_(None), Complaint.recorded_at >= period.start_utc,
            Complaint.recorded_at < period.end_utc)))
        ids = [c.id for c in rows]
        feedback = list(s.scalars(select(ComplaintFeedback).where(ComplaintFeedback.complaint_id.in_(ids))
                                  .order_by(ComplaintFeedback.collected_at))) if ids else []
    by_status = {code: 0 for code in STATUSES}
    by_kind: dict[str, int] = {}
    acc = {"on_time": 0, "late": 0, "pending": 0}
    han = {"on_time": 0, "late": 0, "pending": 0}
    work_hours: list[float] = []
    clock_hours: list[float] = []
    overdue_now = 0
    for c in rows:
        by_status[c.status] = by_status.get(c.status, 0) + 1
        by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
        if dl.overdue_stage(c.status, c.accept_due_at, c.handle_due_at, now):
            overdue_now += 1
        if c.accept_due_at:
            if c.accepted_at:
                acc["on_time" if c.accepted_at <= c.accept_due_at else "late"] += 1
            elif c.status in AWAITING_ACCEPTANCE:
                acc["late" if now > c.accept_due_at else "pending"] += 1
        if c.handle_due_at and (c.accepted_at or c.handled_at):
            if c.handled_at:
                han["on_time" if c.handled_at <= c.handle_due_at else "late"] += 1
            elif c.status in AWAITING_HANDLING:
                han["late" if now > c.handle_due_at else "pending"] += 1
        if c.handled_at and c.recorded_at:
            work_hours.append(cal.working_hours_between(c.recorded_at, c.handled_at))
            clock_hours.append((c.handled_at - c.recorded_at).total_seconds() / 3600)
    resolved = {code: 0 for code in RESOLVED}
    ratings = {str(n): 0 for n in range(1, 6)}
    rated: list[int] = []
    for f in feedback:
        resolved[f.resolved] = resolved.get(f.resolved, 0) + 1
        if f.rating:
            ratings[str(f.rating)] += 1
            rated.append(f.rating)
    return {
        "kind": "complaints",
        "period": period.as_dict(),
        "generated_at": now.isoformat(),
        "total": len(rows),
        "counts_by_status": by_status,
        "counts_by_kind": dict(sorted(by_kind.items())),
        "overdue_now": overdue_now,
        "acceptance": {**acc, "on_time_rate": _rate(acc["on_time"], acc["late"])},
        "handling": {**han, "on_time_rate": _rate(han["on_time"], han["late"])},
        "average_handling_working_hours": round(sum(work_hours) / len(work_hours), 2) if work_hours else None,
        "average_handling_hours": round(sum(clock_hours) / len(clock_hours), 2) if clock_hours else None,
        "handled_count": len(work_hours),
        "satisfaction": {
            "responses": len(feedback),
            "resolved": resolved,
            "ratings": ratings,
            "average_rating": round(sum(rated) / len(rated), 2) if rated else None,
        },
    }
