"""Sync as plain data for the GUI and the CLI: run a sync, status, settings, conflicts, quarantine.

Who may sync: a sync a person starts (the "Đồng bộ ngay" button, `trigger="manual"`) needs
a signed-in operator whose role has SYNC. Unattended runs (the app's background timer,
`tocds-cli sync` from a scheduled task) have no operator: they are authorised by the
device's enrolment (a device token for this data folder in the keyring) and audited as
the system actor «tác vụ theo lịch».

Audit: a run that moved data (sent or received records or files, conflicts, refusals)
appends one "sync" audit entry with its counts, and pushes it in the same run, so a
clean sync leaves nothing waiting. An idle run writes nothing. The entry reaches the
other laptops with their next pull and is not counted there as data received.
"""

from __future__ import annotations

import json
import logging
import platform
import threading
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.folder_lock import SYNC_LOCK, FolderBusy, holding
from desktop.core.permissions import Permission, PermissionDenied
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.services.setup.ward_setup import ward_info
from desktop.store.base import utcnow
from desktop.store.changelog import pending_count
from desktop.store.models.sync import SyncConflict, SyncQuarantine, SyncState
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

SYSTEM_ACTOR = "tác vụ theo lịch"  # stored data (the audit's actor), not a translated label
TRIGGERS = ("manual", "background", "cli")


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
    if isinstance(exc, BadServerUrl) and not url.strip():
        return _("Chưa có địa chỉ máy chủ đồng bộ: nhập địa chỉ do quản trị cấp (ví dụ https://dongbo.hanoi.gov.vn), "
                 "hoặc dùng --server khi chạy tocds-cli sync.")
    if isinstance(exc, BadServerUrl):
        return _("Địa chỉ máy chủ không hợp lệ: {url}. Dùng https:// (http chỉ dùng cho chính máy này).").format(url=url)
    if isinstance(exc, ServerRefused):
        if exc.code == "bad_code":
            return _("Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.")
        if exc.code == "wrong_ward":
            return _("Máy chủ từ chối: thiết bị này thuộc phường/xã khác.")
        return _("Máy chủ từ chối yêu cầu ({status}).").format(status=exc.status)
    if isinstance(exc, TransportError) and str(exc).startswith("tls"):
        return _("Không xác minh được chứng chỉ bảo mật của máy chủ {url} ({detail}). Nếu cơ quan dùng chứng chỉ riêng, "
                 "hãy chọn tệp chứng chỉ CA trong Cài đặt; máy tính cũng tin các chứng chỉ gốc của Windows.").format(
            url=url, detail=str(exc))
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
    """Redeem an enrolment code. The code is kept (keyring) until the server's answer confirms it: an answer
    lost on the way is recovered by sending it again with this laptop's device key (the server gives this
    device a new token), by the next sync run or the sync page, which offers the code again."""
    ward = ward_info(ctx)
    if ward is None:
        raise SyncFailed(_("Chưa thiết lập phường/xã cho thư mục dữ liệu này."), "config")
    url = _url(server_url)
    code = code.strip()
    key = credentials.device_key(ctx.folder)
    credentials.keep_pending_code(ctx.folder, code)
    ctx.settings.set("sync_server_url", url)  # where the kept code goes again
    t = Transport(url, ca_bundle=ctx.settings.get("sync_ca_bundle"), proxy=ctx.settings.get("sync_proxy"))
    try:
        got = t.enroll(code, platform.node()[:120], key)
    except SyncError as exc:
        if isinstance(exc, TransportError) and str(exc) == "http 429":
            raise SyncFailed(_("Máy chủ tạm ngừng nhận mã đăng ký từ địa chỉ này vì đã có nhiều mã sai. Mã vẫn được "
                               "giữ trên máy này: hãy thử lại sau ít phút."), exc.kind) from exc
        if isinstance(exc, TransportError):
            raise SyncFailed(_("Chưa nhận được xác nhận đăng ký của máy chủ ({detail}). Mã đăng ký vẫn được giữ "
                               "trên máy này: bấm «Đồng bộ ngay» (hoặc chạy lại tocds-cli sync) để hoàn tất, "
                               "không cần xin mã mới.").format(detail=str(exc)), exc.kind) from exc
        credentials.forget_pending_code(ctx.folder)  # refused for good: not offered again
        raise SyncFailed(_message(exc, url), exc.kind) from exc
    finally:
        t.close()
    credentials.forget_pending_code(ctx.folder)
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


