"""The QR code on a chip CCCD (and the 2024 căn cước card), read as text.

A card's QR holds its data separated by `|`:

    CCCD|old CMND|full name|DDMMYYYY birth date|sex|permanent address|DDMMYYYY issue date

The old CMND may be empty and newer cards may add fields after the seventh. Some USB
scanners put a label before a field ("CCCD: 0010…") and end the text with a newline or a
tab. `parse_card_qr` accepts those variants and gives a `CardScan`, or raises
`NotCardQr` with a reason for people. A scan whose CCCD breaks the structure rules is
still a card: its `problems` say why and the volunteer decides.

Privacy: the raw text is personal data. Nothing here keeps it, and no message repeats it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from desktop.core.i18n import _
from desktop.core.period import today_vn
from desktop.core.text import fold
from desktop.core.validation import InvalidValue, cccd_warnings, parse_cccd

SEPARATOR = "|"
MIN_FIELDS = 6  # the issue date is missing on a few older codes
MAX_TEXT = 2000  # a card's QR text is ~150 characters; anything far longer is not a card

# Labels scanners (or their configuration tools) put before a field, folded.
_LABELS = {
    "cccd", "so cccd", "can cuoc", "so can cuoc", "so dinh danh", "cmnd", "so cmnd", "cmnd cu",
    "ho ten", "ho va ten", "ten", "ngay sinh", "gioi tinh", "dia chi", "noi thuong tru", "thuong tru",
    "ngay cap", "ngay cap cccd",
}
_LABEL = re.compile(r"^\s*([^\d|:]{1,24}):\s*")
_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_SPACES = re.compile(r"\s+")
_SEXES = {"nam": "nam", "nu": "nu", "male": "nam", "female": "nu", "m": "nam", "f": "nu"}


class NotCardQr(ValueError):
    """The text is not the QR of a CCCD; the message says why, in Vietnamese (never the text itself)."""


@dataclass(frozen=True)
class CardScan:
    """What the registration form keeps from a card (no raw text, no issue-date history)."""

    cccd: str
    old_id: str  # the old CMND (9 digits) or "" when the card has none
    full_name: str
    birth_date: date
    sex: str  # "nam" | "nu"
    address: str
    issued_on: date | None
    problems: tuple[str, ...] = field(default=())  # CCCD structure doubts the volunteer must confirm

    def __repr__(self) -> str:  # never print a card into a log or a crash report
        return f"CardScan(cccd=…{self.cccd[-3:]}, problems={len(self.problems)})"

    @property
    def birth_year(self) -> int:
        return self.birth_date.year


def looks_like_card_qr(text: str | None) -> bool:
    """Cheap test for input boxes: could this typed text be a card's QR (so not a search)?"""
    if not text or SEPARATOR not in text or len(text) > MAX_TEXT:
        return False
    first = _strip_label(text.strip().split(SEPARATOR, 1)[0])
    return len(first) == 12 and first.isdigit() and text.count(SEPARATOR) >= MIN_FIELDS - 1


def looks_like_other_qr(text: str | None) -> bool:
    """Text a scanner typed that is a QR but not a card's (web links, VietQR payment codes)."""
    t = (text or "").strip().lower()
    return "://" in t or t.startswith(("www.", "000201"))


def looks_scanned(text: str | None) -> bool:
    """A query that is a scan (a card's or another QR), so never to be searched as text."""
    return bool(text) and (looks_like_card_qr(text) or text.count(SEPARATOR) >= MIN_FIELDS - 1 or looks_like_other_qr(text))


def parse_card_qr(text: str | None) -> CardScan:
    """The card's data, checked; raises NotCardQr with the reason."""
    if not text or not text.strip():
        raise NotCardQr(_("Mã QR trống."))
    if len(text) > MAX_TEXT:
        raise NotCardQr(_("Mã QR quá dài để là mã trên thẻ CCCD."))
    raw = unicodedata.normalize("NFC", text).strip().strip("\r\n\t")
    if SEPARATOR not in raw:
        if raw.lower().startswith(("http://", "https://", "www.")):
            raise NotCardQr(_("Mã QR này là một đường dẫn web, không phải mã trên thẻ CCCD."))
        if raw.startswith("000201"):
            raise NotCardQr(_("Mã QR này là mã thanh toán (VietQR), không phải mã trên thẻ CCCD."))
        raise NotCardQr(_("Mã QR này không phải mã trên thẻ CCCD (không có các trường ngăn bởi «|»)."))
    fields = [_strip_label(f) for f in raw.split(SEPARATOR)]
    if len(fields) < MIN_FIELDS:
        raise NotCardQr(_("Mã QR có {n} trường, mã trên thẻ CCCD có ít nhất {min}.").format(n=len(fields), min=MIN_FIELDS))
    cccd_text, old_id, name, birth_text, sex_text, address = fields[:6]
    issued_text = fields[6] if len(fields) > 6 else ""
    if not (len(cccd_text) == 12 and cccd_text.isascii() and cccd_text.isdigit()):
        raise NotCardQr(_("Trường đầu của mã QR không phải số CCCD 12 chữ số."))
    if old_id and not (old_id.isascii() and old_id.isdigit() and len(old_id) in (9, 12)):
        raise NotCardQr(_("Số CMND cũ trong mã QR không đúng dạng (9 chữ số)."))
    name = _SPACES.sub(" ", name).strip()
    if not name or any(ch.isdigit() for ch in name):
        raise NotCardQr(_("Họ tên trong mã QR không đọc được."))
    birth = _card_date(birth_text, _("Ngày sinh"))
    if birth > today_vn():
        raise NotCardQr(_("Ngày sinh trong mã QR ở tương lai."))
    sex = _SEXES.get(fold(sex_text))
    if sex is None:
        raise NotCardQr(_("Giới tính trong mã QR không đọc được («Nam» hoặc «Nữ»)."))
    issued = _card_date(issued_text, _("Ngày cấp")) if issued_text else None
    if issued is not None and not birth <= issued <= today_vn():
        raise NotCardQr(_("Ngày cấp trong mã QR không hợp lý."))
    return CardScan(
        cccd=cccd_text,
        old_id=old_id if len(old_id) == 9 else "",
        full_name=name,
        birth_date=birth,
        sex=sex,
        address=_SPACES.sub(" ", address).strip(),
        issued_on=issued,
        problems=_cccd_problems(cccd_text, sex, birth.year),
    )


def _strip_label(value: str) -> str:
    value = value.strip()
    m = _LABEL.match(value)
    if m and fold(m.group(1)) in _LABELS:
        value = value[m.end():]
    return value.strip()


def _card_date(value: str, what: str) -> date:
    m = _DATE.match(value.strip())
    if not m:
        raise NotCardQr(_("{what} trong mã QR không đúng dạng ngày (ddmmyyyy).").format(what=what))
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        raise NotCardQr(_("{what} trong mã QR không phải ngày có thật.").format(what=what)) from None


def _cccd_problems(cccd: str, sex: str, birth_year: int) -> tuple[str, ...]:
    try:
        info = parse_cccd(cccd)
    except InvalidValue as exc:
        return (str(exc),)
    return tuple(message for _field, message in cccd_warnings(info, sex, birth_year))
