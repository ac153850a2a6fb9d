"""The one way figures are written for people: every page, report (xlsx, PDF) and CLI line.

Vietnamese conventions: thousands grouped with "." (2.001), a decimal comma rounded half up
(36,9%), dates dd/mm/yyyy, times HH:MM in Hanoi time, phones "0912 345 678" (masked
"0912 *** 678"), days past a deadline in words ("Quá hạn 78 ngày", never "-78"), and
"Chưa có số liệu" where there is nothing to count. Pure Python: no Qt.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.core.i18n import _
from desktop.core.period import VN_TZ
from desktop.core.rounding import half_up
DATE = "%d/%m/%Y"
CLOCK = "%H:%M"


def no_data() -> str:
    """The one rendering of a figure there is nothing to compute from."""
    return _("Chưa có số liệu")


def number(n: int | float | str | None) -> str:
    """Vietnamese grouping: 12.345 (a float is rounded half up to a whole number)."""
    if n is None:
        return no_data()
    if isinstance(n, str):
        return n
    if isinstance(n, float):
        n = int(half_up(n, 0))
    sign = "-" if n < 0 else ""
    return sign + f"{abs(n):,}".replace(",", ".")


def decimal(x: float | int | None, places: int = 1) -> str:
    """Vietnamese decimal comma, rounded half up: 3,5; thousands grouped: 1.234,5."""
    if x is None:
        return no_data()
    if isinstance(x, str):
        return x
    text = f"{half_up(x, places):,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(p: float | int | None, places: int = 1) -> str:
    """A percentage 0-100 with a decimal comma, rounded half up: 45,5%; 6,25 -> 6,3%; 50,0 -> 50%."""
    if p is None:
        return no_data()
    if isinstance(p, str):
        return p
    text = decimal(p, places)
    if places and text.endswith("," + "0" * places):
        text = text[: -places - 1]
    return text + "%"


def format_date(d: date | datetime | str | None, empty: str = "") -> str:
    """dd/mm/yyyy from a date, a datetime (its Hanoi day) or ISO text; `empty` for none."""
    if not d:
        return empty
    if isinstance(d, str):
        try:
            d = datetime.fromisoformat(d) if "T" in d or " " in d.strip() else date.fromisoformat(d)
        except ValueError:
            return d
    if isinstance(d, datetime):
        d = d.astimezone(VN_TZ) if d.tzinfo else d
    return d.strftime(DATE)


def format_time(moment: datetime | str | None, seconds: bool = False, empty: str = "") -> str:
    """A moment as Hanoi people read it, dd/mm/yyyy HH:MM: an aware datetime or its ISO text (as
    stored, UTC) in Hanoi time, a naive one as it is; `empty` for none, text that is no time as given."""
    if not moment:
        return empty
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    local = moment.astimezone(VN_TZ) if moment.tzinfo else moment
    return local.strftime(f"{DATE} {CLOCK}" + (":%S" if seconds else ""))


def clock(moment: datetime | None) -> str:
    """HH:MM in Hanoi time."""
    if moment is None:
        return ""
    return (moment.astimezone(VN_TZ) if moment.tzinfo else moment).strftime(CLOCK)


def _local_digits(phone: str | None) -> str:
    """"+84912345678", "84912345678", "0912.345.678" -> "0912345678"; other text as its digits."""
    if not phone:
        return ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+84") or (digits.startswith("84") and len(digits) == 11):
        digits = "0" + digits[2:]
    return digits


def phone(phone_number: str | None) -> str:
    """The full number in the form people read out: "0912 345 678" (10 digits 4-3-3)."""
    local = _local_digits(phone_number)
    if len(local) == 10:
        return f"{local[:4]} {local[4:7]} {local[7:]}"
    if len(local) == 11:  # old 11-digit numbers and landlines with a 3-digit area code
        return f"{local[:4]} {local[4:7]} {local[7:]}"
    return local or (phone_number or "")


def phone_masked(phone_number: str | None) -> str:
    """The same number with the middle hidden: "0912 *** 678"; "" for none."""
    local = _local_digits(phone_number)
    if not local:
        return ""
    if len(local) < 7:
        return "*" * len(local)
    return f"{local[:4]} *** {local[-3:]}"


def days_left(days: int | None) -> str:
    """Days to a deadline for a "Còn (ngày)" cell: "5", "Hôm nay", "Quá hạn 78 ngày"."""
    if days is None:
        return no_data()
    if days < 0:
        return _("Quá hạn {n} ngày").format(n=number(-days))
    if days == 0:
        return _("Hôm nay")
    return number(days)


def file_size(n: int) -> str:
    """Bytes for people: 1,5 GB, 240 MB, 12 kB, 900 byte."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{decimal(value, 1 if value < 10 else 0).removesuffix(',0')} {unit}"
    return f"{number(n)} byte"
