"""The progress report (`tocds-cli report progress`): funnel totals, per residential group and
per target group with targets, plus the period's outreach activity.

Every figure is as it stood at the period's end (`Period.as_of`), from the same functions
the dashboard and the official reports use: the funnel from `targets.progress`, the
communications status, the help sessions from `figures_activity.help_session_figures`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from desktop.core.period import Period
from desktop.services.context import AppContext
from desktop.services.outreach import communications, targets
from desktop.services.reports import indicators
from desktop.services.reports.figures_activity import help_session_figures
from desktop.services.setup.ward_setup import ward_info
from desktop.store.models import Campaign, TrainingClass


def progress_report(ctx: AppContext, period: Period, today: date | None = None, now: datetime | None = None) -> dict:
    as_of = period.as_of(today)
    data = targets.progress(ctx, as_of=as_of, year=period.end.year, since=period.start)
    sessions = help_session_figures(ctx, period, now)
    ward = ward_info(ctx)
    with ctx.read() as s:
        in_period = (Campaign.deleted_at.is_(None), Campaign.starts_at >= period.start_utc,
                     Campaign.starts_at < period.end_utc)
        campaigns = s.scalar(select(func.count()).select_from(Campaign).where(*in_period))
        outside = s.scalar(select(func.count()).select_from(Campaign).where(
            *in_period, Campaign.outside_office_hours.is_(True)))
        trained = s.execute(select(func.count(), func.coalesce(func.sum(TrainingClass.attendance), 0)).where(
            TrainingClass.deleted_at.is_(None), TrainingClass.held_on >= period.start,
            TrainingClass.held_on <= period.end)).one()
    city = indicators.city_indicators(ctx, as_of, data["totals"], data["by_target_group"])
    return {
        "kind": "progress",
        "ward": {"code": ward.ward_code, "name": ward.ward_name, "team": ward.team_name} if ward else None,
        "period": period.as_dict(),
        **{key: city[key] for key in indicators.TOP_KEYS},
        "indicators": city,
        "training": indicators.training_figures(ctx, period),
        **data,
        "activity": {
            "help_sessions": sessions["total"],
            "successful_sessions": sessions["successful"],
            "campaigns": campaigns,
            "campaigns_outside_office_hours": outside,
            "training_classes": trained[0],
            "training_attendance": int(trained[1]),
        },
        "communications": communications.status(ctx, as_of),
    }
