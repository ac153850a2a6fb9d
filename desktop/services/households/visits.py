"""Door-to-door visits, recorded against a household by its short code.

A visit says who was met, each member's outcome (core.vocab.VISIT_OUTCOMES) and when to come back.
An outcome for someone who is not a member of the household is refused (nothing is stored). "Already
done" and "helped now" move the member to "đã tạo tài khoản" on the visit's day (never backwards).
"Needs the police" (VISIT_OUTCOMES_FOR_POLICE) makes a police hand-off for that member in the same
transaction, for the police reasons the volunteer picked (`police_reasons`: the triage guides' reasons
with `police: true`) or, when none was picked, for the unspecified one ("cần công an hỗ trợ");
`handoffs.open_for_reasons` opens no second one for a need already waiting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from desktop.core.formatting import format_date
from desktop.core import household_code as hc
from desktop.core.funnel import Position
from desktop.core.i18n import _
from desktop.core.outreach_vocab import FAILURE_ORDER, FAILURE_REASONS, POLICE_UNSPECIFIED
from desktop.core.permissions import Permission
from desktop.core.period import today_vn
from desktop.core.vocab import VISIT_OUTCOMES, VISIT_OUTCOMES_ACCOUNT, VISIT_OUTCOMES_FOR_POLICE
from desktop.services.context import AppContext
from desktop.services.households.households import HouseholdError, HouseholdNotFound
from desktop.services.outreach import handoffs
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.store.bulk import in_chunks
from desktop.store.models import Household, HouseholdVisit, HouseholdVisitMember, Resident
from desktop.sync.payload_rules import NOTE_MAX_CHARS

KIND = "household_visit"
ACCOUNT_STAGE = "da_tao_tai_khoan"


@dataclass
class VisitInput:
    household_id: str
    outcomes: dict[str, str] = field(default_factory=dict)  # resident id -> outcome code
    met: str = ""
    visited_on: date | None = None  # None: today (Hanoi)
    next_visit_on: date | None = None
    notes: str = ""
    # resident id -> the police reasons picked for a "needs the police" member (none: the unspecified reason)
    police_reasons: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class VisitInfo:
    id: str
    household_id: str
    household_code: str
    visited_on: date
    visited_by: str
    met: str
    next_visit_on: date | None
    outcomes: dict[str, str]
    handoffs_opened: dict[str, tuple[str, ...]] = field(default_factory=dict)  # resident id -> reasons (this visit)


def police_reason_choices(ctx: AppContext) -> list[str]:
    """The reasons a visit can hand off to the police, in the booth's order, the unspecified one last (the ward's
    guides file may make more reasons police ones)."""
    police = handoffs.guides(ctx).police_reasons()
    return [code for code in FAILURE_ORDER if code in police] + [POLICE_UNSPECIFIED]


def _checked_reasons(ctx: AppContext, data: VisitInput, code: str) -> dict[str, list[str]]:
    """Each "needs the police" member's reasons (the unspecified one when none was picked)."""
    police = set(police_reason_choices(ctx))
    for rid, reasons in data.police_reasons.items():
        if reasons and data.outcomes.get(rid) not in VISIT_OUTCOMES_FOR_POLICE:
            raise HouseholdError(_("Hộ {code}: chỉ ghi việc cần công an cho người có kết quả «{outcome}».").format(
                code=code, outcome=_(VISIT_OUTCOMES[VISIT_OUTCOMES_FOR_POLICE[0]])))
        for reason in reasons:
            if reason not in police:
                raise HouseholdError(_("Hộ {code}: «{reason}» không phải việc cần công an giải quyết.").format(
                    code=code, reason=_(FAILURE_REASONS[reason]) if reason in FAILURE_REASONS else reason))
    return {rid: list(data.police_reasons.get(rid) or ()) or [POLICE_UNSPECIFIED]
            for rid, outcome in data.outcomes.items() if outcome in VISIT_OUTCOMES_FOR_POLICE}


