"""The audit trail: append (hash-chained), verify the chain, and query it for the viewer.

Every entry holds the SHA-256 of the previous entry of its chain and its own hash over
the canonical JSON of its content. Editing, removing or reordering a row through raw
SQL breaks the chain and `verify()` names the entries. Entries are synced records, so
they reach the server through the change log like any other record.

Details never hold personal data: field names, counts and kinds only (strings pass
through the log redaction as a last guard).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.core.i18n import N_, _
from desktop.logging_setup import redact
from desktop.services.context import AppContext
from desktop.store.base import new_id, utcnow
from desktop.store.changelog import CHANGE_LOG
from desktop.store.models.people import AuditEntry, AuditOrigin
from desktop.sync.payload_rules import canonical

GENESIS = "0" * 64
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

ACTIONS: dict[str, str] = {
    "sign_in": N_("Đăng nhập"),
    "sign_in_failed": N_("Đăng nhập sai"),
    "sign_out": N_("Đăng xuất"),
    "lock": N_("Khóa màn hình"),
    "reveal": N_("Xem số đầy đủ"),
    "export": N_("Xuất dữ liệu"),
    "create": N_("Tạo mới"),
    "edit": N_("Sửa"),
    "delete": N_("Xóa"),
    "sync": N_("Đồng bộ"),
    "backup": N_("Sao lưu"),
    "restore": N_("Khôi phục"),
    "data_subject_request": N_("Yêu cầu của chủ thể dữ liệu"),
    "consent": N_("Ghi nhận đồng ý"),
    "operator": N_("Quản lý người dùng"),
    "duplicate": N_("Xử lý cư dân trùng số CCCD"),
    "handoff": N_("Phiếu chuyển công an"),
    "ward_figures": N_("Số liệu chính thức của phường"),
    "cross_ward": N_("Cư dân đã đăng ký ở phường khác"),
}

HASHED_FIELDS = (
    "id", "origin", "seq", "occurred_at", "actor", "operator_id", "role",
    "action", "record_kind", "record_id", "detail_json", "prev_hash",
)


@dataclass(frozen=True)
class AuditRow:
    id: str
    origin: str
    seq: int
    occurred_at: datetime
    actor: str
    role: str
    action: str
    action_label: str
    record_kind: str
    record_id: str
    detail: dict


@dataclass(frozen=True)
class BrokenEntry:
    origin: str
    seq: int
    entry_id: str
    reason: str


def canonical_bytes(values: dict) -> bytes:
    return canonical(values).encode("utf-8")


def entry_hash(values: dict) -> str:
    return hashlib.sha256(canonical_bytes({k: values[k] for k in HASHED_FIELDS})).hexdigest()


def _clean_detail(detail: dict | None) -> str:
    def clean(value):
        if isinstance(value, str):
            return value if _UUID.fullmatch(value) else redact(value)
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {str(k): clean(v) for k, v in value.items()}
        if value is None or isinstance(value, (int, float, bool)):
            return value
        return redact(str(value))

    return canonical(clean(detail or {}))


def local_origin(session: Session) -> str:
    row = session.get(AuditOrigin, 1)
    if row is None:
        row = AuditOrigin(id=1, origin=new_id())
        session.add(row)
        session.flush()
    return row.origin


def append(session: Session, ctx: AppContext, action: str, record_kind: str = "", record_id: str = "",
           detail: dict | None = None) -> str:
    """Add one entry inside an open write session (same transaction as the change it audits)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    origin = local_origin(session)
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.origin == origin).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    operator = ctx.operator
    values = {
        "id": new_id(),
        "origin": origin,
        "seq": (last.seq + 1) if last else 1,
        "occurred_at": utcnow().isoformat(timespec="microseconds"),
        "actor": ctx.actor or "",
        "operator_id": getattr(operator, "id", "") or "",
        "role": str(getattr(operator, "role", "") or ""),
        "action": action,
        "record_kind": record_kind or "",
        "record_id": record_id or "",
        "detail_json": _clean_detail(detail),
        "prev_hash": last.hash if last else GENESIS,
    }
    session.add(AuditEntry(**values, hash=entry_hash(values)))
    session.flush()
    return values["id"]


