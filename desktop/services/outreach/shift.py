"""Volunteers and the shift on duty: the volunteer picked at shift start is `ctx.actor`,
stamped on every record made during the shift. The choice survives a restart (duty_shift).
While an operator is signed in (ctx.operator) the operator is the one stamped:
the shift never overwrites the signed-in operator's name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.core.i18n import _
from desktop.core.outreach_vocab import FORCES
from desktop.core.text import fold, normalize_name
from desktop.core.validation import InvalidValue, parse_phone
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError, check_code, required_text
from desktop.store.base import utcnow
from desktop.store.models import DutyShift, Volunteer


@dataclass(frozen=True)
class VolunteerInfo:
    id: str
    full_name: str
    force: str
    phone: str


@dataclass(frozen=True)
class ShiftInfo:
    volunteer_id: str
    volunteer_name: str
    campaign_id: str | None
    started_at: datetime | None


def _info(v: Volunteer) -> VolunteerInfo:
    return VolunteerInfo(v.id, v.full_name, v.force, v.phone)


def add_volunteer(ctx: AppContext, full_name: str, force: str = "to_cds", phone: str = "") -> VolunteerInfo:
    name = normalize_name(required_text(full_name, _("Họ tên tình nguyện viên"), 200))
    check_code(force, FORCES, _("Lực lượng"))
    phone = (phone or "").strip()
    if phone:
        try:
            phone = parse_phone(phone)
        except InvalidValue as exc:
            raise OutreachError(_("Số điện thoại tình nguyện viên: {error}").format(error=exc)) from exc
    with ctx.write() as s:
        v = Volunteer(full_name=name, force=force, phone=phone)
        s.add(v)
        s.flush()
        return _info(v)


def list_volunteers(ctx: AppContext) -> list[VolunteerInfo]:
    with ctx.read() as s:
        rows = s.scalars(select(Volunteer).where(Volunteer.deleted_at.is_(None), Volunteer.active.is_(True)))
        return sorted((_info(v) for v in rows), key=lambda v: fold(v.full_name.split(" ")[-1] + " " + v.full_name))


def actor_label(name: str) -> str:
    return name


def _stamp(ctx: AppContext, name: str) -> None:
    """Stamp the volunteer on duty, unless an operator is signed in (then the operator stays)."""
    if ctx.operator is None:
        ctx.actor = name


def start_shift(ctx: AppContext, volunteer_id: str, campaign_id: str | None = None) -> ShiftInfo:
    """Put a volunteer on duty: from now on their name is stamped on every record."""
    with ctx.write() as s:
        v = s.get(Volunteer, volunteer_id)
        if v is None or v.deleted_at is not None:
            raise OutreachError(_("Không tìm thấy tình nguyện viên đã chọn."))
        row = s.get(DutyShift, 1) or DutyShift(id=1)
        row.volunteer_id, row.volunteer_name = v.id, v.full_name
        row.campaign_id, row.started_at = campaign_id, utcnow()
        s.add(row)
        info = ShiftInfo(v.id, v.full_name, campaign_id, row.started_at)
    _stamp(ctx, actor_label(info.volunteer_name))
    return info


def current_shift(ctx: AppContext) -> ShiftInfo | None:
    with ctx.read() as s:
        row = s.get(DutyShift, 1)
        if row is None or not row.volunteer_id:
            return None
        return ShiftInfo(row.volunteer_id, row.volunteer_name, row.campaign_id, row.started_at)


def resume_shift(ctx: AppContext) -> ShiftInfo | None:
    """At start-up: the shift left open (e.g. after a crash) stamps records again."""
    info = current_shift(ctx)
    if info is not None:
        _stamp(ctx, actor_label(info.volunteer_name))
    return info


def end_shift(ctx: AppContext) -> None:
    with ctx.write() as s:
        row = s.get(DutyShift, 1)
        if row is not None:
            row.volunteer_id, row.volunteer_name, row.campaign_id, row.started_at = None, "", None, None
    _stamp(ctx, "")
