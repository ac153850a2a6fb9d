"""The coverage list of a residential group: the households to walk to, as plain data and as a document.

A household is on the list when it has a live member not yet at "đã tạo tài khoản", unless its last
visit set a later date to come back (left off until then) or every member still to reach refused at
it with no date to come back. A household where someone was not at home ("vắng nhà") at the last
visit always comes back on the next list. `coverage_document` lays the list out as a report document
(services/reports/document.py) for the PDF writer: large type, a tick column and a box for the
outcome's number for each member, and the household's short code to read aloud.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.core import household_code as hc
from desktop.core.i18n import N_, _
from desktop.core.period import today_vn
from desktop.core.vocab import ADOPTION_STAGES, VISIT_OUTCOMES
from desktop.services.context import AppContext
from desktop.services.households.households import HouseholdError
from desktop.services.households.visits import ACCOUNT_STAGE, visits_in
from desktop.core.formatting import format_date
from desktop.store.bulk import in_chunks
from desktop.store.models import Household, Resident, ResidentialGroup

# Why a household is on the list
REASONS = {
    "chua_tham": N_("Chưa đến lần nào"),
    "vang_nha": N_("Lần trước vắng nhà"),
    "den_hen": N_("Đến ngày hẹn quay lại"),
    "con_nguoi": N_("Còn người chưa có tài khoản"),
}


def find_group(ctx: AppContext, name_or_id: str) -> dict:
    """A residential group by id or by its name (diacritics and case folded): {"id", "name"}."""
    from desktop.core.text import fold

    wanted = (name_or_id or "").strip()
    with ctx.read() as s:
        groups = list(s.scalars(select(ResidentialGroup).where(ResidentialGroup.deleted_at.is_(None))))
    for g in groups:
        if g.id == wanted or g.name_folded == fold(wanted) or fold(g.name) == fold(wanted):
            return {"id": g.id, "name": g.name}
    names = ", ".join(g.name for g in sorted(groups, key=lambda g: (g.sort_order, g.name_folded))) or "-"
    raise HouseholdError(_("Không có tổ dân phố / thôn «{name}». Các tổ: {names}").format(name=wanted, names=names))


def coverage_list(ctx: AppContext, residential_group_id: str, on: date | None = None) -> dict:
    """The group's households still to cover on day `on` (default today, Hanoi), with members and last visit."""
    on = on or today_vn()
    with ctx.read() as s:
        g = s.get(ResidentialGroup, residential_group_id)
        if g is None or g.deleted_at is not None:
            raise HouseholdError(_("Tổ dân phố / thôn đã chọn không còn trong danh sách."))
        households = list(s.scalars(select(Household).where(
            Household.residential_group_id == g.id, Household.deleted_at.is_(None))
            .order_by(Household.address_folded, Household.code)))
        members: dict[str, list] = {}  # household id -> rows (id, household_id, full_name, birth_year, adoption_stage)
        ids = [h.id for h in households]
        for chunk in in_chunks(ids):
            for r in s.execute(select(Resident.id, Resident.household_id, Resident.full_name, Resident.birth_year,
                                      Resident.adoption_stage)
                               .where(Resident.household_id.in_(chunk), Resident.deleted_at.is_(None))
                               .order_by(Resident.birth_year.is_(None), Resident.birth_year, Resident.sort_key)):
                members.setdefault(r.household_id, []).append(r)
        visits = visits_in(s, ids)
        without = s.scalar(select(func.count()).select_from(Resident).where(
            Resident.residential_group_id == g.id, Resident.household_id.is_(None), Resident.deleted_at.is_(None))) or 0
        listed, covered, scheduled, refused = [], 0, 0, 0
        for h in households:
            people = members.get(h.id, [])
            to_reach = [r for r in people if r.adoption_stage != ACCOUNT_STAGE]
            if not to_reach:
                covered += 1 if people else 0
                continue
            history = visits.get(h.id, [])
            last = history[0] if history else None
            last_outcome = {}
            for v in reversed(history):  # oldest first: the newest outcome wins
                last_outcome.update(v.outcomes)
            reason = _reason(last, to_reach, last_outcome, on)
            if reason == "hen_sau":
                scheduled += 1
                continue
            if reason == "tu_choi":
                refused += 1
                continue
            listed.append({
                "id": h.id, "code": hc.shown(h.code), "address": h.address,
                "head": next((r.full_name for r in people if r.id == h.head_resident_id), ""),
                "reason": reason,
                "last_visit": None if last is None else {
                    "visited_on": last.visited_on.isoformat(), "met": last.met,
                    "next_visit_on": last.next_visit_on.isoformat() if last.next_visit_on else None,
                    "visited_by": last.visited_by},
                "members": [{"id": r.id, "full_name": r.full_name, "birth_year": r.birth_year,
                             "adoption_stage": r.adoption_stage, "last_outcome": last_outcome.get(r.id)}
                            for r in to_reach],
            })
    return {"residential_group": {"id": g.id, "name": g.name}, "as_of": on.isoformat(), "households": listed,
            "households_total": len(households), "households_covered": covered,
            "households_scheduled_later": scheduled, "households_refused": refused,
            "members_to_reach": sum(len(h["members"]) for h in listed), "residents_without_household": without}


