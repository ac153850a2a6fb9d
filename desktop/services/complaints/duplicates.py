"""Duplicate suggestion while filing: open complaints of the same kind and category,
recorded in the last 30 days, at the same address or residential group, or within
250 m when both have coordinates."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING, status_label
from desktop.core.i18n import _
from desktop.core.text import fold
from desktop.services.context import AppContext
from desktop.store.base import utcnow
from desktop.store.models import Complaint, ResidentialGroup

WINDOW_DAYS = 30
RADIUS_M = 250.0
OPEN_FOR_DUPLICATES = AWAITING_ACCEPTANCE + AWAITING_HANDLING


@dataclass(frozen=True)
class DuplicateCandidate:
    id: str
    code: str
    title: str
    status: str
    status_label: str
    address_text: str
    group_name: str
    recorded_at: datetime | None
    distance_m: float | None
    reason: str


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def find_duplicates(ctx: AppContext, kind: str, category: str, *, address_text: str = "",
                    residential_group_id: str | None = None, latitude: float | None = None,
                    longitude: float | None = None, exclude_id: str | None = None,
                    now: datetime | None = None, limit: int = 10) -> list[DuplicateCandidate]:
    now = now or utcnow()
    address = fold(address_text)
    if not (kind and category) or not (address or residential_group_id or latitude is not None):
        return []
    q = (select(Complaint).where(Complaint.kind == kind, Complaint.category == category,
                                 Complaint.status.in_(OPEN_FOR_DUPLICATES), Complaint.deleted_at.is_(None),
                                 Complaint.recorded_at >= now - timedelta(days=WINDOW_DAYS))
         .order_by(Complaint.recorded_at.desc()))
    out: list[tuple[int, float, DuplicateCandidate]] = []
    with ctx.read() as s:
        groups = dict(s.execute(select(ResidentialGroup.id, ResidentialGroup.name)).all())
        for c in s.scalars(q):
            if c.id == exclude_id:
                continue
            dist = None
            if None not in (latitude, longitude, c.latitude, c.longitude):
                dist = distance_m(latitude, longitude, c.latitude, c.longitude)
            if dist is not None and dist <= RADIUS_M:
                rank, reason = 0, _("cách {m} m").format(m=round(dist))
            elif address and c.address_folded == address:
                rank, reason = 1, _("cùng địa chỉ")
            elif residential_group_id and c.residential_group_id == residential_group_id:
                rank, reason = 2, _("cùng tổ dân phố")
            else:
                continue
            out.append((rank, dist or 0.0, DuplicateCandidate(
                c.id, c.code, c.title, c.status, status_label(c.status), c.address_text,
                groups.get(c.residential_group_id, ""), c.recorded_at, dist, reason)))
    out.sort(key=lambda t: (t[0], t[1]))
    return [c for _r, _d, c in out[:limit]]
