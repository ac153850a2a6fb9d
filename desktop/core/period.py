"""Reporting periods and date parsing (dates shown dd/mm/yyyy, Asia/Ho_Chi_Minh)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from desktop.core.i18n import _

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def parse_date(text: str) -> date:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("Ngày không hợp lệ: «{text}» (dùng dd/mm/yyyy)").format(text=text))


def today_vn() -> date:
    return datetime.now(VN_TZ).date()


@dataclass(frozen=True)
class Period:
    """Inclusive range of local (Hanoi) dates."""

    start: date
    end: date

    @classmethod
    def for_kind(cls, kind: str, start: date | None, end: date | None, today: date | None = None) -> "Period":
        today = today or today_vn()
        if start or end:
            return cls(start or end or today, end or today)
        if kind == "daily":
            return cls(today, today)
        if kind == "weekly":
            monday = today - timedelta(days=today.weekday())
            return cls(monday, monday + timedelta(days=6))
        return cls(date(today.year, 1, 1), today)

    @property
    def start_utc(self) -> datetime:
        return datetime.combine(self.start, time.min, VN_TZ)

    @property
    def end_utc(self) -> datetime:
        """Exclusive end: midnight after the last day, Hanoi time."""
        return datetime.combine(self.end + timedelta(days=1), time.min, VN_TZ)

    def as_of(self, today: date | None = None) -> date:
        """The day the period's figures stand at: its last day, or today while the period runs."""
        return min(self.end, today or today_vn())

    def as_of_moment(self, now: datetime | None = None) -> datetime:
        """The moment the period's figures stand at: the end of its last day (Hanoi), or now while it runs."""
        return min(self.end_utc, now or datetime.now(timezone.utc))

    def as_dict(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}
