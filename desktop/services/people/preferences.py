"""The user-editable settings: read them as plain data, check them, save them all or none."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

from desktop.core.i18n import N_, _
from desktop.settings import Settings

IDLE_LOCK_RANGE = (0, 240)  # minutes; 0 = never lock
BACKUP_KEEP_RANGE = (1, 365)
FONT_SCALE_RANGE = (0.8, 2.0)
LANGUAGE_CHOICES = ("", "vi", "en")  # "" = from the environment (LANG)

FIELD_LABELS = {
    "language": N_("Ngôn ngữ"),
    "font_scale": N_("Cỡ chữ"),
    "high_contrast": N_("Tương phản cao"),
    "idle_lock_minutes": N_("Tự khóa sau (phút)"),
    "backup_keep": N_("Số bản sao lưu giữ lại"),
    "sync_server_url": N_("Địa chỉ máy chủ đồng bộ"),
    "sync_ca_bundle": N_("Tệp chứng chỉ CA"),
    "sync_proxy": N_("Máy chủ proxy"),
}


@dataclass(frozen=True)
class Preferences:
    language: str
    font_scale: float
    high_contrast: bool
    idle_lock_minutes: int
    backup_keep: int
    sync_server_url: str
    sync_ca_bundle: str
    sync_proxy: str = ""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str  # already translated, names the field


def load(settings: Settings) -> Preferences:
    return Preferences(**{name: settings.get(name) for name in Preferences.__dataclass_fields__})


def _err(field: str, text: str, **values: object) -> FieldError:
    label = _(FIELD_LABELS[field])
    return FieldError(field, _("{field}: {problem}").format(field=label, problem=text.format(**values)))


def validate(prefs: Preferences) -> list[FieldError]:
    """Every problem, each naming its field; an empty list means the values can be saved."""
    errors: list[FieldError] = []
    if prefs.language not in LANGUAGE_CHOICES:
        errors.append(_err("language", _("chỉ chọn Tiếng Việt hoặc English.")))
    lo, hi = FONT_SCALE_RANGE
    if not lo <= prefs.font_scale <= hi:
        errors.append(_err("font_scale", _("phải từ {lo}% đến {hi}%."), lo=int(lo * 100), hi=int(hi * 100)))
    lo, hi = IDLE_LOCK_RANGE
    if not lo <= prefs.idle_lock_minutes <= hi:
        errors.append(_err("idle_lock_minutes", _("phải từ {lo} đến {hi} phút (0 = không tự khóa)."), lo=lo, hi=hi))
    lo, hi = BACKUP_KEEP_RANGE
    if not lo <= prefs.backup_keep <= hi:
        errors.append(_err("backup_keep", _("phải từ {lo} đến {hi}."), lo=lo, hi=hi))
    url = prefs.sync_server_url.strip()
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in url:
            errors.append(_err("sync_server_url", _("«{url}» không phải địa chỉ hợp lệ; ví dụ https://dongbo.hanoi.gov.vn"), url=url))
    proxy = prefs.sync_proxy.strip()
    if proxy:
        parsed = urlparse(proxy)
        if parsed.scheme not in ("http", "https") or not parsed.hostname or " " in proxy:
            errors.append(_err("sync_proxy", _("«{url}» không phải địa chỉ proxy hợp lệ; ví dụ http://proxy.phuong.vn:8080 "
                                               "(để trống: dùng proxy của hệ thống)."), url=proxy))
    ca = prefs.sync_ca_bundle.strip()
    if ca:
        path = Path(ca).expanduser()
        if not path.is_file():
            errors.append(_err("sync_ca_bundle", _("không tìm thấy tệp {path}."), path=str(path)))
        else:
            try:
                head = path.read_bytes()[:4096]
            except OSError as exc:
                errors.append(_err("sync_ca_bundle", _("không đọc được tệp {path}: {reason}"), path=str(path), reason=exc.strerror or exc))
            else:
                if b"-----BEGIN CERTIFICATE-----" not in head:
                    errors.append(_err("sync_ca_bundle", _("tệp {path} không phải chứng chỉ PEM (thiếu dòng BEGIN CERTIFICATE)."), path=str(path)))
    return errors


def save(settings: Settings, prefs: Preferences) -> list[FieldError]:
    """Check first; store every value only when all are valid (nothing half-saved)."""
    prefs = Preferences(**{**asdict(prefs), "sync_server_url": prefs.sync_server_url.strip(),
                           "sync_ca_bundle": prefs.sync_ca_bundle.strip(), "sync_proxy": prefs.sync_proxy.strip()})
    errors = validate(prefs)
    if errors:
        return errors
    changed = {name: value for name, value in asdict(prefs).items() if settings.get(name) != value}
    if changed:
        settings.update(changed)
    return []
