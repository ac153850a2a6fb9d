"""Targets and deadlines, and the adoption funnel per residential group and target group.

Defaults from Công điện 05/CĐ-UBND: officials 100% with an account by 30/7, every
resident 100% by 15/9 of the campaign year. A stored target replaces the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from desktop.core import rounding
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
        raise OutreachError(_("Tỷ lệ mục tiêu phải từ 1 đến 100%."))
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


# The funnel's stages after "chua_biet": (key in the figures, stage code, date column on Resident).
FUNNEL = (
    ("aware", "da_biet", "aware_on"),
    ("installed", "da_cai_dat", "installed_on"),
    ("account", "da_tao_tai_khoan", "account_on"),
)
STAGE_KEY = {stage: key for key, stage, _col in FUNNEL}
COUNT_KEYS = ("total", *(key for key, _s, _c in FUNNEL), *(f"new_{key}" for key, _s, _c in FUNNEL))


def _empty() -> dict:
    return dict.fromkeys(COUNT_KEYS, 0)


def reached_on(level: int):
    """SQL: the day a resident reached funnel stage `level` (1 aware, 2 installed, 3 account); NULL when
    the resident has not reached it.

    The earliest date of that stage or of a later stage the resident has reached (a later stage
    implies the earlier ones: installing on 12/10 means knowing by 12/10 whatever the aware date
    says); the day the record was made (Hanoi date; UTC+7 all year) when none of them is dated.
    """
    rank = case({stage: i for i, stage in enumerate(ADOPTION_ORDER)}, value=Resident.adoption_stage, else_=0)
    dated = [case((rank >= k, getattr(Resident, col)), else_=None)
             for k, (_key, _stage, col) in enumerate(FUNNEL, start=1) if k >= level]
    if len(dated) == 1:
        earliest = dated[0]
    else:  # min() of the dates that are set: each coalesce() starts at a different one
        earliest = func.min(*(func.coalesce(*dated[i:], *dated[:i]) for i in range(len(dated))))
    made = func.date(Resident.created_at, "+7 hours")
    return case((rank >= level, func.coalesce(earliest, made)), else_=None)


def reached_counts(ctx: AppContext, as_of: date, since: date | None = None) -> dict[tuple, dict]:
    """THE count of the funnel "as of" a day, for every report, the dashboard and the progress view.

    {(residential_group_id, target_group): {"total", "aware", "installed", "account",
    "new_aware", "new_installed", "new_account"}}: residents (alive today) who had reached each
    stage by the end of `as_of` (`reached_on`), and those who reached it from `since` to `as_of`
    (both inclusive; `since` defaults to `as_of`).
    """
    since = since or as_of
    columns = []
    for level in range(1, len(FUNNEL) + 1):
        on = reached_on(level)
        columns.append(func.count().filter(on <= as_of))
        columns.append(func.count().filter(on.between(since, as_of)))
    out: dict[tuple, dict] = {}
    with ctx.read() as s:
        rows = s.execute(
            select(Resident.residential_group_id, Resident.target_group, func.count(), *columns)
            .where(Resident.deleted_at.is_(None))
            .group_by(Resident.residential_group_id, Resident.target_group)
        ).all()
    for group_id, target_group, total, *numbers in rows:
        row = out[(group_id, target_group)] = {"total": total}
        for i, (key, _stage, _col) in enumerate(FUNNEL):
            row[key], row[f"new_{key}"] = numbers[2 * i], numbers[2 * i + 1]
    return out


def _sum_by(counts: dict[tuple, dict], index: int) -> dict:
    """The counts added up by group (index 0) or target group (index 1)."""
    out: dict = {}
    for key, row in counts.items():
        into = out.setdefault(key[index], _empty())
        for k in COUNT_KEYS:
            into[k] += row[k]
    return out


def funnel_row(counts: dict, target: TargetInfo | None, as_of: date) -> dict:
    """The funnel counts with the account share, and the target as of `as_of`: goal, number short,
    days left and the pace needed. A target with nobody to count is never met and has no number
    short (None: "Chưa có số liệu")."""
    total = counts["total"]
    row = {k: counts[k] for k in COUNT_KEYS}
    row["account_percent"] = rounding.percent(counts["account"], total)
    if target is not None:
        goal = -(-total * target.percent // 100)  # ceil, in whole numbers
        done = counts[STAGE_KEY.get(target.stage, "account")]
        days_left = (target.deadline - as_of).days
        remaining = max(goal - done, 0)
        nobody = total == 0  # nothing to reach: no number short, never met
        row["target"] = {
            "percent": target.percent,
            "deadline": target.deadline.isoformat(),
            "goal": goal,
            "remaining": None if nobody else remaining,
            "days_left": days_left,
            "pace_per_day": None if nobody else (rounding.ratio(remaining, days_left) if days_left > 0 else float(remaining)),
            "met": not nobody and remaining == 0,
            "overdue": days_left < 0 and remaining > 0,
            "no_residents": nobody,
        }
    return row


def progress(ctx: AppContext, as_of: date | None = None, year: int | None = None, since: date | None = None) -> dict:
    """The funnel overall, per residential group and per target group, against the targets, as it
    stood at the end of `as_of` (default today); "new_*" counts reached from `since` to `as_of`."""
    as_of = as_of or today_vn()
    targets = list_targets(ctx, year or as_of.year)
    counts = reached_counts(ctx, as_of, since)
    by_group, by_tg = _sum_by(counts, 0), _sum_by(counts, 1)
    overall = _empty()
    for row in by_group.values():
        for k in COUNT_KEYS:
            overall[k] += row[k]
    all_target = target_for(targets, AUDIENCE_ALL)
    with ctx.read() as s:
        groups = [
            (g.id, g.name)
            for g in s.scalars(
                select(ResidentialGroup).where(ResidentialGroup.deleted_at.is_(None)).order_by(ResidentialGroup.sort_order)
            )
        ]
    group_rows = [
        {"id": gid, "name": name, **funnel_row(by_group.get(gid, _empty()), all_target, as_of)} for gid, name in groups
    ]
    if None in by_group:
        group_rows.append({"id": None, "name": _("Chưa xếp tổ dân phố"), **funnel_row(by_group[None], all_target, as_of)})
    tg_rows = [
        {"code": code, "name": _(label), **funnel_row(by_tg.get(code, _empty()), target_for(targets, code), as_of)}
        for code, label in TARGET_GROUPS.items()
    ]
    return {
        "as_of": as_of.isoformat(),
        "targets": [
            {"target_group": t.target_group, "percent": t.percent, "deadline": t.deadline.isoformat(), "stage": t.stage,
             "configured": t.stored}
            for t in targets
        ],
        "totals": funnel_row(overall, all_target, as_of),
        "by_residential_group": group_rows,
        "by_target_group": tg_rows,
    }
