"""Targets and deadlines, and the adoption funnel per residential group and target group.

Defaults from Công điện 05/CĐ-UBND: officials 100% with an account by 30/7, every
resident 100% by 15/9 of the campaign year. A stored target replaces the default.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.core.outreach_vocab import AUDIENCE_ALL
from desktop.core.period import today_vn
from desktop.core.vocab import ADOPTION_ORDER, TARGET_GROUPS
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError
from desktop.store.models import Resident, ResidentialGroup, Target


@dataclass(frozen=True)
class TargetInfo:
    target_group: str  # a TARGET_GROUPS code or "tat_ca"
    percent: int
    deadline: date
    stage: str
    stored: bool


def default_targets(year: int) -> list[TargetInfo]:
    return [
        TargetInfo("can_bo", 100, date(year, 7, 30), "da_tao_tai_khoan", False),
        TargetInfo(AUDIENCE_ALL, 100, date(year, 9, 15), "da_tao_tai_khoan", False),
    ]


def list_targets(ctx: AppContext, year: int | None = None) -> list[TargetInfo]:
    year = year or today_vn().year
    with ctx.read() as s:
        stored = {
            t.target_group: TargetInfo(t.target_group, t.percent, t.deadline, t.stage, True)
            for t in s.scalars(select(Target).where(Target.deleted_at.is_(None)))
        }
    out = {t.target_group: t for t in default_targets(year)}
    out.update(stored)
    return sorted(out.values(), key=lambda t: (t.target_group != AUDIENCE_ALL, t.deadline, t.target_group))


def set_target(ctx: AppContext, target_group: str, percent: int, deadline: date) -> TargetInfo:
    if target_group != AUDIENCE_ALL and target_group not in TARGET_GROUPS:
        raise OutreachError(_("Giá trị không hợp lệ ở trường «{field}»: {value}").format(field=_("Nhóm đối tượng"), value=target_group))
    if not 1 <= int(percent) <= 100:
        raise OutreachError(_("Tỉ lệ mục tiêu phải từ 1 đến 100%."))
    with ctx.write() as s:
        row = s.scalar(select(Target).where(Target.target_group == target_group, Target.deleted_at.is_(None)))
        if row is None:
            row = Target(target_group=target_group)
            s.add(row)
        row.percent, row.deadline = int(percent), deadline
    return next(t for t in list_targets(ctx, deadline.year) if t.target_group == target_group)


def target_for(targets: list[TargetInfo], target_group: str) -> TargetInfo | None:
    by = {t.target_group: t for t in targets}
    return by.get(target_group) or by.get(AUDIENCE_ALL)


def _empty() -> dict:
    return {"total": 0, **{stage: 0 for stage in ADOPTION_ORDER}}


def stage_counts(ctx: AppContext, by: str) -> dict[str | None, dict]:
    """{key: {"total": n, stage: residents at exactly that stage}} by "group" or "target_group"."""
    column = Resident.residential_group_id if by == "group" else Resident.target_group
    out: dict[str | None, dict] = {}
    with ctx.read() as s:
        for key, stage, n in s.execute(
            select(column, Resident.adoption_stage, func.count())
            .where(Resident.deleted_at.is_(None))
            .group_by(column, Resident.adoption_stage)
        ):
            row = out.setdefault(key, _empty())
            row[stage] = row.get(stage, 0) + n
            row["total"] += n
    return out


def funnel_row(counts: dict, target: TargetInfo | None, today: date) -> dict:
    """Cumulative funnel (aware includes installed and account) with the target, days left and pace."""
    total = counts["total"]
    reached = {}
    for i, stage in enumerate(ADOPTION_ORDER[1:], start=1):
        reached[stage] = sum(counts.get(s, 0) for s in ADOPTION_ORDER[i:])
    row = {
        "total": total,
        "aware": reached["da_biet"],
        "installed": reached["da_cai_dat"],
        "account": reached["da_tao_tai_khoan"],
        "account_percent": round(100 * reached["da_tao_tai_khoan"] / total, 1) if total else 0.0,
    }
    if target is not None:
        goal = math.ceil(total * target.percent / 100)
        done = reached[target.stage]
        days_left = (target.deadline - today).days
        remaining = max(goal - done, 0)
        row["target"] = {
            "percent": target.percent,
            "deadline": target.deadline.isoformat(),
            "goal": goal,
            "remaining": remaining,
            "days_left": days_left,
            "pace_per_day": round(remaining / days_left, 1) if days_left > 0 else (float(remaining) if remaining else 0.0),
            "met": remaining == 0,
            "overdue": days_left < 0 and remaining > 0,
        }
    return row


def progress(ctx: AppContext, today: date | None = None, year: int | None = None) -> dict:
    """The funnel overall, per residential group and per target group, against the targets."""
    today = today or today_vn()
    targets = list_targets(ctx, year or today.year)
    by_group = stage_counts(ctx, "group")
    by_tg = stage_counts(ctx, "target_group")
    overall = _empty()
    for row in by_group.values():
        for k, v in row.items():
            overall[k] = overall.get(k, 0) + v
    all_target = target_for(targets, AUDIENCE_ALL)
    with ctx.read() as s:
        groups = [
            (g.id, g.name)
            for g in s.scalars(
                select(ResidentialGroup).where(ResidentialGroup.deleted_at.is_(None)).order_by(ResidentialGroup.sort_order)
            )
        ]
    group_rows = [
        {"id": gid, "name": name, **funnel_row(by_group.get(gid, _empty()), all_target, today)} for gid, name in groups
    ]
    if None in by_group:
        group_rows.append({"id": None, "name": _("Chưa xếp tổ dân phố"), **funnel_row(by_group[None], all_target, today)})
    tg_rows = [
        {"code": code, "name": _(label), **funnel_row(by_tg.get(code, _empty()), target_for(targets, code), today)}
        for code, label in TARGET_GROUPS.items()
    ]
    return {
        "today": today.isoformat(),
        "targets": [
            {"target_group": t.target_group, "percent": t.percent, "deadline": t.deadline.isoformat(), "stage": t.stage,
             "configured": t.stored}
            for t in targets
        ],
        "totals": funnel_row(overall, all_target, today),
        "by_residential_group": group_rows,
        "by_target_group": tg_rows,
    }
