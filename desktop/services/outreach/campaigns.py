"""Campaigns and booths (đợt ra quân, điểm hỗ trợ): create, change, list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.core.office_hours import outside_office_hours
from desktop.core.outreach_vocab import CAMPAIGN_KINDS, FORCES
from desktop.core.text import nfc
from desktop.services.context import AppContext
from desktop.services.outreach.common import OutreachError, check_code, join_codes, required_text, split_codes
from desktop.store.models import Campaign, HelpSession, ResidentialGroup


@dataclass
class CampaignInput:
    name: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    residential_group_id: str | None = None
    forces: list[str] = field(default_factory=list)
    volunteer_ids: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    name: str
    kind: str
    place: str
    residential_group_id: str | None
    residential_group: str
    starts_at: datetime
    ends_at: datetime
    forces: list[str]
    volunteer_ids: list[str]
    outside_office_hours: bool
    sessions: int = 0
    successes: int = 0


def _validate(data: CampaignInput) -> None:
    required_text(data.name, _("Tên đợt / điểm hỗ trợ"), 200)
    check_code(data.kind, CAMPAIGN_KINDS, _("Hình thức"))
    for force in data.forces:
        check_code(force, FORCES, _("Lực lượng tham gia"))
    for _name, value in (("starts_at", data.starts_at), ("ends_at", data.ends_at)):
        if value is None or value.tzinfo is None:
            raise OutreachError(_("Thiếu thời gian bắt đầu hoặc kết thúc."))
    if data.ends_at <= data.starts_at:
        raise OutreachError(_("Thời gian kết thúc phải sau thời gian bắt đầu."))


def _apply(c: Campaign, data: CampaignInput) -> None:
    c.name = nfc(data.name).strip()
    c.kind = data.kind
    c.place = nfc(data.place).strip()
    c.residential_group_id = data.residential_group_id or None
    c.starts_at, c.ends_at = data.starts_at, data.ends_at
    c.forces = join_codes(data.forces)
    c.volunteer_ids = join_codes(data.volunteer_ids)
    c.outside_office_hours = outside_office_hours(data.starts_at, data.ends_at)
    c.notes = nfc(data.notes).strip()


def create_campaign(ctx: AppContext, data: CampaignInput) -> CampaignInfo:
    _validate(data)
    with ctx.write() as s:
        c = Campaign()
        _apply(c, data)
        s.add(c)
        s.flush()
        cid = c.id
    return get_campaign(ctx, cid)



def _infos(s, where) -> list[CampaignInfo]:
    counts = dict(
        (cid, (n, ok))
        for cid, n, ok in s.execute(
            select(
                HelpSession.campaign_id,
                func.count(),
                func.count().filter(HelpSession.outcome == "thanh_cong"),
            )
            .where(HelpSession.deleted_at.is_(None))
            .group_by(HelpSession.campaign_id)
        )
    )
    groups = dict(s.execute(select(ResidentialGroup.id, ResidentialGroup.name)).all())
    rows = s.scalars(select(Campaign).where(Campaign.deleted_at.is_(None), *where).order_by(Campaign.starts_at.desc()))
    out = []
    for c in rows:
        n, ok = counts.get(c.id, (0, 0))
        out.append(
            CampaignInfo(
                c.id, c.name, c.kind, c.place, c.residential_group_id, groups.get(c.residential_group_id, ""),
                c.starts_at, c.ends_at, split_codes(c.forces), split_codes(c.volunteer_ids),
                c.outside_office_hours, n, ok,
            )
        )
    return out


def get_campaign(ctx: AppContext, campaign_id: str) -> CampaignInfo:
    with ctx.read() as s:
        found = _infos(s, [Campaign.id == campaign_id])
    if not found:
        raise OutreachError(_("Không tìm thấy đợt ra quân."))
    return found[0]


def list_campaigns(ctx: AppContext, limit: int | None = None) -> list[CampaignInfo]:
    with ctx.read() as s:
        rows = _infos(s, [])
    return rows[:limit] if limit else rows