def _pending_code(ctx: AppContext) -> str | None:
    try:
        return credentials.pending_code(ctx.folder)
    except Exception:
        return None


def _url(server_url: str | None) -> str:
    try:
        return check_url(server_url or "")
    except BadServerUrl as exc:
        raise SyncFailed(_message(exc, server_url or ""), "config") from exc


def _authorise(ctx: AppContext, trigger: str):
    """The audit identity of this run; SyncFailed when a person's sync is refused by the role matrix."""
    if trigger not in TRIGGERS:
        raise ValueError(f"trigger must be one of {TRIGGERS}")
    if trigger != "manual":
        return ctx.acting_as(SYSTEM_ACTOR)  # unattended: authorised by the enrolment (no token, no sync)
    from desktop.services.people.operators import require

    try:
        require(ctx, Permission.SYNC)
    except PermissionDenied as exc:
        raise SyncFailed(str(exc), "permission") from exc
    return ctx


def _moved(report) -> bool:
    return bool(report.pushed or report.pulled or report.conflicts or report.rejected or report.set_aside
                or report.files or report.downloaded or report.resynced)


def _audit_run(ctx: AppContext, client: SyncClient, who, trigger: str) -> None:
    """One audit entry for a run that moved data, pushed at once so nothing is left waiting."""
    r = client.report
    detail = {"trigger": trigger, "pushed": r.pushed, "pulled": r.pulled, "conflicts": r.conflicts,
              "rejected": r.rejected, "set_aside": r.set_aside, "files_sent": r.files, "files_received": r.downloaded,
              "check_ok": r.check.get("ok") if r.check else None}
    with ctx.store.write(actor=who.actor) as s:
        audit.append(s, who, "sync", detail=detail)
    try:
        client.push_all(quiet=True)  # the entry itself (not counted as pushed)
    except SyncError as exc:  # it goes with the next run
        log.info("sync audit entry left for the next run: %s", exc.kind)
    with ctx.read() as s:
        r.pending = pending_count(s)


def sync_now(ctx: AppContext, server_url: str | None = None, enroll_code: str | None = None,
             *, timeout: tuple[float, float] | None = None, trigger: str = "manual", progress=None) -> dict:
    """One full sync. {"pushed", "pulled", "conflicts", "rejected", "pending", ...}; SyncFailed otherwise.
    `progress(stage, done, total)` is told how far sending ("push": changes) and receiving ("pull":
    records; total 0 when not known) have come.

    `trigger`: "manual" (a person pressed the button: needs the SYNC permission), "background"
    (the app's timer) or "cli" (a scheduled `tocds-cli sync`): unattended, authorised by enrolment.
    """
    who = _authorise(ctx, trigger)
    url = _url(server_url or ctx.settings.get("sync_server_url"))
    with sync_slot(ctx.folder.root, trigger):
        enroll_code = enroll_code or _pending_code(ctx)  # a code whose answer was lost: sent again
        if enroll_code:
            enroll(ctx, url, enroll_code)
        ward = ward_info(ctx)
        if ward is None:
            raise SyncFailed(_("Chưa thiết lập phường/xã cho thư mục dữ liệu này."), "config")
        token = credentials.load_token(ctx.folder)
        if not token:
            raise SyncFailed(_("Thiết bị chưa được đăng ký với máy chủ: nhập mã đăng ký do quản trị cấp."), "auth")
        kwargs: dict[str, Any] = {"token": token, "ca_bundle": ctx.settings.get("sync_ca_bundle"),
                                  "proxy": ctx.settings.get("sync_proxy")}
        if timeout:
            kwargs["timeout"] = timeout
        t = Transport(url, **kwargs)
        try:
            client = SyncClient(ctx, t, ward.ward_code, progress)
            with ctx.store.roomy_writer():  # the run's batches and the audit entry's, with a larger page cache
                report = client.run()
                if _moved(report):
                    _audit_run(ctx, client, who, trigger)
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


