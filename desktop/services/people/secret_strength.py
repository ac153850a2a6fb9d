"""How guessable an admin's PIN or password is: one rule for the setup wizard, the operators
page and `tocds-cli` (through `operators.check_role_secret`).

An admin can add operators, reveal and export everything, so their secret must not be one
of the first a stranger tries on a shared laptop: 123456, 000000, a run or repeat of digits,
or a birth date (DDMMYY, DDMMYYYY, YYYYMMDD). `weakness` says why, in Vietnamese, or "".
"""

from __future__ import annotations

from datetime import date

from desktop.core.i18n import _
from desktop.core.permissions import Role

STRONG_SECRET_ROLES = frozenset({Role.ADMIN.value})
MIN_DISTINCT_DIGITS = 3

# Passwords among the most used anywhere, and Vietnamese ones ("matkhau" = password).
COMMON_PASSWORDS = frozenset({
    "password", "password1", "password123", "passw0rd", "qwertyui", "qwerty123", "iloveyou", "abc12345",
    "abcd1234", "12345678a", "a12345678", "admin123", "admin1234", "administrator", "matkhau", "matkhau1",
    "matkhau123", "matkhau@123", "quantri", "quantri123", "anhyeuem", "emyeuanh", "tocds123", "ihanoi123",
    "hanoi123", "vietnam1", "vietnam123",
})


def weakness(secret: str, kind: str) -> str:
    """Why this PIN/password is too easy to guess, or "" when it is not (its length is checked elsewhere)."""
    secret = secret or ""
    if kind == "pin" or secret.isdigit():
        return _digits_weakness(secret, _("Mã PIN") if kind == "pin" else _("Mật khẩu"))
    folded = secret.lower()
    if folded in COMMON_PASSWORDS:
        return _("Mật khẩu này nằm trong danh sách mật khẩu hay dùng nhất, ai cũng thử đầu tiên. Hãy chọn mật khẩu khác.")
    if len(set(folded)) < MIN_DISTINCT_DIGITS:
        return _("Mật khẩu chỉ lặp lại một hai ký tự. Hãy chọn mật khẩu khác.")
    return ""


def _digits_weakness(digits: str, what: str) -> str:
    if len(set(digits)) < MIN_DISTINCT_DIGITS or _repeats_a_group(digits):
        return _("{what} lặp lại một chữ số hoặc một nhóm chữ số (như 000000, 121212, 123123), rất dễ đoán.").format(
            what=what)
    if _is_run(digits):
        return _("{what} là dãy số liên tiếp (như 123456, 654321), rất dễ đoán.").format(what=what)
    if _looks_like_date(digits):
        return _("{what} có dạng ngày tháng năm (như ngày sinh 150890 hoặc 15081990), người quen dễ đoán. "
                 "Hãy chọn dãy số khác.").format(what=what)
    return ""


def _repeats_a_group(digits: str) -> bool:
    n = len(digits)
    return any(n % size == 0 and digits == digits[:size] * (n // size) for size in range(1, n // 2 + 1))


def _is_run(digits: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in zip(digits, digits[1:])}
    return steps in ({1}, {9})


def _looks_like_date(digits: str) -> bool:
    if len(digits) == 6:  # DDMMYY, YYMMDD
        return _date(digits[:2], digits[2:4], "20" + digits[4:]) or _date(digits[4:], digits[2:4], "20" + digits[:2])
    if len(digits) == 8:  # DDMMYYYY, YYYYMMDD, MMDDYYYY
        return (_date(digits[:2], digits[2:4], digits[4:]) or _date(digits[6:], digits[4:6], digits[:4])
                or _date(digits[2:4], digits[:2], digits[4:]))
    return False


def _date(day: str, month: str, year: str) -> bool:
    if not 1900 <= int(year) <= 2099:
        return False
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True
