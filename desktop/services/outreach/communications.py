"""Communications log (Truyền thông, cảnh báo): the directive asks for an item at least every 3 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.core.outreach_vocab import AUDIENCE_ALL, CHANNELS
from desktop.core.formatting import format_date
from desktop.core.period import today_vn
from desktop.core.text import nfc
from desktop.core.vocab import TARGET_GROUPS
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError, check_code, required_text
from desktop.store.models import CommunicationItem

MAX_GAP_DAYS = 3


@dataclass(frozen=True)
class CommunicationInfo:
    id: str
    published_on: date
    title: str
    channel: str
    audience: str


def add_item(ctx: AppContext, published_on: date, title: str, channel: str = "ihanoi",
             audience: str = AUDIENCE_ALL) -> CommunicationInfo:
    title = nfc(required_text(title, _("Tiêu đề tin"), 300))
    check_code(channel, CHANNELS, _("Kênh"))
    if audience != AUDIENCE_ALL:
        check_code(audience, TARGET_GROUPS, _("Đối tượng"))
    if published_on is None:
        raise OutreachError(_("Chưa nhập «{field}».").format(field=_("Ngày đăng")))
    if published_on > today_vn():
        raise OutreachError(_("Ngày đăng {date} ở tương lai.").format(date=format_date(published_on)))
    with ctx.write() as s:
        item = CommunicationItem(published_on=published_on, title=title, channel=channel, audience=audience)
        s.add(item)
        s.flush()
        return CommunicationInfo(item.id, item.published_on, item.title, item.channel, item.audience)


def list_items(ctx: AppContext, limit: int = 200) -> list[CommunicationInfo]:
    with ctx.read() as s:
        rows = s.scalars(
            select(CommunicationItem)
            .where(CommunicationItem.deleted_at.is_(None))
            .order_by(CommunicationItem.published_on.desc(), CommunicationItem.created_at.desc())
            .limit(limit)
        )
        return [CommunicationInfo(i.id, i.published_on, i.title, i.channel, i.audience) for i in rows]


def status(ctx: AppContext, as_of: date | None = None) -> dict:
    """{"last_on", "days_since", "warning", "message"} as it stood at the end of `as_of` (default
    today): the last item published by then; warning when more than 3 days pass without one."""
    as_of = as_of or today_vn()
    with ctx.read() as s:
        last = s.scalar(select(func.max(CommunicationItem.published_on)).where(
            CommunicationItem.deleted_at.is_(None), CommunicationItem.published_on <= as_of))
    if last is None:
        return {"last_on": None, "days_since": None, "warning": True,
                "message": _("Chưa đăng tin truyền thông nào. Chỉ thị yêu cầu ít nhất 3 ngày một tin.")}
    days = (as_of - last).days
    warning = days > MAX_GAP_DAYS
    message = (
        _("Đã {days} ngày chưa đăng tin truyền thông (tin gần nhất {date}). Chỉ thị yêu cầu ít nhất 3 ngày một tin.")
        if warning else _("Tin truyền thông gần nhất: {date} ({days} ngày trước).")
    ).format(days=days, date=format_date(last))
    return {"last_on": last.isoformat(), "days_since": days, "warning": warning, "message": message}
