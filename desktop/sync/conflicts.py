"""Conflicts a person resolves: keep mine, take theirs, or an edited value. The outcome syncs.

Resolving writes a new local change on top of the server's version (keep mine / edit),
or takes the server's copy (take theirs); the conflict row keeps who chose what and when.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.store.base import utcnow
from desktop.store.changelog import ChangeLogEntry, _dump
from desktop.store.models.sync import SyncConflict
from desktop.store.records import field_names, from_plain, record_fields, record_kinds

CHOICES = ("mine", "theirs", "edit")


class ConflictError(ValueError):
    """Refused resolution; the message is for people."""


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    kind: str
    record_id: str
    fields: list[str]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    theirs_deleted: bool
    created_at: str
    resolution: str
    resolved_by: str


def _info(c: SyncConflict) -> ConflictInfo:
    fields = json.loads(c.fields_json)
    mine, theirs = json.loads(c.local_payload_json), json.loads(c.remote_payload_json)
    return ConflictInfo(c.id, c.record_kind, c.record_id, fields, {f: mine.get(f) for f in fields},
                        {f: theirs.get(f) for f in fields}, c.remote_deleted, c.created_at.isoformat(),
                        c.resolution, c.resolved_by)


def list_conflicts(ctx, include_resolved: bool = False) -> list[ConflictInfo]:  # noqa: ANN001
    with ctx.read() as s:
        q = select(SyncConflict).order_by(SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.resolved_at.is_(None))
        return [_info(c) for c in s.scalars(q)]


def resolve(ctx, conflict_id: int, choice: str, edited: dict[str, Any] | None = None) -> ConflictInfo:  # noqa: ANN001
    if choice not in CHOICES:
        raise ConflictError(f"choice must be one of {CHOICES}")
    with ctx.store.write(actor=ctx.actor, applying_remote=True) as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            from desktop.core.i18n import _

            raise ConflictError(_("Xung đột này không còn chờ giải quyết."))
        cls = record_kinds()[c.record_kind]
        obj = s.get(cls, c.record_id)
        theirs = json.loads(c.remote_payload_json)
        fields = json.loads(c.fields_json)
        # Local changes not yet accepted by the server (the conflicted ones and any made since).
        rows = list(s.scalars(select(ChangeLogEntry).where(
            ChangeLogEntry.record_id == c.record_id, ChangeLogEntry.state.in_(("error", "pending")))))
        mine_fields: set[str] = set()
        for row in rows:
            mine_fields.update(row.fields)
        mine_values = record_fields(obj)
        names = set(field_names(cls))
        # Start from the server's copy, at the server's version.
        for name, value in theirs.items():
            if name in names:
                setattr(obj, name, from_plain(cls, name, value))
        obj.version = c.remote_version
        if c.remote_deleted and obj.deleted_at is None:
            obj.deleted_at = utcnow()
        if choice == "theirs":
            keep = {f: mine_values[f] for f in mine_fields - set(fields) if f in names}
        elif choice == "mine":
            keep = {f: mine_values[f] for f in mine_fields if f in names}
        else:
            keep = {f: mine_values[f] for f in mine_fields - set(fields) if f in names}
            for name, value in (edited or {}).items():
                if name not in names:
                    raise ConflictError(name)
                keep[name] = value
        for name, value in keep.items():
            setattr(obj, name, from_plain(cls, name, value))
        for row in rows:
            row.state, row.error = "sent", f"resolved: {choice}"
        if keep:
            obj.version = c.remote_version + 1
            obj.updated_at, obj.updated_by = utcnow(), ctx.actor
            obj.sync_state = "queued"
            s.add(ChangeLogEntry(
                record_kind=c.record_kind, record_id=c.record_id, op="update", base_version=c.remote_version,
                version=obj.version, fields_json=_dump(sorted(keep)), payload_json=_dump(record_fields(obj)),
                actor=ctx.actor))
        else:
            obj.sync_state = "synced"
        c.resolved_at, c.resolution, c.resolved_by = utcnow(), choice, ctx.actor
        c.resolved_payload_json = json.dumps(record_fields(obj), ensure_ascii=False)
        s.flush()
        return _info(c)


def unresolved_count(s) -> int:  # noqa: ANN001
    from sqlalchemy import func

    return s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))) or 0


__all__ = ["CHOICES", "ConflictError", "ConflictInfo", "list_conflicts", "resolve", "unresolved_count"]
