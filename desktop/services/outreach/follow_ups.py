"""Follow-ups: residents whose session failed or who need a return visit; mark done.

Phones are masked in the list like every other list of residents. A volunteer calling back
reveals one number at a time (`privacy.reveal_identifier`: the reveal permission, audited), or
takes `call_sheet`, the list with full numbers for the person on duty, each one audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.core.period import today_vn
from desktop.core.text import nfc
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError, split_codes
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.services.residents.residents import mask_phone
from desktop.store.models import HelpSession, Resident, ResidentialGroup


@dataclass(frozen=True)
class FollowUpInfo:
    session_id: str
    resident_id: str
    resident_name: str
    phone_masked: str
    residential_group_id: str | None
    residential_group: str
    outcome: str
    reasons: list[str]
    reason_other: str
    due_on: date | None
    done_on: date | None
    overdue: bool


def list_follow_ups(
    ctx: AppContext, group_id: str | None = None, include_done: bool = False, today: date | None = None
) -> list[FollowUpInfo]:
    """Open follow-ups (oldest due first), optionally of one residential group."""
    today = today or today_vn()
    with ctx.read() as s:
        groups = dict(s.execute(select(ResidentialGroup.id, ResidentialGroup.name)).all())
        q = (
            select(HelpSession, Resident)
            .join(Resident, Resident.id == HelpSession.resident_id)
            .where(HelpSession.deleted_at.is_(None), HelpSession.follow_up_needed.is_(True))
            .order_by(HelpSession.follow_up_on, Resident.sort_key)
        )
        if not include_done:
            q = q.where(HelpSession.follow_up_done_on.is_(None))
        if group_id:
            q = q.where(Resident.residential_group_id == group_id)
        out = []
        for h, r in s.execute(q):
            out.append(
                FollowUpInfo(
                    h.id, r.id, r.full_name, mask_phone(r.phone), r.residential_group_id,
                    groups.get(r.residential_group_id, ""), h.outcome, split_codes(h.failure_reasons),
                    h.failure_other, h.follow_up_on, h.follow_up_done_on,
                    h.follow_up_done_on is None and h.follow_up_on is not None and h.follow_up_on < today,
                )
            )
        return out


@dataclass(frozen=True)
class CallSheetRow:
    """A follow-up with the resident's full phone number (only on the call sheet)."""

    follow_up: FollowUpInfo
    phone: str


def call_sheet(ctx: AppContext, group_id: str | None = None, via: str = "call_sheet") -> list[CallSheetRow]:
    """The open follow-ups with full phone numbers, for the person on duty to call back: the reveal
    permission, and one audited reveal per resident whose number is on the sheet."""
    require(ctx, Permission.REVEAL)
    rows = list_follow_ups(ctx, group_id)
    with ctx.read() as s:
        phones = dict(s.execute(select(Resident.id, Resident.phone).where(
            Resident.id.in_({r.resident_id for r in rows}))).all()) if rows else {}
    with ctx.write() as s:
        for resident_id in sorted({r.resident_id for r in rows if phones.get(r.resident_id)}):
            audit.append(s, ctx, "reveal", "resident", resident_id, {"field": "phone", "via": via})
    return [CallSheetRow(r, phones.get(r.resident_id) or "") for r in rows]


def mark_done(ctx: AppContext, session_id: str, note: str = "", on: date | None = None) -> None:
    with ctx.write() as s:
        h = s.get(HelpSession, session_id)
        if h is None or h.deleted_at is not None or not h.follow_up_needed:
            raise OutreachError(_("Không tìm thấy việc cần theo dõi."))
        h.follow_up_done_on = on or today_vn()
        if note.strip():
            h.follow_up_note = nfc(note).strip()
