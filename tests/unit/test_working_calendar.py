"""Working-hours calendar: weekends, holidays, across days, exactly at the edges."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from desktop.core.working_calendar import VN_TZ, WorkingCalendar

CAL = WorkingCalendar(holidays=frozenset({date(2026, 9, 2), date(2026, 9, 1)}))


def vn(y, m, d, hh=0, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def test_default_day_is_eight_hours_with_lunch_break():
    assert CAL.hours_per_day == 8
    # Monday 23/11/2026 10:00 + 3 h: 2 h in the morning, lunch, 1 h after 13:00
    assert CAL.add_working_hours(vn(2026, 11, 23, 10), 3) == vn(2026, 11, 23, 14)


def test_exactly_at_opening_eight_hours_end_at_closing_same_day():
    assert CAL.add_working_hours(vn(2026, 11, 23, 8), 8) == vn(2026, 11, 23, 17)


def test_exactly_at_closing_continues_next_morning():
    assert CAL.add_working_hours(vn(2026, 11, 23, 17), 1) == vn(2026, 11, 24, 9)


def test_before_opening_and_during_lunch_start_at_next_period():
    assert CAL.add_working_hours(vn(2026, 11, 23, 6, 30), 1) == vn(2026, 11, 23, 9)
    assert CAL.add_working_hours(vn(2026, 11, 23, 12, 15), 0.5) == vn(2026, 11, 23, 13, 30)


def test_friday_afternoon_rolls_over_the_weekend():
    # Friday 27/11/2026 15:00 + 4 h: 2 h Friday, 2 h Monday 30/11
    assert CAL.add_working_hours(vn(2026, 11, 27, 15), 4) == vn(2026, 11, 30, 10)
    # recorded on Saturday: the clock starts Monday morning
    assert CAL.add_working_hours(vn(2026, 11, 28, 10), 8) == vn(2026, 11, 30, 17)


def test_public_holidays_are_skipped():
    # Monday 31/08/2026 16:00 + 2 h: 1 h Monday, then 1/9 and 2/9 are holidays -> Thursday 3/9 09:00
    assert CAL.add_working_hours(vn(2026, 8, 31, 16), 2) == vn(2026, 9, 3, 9)
    assert not CAL.is_working_day(date(2026, 9, 2))
    assert CAL.working_hours_between(vn(2026, 9, 1, 8), vn(2026, 9, 2, 17)) == 0


def test_make_up_saturday_counts_as_a_working_day():
    cal = WorkingCalendar(extra_workdays=frozenset({date(2026, 11, 28)}))
    assert cal.add_working_hours(vn(2026, 11, 27, 17), 1) == vn(2026, 11, 28, 9)


def test_elapsed_working_hours_across_days_and_weekend():
    assert CAL.working_hours_between(vn(2026, 11, 27, 15), vn(2026, 11, 30, 10)) == 4
    assert CAL.working_hours_between(vn(2026, 11, 23, 11), vn(2026, 11, 23, 14)) == 2
    assert CAL.working_hours_between(vn(2026, 11, 23, 17), vn(2026, 11, 24, 8)) == 0
    assert CAL.working_hours_between(vn(2026, 11, 30, 10), vn(2026, 11, 27, 15)) == -4


def test_add_then_elapsed_round_trip_and_zero():
    start = vn(2026, 11, 25, 11, 40)
    for hours in (0.25, 1, 7.5, 8, 13, 40):
        assert CAL.working_hours_between(start, CAL.add_working_hours(start, hours)) == pytest.approx(hours)
    assert CAL.add_working_hours(start, 0) == start


def test_utc_input_is_read_in_hanoi_time():
    # 01:00 UTC = 08:00 Hanoi
    assert CAL.add_working_hours(datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc), 1) == vn(2026, 11, 23, 9)


def test_configurable_hours_and_days_from_config():
    cal = WorkingCalendar.from_config({"periods": [["07:30", "11:30"]], "workdays": [0, 1, 2, 3, 4, 5],
                                       "holidays": ["2026-11-30"]})
    assert cal.hours_per_day == 4
    assert cal.periods == ((time(7, 30), time(11, 30)),)
    # Saturday works; Monday 30/11 is a holiday -> Friday 11:00 + 2 h = Saturday 09:00
    assert cal.add_working_hours(vn(2026, 11, 27, 11), 2) == vn(2026, 11, 28, 9)
    assert cal.add_working_hours(vn(2026, 11, 28, 11, 30), 1) == vn(2026, 12, 1, 8, 30)


def test_bad_configuration_is_refused_with_a_message():
    with pytest.raises(ValueError, match="Cấu hình lịch làm việc"):
        WorkingCalendar.from_config({"holidays": ["31/12/2026"]})
    with pytest.raises(ValueError, match="Giờ làm việc"):
        WorkingCalendar.from_config({"periods": [["13:00", "12:00"]]})
    with pytest.raises(ValueError):
        WorkingCalendar(workdays=frozenset()).add_working_hours(vn(2026, 1, 1), 1)


def test_naive_datetime_refused():
    with pytest.raises(ValueError):
        CAL.add_working_hours(datetime(2026, 11, 23, 8), 1)


# -- public holidays from the holidays package, with the data folder's overrides ------------------------
VN_CAL = WorkingCalendar(public_holidays="VN")


def test_tet_2027_is_not_counted_whatever_year_the_shipped_list_ended():
    """Lunar New Year 2027 falls on Saturday 06/02; the days off run Thursday 04/02 to Wednesday 10/02."""
    for day in (4, 5, 8, 9, 10):
        assert not VN_CAL.is_working_day(date(2027, 2, day)), day
    assert VN_CAL.is_working_day(date(2027, 2, 3)) and VN_CAL.is_working_day(date(2027, 2, 11))
    assert VN_CAL.public_holiday_name(date(2027, 2, 6)) == "Tết Nguyên Đán"
    # 8 working hours from Wednesday 03/02/2027 16:00: 1 h that day, then 7 h from Thursday 11/02
    assert VN_CAL.add_working_hours(vn(2027, 2, 3, 16), 8) == vn(2027, 2, 11, 16)


def test_any_year_and_the_make_up_saturday():
    assert not VN_CAL.is_working_day(date(2031, 9, 2))  # National Day, years after any list
    assert not VN_CAL.is_working_day(date(2026, 8, 31))  # a day off in lieu of Saturday 22/08/2026
    assert VN_CAL.is_working_day(date(2026, 8, 22))  # ... which is worked


def test_the_data_folder_overrides_sit_on_top():
    cal = WorkingCalendar.from_config({"public_holidays": "VN", "holidays": ["2027-02-03"], "extra_workdays": ["2027-02-10"]})
    assert not cal.is_working_day(date(2027, 2, 3))  # a compensatory day off decided locally
    assert cal.is_working_day(date(2027, 2, 10))  # a day the ward works although the list has it off
    with pytest.raises(ValueError, match="VN"):
        WorkingCalendar.from_config({"public_holidays": "XX"})
