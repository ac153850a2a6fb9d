"""The city's indicators (letter 4099/UBND-KSTTHC, plan 138/KH-UBND): the ward's official figures per year
as denominators of the progress report and dashboard, and digital-skills training counted per class.

The team lead enters the figures for a year (population aged 15+, of which smartphone owners, households,
officials on the payroll); a report uses the figures of its as-of year, or of the latest earlier year
(said in `indicators.figures_year`). A share is a percentage rounded half up (`core.rounding`) and never
over 100%: when the ward's figure is smaller than what it divides, the share is None ("Chưa có số liệu")
and a warning says what to check. Households covered come from the households area; until it exists
they are None.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select

from desktop.core.period import today_vn
from desktop.core import formatting
from desktop.core import rounding
from desktop.core.i18n import _
from desktop.core.outreach_vocab import AUDIENCE_ALL
from desktop.core.period import Period
from desktop.core.permissions import Permission
from desktop.core.text import nfc
from desktop.core.vocab import TARGET_GROUPS
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.store.models import TrainingClass, WardFigures

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_FIGURE = 10_000_000  # more people than any ward has: a typing slip

# The keys `report progress --format json` carries at its top level (issue #20).
TOP_KEYS = ("population_15_plus", "accounts_total", "accounts_new_in_period", "share_of_15_plus",
            "share_of_smartphone_owners", "households_total", "households_covered")


@dataclass(frozen=True)
class WardFiguresInfo:
    id: str
    year: int
    population_15_plus: int
    smartphone_owners_15_plus: int | None
    households: int | None
    officials: int | None
    source: str


def _info(w: WardFigures) -> WardFiguresInfo:
    return WardFiguresInfo(w.id, w.year, w.population_15_plus, w.smartphone_owners_15_plus, w.households, w.officials,
                           w.source)


def _count(value, label: str, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            raise OutreachError(_("Chưa nhập «{field}».").format(field=label))
        return None
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise OutreachError(_("«{field}» phải là số nguyên, không phải «{value}».").format(field=label, value=value)) from exc
    if not 0 <= number <= MAX_FIGURE:
        raise OutreachError(_("«{field}» phải từ 0 đến {max}.").format(field=label, max=formatting.number(MAX_FIGURE)))
    return number


def set_ward_figures(ctx: AppContext, year: int, population_15_plus: int, smartphone_owners_15_plus: int | None = None,
                     households: int | None = None, officials: int | None = None, source: str = "") -> WardFiguresInfo:
    """Enter (or correct) the ward's official figures for `year`. Team lead and admin; audited."""
    require(ctx, Permission.WARD_FIGURES)
    year = _count(year, _("Năm"), required=True)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutreachError(_("Năm phải từ {first} đến {last}.").format(first=FIRST_YEAR, last=LAST_YEAR))
    population = _count(population_15_plus, _("Dân số từ 15 tuổi trở lên"), required=True)
    owners = _count(smartphone_owners_15_plus, _("Trong đó có điện thoại thông minh"))
    households = _count(households, _("Số hộ gia đình"))
    officials = _count(officials, _("Số cán bộ, công chức, viên chức"))
    if population == 0:
        raise OutreachError(_("«{field}» phải lớn hơn 0.").format(field=_("Dân số từ 15 tuổi trở lên")))
    if owners is not None and owners > population:
        raise OutreachError(_("Số người có điện thoại thông minh ({owners}) không thể lớn hơn dân số từ 15 tuổi ({population}).")
                            .format(owners=owners, population=population))
    source = nfc(source or "").strip()[:300]
    with ctx.write() as s:
        row = s.scalar(select(WardFigures).where(WardFigures.year == year, WardFigures.deleted_at.is_(None)))
        action = "edit" if row is not None else "create"
        if row is None:
            row = WardFigures(year=year)
            s.add(row)
        row.population_15_plus, row.smartphone_owners_15_plus = population, owners
        row.households, row.officials, row.source = households, officials, source
        s.flush()
        audit.append(s, ctx, "ward_figures", "ward_figures", row.id, {"year": year, "change": action})
        return _info(row)


def list_ward_figures(ctx: AppContext) -> list[WardFiguresInfo]:
    """Every year's figures, newest year first (figures are not personal data: no permission to read)."""
    with ctx.read() as s:
        rows = s.scalars(select(WardFigures).where(WardFigures.deleted_at.is_(None))
                         .order_by(WardFigures.year.desc(), WardFigures.updated_at.desc()))
        seen, out = set(), []
        for w in rows:  # two laptops may each have entered a year: the latest entry counts
            if w.year not in seen:
                seen.add(w.year)
                out.append(_info(w))
        return out


def figures_for(ctx: AppContext, year: int) -> WardFiguresInfo | None:
    """The figures of `year`, or of the latest earlier year entered (None when there are none)."""
    return next((f for f in list_ward_figures(ctx) if f.year <= year), None)