def record(ctx: AppContext, action: str, record_kind: str = "", record_id: str = "", detail: dict | None = None) -> str:
    """Append one entry in its own transaction (for events that change nothing else: reveal, export, sign-in)."""
    with ctx.write() as s:
        return append(s, ctx, action, record_kind, record_id, detail)


def verify(ctx: AppContext) -> list[BrokenEntry]:
    """Every entry whose content, order or link does not match its chain; [] when intact."""
    broken: list[BrokenEntry] = []
    with ctx.read() as s:
        rows = s.execute(select(*(getattr(AuditEntry, f) for f in HASHED_FIELDS), AuditEntry.hash)
                         .order_by(AuditEntry.origin, AuditEntry.seq)).all()
        logged = set(s.scalars(select(CHANGE_LOG.c.record_id).where(CHANGE_LOG.c.record_kind == "audit_entry")))
    present = set()
    prev: dict[str, tuple[int, str]] = {}
    for row in rows:
        values = dict(row._mapping)
        stored = values.pop("hash")
        present.add(values["id"])
        last_seq, last_hash = prev.get(values["origin"], (0, GENESIS))
        if values["seq"] != last_seq + 1:
            broken.append(BrokenEntry(values["origin"], values["seq"], values["id"],
                                      _("thiếu mục trước (số thứ tự {expected})").format(expected=last_seq + 1)))
        elif values["prev_hash"] != last_hash:
            broken.append(BrokenEntry(values["origin"], values["seq"], values["id"], _("không nối với mục trước")))
        if entry_hash(values) != stored:
            broken.append(BrokenEntry(values["origin"], values["seq"], values["id"], _("nội dung đã bị sửa")))
        prev[values["origin"]] = (values["seq"], stored)
    for missing in sorted(logged - present):
        broken.append(BrokenEntry("", 0, missing, _("mục đã bị xóa khỏi nhật ký")))
    return broken


def query(ctx: AppContext, **filters) -> list[AuditRow]:
    """The viewer's query (team lead and admin): see `query_unchecked` for the filters."""
    from desktop.core.permissions import Permission
    from desktop.services.people.operators import require

    require(ctx, Permission.VIEW_AUDIT)
    return query_unchecked(ctx, **filters)


def query_unchecked(ctx: AppContext, *, action: str | None = None, actor: str | None = None, record_kind: str | None = None,
          record_id: str | None = None, since: datetime | None = None, until: datetime | None = None,
          text: str | None = None, limit: int = 500) -> list[AuditRow]:
    """Newest first, filtered; `since`/`until` are aware datetimes (until exclusive)."""
    stmt = select(AuditEntry).order_by(AuditEntry.occurred_at.desc(), AuditEntry.seq.desc()).limit(limit)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if actor:
        stmt = stmt.where(AuditEntry.actor == actor)
    if record_kind:
        stmt = stmt.where(AuditEntry.record_kind == record_kind)
    if record_id:
        stmt = stmt.where(AuditEntry.record_id == record_id)
    if since:
        stmt = stmt.where(AuditEntry.occurred_at >= since.astimezone(timezone.utc).isoformat(timespec="microseconds"))
    if until:
        stmt = stmt.where(AuditEntry.occurred_at < until.astimezone(timezone.utc).isoformat(timespec="microseconds"))
    if text:
        like = f"%{text}%"
        stmt = stmt.where(or_(AuditEntry.actor.like(like), AuditEntry.detail_json.like(like), AuditEntry.record_id.like(like)))
    with ctx.read() as s:
        return [_row(e) for e in s.scalars(stmt)]


def actors(ctx: AppContext) -> list[str]:
    with ctx.read() as s:
        return [a for a in s.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)) if a]


def count(ctx: AppContext) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def action_label(action: str) -> str:
    return _(ACTIONS.get(action, action))


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(
        id=e.id, origin=e.origin, seq=e.seq, occurred_at=datetime.fromisoformat(e.occurred_at), actor=e.actor,
        role=e.role, action=e.action, action_label=action_label(e.action), record_kind=e.record_kind,
        record_id=e.record_id, detail=json.loads(e.detail_json or "{}"),
    )