@contextmanager
def sync_slot(root, trigger: str = "manual"):
    """Only one sync of a data folder at a time: in this process (the app's timer and its button) and
    across processes (a scheduled `tocds-cli sync` while the app is open), by the folder's sync lock."""
    if not _running.acquire(blocking=False):
        raise SyncFailed(_("Đang đồng bộ, vui lòng chờ."), "busy")
    try:
        program = "tocds-cli sync" if trigger == "cli" else "Tổ CĐS Desktop"
        with holding(Path(root) / SYNC_LOCK, program,
                     _("Đang có một lần đồng bộ khác trên thư mục dữ liệu này: {holder}. Lần đồng bộ này được bỏ qua; "
                       "hãy chờ lần kia xong.")):
            yield
    except FolderBusy as exc:
        raise SyncFailed(str(exc), "busy") from None
    finally:
        _running.release()


def sync_status(ctx: AppContext) -> dict:
    with ctx.read() as s:
        st = s.get(SyncState, 1)
        pending = pending_count(s)
        conflict_n = conflicts.unresolved_count(s)
        quarantined = s.scalar(select(func.count()).select_from(SyncQuarantine)) or 0
        duplicates = s.scalar(select(func.count()).select_from(SyncConflict).where(
            SyncConflict.conflict_kind == "duplicate", SyncConflict.resolved_at.is_(None))) or 0
    try:
        enrolled = bool(credentials.load_token(ctx.folder))
    except Exception:  # keyring trouble is reported by sync itself
        enrolled = False
    failures = st.failures if st else 0
    return {
        "pending_code": _pending_code(ctx) or "",
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
        "duplicates": duplicates,
        "last_check": json.loads(st.last_check_json) if st and st.last_check_json else None,
    }


def save_settings(ctx: AppContext, server_url: str, ca_bundle: str = "") -> dict:
    url = _url(server_url) if server_url.strip() else ""
    if ca_bundle.strip():
        if not Path(ca_bundle).expanduser().is_file():
            raise SyncFailed(_("Không tìm thấy tệp chứng chỉ CA: {path}").format(path=ca_bundle), "config")
    ctx.settings.set("sync_server_url", url)
    ctx.settings.set("sync_ca_bundle", ca_bundle.strip())
    return sync_status(ctx)


def _group_names(ctx: AppContext) -> dict[str, str]:
    from desktop.store.models import ResidentialGroup

    with ctx.read() as s:
        return dict(s.execute(select(ResidentialGroup.id, ResidentialGroup.name)).all())


def _local_payload(ctx: AppContext, kind: str, record_id: str) -> dict:
    from desktop.store.records import record_fields, record_kinds

    cls = record_kinds().get(kind)
    if cls is None:
        return {}
    with ctx.read() as s:
        obj = s.get(cls, record_id)
        return record_fields(obj) if obj is not None else {}


def list_conflicts(ctx: AppContext) -> list[dict]:
    """Conflicts waiting, each with its rows as people read them.

    Per conflicting field: `label` (Vietnamese), `mine_text` / `theirs_text` (vocabulary words,
    dd/mm/yyyy, CCCD and phones masked unless the operator may reveal them: then shown and the
    reveal audited) and `edit_value` (what the edit box starts with; empty for a masked value).
    """
    from desktop.services.sync import labels as sl
    from desktop.services.people.operators import can

    items = [asdict(c) for c in conflicts.list_conflicts(ctx)]
    if not items:
        return items
    names = _group_names(ctx)
    may_reveal = can(ctx, Permission.REVEAL)
    for c in items:
        kind = c["kind"]
        c["kind_label"] = sl.kind_label(kind)
        c["identity"] = sl.identity(kind, _local_payload(ctx, kind, c["record_id"]), c["record_id"])
        c["rows"], revealed = _side_by_side(kind, c["fields"], c["mine"], c["theirs"], may_reveal, names)
        if revealed and not _revealed_this_sign_in(ctx, kind, c["record_id"]):
            audit.record(ctx, "reveal", kind, c["record_id"], {"fields": revealed, "where": "sync_conflicts"})
    return items