def _share(part: int, whole: int | None, warnings: list[str], warning: str) -> float | None:
    """part of whole as a rounded percentage; None (and the warning) when whole is missing or smaller than part."""
    if not whole:
        return None
    if part > whole:
        warnings.append(warning)
        return None
    return rounding.percent(part, whole)


def city_indicators(ctx: AppContext, as_of: date, totals: dict, by_target_group: list[dict]) -> dict:
    """The indicators as of `as_of` from the funnel (`targets.progress` totals and target-group rows)."""
    figures = figures_for(ctx, as_of.year)
    accounts, registered = totals["account"], totals["total"]
    officials_with_account = next((r["account"] for r in by_target_group if r["code"] == "can_bo"), 0)
    warnings: list[str] = []
    population = figures.population_15_plus if figures else None
    owners = figures.smartphone_owners_15_plus if figures else None
    officials = figures.officials if figures else None
    if population is not None and population < registered:
        warnings.append(_("Dân số từ 15 tuổi của phường ({population}) nhỏ hơn số cư dân đã đăng ký ({registered}): "
                          "hãy kiểm tra lại số liệu chính thức năm {year}.").format(
            population=population, registered=registered, year=figures.year))
    share_15 = _share(accounts, population, warnings, _(
        "Số tài khoản ({accounts}) lớn hơn dân số từ 15 tuổi ({population}): không tính tỷ lệ.").format(
        accounts=accounts, population=population))
    share_owners = _share(accounts, owners, warnings, _(
        "Số tài khoản ({accounts}) lớn hơn số người có điện thoại thông minh ({owners}): không tính tỷ lệ.").format(
        accounts=accounts, owners=owners))
    share_officials = _share(officials_with_account, officials, warnings, _(
        "Số cán bộ có tài khoản ({done}) lớn hơn số cán bộ, công chức của phường ({officials}): không tính tỷ lệ.").format(
        done=officials_with_account, officials=officials))
    notes = []
    if figures is None:
        notes.append(_("Chưa nhập số liệu chính thức của phường (dân số từ 15 tuổi, số hộ, số cán bộ): các tỷ lệ chưa có số liệu."))
    elif figures.year != as_of.year:
        notes.append(_("Dùng số liệu chính thức năm {year} (chưa có số liệu năm {now}).").format(year=figures.year, now=as_of.year))
    covered = None
    if as_of >= today_vn():  # households are covered by members' stages now: a past period has no such count
        from desktop.services.households.coverage import ward_totals

        homes = ward_totals(ctx)
        covered = homes["households_covered"] if homes["households_total"] else None
    if covered is None:
        notes.append(_("Số hộ đã phủ kín: chưa có số liệu (chưa có danh sách hộ, hoặc kỳ báo cáo đã qua)."))
    return {
        "population_15_plus": population,
        "smartphone_owners_15_plus": owners,
        "registered_residents": registered,
        "accounts_total": accounts,
        "accounts_new_in_period": totals["new_account"],
        "share_of_15_plus": share_15,
        "share_of_smartphone_owners": share_owners,
        "people_still_to_reach": None if population is None else max(population - accounts, 0),
        "officials_total": officials,
        "officials_with_account": officials_with_account,
        "share_of_officials": share_officials,
        "households_total": figures.households if figures else None,
        "households_covered": covered,
        "figures_year": figures.year if figures else None,
        "figures_source": figures.source if figures else "",
        "warnings": warnings,
        "notes": notes,
    }


def training_figures(ctx: AppContext, period: Period) -> dict:
    """Digital-skills training (Bình dân học vụ số) in the period: each class with its target group and the
    people trained, and the people trained per target group."""
    with ctx.read() as s:
        rows = s.execute(select(TrainingClass.held_on, TrainingClass.place, TrainingClass.audience,
                                TrainingClass.attendance)
                         .where(TrainingClass.deleted_at.is_(None), TrainingClass.held_on >= period.start,
                                TrainingClass.held_on <= period.end)
                         .order_by(TrainingClass.held_on)).all()
    labels = {AUDIENCE_ALL: _("Toàn bộ cư dân"), **{k: _(v) for k, v in TARGET_GROUPS.items()}}
    by_audience: dict[str, dict] = {}
    for _held, _place, audience, attendance in rows:
        entry = by_audience.setdefault(audience, {"code": audience, "name": labels.get(audience, audience),
                                                  "classes": 0, "trained": 0})
        entry["classes"] += 1
        entry["trained"] += attendance
    return {
        "classes": [{"held_on": held.isoformat(), "place": place, "audience": audience,
                     "audience_name": labels.get(audience, audience), "trained": attendance}
                    for held, place, audience, attendance in rows],
        "by_target_group": sorted(by_audience.values(), key=lambda e: -e["trained"]),
        "total_classes": len(rows),
        "total_trained": sum(r[3] for r in rows),
    }


def figures_as_dict(info: WardFiguresInfo) -> dict:
    return asdict(info)

