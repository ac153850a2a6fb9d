"""Training classes: date, place, trainer, audience, attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.core.i18n import _
from desktop.core.outreach_vocab import AUDIENCE_ALL
from desktop.core.text import nfc
from desktop.core.vocab import TARGET_GROUPS
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError, check_code, required_text
from desktop.store.models import TrainingClass


@dataclass(frozen=True)
class TrainingInfo:
    id: str
    held_on: date
    place: str
    trainer: str
    audience: str
    attendance: int


def add_class(ctx: AppContext, held_on: date, place: str, trainer: str, audience: str = AUDIENCE_ALL,
              attendance: int = 0, campaign_id: str | None = None) -> TrainingInfo:
    place = nfc(required_text(place, _("Địa điểm"), 300))
    trainer = nfc(required_text(trainer, _("Người hướng dẫn"), 200))
    if audience != AUDIENCE_ALL:
        check_code(audience, TARGET_GROUPS, _("Đối tượng"))
    if held_on is None:
        raise OutreachError(_("Chưa nhập «{field}».").format(field=_("Ngày tập huấn")))
    try:
        attendance = int(attendance)
    except (TypeError, ValueError) as exc:
        raise OutreachError(_("Số người dự phải là số nguyên.")) from exc
    if attendance < 0:
        raise OutreachError(_("Số người dự không được âm."))
    with ctx.write() as s:
        t = TrainingClass(held_on=held_on, place=place, trainer=trainer, audience=audience,
                          attendance=attendance, campaign_id=campaign_id)
        s.add(t)
        s.flush()
        return TrainingInfo(t.id, t.held_on, t.place, t.trainer, t.audience, t.attendance)


def list_classes(ctx: AppContext, limit: int = 200) -> list[TrainingInfo]:
    with ctx.read() as s:
        rows = s.scalars(
            select(TrainingClass).where(TrainingClass.deleted_at.is_(None)).order_by(TrainingClass.held_on.desc()).limit(limit)
        )
        return [TrainingInfo(t.id, t.held_on, t.place, t.trainer, t.audience, t.attendance) for t in rows]
