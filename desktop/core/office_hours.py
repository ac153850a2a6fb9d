"""Inside or outside office hours (Asia/Ho_Chi_Minh), derived from the one working calendar.

The directive asks for drives "inside and outside office hours, Saturdays and Sundays
included"; a campaign counts as outside office hours if any part of it is. Office hours are the
working calendar's working days (public holidays off, make-up Saturdays on) from the start of its
first period to the end of its last (the lunch break is still office time).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import lru_cache

from desktop.core.period import VN_TZ
from desktop.core.working_calendar import WorkingCalendar


@lru_cache(maxsize=1)
def office_calendar() -> WorkingCalendar:
    """The calendar office hours follow: the default working days and hours, Vietnam's holidays."""
    return WorkingCalendar(public_holidays="VN")


def _office_span(calendar: WorkingCalendar) -> tuple[time, time]:
    return calendar.periods[0][0], calendar.periods[-1][1]


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give an aware datetime")
    return moment.astimezone(VN_TZ)


def is_office_time(moment: datetime, calendar: WorkingCalendar | None = None) -> bool:
    """A working day of the calendar, between its first period's start and its last period's end."""
    calendar = calendar or office_calendar()
    local = _local(moment)
    start, end = _office_span(calendar)
    return calendar.is_working_day(local.date()) and start <= local.time() < end


def outside_office_hours(start: datetime, end: datetime | None = None,
                         calendar: WorkingCalendar | None = None) -> bool:
    """True if any moment of [start, end) falls in the evening, at night, at a weekend or on a holiday."""
    calendar = calendar or office_calendar()
    office_start, office_end = _office_span(calendar)
    start_l = _local(start)
    end_l = _local(end) if end is not None else start_l + timedelta(minutes=1)
    if end_l <= start_l:
        end_l = start_l + timedelta(minutes=1)
    day = start_l.date()
    while datetime.combine(day, time.min, VN_TZ) < end_l:
        day_start = datetime.combine(day, time.min, VN_TZ)
        lo, hi = max(start_l, day_start), min(end_l, day_start + timedelta(days=1))
        if lo < hi:
            if not calendar.is_working_day(day):
                return True
            if lo.time() < office_start or hi > datetime.combine(day, office_end, VN_TZ):
                return True
        day += timedelta(days=1)
    return False