def _side_by_side(kind: str, fields: list[str], mine: dict, theirs: dict, may_reveal: bool,
                  names: dict[str, str]) -> tuple[list[dict], list[str]]:
    """One row per field, this laptop's value beside the other's, as people read them; and the sensitive
    fields shown in full (to audit)."""
    from desktop.services.sync import labels as sl

    rows, revealed = [], []
    for f in fields:
        sensitive = sl.is_sensitive(kind, f)
        hidden = sensitive and not may_reveal
        if sensitive and may_reveal:
            revealed.append(f)
        value = mine.get(f)
        rows.append({
            "field": f, "label": sl.field_label(kind, f),
            "mine_text": sl.display_value(kind, f, value, reveal=not hidden, names=names),
            "theirs_text": sl.display_value(kind, f, theirs.get(f), reveal=not hidden, names=names),
            "edit_value": "" if hidden or value is None else str(value), "masked": hidden,
        })
    return rows, revealed


def _revealed_this_sign_in(ctx: AppContext, kind: str, record_id: str) -> bool:
    """This operator's reveal of this record is already in the audit trail since they signed in.

    The sync page lists conflicts again after every change anywhere in the app: one entry per
    sign-in and record, not one per refresh (each entry is also a change to sync)."""
    signed_in = audit.query_unchecked(ctx, action="sign_in", actor=ctx.actor, limit=1)
    since = signed_in[0].occurred_at if signed_in else None
    return bool(audit.query_unchecked(ctx, action="reveal", actor=ctx.actor, record_kind=kind,
                                      record_id=record_id, since=since, limit=1))


def resolve_conflict(ctx: AppContext, conflict_id: int, choice: str, edited: dict | None = None) -> dict:
    """Keep mine / take theirs / edit: a change to the record, so the operator needs REGISTER."""
    from desktop.services.people.operators import require

    require(ctx, Permission.REGISTER)
    return asdict(conflicts.resolve(ctx, conflict_id, choice, edited))


def list_duplicates(ctx: AppContext) -> list[dict]:
    """Residents pulled with the CCCD of a resident here, waiting for a person, as people read them.

    Each: `mine` / `theirs` (identity, masked CCCD), and `rows`, one per field that differs:
    `label`, `mine_text`, `theirs_text` (masked unless the operator may reveal them: then shown and
    the reveal audited)."""
    from desktop.services.people.operators import can
    from desktop.services.sync import labels as sl

    items = [asdict(d) for d in conflicts.list_duplicates(ctx)]
    if not items:
        return items
    names = _group_names(ctx)
    may_reveal = can(ctx, Permission.REVEAL)
    for d in items:
        kind = d["kind"]
        d["kind_label"] = sl.kind_label(kind)
        d["mine_identity"] = sl.identity(kind, d["mine"], d["mine_id"])
        d["theirs_identity"] = sl.identity(kind, d["theirs"], d["theirs_id"])
        d["key_label"] = sl.field_label(kind, d["key"])
        d["key_text"] = sl.display_value(kind, d["key"], d["mine"].get(d["key"]), reveal=may_reveal, names=names)
        d["rows"], revealed = _side_by_side(kind, d["fields"], d["mine"], d["theirs"], may_reveal, names)
        revealed = sorted({*revealed, d["key"]}) if may_reveal else []
        if revealed and not _revealed_this_sign_in(ctx, kind, d["theirs_id"]):
            audit.record(ctx, "reveal", kind, d["theirs_id"], {"fields": revealed, "where": "sync_duplicates"})
    return items