def ward_totals(ctx: AppContext) -> dict:
    """Ward-wide: live households, and those whose every live member has an iHaNoi account (for the
    progress report's `households_total` / `households_covered`). A household with nobody in it is
    counted in neither."""
    sql = ("SELECT count(*), coalesce(sum(covered), 0) FROM (SELECT min(r.adoption_stage = ?) AS covered "
           "FROM household h JOIN resident r ON r.household_id = h.id AND r.deleted_at IS NULL "
           "WHERE h.deleted_at IS NULL GROUP BY h.id)")
    with ctx.read() as s:
        total, covered = s.connection().exec_driver_sql(sql, (ACCOUNT_STAGE,)).one()
    return {"households_total": int(total), "households_covered": int(covered)}


def _reason(last, to_reach: list, last_outcome: dict[str, str], on: date) -> str:
    """Why the household is listed, or "hen_sau" / "tu_choi" when it is left off."""
    if last is None:
        return "chua_tham"
    if "vang_nha" in last.outcomes.values():
        return "vang_nha"
    if last.next_visit_on is not None:
        return "den_hen" if last.next_visit_on <= on else "hen_sau"
    if all(last_outcome.get(r.id) == "tu_choi" for r in to_reach):
        return "tu_choi"
    return "con_nguoi"


WIDTHS = [44, 22, 9, 25]  # % of the line: name (birth year), last time, the tick column, the outcome's number
# The outcome's number on paper is the key typed on the visit entry (gui/outreach/visit_entry.py).
OUTCOME_KEYS = {"1": "da_xong", "2": "da_ho_tro", "3": "vang_nha", "4": "tu_choi", "5": "can_cong_an"}


def outcome_legend() -> str:
    return " · ".join(f"{key} = {_(VISIT_OUTCOMES[code])}" for key, code in OUTCOME_KEYS.items())


def coverage_document(data: dict) -> dict:
    """The coverage list as a report document (plain data) for the PDF writer, in large type."""
    sections = [{"heading": "", "paragraphs": [
        _("Đánh dấu ✓ người đã gặp và ghi số kết quả: {legend}. Khi nhập vào máy: gõ mã hộ, rồi số kết quả "
          "của từng người.").format(legend=outcome_legend()),
        _("{households} hộ, {members} người cần gặp. Hộ vắng nhà lần trước được đưa lại vào danh sách.").format(
            households=len(data["households"]), members=data["members_to_reach"]),
    ], "tables": []}]
    columns = [_("Họ và tên (năm sinh)"), _("Lần trước"), "✓", _("Kết quả (1-5)")]
    for h in data["households"]:
        last = h["last_visit"]
        lines = [_("Địa chỉ: {address}").format(address=h["address"] or "-")]
        if h["head"]:
            lines.append(_("Chủ hộ: {name}").format(name=h["head"]))
        lines.append(_("Lần thăm trước: {day}").format(day=format_date(last["visited_on"])) + (
            _(" - gặp: {met}").format(met=last["met"]) if last and last["met"] else "") if last else _("Chưa đến lần nào"))
        rows = [[m["full_name"] + ("" if m["birth_year"] is None else f" ({m['birth_year']})"),
                 _(VISIT_OUTCOMES[m["last_outcome"]]) if m["last_outcome"] else _(ADOPTION_STAGES[m["adoption_stage"]])]
                + ["", ""] for m in h["members"]]
        sections.append({"heading": _("HỘ {code}").format(code=h["code"]), "paragraphs": ["  ·  ".join(lines)],
                         "tables": [{"title": "", "columns": columns, "kinds": ["text"] * len(columns), "rows": rows,
                                     "widths": WIDTHS}]})
    return {
        "doc_type": "table_report", "large_type": True,
        "authority": [], "national_header": [], "number": "", "place_date": "",
        "title": _("DANH SÁCH ĐI TỪNG NHÀ"),
        "subtitle": data["residential_group"]["name"],
        "period_line": _("(Lập ngày {day})").format(day=format_date(data["as_of"])),
        "sections": sections, "recipients": [], "signer_title": "", "signer_name": "",
    }

