"""Help sessions (lượt hỗ trợ): started, each step saved as it is reached, then finished.

Finishing computes the outcome and advances the resident's adoption stage through
desktop.core.funnel (never backwards; reached stages dated). Every write is its own
transaction, so a crash loses nothing already saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import func, select

from desktop.core.funnel import Position, stage_for_steps
from desktop.core.i18n import _
from desktop.core.outreach_vocab import FAILURE_REASONS, STEP_ORDER
from desktop.core.period import VN_TZ, today_vn
from desktop.core.text import nfc
from desktop.services.context import AppContext
from desktop.services.outreach import handoffs
from desktop.services.outreach.common import OutreachError, check_code, join_codes, split_codes
from desktop.store.base import new_id, utcnow
from desktop.store.models import Campaign, HelpSession, Resident


@dataclass(frozen=True)
class SessionInfo:
    id: str
    resident_id: str
    resident_name: str
    campaign_id: str | None
    volunteer_ids: list[str]
    started_at: datetime
    ended_at: datetime | None
    steps: list[str]
    outcome: str
    failure_reasons: list[str]
    failure_other: str
    follow_up_on: date | None
    resident_stage: str
    handoffs_opened: tuple[str, ...] = ()  # reasons a police hand-off was made for when the session finished


def _steps(h: HelpSession) -> list[str]:
    return [step for step in STEP_ORDER if getattr(h, step)]


def _info(h: HelpSession, r: Resident) -> SessionInfo:
    return SessionInfo(
        h.id, h.resident_id, r.full_name, h.campaign_id, split_codes(h.volunteer_ids), h.started_at, h.ended_at,
        _steps(h), h.outcome, split_codes(h.failure_reasons), h.failure_other, h.follow_up_on, r.adoption_stage,
    )


def _load(s, session_id: str) -> tuple[HelpSession, Resident]:
    h = s.get(HelpSession, session_id)
    if h is None or h.deleted_at is not None:
        raise OutreachError(_("Không tìm thấy lượt hỗ trợ."))
    return h, s.get(Resident, h.resident_id)


def new_session_id() -> str:
    """A fresh session id, made by the caller so steps can be queued before the session is stored."""
    return new_id()


def outcome_for(steps: list[str]) -> str:
    if "account_created" in steps:
        return "thanh_cong"
    return "mot_phan" if steps else "khong_thanh_cong"


def start_session(
    ctx: AppContext,
    resident_id: str,
    campaign_id: str | None = None,
    volunteer_ids: list[str] | tuple = (),
    session_id: str | None = None,
    started_at: datetime | None = None,
) -> SessionInfo:
    """Open a session for a resident. The caller may choose the id, so steps can be queued at once."""
    with ctx.write() as s:
        r = s.get(Resident, resident_id)
        if r is None or r.deleted_at is not None:
            raise OutreachError(_("Không tìm thấy cư dân cho lượt hỗ trợ."))
        if campaign_id and s.get(Campaign, campaign_id) is None:
            raise OutreachError(_("Không tìm thấy đợt ra quân."))
        h = HelpSession(
            id=session_id or new_id(), resident_id=resident_id, campaign_id=campaign_id or None,
            volunteer_ids=join_codes(volunteer_ids), started_at=started_at or utcnow(),
        )
        s.add(h)
        s.flush()
        return _info(h, r)


def record_step(ctx: AppContext, session_id: str, step: str, reached: bool = True) -> SessionInfo:
    """Save one step as reached (or un-tick it) in its own transaction."""
    if step not in STEP_ORDER:
        raise OutreachError(_("Bước không hợp lệ: {step}").format(step=step))
    with ctx.write() as s:
        h, r = _load(s, session_id)
        if h.ended_at is not None:
            raise OutreachError(_("Lượt hỗ trợ này đã kết thúc."))
        setattr(h, step, bool(reached))
        return _info(h, r)


def finish_session(
    ctx: AppContext,
    session_id: str,
    failure_reasons: list[str] | tuple = (),
    failure_other: str = "",
    follow_up_on: date | None = None,
    notes: str = "",
    ended_at: datetime | None = None,
) -> SessionInfo:
    """Close the session: outcome from the steps, follow-up, and the resident's stage moved forward.

    A session that did not succeed needs at least one failure reason (refused here, whoever calls);
    a reason only the police can resolve opens a police hand-off (`handoffs.open_for_reasons`)."""
    for code in failure_reasons:
        check_code(code, FAILURE_REASONS, _("Lý do chưa thành công"))
    other = nfc(failure_other).strip()
    if "khac" in failure_reasons and not other:
        raise OutreachError(_("Đã chọn «Lý do khác»: hãy ghi rõ lý do."))
    with ctx.write() as s:
        h, r = _load(s, session_id)
        if h.ended_at is not None:
            raise OutreachError(_("Lượt hỗ trợ này đã kết thúc."))
        ended = ended_at or utcnow()
        steps = _steps(h)
        if outcome_for(steps) != "thanh_cong" and not failure_reasons:
            raise OutreachError(_("Lượt hỗ trợ chưa thành công: hãy chọn ít nhất một lý do chưa thành công."))
        h.ended_at = ended
        h.outcome = outcome_for(steps)
        h.failure_reasons = "" if h.outcome == "thanh_cong" else join_codes(failure_reasons)
        h.failure_other = other if "khac" in failure_reasons else ""
        h.follow_up_needed = follow_up_on is not None
        h.follow_up_on = follow_up_on
        h.notes = nfc(notes).strip()
        _advance(r, stage_for_steps(steps), ended.astimezone(VN_TZ).date())
        opened: list[str] = []
        if h.outcome != "thanh_cong":
            opened = handoffs.open_for_reasons(s, ctx, r.id, failure_reasons, help_session_id=h.id,
                                               on=ended.astimezone(VN_TZ).date())
        return replace(_info(h, r), handoffs_opened=tuple(opened))


def _advance(r: Resident, stage: str, on: date) -> None:
    before = Position(r.adoption_stage, r.aware_on, r.installed_on, r.account_on)
    after = before.advance(stage, on)
    for name, value in before.changed_fields(after).items():
        setattr(r, "adoption_stage" if name == "stage" else name, value)


def get_session(ctx: AppContext, session_id: str) -> SessionInfo:
    with ctx.read() as s:
        h, r = _load(s, session_id)
        return _info(h, r)


def list_sessions(ctx: AppContext, limit: int = 200, campaign_id: str | None = None) -> list[SessionInfo]:
    with ctx.read() as s:
        q = (
            select(HelpSession, Resident)
            .join(Resident, Resident.id == HelpSession.resident_id)
            .where(HelpSession.deleted_at.is_(None))
            .order_by(HelpSession.started_at.desc())
            .limit(limit)
        )
        if campaign_id:
            q = q.where(HelpSession.campaign_id == campaign_id)
        return [_info(h, r) for h, r in s.execute(q)]


def today_counts(ctx: AppContext, today: date | None = None) -> dict:
    """Sessions started today (Hanoi time) and how many succeeded: the booth counter."""
    from desktop.core.period import Period

    day = Period(today or today_vn(), today or today_vn())
    with ctx.read() as s:
        n, ok = s.execute(
            select(func.count(), func.count().filter(HelpSession.outcome == "thanh_cong")).where(
                HelpSession.deleted_at.is_(None),
                HelpSession.started_at >= day.start_utc,
                HelpSession.started_at < day.end_utc,
            )
        ).one()
    return {"sessions": n, "successes": ok}


def discard_session(ctx: AppContext, session_id: str) -> bool:
    """Withdraw a session opened by mistake (a tombstone); refused once a step is saved."""
    with ctx.write() as s:
        h, _r = _load(s, session_id)
        if _steps(h) or h.ended_at is not None:
            return False
        h.mark_deleted()
        return True
