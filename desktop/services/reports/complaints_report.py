"""The complaints report (REPORTS["complaints"]): what the Department of Home Affairs looks
at — receiving, handling on time, and whether residents were satisfied.

Complaints count when they were recorded inside the period (Hanoi dates), each as it stood
at the period's end (`Period.as_of_moment`: the end of its last day, or now while it runs),
replayed from its event log (`core.complaint_history`): a complaint reopened after the
period still reads as handled in it. On-time rates are over complaints whose deadline had
been decided by then: done (on time or late) or still waiting past the deadline (late);
those still inside their deadline are left out. The average handling time counts every
handling, the ones before a reopening too.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select

from desktop.core import rounding
from desktop.core.complaint_history import ComplaintState, events_from_row, replay
from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING, STATUSES
from desktop.core.i18n import _
from desktop.core.period import Period
from desktop.services.complaints import deadlines as dl
from desktop.services.complaints.complaints import RESOLVED
from desktop.services.context import AppContext
from desktop.services.setup.ward_setup import ward_info
from desktop.store.base import utcnow
from desktop.store.models import Complaint, ComplaintEvent, ComplaintFeedback


def _rate(on_time: int, late: int) -> float | None:
    return rounding.ratio(on_time, on_time + late, 4) if on_time + late else None


def _mean(values: list[float], places: int = 2) -> float | None:
    return rounding.ratio(sum(values), len(values), places) if values else None


def _recorded_in(period: Period) -> tuple:
    return (Complaint.deleted_at.is_(None), Complaint.recorded_at >= period.start_utc,
            Complaint.recorded_at < period.end_utc)


def _states(s, rows: list[Complaint], period: Period, moment: datetime) -> dict[str, tuple[ComplaintState, ComplaintState]]:
    """Each complaint's state at `moment` and today's (by replaying its events), by id."""
    events: dict[str, list] = defaultdict(list)
    query = (select(ComplaintEvent.complaint_id, ComplaintEvent.at, ComplaintEvent.action, ComplaintEvent.to_status)
             .join(Complaint, Complaint.id == ComplaintEvent.complaint_id)
             .where(ComplaintEvent.deleted_at.is_(None), *_recorded_in(period)))
    for complaint_id, at, action, to_status in s.execute(query):
        events[complaint_id].append((at, action, to_status))
    out = {}
    for c in rows:
        log = events.get(c.id) or events_from_row(c.status, c.recorded_at, c.accepted_at, c.handled_at)
        out[c.id] = (replay(log, moment), replay(log))
    return out


def _handle_due(cat, c: Complaint, then: ComplaintState, now_state: ComplaintState) -> datetime | None:
    """The handling deadline that ran at the time: the row's own while the same clock runs today."""
    if then.clock_started_at is None or then.clock_started_at == now_state.clock_started_at:
        return c.handle_due_at
    return dl.handle_due(cat, c.kind, c.category, c.severity, then.clock_started_at)


def complaints_report(ctx: AppContext, period: Period, now: datetime | None = None) -> dict:
    now = now or utcnow()
    moment = period.as_of_moment(now)
    cat = dl.catalogue(ctx)
    cal = cat.calendar
    with ctx.read() as s:
        rows = list(s.scalars(select(Complaint).where(*_recorded_in(period))))
        states = _states(s, rows, period, moment)
        feedback = list(s.scalars(
            select(ComplaintFeedback).join(Complaint, Complaint.id == ComplaintFeedback.complaint_id)
            .where(*_recorded_in(period), ComplaintFeedback.deleted_at.is_(None), ComplaintFeedback.collected_at < moment)
            .order_by(ComplaintFeedback.collected_at)))
    by_status = {code: 0 for code in STATUSES}
    by_kind: dict[str, int] = {}
    acc = {"on_time": 0, "late": 0, "pending": 0}
    han = {"on_time": 0, "late": 0, "pending": 0}
    work_hours: list[float] = []
    clock_hours: list[float] = []
    overdue = 0
    reopened = 0
    for c in rows:
        then, today_state = states[c.id]
        handle_due = _handle_due(cat, c, then, today_state)
        by_status[then.status] = by_status.get(then.status, 0) + 1
        by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
        if dl.overdue_stage(then.status, c.accept_due_at, handle_due, moment):
            overdue += 1
        if c.accept_due_at:
            if then.accepted_at:
                acc["on_time" if then.accepted_at <= c.accept_due_at else "late"] += 1
            elif then.status in AWAITING_ACCEPTANCE:
                acc["late" if moment > c.accept_due_at else "pending"] += 1
        if handle_due and (then.accepted_at or then.handled_at):
            if then.handled_at:
                han["on_time" if then.handled_at <= handle_due else "late"] += 1
            elif then.status in AWAITING_HANDLING:
                han["late" if moment > handle_due else "pending"] += 1
        reopened += then.reopenings > 0
        for h in then.handlings:
            work_hours.append(cal.working_hours_between(h.started_at, h.handled_at))
            clock_hours.append(h.hours)
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
        "ward": _ward(ctx),
        "period": period.as_dict(),
        "generated_at": now.isoformat(),
        "as_of": moment.isoformat(),
        "total": len(rows),
        "counts_by_status": by_status,
        "counts_by_kind": dict(sorted(by_kind.items())),
        "overdue_now": overdue,
        "acceptance": {**acc, "on_time_rate": _rate(acc["on_time"], acc["late"])},
        "handling": {**han, "on_time_rate": _rate(han["on_time"], han["late"])},
        "average_handling_working_hours": _mean(work_hours),
        "average_handling_hours": _mean(clock_hours),
        "handled_count": len(work_hours),
        "reopened_handled": reopened,
        "satisfaction": {
            "responses": len(feedback),
            "resolved": resolved,
            "ratings": ratings,
            "average_rating": _mean(rated),
        },
        "notes": [
            _("Số liệu tính đến hết kỳ báo cáo: trạng thái, thời hạn và đánh giá của mỗi phản ánh như tại thời điểm đó."),
            _("Thời gian xử lý bình quân tính trên mọi lần xử lý (từ khi ghi nhận, hoặc từ khi mở lại, đến khi xử lý "
              "xong), kể cả lần xử lý trước khi phản ánh bị mở lại: {n} lần xử lý, trong đó {reopened} phản ánh đã bị "
              "mở lại.").format(n=len(work_hours), reopened=reopened),
        ],
    }


def _ward(ctx: AppContext) -> dict | None:
    """The ward and team the report's letterhead names."""
    ward = ward_info(ctx)
    return {"code": ward.ward_code, "name": ward.ward_name, "team": ward.team_name} if ward else None
