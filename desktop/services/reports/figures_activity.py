"""Figures about activity in a period: help sessions, complaints, communications.

Part of the one source of numbers (desktop.services.reports.figures); plain data only.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from desktop.core import rounding
from desktop.core.complaint_lifecycle import STATUSES
from desktop.core.i18n import _
from desktop.core.outreach_vocab import FAILURE_REASONS
from desktop.core.period import VN_TZ, Period
from desktop.services.outreach import communications
from desktop.services.complaints.complaints import RESOLVED
from desktop.services.reports.complaints_report import complaints_report
from desktop.services.context import AppContext
from desktop.store.models import Campaign, CommunicationItem, HelpSession

DAYS_CHART = 30
TOP_REASONS = 5
COMMUNICATION_EVERY_DAYS = communications.MAX_GAP_DAYS  # the directive: at least one item every 3 days

SUCCESS, PARTIAL, FAILED, ONGOING = "thanh_cong", "mot_phan", "khong_thanh_cong", "dang_ho_tro"


def _pct(part: int, whole: int) -> float | None:
    return rounding.percent(part, whole)


# -- help sessions --------------------------------------------------------------------
def help_session_figures(ctx: AppContext, period: Period, now: datetime | None = None) -> dict:
    """Sessions per day (30 days ending at the period's end), per campaign, outcomes and
    the top failure reasons (in the period). Success rate = successful / finished sessions
    (successful + partly successful + unsuccessful; sessions still going are left out).

    As they stood at the period's end (`Period.as_of_moment`): a session that ended after it
    was still going then."""
    chart_start = period.end - timedelta(days=DAYS_CHART - 1)
    window_start = min(chart_start, period.start)
    lower = datetime.combine(window_start, time.min, VN_TZ)
    moment = period.as_of_moment(now)
    with ctx.read() as s:
        rows = s.execute(
            select(HelpSession.started_at, HelpSession.ended_at, HelpSession.outcome, HelpSession.failure_reasons,
                   HelpSession.campaign_id)
            .where(HelpSession.deleted_at.is_(None), HelpSession.started_at >= lower, HelpSession.started_at < period.end_utc)
        ).all()
        campaigns = {c.id: c.name for c in s.scalars(select(Campaign))}
    per_day = {chart_start + timedelta(days=i): Counter() for i in range(DAYS_CHART)}
    outcomes: Counter = Counter()
    reasons: Counter = Counter()
    per_campaign: dict[str | None, Counter] = {}
    for started_at, ended_at, outcome, failure_reasons, campaign_id in rows:
        if ended_at is not None and ended_at >= moment:
            outcome, failure_reasons = ONGOING, ""  # not over yet at the period's end
        day = started_at.astimezone(VN_TZ).date()
        if day in per_day:
            per_day[day]["sessions"] += 1
            per_day[day]["successful"] += outcome == SUCCESS
        if not (period.start <= day <= period.end):
            continue
        outcomes[outcome] += 1
        camp = per_campaign.setdefault(campaign_id, Counter())
        camp["sessions"] += 1
        camp["successful"] += outcome == SUCCESS
        for code in filter(None, (c.strip() for c in (failure_reasons or "").split(","))):
            reasons[code] += 1
    total = sum(outcomes.values())
    finished = outcomes[SUCCESS] + outcomes[PARTIAL] + outcomes[FAILED]
    labels = FAILURE_REASONS
    order = list(labels)
    top = sorted(reasons.items(), key=lambda kv: (-kv[1], order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    campaign_rows = [
        {
            "id": cid,
            "name": campaigns.get(cid, "") if cid else _("(ngoài đợt ra quân)"),
            "sessions": c["sessions"],
            "successful": c["successful"],
            "success_pct": _pct(c["successful"], c["sessions"]),
        }
        for cid, c in per_campaign.items()
    ]
    campaign_rows.sort(key=lambda r: (-r["sessions"], r["name"]))
    return {
        "available": True,
        "total": total,
        "successful": outcomes[SUCCESS],
        "partial": outcomes[PARTIAL],
        "failed": outcomes[FAILED],
        "ongoing": outcomes[ONGOING],
        "finished": finished,
        "success_rate": _pct(outcomes[SUCCESS], finished),
        "per_day": [
            {"date": d.isoformat(), "sessions": c["sessions"], "successful": c["successful"]}
            for d, c in sorted(per_day.items())
        ],
        "by_campaign": campaign_rows,
        "top_failure_reasons": [
            {"code": code, "label": _(labels.get(code, code)), "count": n} for code, n in top[:TOP_REASONS]
        ],
    }


# -- complaints -----------------------------------------------------------------------
def complaint_figures(ctx: AppContext, period: Period, now: datetime | None = None) -> dict:
    """The complaints area's report for the period (one computation, reused as is), with
    labelled rows and percentages added for charts, tables and report files."""
    return labelled_complaints(complaints_report(ctx, period, now))


def labelled_complaints(report: dict) -> dict:
    """The complaints report with percentages and labelled rows added (pure: no queries)."""
    data = dict(report)
    status_labels, resolved_labels = STATUSES, RESOLVED

    def on_time_pct(counts: dict) -> float | None:  # from the counts: no rounding twice
        return _pct(counts["on_time"], counts["on_time"] + counts["late"])

    satisfaction = data.get("satisfaction", {})
    data.update(
        available=True,
        acceptance_on_time_pct=on_time_pct(data["acceptance"]),
        handling_on_time_pct=on_time_pct(data["handling"]),
        status_rows=[
            {"code": code, "label": _(status_labels.get(code, code)), "count": n}
            for code, n in data["counts_by_status"].items() if code != "nhap" or n
        ],
        satisfaction_rows=[
            {"code": code, "label": _(resolved_labels.get(code, code)), "count": n}
            for code, n in satisfaction.get("resolved", {}).items()
        ],
        rating_rows=[
            {"code": code, "label": _("{n} sao").format(n=code), "count": n}
            for code, n in satisfaction.get("ratings", {}).items()
        ],
    )
    return data


# -- communications -------------------------------------------------------------------
def communication_figures(ctx: AppContext, period: Period, as_of: date) -> dict:
    """Items published in the period, and the outreach area's status as it stood at the end of
    `as_of` (the period's last day, or today while it runs): the last item by then, days since it."""
    with ctx.read() as s:
        in_period = s.scalar(select(func.count()).select_from(CommunicationItem).where(
            CommunicationItem.deleted_at.is_(None), CommunicationItem.published_on >= period.start,
            CommunicationItem.published_on <= period.end))
    state = communications.status(ctx, as_of)
    return {
        "available": True,
        "items_in_period": in_period,
        "last_item_on": state["last_on"],
        "as_of": as_of.isoformat(),
        "days_since_last": state["days_since"],
        "every_days": COMMUNICATION_EVERY_DAYS,
        "overdue": state["warning"],
        "message": state["message"],
    }