def _checked(data: VisitInput, members: set[str], code: str) -> tuple[date, str, str]:
    if not data.outcomes:
        raise HouseholdError(_("Hộ {code}: chưa ghi kết quả cho thành viên nào.").format(code=code))
    for rid, outcome in data.outcomes.items():
        if rid not in members:
            raise HouseholdError(_("Hộ {code}: người được ghi kết quả không phải thành viên của hộ này.").format(code=code))
        if outcome not in VISIT_OUTCOMES:
            raise HouseholdError(_("Hộ {code}: kết quả «{value}» không có trong danh mục.").format(code=code, value=outcome))
    visited_on = data.visited_on or today_vn()
    if visited_on > today_vn():
        raise HouseholdError(_("Ngày thăm {day} chưa đến.").format(day=format_date(visited_on)))
    if data.next_visit_on is not None and data.next_visit_on <= visited_on:
        raise HouseholdError(_("Ngày hẹn quay lại phải sau ngày thăm ({day}).").format(day=format_date(visited_on)))
    met = " ".join((data.met or "").split())
    if len(met) > 300:
        raise HouseholdError(_("«Người gặp» dài quá 300 ký tự."))
    notes = (data.notes or "").strip()
    if len(notes) > NOTE_MAX_CHARS:
        raise HouseholdError(_("Ghi chú dài quá {n} ký tự.").format(n=NOTE_MAX_CHARS))
    return visited_on, met, notes


def record_visit(ctx: AppContext, data: VisitInput) -> VisitInfo:
    """Store one visit and its outcomes in one transaction (REGISTER permission); audited."""
    require(ctx, Permission.REGISTER)
    with ctx.write() as s:
        h = s.get(Household, data.household_id)
        if h is None or h.deleted_at is not None:
            raise HouseholdNotFound(_("Hộ đã chọn không còn trong danh sách."))
        code = hc.shown(h.code)
        residents = {r.id: r for r in s.scalars(select(Resident).where(
            Resident.household_id == h.id, Resident.deleted_at.is_(None)))}
        visited_on, met, notes = _checked(data, set(residents), code)
        for_police = _checked_reasons(ctx, data, code)
        visit = HouseholdVisit(household_id=h.id, visited_on=visited_on, visited_by=(ctx.actor or "")[:120], met=met,
                               next_visit_on=data.next_visit_on, notes=notes)
        s.add(visit)
        s.flush()
        for rid, outcome in data.outcomes.items():
            s.add(HouseholdVisitMember(visit_id=visit.id, resident_id=rid, outcome=outcome))
            if outcome in VISIT_OUTCOMES_ACCOUNT:
                _to_account(residents[rid], visited_on)
        opened = {}
        for rid, reasons in for_police.items():
            made = handoffs.open_for_reasons(s, ctx, rid, reasons, on=visited_on,
                                             note=_("Ghi khi đến hộ {code}.").format(code=code))
            if made:
                opened[rid] = tuple(made)
        audit.append(s, ctx, "create", KIND, visit.id, {"fields": ["outcomes"], "members": len(data.outcomes),
                                                        "handoffs": sum(map(len, opened.values()))})
        return VisitInfo(visit.id, h.id, code, visited_on, visit.visited_by, met, data.next_visit_on, dict(data.outcomes),
                         opened)


def _to_account(r: Resident, on: date) -> None:
    before = Position(r.adoption_stage, r.aware_on, r.installed_on, r.account_on)
    for name, value in before.changed_fields(before.advance(ACCOUNT_STAGE, on)).items():
        setattr(r, "adoption_stage" if name == "stage" else name, value)


def visits_of(ctx: AppContext, household_id: str) -> list[VisitInfo]:
    """A household's visits, newest first."""
    with ctx.read() as s:
        return visits_in(s, [household_id]).get(household_id, [])


def visits_in(s, household_ids: list[str]) -> dict[str, list[VisitInfo]]:
    """Visits of these households (newest first), read in the caller's session."""
    out: dict[str, list[VisitInfo]] = {}
    for chunk in in_chunks(household_ids):
        rows = s.execute(select(HouseholdVisit, Household.code).join(Household, Household.id == HouseholdVisit.household_id)
                         .where(HouseholdVisit.household_id.in_(chunk), HouseholdVisit.deleted_at.is_(None))
                         .order_by(HouseholdVisit.visited_on.desc(), HouseholdVisit.created_at.desc())).all()
        ids = [v.id for v, _c in rows]
        outcomes: dict[str, dict[str, str]] = {}
        for some in in_chunks(ids):
            for vid, rid, outcome in s.execute(select(
                    HouseholdVisitMember.visit_id, HouseholdVisitMember.resident_id, HouseholdVisitMember.outcome)
                    .where(HouseholdVisitMember.visit_id.in_(some), HouseholdVisitMember.deleted_at.is_(None))):
                outcomes.setdefault(vid, {})[rid] = outcome
        for v, code in rows:
            out.setdefault(v.household_id, []).append(VisitInfo(
                v.id, v.household_id, hc.shown(code), v.visited_on, v.visited_by, v.met, v.next_visit_on,
                outcomes.get(v.id, {})))
    return out
