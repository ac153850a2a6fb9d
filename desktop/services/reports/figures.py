"""THE one source of numbers for the dashboard, the report files and the CLI.

`ward_figures(ctx, period)` returns plain data (JSON-ready: dates as ISO text):

    ward            code, name, province, team
    period          from, to (inclusive local dates); as_of (the period's last day, or today while
                    it runs): every figure is as it stood at the end of that day
    adoption        the iHaNoi funnel (know, installed, account) in total, per residential
                    group and per target group, against the directive's targets, and the
                    city's indicators over the ward's official figures (`indicators`)
    help_sessions   sessions per day over the 30 days ending at the period's end, per
                    campaign, success rate and the top failure reasons (in the period)
    complaints      counts by status, on-time rates for acceptance and handling,
                    satisfaction distribution (the complaints area's report)
    communications  items in the period, the last item by its end, days since it

Every section carries `"available": true`; renderers show "no figures" for one that does not.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.core import rounding
from desktop.core.i18n import _
from desktop.core.period import Period
from desktop.services.reports import figures_activity
from desktop.services.context import AppContext
from desktop.store.models import WardProfile


def ward_figures(ctx: AppContext, period: Period, today: date | None = None, now: datetime | None = None) -> dict:
    """Every figure as it stood at the period's end (`Period.as_of`: its last day, or today while it runs)."""
    as_of = period.as_of(today)
    return {
        "ward": _ward(ctx),
        "period": {**period.as_dict(), "as_of": as_of.isoformat()},
        "adoption": adoption_figures(ctx, period, as_of),
        "help_sessions": figures_activity.help_session_figures(ctx, period, now),
        "complaints": figures_activity.complaint_figures(ctx, period, now),
        "communications": figures_activity.communication_figures(ctx, period, as_of),
    }


def _ward(ctx: AppContext) -> dict:
    with ctx.read() as s:
        wp = s.get(WardProfile, 1)
        if wp is None:
            return {"code": "", "name": "", "province": "", "team": ""}
        return {"code": wp.ward_code, "name": wp.ward_name, "province": wp.province_name, "team": wp.team_name}


# -- adoption -------------------------------------------------------------------------
def adoption_figures(ctx: AppContext, period: Period, as_of: date) -> dict:
    """The funnel from the outreach area's targets.progress (the same numbers as `report progress`)
    as it stood at the end of `as_of`, and how many reached each stage inside the period."""
    from desktop.services.outreach import targets
    from desktop.services.reports.indicators import city_indicators

    data = targets.progress(ctx, as_of=as_of, year=period.end.year, since=period.start)
    names = {code: name for code, name in ((r["code"], r["name"]) for r in data["by_target_group"])}
    return {
        "available": True,
        "as_of": as_of.isoformat(),
        "targets": [{**t, "name": _("Toàn bộ cư dân") if t["target_group"] == "tat_ca" else names.get(t["target_group"], t["target_group"])}
                    for t in data["targets"]],
        "total": _row(data["totals"]),
        "by_group": [{"id": r["id"], "name": r["name"], **_row(r)} for r in data["by_residential_group"]],
        "by_target_group": [{"code": r["code"], "name": r["name"], **_row(r)} for r in data["by_target_group"]],
        "indicators": city_indicators(ctx, as_of, data["totals"], data["by_target_group"]),
    }


def _row(r: dict) -> dict:
    total = r["total"]
    out = {"residents": total}
    for key, src in (("know", "aware"), ("installed", "installed"), ("account", "account")):
        out[key] = r[src]
        out[f"{key}_pct"] = rounding.percent(r[src], total)  # None: nobody to count
        out[f"new_{key}"] = r[f"new_{src}"]
    out["target"] = r.get("target")
    return out
