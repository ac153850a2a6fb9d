"""The one formatter: numbers, percentages, dates, times, phones, days overdue, missing figures;
and a scan of desktop/ for figures formatted by hand anywhere else."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from desktop.core import formatting as f

ROOT = Path(__file__).resolve().parents[2]


def test_numbers_group_thousands_with_a_dot():
    assert f.number(2001) == "2.001"
    assert f.number(1234567) == "1.234.567"
    assert f.number(0) == "0" and f.number(999) == "999"
    assert f.number(-4000) == "-4.000"
    assert f.number(None) == "Chưa có số liệu"


def test_percentages_have_a_decimal_comma_rounded_half_up():
    assert f.percent(36.9) == "36,9%"
    assert f.percent(6.25) == "6,3%"  # half up, not half to even
    assert f.percent(50.0) == "50%" and f.percent(100) == "100%"
    assert f.percent(33.333) == "33,3%"
    assert f.percent(None) == "Chưa có số liệu"
    assert f.decimal(1234.56) == "1.234,6" and f.decimal(3.45) == "3,5"


def test_dates_and_times_read_the_hanoi_way():
    assert f.format_date(date(2026, 9, 15)) == "15/09/2026"
    assert f.format_date("2026-09-15") == "15/09/2026"
    assert f.format_date(None) == "" and f.format_date(None, empty="—") == "—"
    utc = datetime(2026, 11, 28, 17, 30, tzinfo=timezone.utc)
    assert f.format_date(utc) == "29/11/2026"  # the Hanoi day
    assert f.format_time(utc) == "29/11/2026 00:30"
    assert f.format_time(utc, seconds=True) == "29/11/2026 00:30:00"
    assert f.format_time("2026-11-28T17:30:00+00:00") == "29/11/2026 00:30"
    assert f.clock(utc) == "00:30"


@pytest.mark.parametrize("given", ["+84912345678", "0912345678", "84912345678", "0912.345.678", "+84 912 345 678"])
def test_phones_full_and_masked_from_every_form(given):
    assert f.phone(given) == "0912 345 678"
    assert f.phone_masked(given) == "0912 *** 678"


def test_phone_edge_cases():
    assert f.phone_masked("") == "" and f.phone_masked(None) == ""
    assert f.phone("") == ""
    assert f.phone_masked("12345") == "*****"  # too short to show any of it


def test_days_overdue_in_words_never_negative():
    assert f.days_left(-78) == "Quá hạn 78 ngày"
    assert f.days_left(0) == "Hôm nay"
    assert f.days_left(12) == "12"
    assert "-" not in f.days_left(-1)


def test_file_sizes():
    assert f.file_size(900) == "900 byte"
    assert f.file_size(3 * (1 << 20) // 2) == "1,5 MB"
    assert f.file_size(240 * (1 << 20)) == "240 MB"


# Hand formatting that the formatter replaces: thousands by f"{n:,}", percentages by "{:.1f}%",
# dates by strftime("%d/%m..."), phones masked by hand.
HAND_FORMATTING = [
    (re.compile(r":,\}|:,\.\d+f\}"), "thousands grouped by hand"),
    (re.compile(r"\.\d?f\}%|\{:\.\d?f\}%"), "a percentage formatted by hand"),
    (re.compile(r"""strftime\(\s*["']%d/%m"""), "a date formatted by hand"),
    (re.compile(r"""["']\+84 \{|\*\*\* \{"""), "a phone masked by hand"),
    (re.compile(r"""\.replace\("\.", ","\)"""), "a decimal comma by hand"),
]


def test_no_figure_is_formatted_by_hand_outside_the_formatter():
    found = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if path.name == "formatting.py" and path.parent.name == "core":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, what in HAND_FORMATTING:
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {what}: {line.strip()}")
    assert not found, "use desktop/core/formatting.py:\n" + "\n".join(found)
