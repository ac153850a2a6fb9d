"""Validation of identity numbers, phones and dates as Vietnamese lists write them.

Pure functions: each returns the normalised value or raises `InvalidValue` with a
message for people; CCCD checks that only *may* be wrong come back as warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import phonenumbers
from phonenumbers import PhoneNumberType

from desktop.core.formatting import format_date
from desktop.core.i18n import _
from desktop.core.period import today_vn


class InvalidValue(ValueError):
    """A value that cannot be accepted; the message says why, in Vietnamese."""


# Province codes of the CCCD (the 63 pre-2025 provinces, 001-096 with gaps).
PROVINCE_CODES = frozenset(
    int(c)
    for c in (
        "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
        "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
        "083 084 086 087 089 091 092 093 094 095 096"
    ).split()
)
ABROAD_CODES = range(101, 296)  # country of birth for citizens born abroad

# Century/sex digit: (century start, sex)
CENTURY_SEX = {
    "0": (1900, "nam"), "1": (1900, "nu"),
    "2": (2000, "nam"), "3": (2000, "nu"),
    "4": (2100, "nam"), "5": (2100, "nu"),
    "6": (2200, "nam"), "7": (2200, "nu"),
    "8": (1800, "nam"), "9": (1800, "nu"),
}

_NON_DIGITS = re.compile(r"[\s.\-_/]")


@dataclass(frozen=True)
class CccdInfo:
    cccd: str
    place_code: int
    abroad: bool
    sex: str  # nam | nu
    birth_year: int


def digits_only(value: str | None) -> str:
    return _NON_DIGITS.sub("", str(value or "").strip())


def cccd_info(text: str) -> CccdInfo | None:
    """The structure of a 12-digit CCCD given as digits, or None if it breaks a rule (no check digit
    exists). The one copy of the rules: `parse_cccd` words the reason, the import's fast path calls
    this directly (no exception per row)."""
    if len(text) != 12 or not (text.isascii() and text.isdigit()):
        return None
    place = int(text[:3])
    abroad = place in ABROAD_CODES
    if place not in PROVINCE_CODES and not abroad:
        return None
    century, sex = CENTURY_SEX[text[3]]
    return CccdInfo(text, place, abroad, sex, century + int(text[4:6]))


def parse_cccd(value: str | None) -> CccdInfo:
    """Structure check of a 12-digit CCCD, with the reason when it fails."""
    text = digits_only(value)
    info = cccd_info(text)
    if info is not None:
        return info
    if not (text.isascii() and text.isdigit()) or len(text) != 12:
        raise InvalidValue(_("Số CCCD phải gồm đúng 12 chữ số."))
    raise InvalidValue(_("Mã tỉnh/quốc gia nơi sinh «{code}» trong số CCCD không có.").format(code=text[:3]))


def cccd_warnings(info: CccdInfo, sex: str | None, birth_year: int | None) -> list[tuple[str, str]]:
    """Disagreements between the CCCD and the entered sex / birth year: (field, message)."""
    out: list[tuple[str, str]] = []
    if sex in ("nam", "nu") and sex != info.sex:
        out.append(("sex", _("Số CCCD ghi giới tính {cccd_sex}, khác với giới tính đã nhập.").format(
            cccd_sex=_("Nam") if info.sex == "nam" else _("Nữ"))))
    if birth_year and birth_year != info.birth_year:
        out.append(("birth_year", _("Số CCCD ghi năm sinh {year}, khác với năm sinh đã nhập ({entered}).").format(
            year=info.birth_year, entered=birth_year)))
    return out


def is_cmnd(text: str) -> bool:
    """A 9-digit old identity card number given as digits."""
    return len(text) == 9 and text.isascii() and text.isdigit()


def parse_cmnd(value: str | None) -> str:
    text = digits_only(value)
    if not is_cmnd(text):
        raise InvalidValue(_("Số CMND phải gồm đúng 9 chữ số."))
    return text


# Mobile prefixes phonenumbers wrongly refuses (055 Reddi) or may lag on (087 Itelecom).
_EXTRA_MOBILE_PREFIXES = ("55", "87")


# phonenumbers' own pattern for Vietnamese mobiles, used directly on the common forms
# (parsing each number costs ~0.2 ms: too slow for 100,000-row imports).
_MOBILE_NATIONAL = re.compile(phonenumbers.PhoneMetadata.metadata_for_region("VN").mobile.national_number_pattern)
_COMMON_FORM = re.compile(r"^(?:\+?84)?0?(\d{9})$")
_SEPARATORS = re.compile(r"[\s.\-()]")


def parse_phone(value: str | None) -> str:
    """A Vietnamese mobile number as E.164 (+84...)."""
    raw = str(value or "").strip()
    if isinstance(value, float) and value.is_integer():
        raw = str(int(value))
    if not raw:
        raise InvalidValue(_("Chưa nhập số điện thoại."))
    text = _SEPARATORS.sub("", raw)
    if m := _COMMON_FORM.match(text):
        national = m.group(1)
        if national.startswith(_EXTRA_MOBILE_PREFIXES) or _MOBILE_NATIONAL.fullmatch(national):
            return "+84" + national
    if text.isdigit() and len(text) == 9 and text[0] in "35789":
        text = "0" + text  # the leading zero lost by a spreadsheet
    try:
        number = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException as exc:
        raise InvalidValue(_("Số điện thoại «{value}» không đúng dạng.").format(value=raw)) from exc
    national = str(number.national_number)
    if number.country_code == 84 and len(national) == 9 and national.startswith(_EXTRA_MOBILE_PREFIXES):
        return "+84" + national
    if number.country_code != 84:
        raise InvalidValue(_("Số điện thoại «{value}» không phải số di động Việt Nam.").format(value=raw))
    if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in (
        PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE
    ):
        raise InvalidValue(_("Số điện thoại «{value}» không phải số di động Việt Nam hợp lệ.").format(value=raw))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# -- dates ------------------------------------------------------------------------------
_EXCEL_EPOCH = date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(\d{4})$")
MIN_YEAR = 1900


def _check_year(year: int, raw: object) -> int:
    if not MIN_YEAR <= year <= today_vn().year:
        raise InvalidValue(_("Năm sinh «{value}» không hợp lý.").format(value=raw))
    return year


def _make_date(y: int, m: int, d: int, raw: object) -> date:
    try:
        value = date(y, m, d)
    except ValueError as exc:
        raise InvalidValue(_("Ngày «{value}» không có thật.").format(value=raw)) from exc
    if value > today_vn():
        raise InvalidValue(_("Ngày sinh «{value}» ở tương lai.").format(value=raw))
    _check_year(value.year, raw)
    return value


def excel_serial_to_date(serial: float) -> date:
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def parse_birth(value: object) -> tuple[date | None, int | None]:
    """A birth date or year as lists write it: (date or None, year or None).

    Accepts date/datetime objects, Excel serial numbers, dd/mm/yyyy, d/m/yy (also with
    '.' or '-'), yyyy-mm-dd and a year alone. Empty gives (None, None).
    """
    if value is None:
        return None, None
    if isinstance(value, datetime):
        d = _make_date(value.year, value.month, value.day, format_date(value))
        return d, d.year
    if isinstance(value, date):
        d = _make_date(value.year, value.month, value.day, format_date(value))
        return d, d.year
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and MIN_YEAR <= int(value) <= 2100:
            return None, _check_year(int(value), int(value))
        if 1 <= value < 2958466:
            d = excel_serial_to_date(value)
            d = _make_date(d.year, d.month, d.day, value)
            return d, d.year
        raise InvalidValue(_("Ngày sinh «{value}» không đọc được.").format(value=value))
    text = str(value).strip()
    if not text:
        return None, None
    if m := _YEAR.match(text):
        return None, _check_year(int(m.group(1)), text)
    if m := _DMY.match(text):
        d_, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        year = int(y)
        if len(y) == 2:
            pivot = today_vn().year % 100
            year = (2000 if year <= pivot else 1900) + year
        d = _make_date(year, mo, d_, text)
        return d, d.year
    if m := _ISO.match(text):
        d = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
        return d, d.year
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):  # an Excel serial that became text
        return parse_birth(float(text))
    raise InvalidValue(_("Ngày sinh «{value}» không đọc được (dùng dd/mm/yyyy hoặc năm sinh).").format(value=text))


