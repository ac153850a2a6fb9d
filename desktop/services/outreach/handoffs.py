"""Police hand-offs: a failure reason only the ward police can resolve (its guide says `police: true`)
makes a hand-off when a help session or a visit records it; the police liaison lists them and marks
each done or returned. One open hand-off per resident and reason; the unspecified reason (a visit's
"cần công an" with no reason picked) only for a resident with no open hand-off at all. Every change is
audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.core.outreach_vocab import FAILURE_REASONS, HANDOFF_STATES, POLICE_UNSPECIFIED
from desktop.core.formatting import format_date
from desktop.core.period import today_vn
from desktop.core.permissions import Permission
from desktop.core.text import nfc
from desktop.core.triage import Guides, guides_for
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.services.residents.residents import mask_cccd, mask_phone
from desktop.store.models import PoliceHandoff, Resident, ResidentialGroup

OPEN = "mo"
CLOSING_STATES = ("xong", "tra_lai")
NOTE_MAX = 2000


@dataclass(frozen=True)
class HandoffInfo:
    id: str
    resident_id: str
    resident_name: str
    birth_year: int | None
    residential_group: str
    cccd_masked: str
    phone_masked: str
    reason: str
    reason_label: str
    needed: str
    since: date
    days_open: int
    state: str
    state_label: str
    closed_on: date | None
    closed_by: str
    notes: str


def guides(ctx: AppContext) -> Guides:
    """The triage guides of this data folder (shipped, plus the ward's own file)."""
    return guides_for(ctx.folder.root)


def open_for_reasons(s, ctx: AppContext, resident_id: str, reasons, *, help_session_id: str | None = None,
                     on: date | None = None, note: str = "") -> list[str]:
    """Inside an open write: a hand-off for each police reason in `reasons` that the resident has no open one for
    (the unspecified reason: no open one of any reason). `note` starts the hand-off's notes (where it came from).
    The reasons a hand-off was made for (each audited in the same transaction)."""
    police = guides(ctx).police_reasons()
    wanted = [code for code in dict.fromkeys(reasons) if code in police]
    if len(wanted) > 1:  # a named reason says more than the unspecified one
        wanted = [code for code in wanted if code != POLICE_UNSPECIFIED]
    if not wanted:
        return []
    already = set(s.scalars(select(PoliceHandoff.reason).where(
        PoliceHandoff.resident_id == resident_id, PoliceHandoff.state == OPEN, PoliceHandoff.deleted_at.is_(None))))
    made = []
    on = on or today_vn()
    for code in wanted:
        if code in already or (code == POLICE_UNSPECIFIED and already):
            continue
        h = PoliceHandoff(resident_id=resident_id, help_session_id=help_session_id, reason=code,
                          needed=guides(ctx).get(code).needed[:200], since=on, state=OPEN,
                          notes=_note_line(ctx, on, note) if note else "")
        s.add(h)
        s.flush()
        audit.append(s, ctx, "handoff", "police_handoff", h.id, {"state": OPEN, "reason": code})
        made.append(code)
    return made


def _info(h: PoliceHandoff, r: Resident, group: str, today: date) -> HandoffInfo:
    end = h.closed_on if h.state != OPEN and h.closed_on else today
    return HandoffInfo(
        id=h.id, resident_id=h.resident_id, resident_name=r.full_name, birth_year=r.birth_year, residential_group=group,
        cccd_masked=mask_cccd(r.cccd), phone_masked=mask_phone(r.phone), reason=h.reason,
        reason_label=_(FAILURE_REASONS.get(h.reason, h.reason)), needed=h.needed, since=h.since,
        days_open=max((end - h.since).days, 0), state=h.state, state_label=_(HANDOFF_STATES.get(h.state, h.state)),
        closed_on=h.closed_on, closed_by=h.closed_by, notes=h.notes,
    )


def list_handoffs(ctx: AppContext, open_only: bool = False, resident_id: str | None = None,
                  today: date | None = None) -> list[HandoffInfo]:
    """Open ones first (oldest first: the longest waiting on top), then the closed ones, newest first."""
    require(ctx, Permission.HANDOFF)
    today = today or today_vn()
    q = (select(PoliceHandoff, Resident, ResidentialGroup.name)
         .join(Resident, Resident.id == PoliceHandoff.resident_id)
         .outerjoin(ResidentialGroup, ResidentialGroup.id == Resident.residential_group_id)
         .where(PoliceHandoff.deleted_at.is_(None)))
    if open_only:
        q = q.where(PoliceHandoff.state == OPEN)
    if resident_id:
        q = q.where(PoliceHandoff.resident_id == resident_id)
    with ctx.read() as s:
        rows = [_info(h, r, g or "", today) for h, r, g in s.execute(q)]
    opened = sorted((x for x in rows if x.state == OPEN), key=lambda x: (x.since, x.resident_name))
    closed = sorted((x for x in rows if x.state != OPEN), key=lambda x: (x.closed_on or x.since), reverse=True)
    return opened + closed


def _note_line(ctx: AppContext, on: date, text: str) -> str:
    who = ctx.actor or _("không rõ")
    return f"{format_date(on)} {who}: {text}"


def set_state(ctx: AppContext, handoff_id: str, state: str, note: str = "", today: date | None = None) -> HandoffInfo:
    """Mark a hand-off done (xong) or returned (tra_lai: a note says why), or open it again (mo, with a note)."""
    require(ctx, Permission.HANDOFF)
    if state not in HANDOFF_STATES:
        raise OutreachError(_("Trạng thái phiếu chuyển công an không hợp lệ: «{state}» (được: {known}).").format(
            state=state, known=", ".join(HANDOFF_STATES)))
    note = nfc(note or "").strip()
    if len(note) > NOTE_MAX:
        raise OutreachError(_("Ghi chú dài quá {n} ký tự.").format(n=NOTE_MAX))
    if state != "xong" and not note:
        raise OutreachError(_("Cần ghi lý do khi trả lại hoặc mở lại phiếu chuyển công an."))
    today = today or today_vn()
    with ctx.write() as s:
        h = s.get(PoliceHandoff, handoff_id)
        if h is None or h.deleted_at is not None:
            raise OutreachError(_("Không tìm thấy phiếu chuyển công an."))
        if h.state == state:
            raise OutreachError(_("Phiếu này đã ở trạng thái «{state}».").format(state=_(HANDOFF_STATES[state])))
        if state in CLOSING_STATES and h.state != OPEN:
            raise OutreachError(_("Phiếu này đã đóng («{state}»): mở lại trước khi đổi.").format(
                state=_(HANDOFF_STATES[h.state])))
        before = h.state
        h.state = state
        h.closed_on = today if state in CLOSING_STATES else None
        h.closed_by = (ctx.actor or "") if state in CLOSING_STATES else ""
        if note:
            h.notes = "\n".join(x for x in (h.notes, _note_line(ctx, today, note)) if x)[-10_000:]
        audit.append(s, ctx, "handoff", "police_handoff", h.id, {"from": before, "state": state, "reason": h.reason,
                                                                   "note": bool(note)})
        r = s.get(Resident, h.resident_id)
        group = s.get(ResidentialGroup, r.residential_group_id).name if r.residential_group_id else ""
        return _info(h, r, group, today)


def open_count(ctx: AppContext) -> int:
    """How many hand-offs wait for the police (for a badge; no permission needed: a count says nothing personal)."""
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(PoliceHandoff).where(
            PoliceHandoff.state == OPEN, PoliceHandoff.deleted_at.is_(None))) or 0
