"""Inside or outside office hours (Asia/Ho_Chi_Minh): evenings, Saturdays and Sundays are outside.

The directive asks for drives "inside and outside office hours, Saturdays and Sundays
included"; a campaign counts as outside office hours if any part of it is.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from desktop.core.period import VN_TZ

OFFICE_START = time(8, 0)
OFFICE_END = time(17, 0)


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give an aware datetime")
    return moment.astimezone(VN_TZ)


def is_office_time(moment: datetime) -> bool:
    """Monday-Friday, 08:00 (inclusive) to 17:00 (exclusive), Hanoi time."""
    local = _local(moment)
    return local.weekday() < 5 and OFFICE_START <= local.time() < OFFICE_END


def outside_office_hours(start: datetime, end: datetime | None = None) -> bool:
    """True if any moment of [start, end) falls in the evening, at night or at a weekend."""
    start_l = _local(start)
    end_l = _local(end) if end is not None else start_l + timedelta(minutes=1)
    if end_l <= start_l:
        end_l = start_l + timedelta(minutes=1)
    day = start_l.date()
    while datetime.combine(day, time.min, VN_TZ) < end_l:
        day_start = datetime.combine(day, time.min, VN_TZ)
        lo, hi = max(start_l, day_start), min(end_l, day_start + timedelta(days=1))
        if lo < hi:
            if day.weekday() >= 5:
                return True
            if lo.time() < OFFICE_START or hi > datetime.combine(day, OFFICE_END, VN_TZ):
                return True
        day += timedelta(days=1)
    return False
