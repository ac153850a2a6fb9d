"""Working-hours calendar for complaint deadlines (Asia/Ho_Chi_Minh).

A working day is a weekday in `workdays` (0 = Monday) that is not a public holiday, or a
date in `extra_workdays` (make-up Saturdays). Each working day has the same opening
periods, e.g. 08:00-12:00 and 13:00-17:00 (8 working hours). Everything is configurable
and pure: no Qt, no SQL.

Public holidays come from the `holidays` package for any year (`public_holidays="VN"`: New
Year, the lunar Tết days, Hùng Kings, 30/4, 1/5, National Day, with the days off in lieu and
the make-up Saturdays it knows), so deadlines never stop at the end of a shipped list. The
data folder's overrides go on top: `holidays` adds days off (compensatory days decided each
year, local decisions), `extra_workdays` makes a day a working day whatever the list says.

`add_working_hours(start, h)` is the earliest moment at which `h` working hours have
passed since `start`: 8 hours from Monday 08:00 is Monday 17:00 (not Tuesday 08:00).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from desktop.core.i18n import _
from desktop.core.period import VN_TZ
_MAX_DAYS = 3660  # give up after ten years without a working day (misconfiguration)


def _parse_time(text: str) -> time:
    hh, mm = text.strip().split(":")
    return time(int(hh), int(mm))


@dataclass(frozen=True)
class WorkingCalendar:
    periods: tuple[tuple[time, time], ...] = ((time(8), time(12)), (time(13), time(17)))
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[date] = frozenset()
    extra_workdays: frozenset[date] = frozenset()
    tz: ZoneInfo = field(default=VN_TZ)
    public_holidays: str | None = None  # a country code ("VN"): its public holidays from the holidays package

    def __post_init__(self) -> None:
        last = None
        for start, end in self.periods:
            if end <= start or (last is not None and start < last):
                raise ValueError(_("Giờ làm việc không hợp lệ: các khoảng phải tăng dần và không chồng nhau."))
            last = end
        if not self.periods:
            raise ValueError(_("Giờ làm việc không hợp lệ: cần ít nhất một khoảng."))

    @classmethod
    def from_config(cls, config: dict | None) -> "WorkingCalendar":
        """From the `working_calendar` block of the complaint catalogue (missing keys: defaults)."""
        config = config or {}
        kwargs: dict = {}
        try:
            if "periods" in config:
                kwargs["periods"] = tuple((_parse_time(a), _parse_time(b)) for a, b in config["periods"])
            if "workdays" in config:
                kwargs["workdays"] = frozenset(int(d) for d in config["workdays"])
            if "holidays" in config:
                kwargs["holidays"] = frozenset(date.fromisoformat(d) for d in config["holidays"])
            if "extra_workdays" in config:
                kwargs["extra_workdays"] = frozenset(date.fromisoformat(d) for d in config["extra_workdays"])
            if "time_zone" in config:
                kwargs["tz"] = ZoneInfo(config["time_zone"])
            if "public_holidays" in config:
                country = config["public_holidays"]
                if country is not None and country != "VN":
                    raise ValueError(_("chỉ hỗ trợ ngày lễ của Việt Nam (\"VN\"), không phải «{code}»").format(code=country))
                kwargs["public_holidays"] = country
        except (ValueError, TypeError, KeyError) as exc:
            raise ValueError(_("Cấu hình lịch làm việc không hợp lệ: {error}").format(error=exc)) from exc
        return cls(**kwargs)

    # -- days -------------------------------------------------------------------------
    @property
    def hours_per_day(self) -> float:
        return sum(_seconds(a, b) for a, b in self.periods) / 3600

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_workdays:
            return True
        if d.weekday() not in self.workdays:
            return bool(self.public_holidays) and d in _make_up_days(self.public_holidays, d.year)
        if d in self.holidays:
            return False
        return not self.public_holidays or d not in _public_holidays(self.public_holidays, d.year)

    def public_holiday_name(self, d: date) -> str | None:
        """The name of the public holiday on `d` (from the holidays package), or None."""
        if not self.public_holidays:
            return None
        return _holiday_names(self.public_holidays, d.year).get(d)

    def _intervals(self, d: date) -> list[tuple[datetime, datetime]]:
        if not self.is_working_day(d):
            return []
        return [(datetime.combine(d, a, self.tz), datetime.combine(d, b, self.tz)) for a, b in self.periods]

    def _local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("naive datetime: use an aware datetime")
        return moment.astimezone(self.tz)

    # -- arithmetic -------------------------------------------------------------------
    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The earliest moment when `hours` working hours have passed since `start`."""
        if hours < 0:
            raise ValueError("hours must not be negative")
        current = self._local(start)
        remaining = timedelta(hours=hours)
        if remaining == timedelta(0):
            return current
        day = current.date()
        for _i in range(_MAX_DAYS):
            for begin, end in self._intervals(day):
                if end <= current:
                    continue
                begin = max(begin, current)
                available = end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
            day += timedelta(days=1)
        raise ValueError(_("Lịch làm việc không có ngày làm việc nào: kiểm tra cấu hình."))

    def working_hours_between(self, start: datetime, end: datetime) -> float:
        """Working hours elapsed from `start` to `end` (negative if `end` is earlier)."""
        a, b = self._local(start), self._local(end)
        if b < a:
            return -self.working_hours_between(end, start)
        total = timedelta(0)
        day = a.date()
        while day <= b.date():
            for begin, finish in self._intervals(day):
                lo, hi = max(begin, a), min(finish, b)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total.total_seconds() / 3600


@lru_cache(maxsize=64)
def _year(country: str, year: int) -> tuple[dict[date, str], frozenset[date]]:
    """(public holidays by date, make-up working weekend days) of one year."""
    from holidays.countries.vietnam import Vietnam  # imported by name: the bundle sees it (no registry lookup)

    calendar = Vietnam(years=year)
    return dict(calendar.items()), frozenset(d for d in calendar.weekend_workdays if d.year == year)


def _holiday_names(country: str, year: int) -> dict[date, str]:
    return _year(country, year)[0]


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(_year(country, year)[0])


def _make_up_days(country: str, year: int) -> frozenset[date]:
    """Weekend days that are working days in lieu of a bridged holiday (e.g. Saturday 22/08/2026)."""
    return _year(country, year)[1]


def _seconds(a: time, b: time) -> float:
    return (datetime.combine(date.min, b) - datetime.combine(date.min, a)).total_seconds()
