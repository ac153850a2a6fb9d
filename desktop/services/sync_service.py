"""Sync as plain data for the GUI and the CLI: run a sync, status, settings, conflicts."""

from __future__ import annotations

import json
import logging
import platform
import threading
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.services.context import AppContext
from desktop.services.ward_setup import ward_info
from desktop.store.base import utcnow
from desktop.store.changelog import pending_count
from desktop.store.models.sync import SyncQuarantine, SyncState
from desktop.sync import conflicts, credentials
from desktop.sync.client import SyncClient
from desktop.sync.transport import (
    AuthError,
    BadServerUrl,
    ServerRefused,
    SyncError,
    Transport,
    TransportError,
    UpgradeRequired,
    backoff_delay,
    check_url,
)

log = logging.getLogger(__name__)
_running = threading.Lock()


class SyncFailed(Exception):
    """A sync that could not finish; `message` is for people, `kind` sorts it."""

    def __init__(self, message: str, kind: str = "error"):
        super().__init__(message)
        self.message, self.kind = message, kind


def _message(exc: SyncError, url: str) -> str:
    if isinstance(exc, UpgradeRequired):
        return _("Máy chủ không chấp nhận phiên bản này: cần cập nhật ứng dụng.")
    if isinstance(exc, AuthError):
        return _("Thiết bị chưa được đăng ký hoặc đã bị thu hồi: nhập mã đăng ký mới.")
    if isinstance(exc, BadServerUrl):
        return _("Địa chỉ máy chủ không hợp lệ: {url}. Dùng https:// (http chỉ dùng cho chính máy này).").format(url=url)
    if isinstance(exc, ServerRefused):
        if exc.code == "bad_code":
            return _("Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.")
        if exc.code == "wrong_ward":
            return _("Máy chủ từ chối: thiết bị này thuộc phường/xã khác.")
        return _("Máy chủ từ chối yêu cầu ({status}).").format(status=exc.status)
    if isinstance(exc, TransportError):
        return _("Không kết nối được máy chủ đồng bộ ({detail}). Sẽ tự thử lại sau.").format(detail=str(exc))
    return _("Đồng bộ thất bại: {detail}").format(detail=str(exc))


def _record_attempt(ctx: AppContext, url: str, error: str = "", ok: bool = False) -> None:
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        st = s.get(SyncState, 1) or SyncState(id=1)
        s.add(st)
        st.last_attempt_at = utcnow()
        if st.server_url and st.server_url != url:
            st.cursor = 0  # another server: its cursor means nothing here
        st.server_url = url
        st.last_error = error
        if ok:
            st.last_success_at, st.failures = st.last_attempt_at, 0
        elif error:
            st.failures = (st.failures or 0) + 1


def enroll(ctx: AppContext, server_url: str, code: str) -> dict:
    ward = ward_info(ctx)
    if ward is None:
        raise SyncFailed(_("Chưa thiết lập phường/xã cho thư mục dữ liệu này."), "config")
    url = _url(server_url)
    t = Transport(url, ca_bundle=ctx.settings.get("sync_ca_bundle"))
    try:
        got = t.enroll(code.strip(), platform.node()[:120])
    except SyncError as exc:
        raise SyncFailed(_message(exc, url), exc.kind) from exc
    finally:
        t.close()
    if got.ward_code != ward.ward_code:
        raise SyncFailed(_("Mã đăng ký thuộc phường/xã {code}, không phải phường/xã của thư mục dữ liệu này ({mine}).").format(
            code=got.ward_code, mine=ward.ward_code), "config")
    credentials.save_token(ctx.folder, got.token)
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        st = s.get(SyncState, 1) or SyncState(id=1)
        s.add(st)
        if st.server_url != url:
            st.cursor = 0
        st.server_url, st.device_id, st.ward_code = url, got.device_id, got.ward_code
    ctx.settings.set("sync_server_url", url)
    log.info("device enrolled")
    return {"device_id": got.device_id, "ward_code": got.ward_code}


def _url(server_url: str | None) -> str:
    try:
        return check_url(server_url or "")
    except BadServerUrl as exc:
        raise SyncFailed(_message(exc, server_url or ""), "config") from exc


