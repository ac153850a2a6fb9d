"""Outside office hours: evenings, Saturdays, Sundays (Hanoi time)."""

from datetime import datetime, time, timezone

import pytest

from desktop.core.office_hours import is_office_time, outside_office_hours
from desktop.core.period import VN_TZ


def hn(y, m, d, h, mi=0):
    return datetime(y, m, d, h, mi, tzinfo=VN_TZ)


def test_weekday_daytime_is_inside():
    assert not outside_office_hours(hn(2026, 7, 8, 9), hn(2026, 7, 8, 11))  # Wednesday


def test_evening_is_outside():
    assert outside_office_hours(hn(2026, 7, 8, 18), hn(2026, 7, 8, 20))
    assert outside_office_hours(hn(2026, 7, 8, 15), hn(2026, 7, 8, 17, 30))  # runs past 17:00
    assert outside_office_hours(hn(2026, 7, 8, 7), hn(2026, 7, 8, 9))  # starts before 08:00


def test_weekend_is_outside():
    assert outside_office_hours(hn(2026, 7, 11, 9), hn(2026, 7, 11, 11))  # Saturday
    assert outside_office_hours(hn(2026, 7, 12, 9), hn(2026, 7, 12, 11))  # Sunday


def test_utc_times_are_read_in_hanoi():
    # 02:00 UTC is 09:00 in Hanoi (inside); 11:00 UTC is 18:00 (outside)
    assert not outside_office_hours(datetime(2026, 7, 8, 2, tzinfo=timezone.utc), datetime(2026, 7, 8, 4, tzinfo=timezone.utc))
    assert outside_office_hours(datetime(2026, 7, 8, 11, tzinfo=timezone.utc), datetime(2026, 7, 8, 12, tzinfo=timezone.utc))


def test_friday_into_saturday_is_outside():
    assert outside_office_hours(hn(2026, 7, 10, 16), hn(2026, 7, 11, 1))


def test_boundaries():
    assert is_office_time(hn(2026, 7, 8, 8))
    assert not is_office_time(hn(2026, 7, 8, 17))
    assert not outside_office_hours(hn(2026, 7, 8, 8), hn(2026, 7, 8, 17))


def test_naive_refused():
    with pytest.raises(ValueError):
        outside_office_hours(datetime(2026, 7, 8, 9))


def test_public_holidays_and_make_up_days_come_from_the_working_calendar():
    # Wednesday 02/09/2026 is National Day: a drive at 09:00 is outside office hours
    assert outside_office_hours(hn(2026, 9, 2, 9), hn(2026, 9, 2, 11))
    assert not is_office_time(hn(2026, 9, 2, 9))
    # Saturday 22/08/2026 is a make-up working day for the bridged holiday: 09:00 is office time
    assert is_office_time(hn(2026, 8, 22, 9))
    assert not outside_office_hours(hn(2026, 8, 22, 9), hn(2026, 8, 22, 11))


def test_a_team_calendar_with_other_hours_moves_office_hours_too():
    from desktop.core.working_calendar import WorkingCalendar
    late = WorkingCalendar(periods=((time(7, 30), time(11, 30)), (time(13, 30), time(17, 30))))
    assert is_office_time(hn(2026, 7, 8, 7, 45), late)
    assert not outside_office_hours(hn(2026, 7, 8, 17), hn(2026, 7, 8, 17, 20), late)
