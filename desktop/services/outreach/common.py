"""Small helpers shared by the outreach services (errors, code lists, label lookups)."""

from __future__ import annotations

from desktop.core.i18n import _


class OutreachError(ValueError):
    """Refused outreach input; the message (Vietnamese) says what and which field."""


def join_codes(codes) -> str:
    return ",".join(c for c in codes if c)


def split_codes(text: str | None) -> list[str]:
    return [c for c in (text or "").split(",") if c]


def check_code(value: str, vocab: dict, field: str) -> str:
    if value not in vocab:
        raise OutreachError(_("Giá trị không hợp lệ ở trường «{field}»: {value}").format(field=field, value=value))
    return value


def required_text(value: str | None, field: str, max_len: int = 300) -> str:
    text = (value or "").strip()
    if not text:
        raise OutreachError(_("Chưa nhập «{field}».").format(field=field))
    if len(text) > max_len:
        raise OutreachError(_("«{field}» dài quá {n} ký tự.").format(field=field, n=max_len))
    return text
