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
from desktop.store.changelog import ChangeLogEntry
from desktop.sync.payload_rules import canonical
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


def list_conflicts(ctx, include_resolved: bool = False) -> list[ConflictInfo]:
    """Edit conflicts (the same field edited here and elsewhere); duplicates are `list_duplicates`."""
    with ctx.read() as s:
        q = select(SyncConflict).where(SyncConflict.conflict_kind == "edit").order_by(SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.resolved_at.is_(None))
        return [_info(c) for c in s.scalars(q)]


def resolve(ctx, conflict_id: int, choice: str, edited: dict[str, Any] | None = None) -> ConflictInfo:
    if choice not in CHOICES:
        raise ConflictError(f"choice must be one of {CHOICES}")
    with ctx.store.write(actor=ctx.actor, applying_remote=True) as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None or c.conflict_kind != "edit":
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
                version=obj.version, fields_json=canonical(sorted(keep)), payload_json=canonical(record_fields(obj)),
                actor=ctx.actor))
        else:
            obj.sync_state = "synced"
        c.resolved_at, c.resolution, c.resolved_by = utcnow(), choice, ctx.actor
        c.resolved_payload_json = json.dumps(record_fields(obj), ensure_ascii=False)
        s.flush()
        return _info(c)


def unresolved_count(s) -> int:
    from sqlalchemy import func

    return s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))) or 0


# -- duplicate persons -------------------------------------------------------------------
DUPLICATE_CHOICES = ("same_person", "different_people")
# Fields that go with another one when two records are merged (derived from it, or stamped with it).
FOLLOWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "resident": {"full_name": ("name_folded", "sort_key"),
                 "adoption_stage": ("aware_on", "installed_on", "account_on"),
                 "consent_given": ("consent_by", "consent_at", "consent_version")},
}


@dataclass(frozen=True)
class DuplicateInfo:
    """A pulled record (`theirs_id`) with the natural key (`key`, a CCCD) of one here (`mine_id`).
    `fields`: the fields a person chooses between (the others follow them, or are equal)."""

    id: int
    kind: str
    key: str
    mine_id: str
    theirs_id: str
    fields: list[str]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    created_at: str
    resolution: str
    resolved_by: str


def _followers(kind: str) -> set[str]:
    return {f for follow in FOLLOWERS.get(kind, {}).values() for f in follow}


def _duplicate_info(c: SyncConflict) -> DuplicateInfo:
    from desktop.sync.apply import NATURAL_KEYS

    mine, theirs = json.loads(c.local_payload_json), json.loads(c.remote_payload_json)
    shown = [f for f in json.loads(c.fields_json) if f not in _followers(c.record_kind)]
    return DuplicateInfo(c.id, c.record_kind, NATURAL_KEYS.get(c.record_kind, ""), c.local_record_id, c.record_id, shown,
                         mine, theirs, c.created_at.isoformat(), c.resolution, c.resolved_by)


def list_duplicates(ctx, include_resolved: bool = False) -> list[DuplicateInfo]:
    with ctx.read() as s:
        q = select(SyncConflict).where(SyncConflict.conflict_kind == "duplicate").order_by(SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.resolved_at.is_(None))
        return [_duplicate_info(c) for c in s.scalars(q)]


def _bring_in(s, cls, c: SyncConflict, *, deleted: bool, override: dict | None = None):
    """The pulled record stored here as the server has it (with `override` values set on top, logged by
    the caller), deleted when it is the one merged away."""
    from desktop.sync import protocol as p
    from desktop.sync.apply import _apply_one

    payload = dict(json.loads(c.remote_payload_json), **(override or {}))
    rr = p.RemoteRecord(kind=c.record_kind, record_id=c.record_id, version=c.remote_version, payload=payload,
                        deleted=deleted or c.remote_deleted, seq=0)
    _apply_one(s, cls, s.get(cls, c.record_id), rr)
    s.flush()
    return s.get(cls, c.record_id)


