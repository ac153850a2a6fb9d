"""THE one source of numbers for the dashboard, the report files and the CLI.

`ward_figures(ctx, period)` returns plain data (JSON-ready: dates as ISO text):

    ward            code, name, province, team
    period          from, to (inclusive local dates); as_of (the period's last day)
    adoption        the iHaNoi funnel (know, installed, account) in total, per residential
                    group and per target group, against the directive's targets
    help_sessions   sessions per day over the 30 days ending at the period's end, per
                    campaign, success rate and the top failure reasons (in the period)
    complaints      counts by status, on-time rates for acceptance and handling,
                    satisfaction distribution (the complaints area's report)
    communications  items in the period, the last item's date, days since it

Every section carries `"available": true`; renderers show "no figures" for one that does not.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.core.period import Period, today_vn
from desktop.services.reports import figures_activity
from desktop.services.context import AppContext
from desktop.store.models import Resident, WardProfile

# Funnel stages counted by the reports: (key, stage code, date column on Resident).
FUNNEL = (
    ("know", "da_biet", "aware_on"),
    ("installed", "da_cai_dat", "installed_on"),
    ("account", "da_tao_tai_khoan", "account_on"),
)


def pct(part: int, whole: int) -> float | None:
    """Percentage with one decimal; None when there is nothing to divide by."""
    return round(100.0 * part / whole, 1) if whole else None


def ward_figures(ctx: AppContext, period: Period, today: date | None = None) -> dict:
    today = today or today_vn()
    return {
        "ward": _ward(ctx),
        "period": {**period.as_dict(), "as_of": period.end.isoformat()},
        "adoption": adoption_figures(ctx, period, today),
        "help_sessions": figures_activity.help_session_figures(ctx, period),
        "complaints": figures_activity.complaint_figures(ctx, period),
        "communications": figures_activity.communication_figures(ctx, period, today),
    }


def _ward(ctx: AppContext) -> dict:
    with ctx.read() as s:
        wp = s.get(WardProfile, 1)
        if wp is None:
            return {"code": "", "name": "", "province": "", "team": ""}
        return {"code": wp.ward_code, "name": wp.ward_name, "province": wp.province_name, "team": wp.team_name}


# -- adoption -------------------------------------------------------------------------
def adoption_figures(ctx: AppContext, period: Period, today: date) -> dict:
    """The funnel from the outreach area's targets.progress (the same numbers as
    `report progress`), measured on the period's last day (or today if earlier), plus
    how many reached each stage inside the period (by the stage's date)."""
    from desktop.services.outreach import targets

    as_of = min(today, period.end)
    data = targets.progress(ctx, today=as_of, year=period.end.year)
    new = _new_in_period(ctx, period)
    names = {code: name for code, name in ((r["code"], r["name"]) for r in data["by_target_group"])}
    return {
        "available": True,
        "as_of": as_of.isoformat(),
        "targets": [{**t, "name": _("Toàn bộ cư dân") if t["target_group"] == "tat_ca" else names.get(t["target_group"], t["target_group"])}
                    for t in data["targets"]],
        "total": _row(data["totals"], new["total"]),
        "by_group": [{"id": r["id"], "name": r["name"], **_row(r, new["group"].get(r["id"]))} for r in data["by_residential_group"]],
        "by_target_group": [{"code": r["code"], "name": r["name"], **_row(r, new["target"].get(r["code"]))} for r in data["by_target_group"]],
    }


def _row(r: dict, new: dict | None) -> dict:
    new = new or {}
    total = r["total"]
    out = {"residents": total}
    for key, src in (("know", "aware"), ("installed", "installed"), ("account", "account")):
        out[key] = r[src]
        out[f"{key}_pct"] = pct(r[src], total)
        out[f"new_{key}"] = new.get(key, 0)
    out["target"] = r.get("target")
    return out


def _new_in_period(ctx: AppContext, period: Period) -> dict:
    """Residents whose stage date falls inside the period, in total, per group, per target group."""
    out: dict = {"total": dict.fromkeys(("know", "installed", "account"), 0), "group": {}, "target": {}}
    counts = [
        func.count().filter(getattr(Resident, col).between(period.start, period.end)) for _key, _stage, col in FUNNEL
    ]
    with ctx.read() as s:
        rows = s.execute(
            select(Resident.residential_group_id, Resident.target_group, *counts)
            .where(Resident.deleted_at.is_(None))
            .group_by(Resident.residential_group_id, Resident.target_group)
        ).all()
    for group_id, target_group, *numbers in rows:
        for (key, _stage, _col), n in zip(FUNNEL, numbers):
            for bucket in (out["total"], out["group"].setdefault(group_id, {}), out["target"].setdefault(target_group, {})):
                bucket[key] = bucket.get(key, 0) + n
    return out
