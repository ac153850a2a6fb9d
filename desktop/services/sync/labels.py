"""Records as people read them in the sync views: kind and field names in Vietnamese,
values in words (vocabularies, dd/mm/yyyy dates, yes/no), CCCD and phones masked,
a readable identity of a record, and server or local refusal reasons in Vietnamese.

Pure presentation over plain payloads (no Qt, no SQL): the sync service looks up what
it needs (group names) and passes it in.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.core.complaint_catalogue import CHANNELS, SEVERITIES
from desktop.core.complaint_lifecycle import STATUSES
from desktop.core.i18n import N_, _
from desktop.core.record_labels import FIELD_LABELS, KIND_LABELS, field_label, kind_label, problem_text  # noqa: F401
from desktop.core.vocab import ADOPTION_STAGES, RESIDENTIAL_GROUP_KINDS, SEXES, TARGET_GROUPS
from desktop.core import formatting
from desktop.core.formatting import format_date, format_time, phone_masked

VALUE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("resident", "sex"): SEXES,
    ("resident", "target_group"): TARGET_GROUPS,
    ("resident", "adoption_stage"): ADOPTION_STAGES,
    ("residential_group", "kind"): RESIDENTIAL_GROUP_KINDS,
    ("complaint", "status"): STATUSES,
    ("complaint", "severity"): SEVERITIES,
    ("complaint", "channel"): CHANNELS,
}

# Shown masked unless the operator may reveal them (police, team lead, admin).
SENSITIVE: dict[str, tuple[str, ...]] = {
    "resident": ("cccd", "cmnd", "phone"),
    "complaint": ("reporter_phone",),
    "volunteer": ("phone",),
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def is_sensitive(kind: str, field: str) -> bool:
    return field in SENSITIVE.get(kind, ())


def mask(kind: str, field: str, value: str) -> str:
    from desktop.services.residents.residents import mask_cccd

    return phone_masked(value) if "phone" in field else mask_cccd(value)


def display_value(kind: str, field: str, value: Any, *, reveal: bool = False, names: dict[str, str] | None = None) -> str:
    """One value as a person reads it; "(trống)" when empty."""
    if value is None or value == "":
        return _("(trống)")
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if is_sensitive(kind, field) and not reveal:
        return mask(kind, field, str(value))
    words = VALUE_LABELS.get((kind, field))
    if words and value in words:
        return _(words[value])
    if field.endswith("_id") and names and value in names:
        return names[value]
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:  # looks like a date, is not one ("2024-13-40" in a note)
            return value
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        return format_time(value)
    return str(value)


def identity(kind: str, payload: dict, record_id: str) -> str:
    """A readable name for a record (its name, code or title), or the kind and a short id."""
    p = payload or {}
    if kind in ("resident", "volunteer") and p.get("full_name"):
        return str(p["full_name"])
    if kind == "complaint" and (p.get("code") or p.get("title")):
        return " · ".join(str(v) for v in (p.get("code"), p.get("title")) if v)
    if kind == "attachment" and p.get("original_name"):
        return str(p["original_name"])
    if p.get("name"):
        return str(p["name"])
    if p.get("title"):
        return str(p["title"])
    return f"{kind_label(kind)} {record_id[:8]}"


_REASONS = {
    "record belongs to another ward": N_("Bản ghi thuộc phường/xã khác, máy chủ không nhận."),
    "payload has an invalid field name": N_("Dữ liệu gửi đi có tên trường không hợp lệ."),
    "fields not in payload": N_("Dữ liệu gửi đi thiếu trường đã sửa."),
    "payload too large": N_("Bản ghi quá lớn để gửi lên máy chủ."),
    "refers to a record of another ward": N_("Bản ghi trỏ tới một bản ghi của phường/xã khác, máy chủ không nhận."),
    "change id belongs to another record": N_("Mã thay đổi đã được dùng cho bản ghi khác, máy chủ không nhận."),
    "insert with a base version": N_("Số phiên bản của thay đổi không hợp lệ."),
    "version not after base version": N_("Số phiên bản của thay đổi không hợp lệ."),
    "conflict": N_("Máy chủ báo xung đột nhưng không gửi kèm bản của máy chủ."),
    "rejected": N_("Máy chủ từ chối bản ghi này."),
}


def reason_text(reason: str, direction: str, kind: str = "") -> str:
    """The refusal as a person reads it: what went wrong and where (server or this laptop)."""
    from desktop.sync.payload_rules import MISSING_REF, parse_reason

    reason = (reason or "").strip()
    if reason in _REASONS:
        return _(_REASONS[reason])
    problem = parse_reason(reason)
    if problem is not None:
        if problem.code == MISSING_REF:
            text = _("chưa có bản ghi mà «{field}» trỏ tới (tự thử lại ở mỗi lần đồng bộ).").format(
                field=field_label(kind, problem.field))
        else:
            text = problem_text(kind, problem.field, problem.code, problem.limit)
        if direction == "pull":
            return _("Không lưu được trên máy này: {reason}").format(reason=text)
        return _("Máy chủ từ chối: {reason}").format(reason=text)
    if reason.startswith("IntegrityError"):
        if "UNIQUE" in reason and "cccd" in reason:
            return _("Không lưu được trên máy này: số CCCD trùng với một cư dân khác đã có ở đây.")
        if "UNIQUE" in reason:
            return _("Không lưu được trên máy này: trùng với một bản ghi đã có ở đây.")
        if "FOREIGN KEY" in reason:
            return _("Không lưu được trên máy này: thiếu bản ghi liên quan (ví dụ tổ dân phố hoặc phản ánh gốc).")
        return _("Không lưu được trên máy này: dữ liệu không hợp lệ.")
    if direction == "pull":
        return _("Không lưu được trên máy này: {reason}").format(reason=reason)
    return _("Máy chủ từ chối: {reason}").format(reason=reason)


def result_lines(result: dict) -> list[str]:
    """A sync run's figures in plain words, so that "3.870 changes waiting" and "3.729 sent" add up:
    several edits of one record go as one record, some the server had already, some were refused
    or set aside. For the sync page and `tocds-cli sync`."""
    n = formatting.number
    lines = []
    sent, merged = result.get("pushed", 0), result.get("merged", 0)
    if sent or result.get("changes_sent"):
        line = _("Đã gửi {records} bản ghi lên máy chủ ({changes} thay đổi).").format(
            records=n(sent), changes=n(result.get("changes_sent", 0)))
        if merged:
            line += " " + _("{n} thay đổi là lần sửa tiếp theo của một bản ghi nên đi cùng bản ghi đó.").format(n=n(merged))
        if result.get("already_stored"):
            line += " " + _("{n} bản ghi máy chủ đã có từ lần gửi trước.").format(n=n(result["already_stored"]))
        lines.append(line)
    if result.get("rejected"):
        lines.append(_("{n} thay đổi bị máy chủ từ chối: được giữ lại trong «Bản ghi bị từ chối».").format(
            n=n(result["rejected"])))
    if result.get("conflicts"):
        lines.append(_("{n} xung đột chờ một người chọn giữ bản nào.").format(n=n(result["conflicts"])))
    lines.append(_("Đã nhận {n} bản ghi từ máy chủ.").format(n=n(result.get("pulled", 0))))
    if result.get("set_aside"):
        lines.append(_("{n} bản ghi nhận về được để riêng (trùng số CCCD, hoặc chưa có bản ghi liên quan) "
                       "chờ xử lý.").format(n=n(result["set_aside"])))
    pending = result.get("pending", 0)
    lines.append(_("Còn {n} thay đổi chờ gửi.").format(n=n(pending)) if pending
                 else _("Không còn thay đổi nào chờ gửi."))
    return lines


def progress_text(stage: str, done: int, total: int) -> str:
    """What the sync page shows while a run goes on."""
    if stage == "push":
        return _("Đang gửi: {done}/{total} thay đổi").format(done=formatting.number(done), total=formatting.number(total))
    if total:  # the server said how many would come
        return _("Đang nhận: {done}/{total} bản ghi").format(done=formatting.number(done), total=formatting.number(total))
    return _("Đang nhận: {n} bản ghi").format(n=formatting.number(done))