def resolve_duplicate(ctx: AppContext, conflict_id: int, choice: str, *, take_theirs: list[str] | tuple = (),
                      wrong: str = "", new_key: str | None = None) -> dict:
    """The same person (merge: `take_theirs` names the fields whose value comes from the other laptop) or two
    people (`wrong`: "mine" | "theirs" gets `new_key`, the corrected CCCD). A change to records: REGISTER.
    Audited (which records, which fields; never their values); the changes go with the next sync."""
    from desktop.services.people.operators import require

    require(ctx, Permission.REGISTER)
    with ctx.store.write(actor=ctx.actor, applying_remote=True) as s:
        done = conflicts.decide_duplicate(s, ctx.actor, conflict_id, choice, take_theirs=take_theirs, wrong=wrong,
                                          new_key=new_key)
        kind = "resident"
        audit.append(s, ctx, "duplicate", kind, done.get("kept") or done.get("corrected", ""), done)
    log.info("duplicate %s decided: %s", conflict_id, choice)
    return done


def quarantine(ctx: AppContext) -> list[dict]:
    """Records refused by the server (push) or not storable here (pull), newest first, readable."""
    from desktop.services.sync import labels as sl

    with ctx.read() as s:
        rows = [(q.id, q.direction, q.record_kind, q.record_id, q.reason, q.payload_json, q.created_at)
                for q in s.scalars(select(SyncQuarantine).order_by(SyncQuarantine.id.desc()).limit(200))]
    out = []
    for qid, direction, kind, record_id, reason, payload_json, created_at in rows:
        try:
            payload = json.loads(payload_json) if payload_json else {}
        except ValueError:
            payload = {}
        if not isinstance(payload, dict) or not payload:
            payload = _local_payload(ctx, kind, record_id)
        out.append({"id": qid, "direction": direction, "kind": kind, "record_id": record_id, "reason": reason,
                    "created_at": created_at.isoformat(), "kind_label": sl.kind_label(kind),
                    "identity": sl.identity(kind, payload, record_id), "reason_text": sl.reason_text(reason, direction, kind)})
    return out


def retry_quarantined(ctx: AppContext, quarantine_id: int) -> dict:
    """Try a refused record again after it was fixed. Pushed: its held-back changes go with the next sync.
    Pulled: stored now if it fits (its parent came, a duplicate was decided, the app was upgraded), else it
    stays with its new reason. {"kind", "record_id", "direction", "changes", "stored", "reason_text"}."""
    from desktop.services.people.operators import require
    from desktop.services.sync import labels as sl
    from desktop.store.changelog import ChangeLogEntry
    from desktop.store.records import record_kinds
    from desktop.sync.apply import retry_set_aside, unsynced_ids

    require(ctx, Permission.SYNC)
    stored, reason = True, ""
    with ctx.store.write(actor=ctx.actor, applying_remote=True) as s:
        q = s.get(SyncQuarantine, quarantine_id)
        if q is None:
            raise SyncFailed(_("Bản ghi này không còn trong danh sách bị từ chối."), "gone")
        kind, record_id, direction = q.record_kind, q.record_id, q.direction
        same = list(s.scalars(select(SyncQuarantine).where(SyncQuarantine.record_id == record_id,
                                                            SyncQuarantine.direction == direction)))
        changes = 0
        if direction == "push":
            for row in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_id == record_id,
                                                              ChangeLogEntry.state == "quarantined")):
                row.state, row.error = "pending", None
                changes += 1
            cls = record_kinds().get(kind)
            obj = s.get(cls, record_id) if cls is not None else None
            if obj is not None:
                obj.sync_state = "queued"
        elif q.version > 0:  # kept as received: tried again right here
            changes = retry_set_aside(s, unsynced_ids(s), record_id).applied
            still = s.get(SyncQuarantine, quarantine_id)
            stored = still is None
            reason = sl.reason_text(still.reason, "pull", kind) if still is not None else ""
            same = []
        else:  # set aside by an older version of the app, without its version: fetched again by the next check
            st = s.get(SyncState, 1)
            if st is not None:
                st.last_check_json = ""
            stored = False
        for row in same:
            s.delete(row)
    log.info("quarantined %s retried (%s, %d changes)", kind, direction, changes)
    return {"kind": kind, "record_id": record_id, "direction": direction, "changes": changes, "stored": stored,
            "reason_text": reason}