def sync_now(ctx: AppContext, server_url: str | None = None, enroll_code: str | None = None,
             *, timeout: tuple[float, float] | None = None) -> dict:
    """One full sync. {"pushed", "pulled", "conflicts", "rejected", "pending", ...}; SyncFailed otherwise."""
    url = _url(server_url or ctx.settings.get("sync_server_url"))
    if not _running.acquire(blocking=False):
        raise SyncFailed(_("Đang đồng bộ, vui lòng chờ."), "busy")
    try:
        if enroll_code:
            enroll(ctx, url, enroll_code)
        ward = ward_info(ctx)
        if ward is None:
            raise SyncFailed(_("Chưa thiết lập phường/xã cho thư mục dữ liệu này."), "config")
        token = credentials.load_token(ctx.folder)
        if not token:
            raise SyncFailed(_("Thiết bị chưa được đăng ký với máy chủ: nhập mã đăng ký do quản trị cấp."), "auth")
        kwargs: dict[str, Any] = {"token": token, "ca_bundle": ctx.settings.get("sync_ca_bundle")}
        if timeout:
            kwargs["timeout"] = timeout
        t = Transport(url, **kwargs)
        try:
            report = SyncClient(ctx, t, ward.ward_code).run()
        except SyncError as exc:
            message = _message(exc, url)
            _record_attempt(ctx, url, message)
            log.warning("sync stopped: %s", exc.kind)
            raise SyncFailed(message, exc.kind) from exc
        finally:
            t.close()
        _record_attempt(ctx, url, ok=True)
        if url != ctx.settings.get("sync_server_url"):
            ctx.settings.set("sync_server_url", url)
        data = report.as_dict()
        log.info("sync done: pushed=%d pulled=%d conflicts=%d rejected=%d pending=%d",
                 data["pushed"], data["pulled"], data["conflicts"], data["rejected"], data["pending"])
        return data
    finally:
        _running.release()


def sync_status(ctx: AppContext) -> dict:
    with ctx.read() as s:
        st = s.get(SyncState, 1)
        pending = pending_count(s)
        conflict_n = conflicts.unresolved_count(s)
        quarantined = s.scalar(select(func.count()).select_from(SyncQuarantine)) or 0
    try:
        enrolled = bool(credentials.load_token(ctx.folder))
    except Exception:  # keyring trouble is reported by sync itself
        enrolled = False
    failures = st.failures if st else 0
    return {
        "server_url": ctx.settings.get("sync_server_url"),
        "ca_bundle": ctx.settings.get("sync_ca_bundle"),
        "enrolled": enrolled,
        "device_id": st.device_id if st else "",
        "last_success_at": st.last_success_at.isoformat() if st and st.last_success_at else None,
        "last_attempt_at": st.last_attempt_at.isoformat() if st and st.last_attempt_at else None,
        "last_error": st.last_error if st else "",
        "failures": failures,
        "retry_after_s": backoff_delay(failures) if failures else 0.0,
        "pending": pending,
        "conflicts": conflict_n,
        "quarantined": quarantined,
        "last_check": json.loads(st.last_check_json) if st and st.last_check_json else None,
    }


def save_settings(ctx: AppContext, server_url: str, ca_bundle: str = "") -> dict:
    url = _url(server_url) if server_url.strip() else ""
    if ca_bundle.strip():
        from pathlib import Path

        if not Path(ca_bundle).expanduser().is_file():
            raise SyncFailed(_("Không tìm thấy tệp chứng chỉ CA: {path}").format(path=ca_bundle), "config")
    ctx.settings.set("sync_server_url", url)
    ctx.settings.set("sync_ca_bundle", ca_bundle.strip())
    return sync_status(ctx)


def list_conflicts(ctx: AppContext) -> list[dict]:
    return [asdict(c) for c in conflicts.list_conflicts(ctx)]


def resolve_conflict(ctx: AppContext, conflict_id: int, choice: str, edited: dict | None = None) -> dict:
    return asdict(conflicts.resolve(ctx, conflict_id, choice, edited))


def quarantine(ctx: AppContext) -> list[dict]:
    with ctx.read() as s:
        rows = s.scalars(select(SyncQuarantine).order_by(SyncQuarantine.id.desc()).limit(200))
        return [{"id": q.id, "direction": q.direction, "kind": q.record_kind, "record_id": q.record_id,
                 "reason": q.reason, "created_at": q.created_at.isoformat()} for q in rows]