def decide_duplicate(s, actor: str, conflict_id: int, choice: str, *, take_theirs: list[str] | tuple = (),
                     wrong: str = "", new_key: str | None = None) -> dict:
    """A person's decision on a duplicate, in an open (applying_remote) write session; what was done.

    same_person: the two records become one. The one with the smaller id stays (both laptops would
    keep the same one); it takes the other's values for `take_theirs` (with the fields that follow
    them), the other is deleted and whatever pointed at it points at the one kept.
    different_people: the record `wrong` ("mine" | "theirs") gets `new_key` (a corrected CCCD, or
    none), and the pulled one is stored. Either way the changes sync; the other laptop's copy of the
    conflict closes itself when they arrive there."""
    from desktop.core import validation as v
    from desktop.core.i18n import _
    from desktop.sync import apply, local_changes

    if choice not in DUPLICATE_CHOICES:
        raise ConflictError(f"choice must be one of {DUPLICATE_CHOICES}")
    c = s.get(SyncConflict, conflict_id)
    if c is None or c.resolved_at is not None or c.conflict_kind != "duplicate":
        raise ConflictError(_("Xung đột này không còn chờ giải quyết."))
    kind = c.record_kind
    cls = record_kinds()[kind]
    key = apply.NATURAL_KEYS[kind]
    local = s.get(cls, c.local_record_id)
    if local is None or local.is_deleted:
        raise ConflictError(_("Bản ghi trên máy này đã bị xóa; hãy đồng bộ lại."))
    theirs = json.loads(c.remote_payload_json)
    names = field_names(cls)
    done: dict[str, Any] = {"decision": choice}
    if choice == "same_person":
        chosen = set(take_theirs) & set(names)
        for lead, follow in FOLLOWERS.get(kind, {}).items():
            if lead in chosen:
                chosen.update(follow)
        mine = record_fields(local)
        merged = {f: (theirs[f] if f in chosen and f in theirs else mine.get(f)) for f in names}
        if local.id < c.record_id:
            other = _bring_in(s, cls, c, deleted=True)
            local_changes.tombstone(s, other, actor)
            local_changes.edit(s, local, merged, actor)
            kept, removed = local, other
        else:
            local_changes.tombstone(s, local, actor)
            s.flush()  # the CCCD is free for the other one
            kept = _bring_in(s, cls, c, deleted=False)
            local_changes.edit(s, kept, merged, actor)
            removed = local
        apply.retry_set_aside(s, apply.unsynced_ids(s))  # what pointed at the pulled one can be stored now
        local_changes.repoint(s, kind, removed.id, kept.id, actor)
        done.update(kept=kept.id, removed=removed.id, fields_from_other=sorted(set(take_theirs) & set(names)))
        result = kept
    else:
        if wrong not in ("mine", "theirs"):
            raise ConflictError(_("Hãy chọn bản ghi có số CCCD nhập sai."))
        value = v.digits_only(new_key) or None
        if value:
            try:
                v.parse_cccd(value)
            except v.InvalidValue as exc:
                raise ConflictError(str(exc)) from exc
        target_id = local.id if wrong == "mine" else c.record_id
        clash = s.scalar(select(cls.id).where(getattr(cls, key) == value, cls.deleted_at.is_(None), cls.id != target_id)
                         .limit(1)) if value else None
        if clash is not None or (value and value == theirs.get(key) and wrong == "mine"):
            raise ConflictError(_("Số CCCD {cccd} đã là của một cư dân khác.").format(cccd=value))
        if wrong == "mine":
            local_changes.edit(s, local, {key: value}, actor)
            s.flush()
            result = _bring_in(s, cls, c, deleted=False)
        else:
            result = _bring_in(s, cls, c, deleted=False, override={key: value})
            local_changes.mark_edited(s, result, [key], actor)
        apply.retry_set_aside(s, apply.unsynced_ids(s))
        done.update(corrected=target_id, field=key)
    c.resolved_at, c.resolution, c.resolved_by = utcnow(), choice, actor
    c.resolved_payload_json = json.dumps(record_fields(result), ensure_ascii=False)
    s.flush()
    return done


__all__ = ["CHOICES", "DUPLICATE_CHOICES", "ConflictError", "ConflictInfo", "DuplicateInfo", "decide_duplicate",
           "list_conflicts", "list_duplicates", "resolve", "unresolved_count"]
