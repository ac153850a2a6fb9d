"""The progress report (`tocds-cli report progress`): funnel totals, per residential group and
per target group with targets, plus the period's outreach activity."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.core.period import Period, today_vn
from desktop.services.outreach import communications, targets
from desktop.services.context import AppContext
from desktop.services.setup.ward_setup import ward_info
from desktop.store.models import Campaign, HelpSession, TrainingClass


def progress_report(ctx: AppContext, period: Period) -> dict:
    today = min(today_vn(), period.end)
    data = targets.progress(ctx, today=today, year=period.end.year)
    ward = ward_info(ctx)
    with ctx.read() as s:
        in_period = (HelpSession.deleted_at.is_(None), HelpSession.started_at >= period.start_utc,
                     HelpSession.started_at < period.end_utc)
        sessions, successes = s.execute(
            select(func.count(), func.count().filter(HelpSession.outcome == "thanh_cong")).where(*in_period)
        ).one()
        campaigns = s.scalar(select(func.count()).select_from(Campaign).where(
            Campaign.deleted_at.is_(None), Campaign.starts_at >= period.start_utc, Campaign.starts_at < period.end_utc))
        outside = s.scalar(select(func.count()).select_from(Campaign).where(
            Campaign.deleted_at.is_(None), Campaign.starts_at >= period.start_utc, Campaign.starts_at < period.end_utc,
            Campaign.outside_office_hours.is_(True)))
        trained = s.execute(select(func.count(), func.coalesce(func.sum(TrainingClass.attendance), 0)).where(
            TrainingClass.deleted_at.is_(None), TrainingClass.held_on >= period.start,
            TrainingClass.held_on <= period.end)).one()
    return {
        "kind": "progress",
        "ward": {"code": ward.ward_code, "name": ward.ward_name} if ward else None,
        "period": period.as_dict(),
        **data,
        "activity": {
            "help_sessions": sessions,
            "successful_sessions": successes,
            "campaigns": campaigns,
            "campaigns_outside_office_hours": outside,
            "training_classes": trained[0],
            "training_attendance": int(trained[1]),
        },
        "communications": communications.status(ctx, today),
    }
